// NL6003 ingress-nginx-unknown-annotation: an annotation under ingress-nginx's prefix that the
// controller does not read (knowledge/domain.md 2.4).
#include <fmt/format.h>

#include "rules/ingress_nginx/nginx_rule_support.h"
#include "rules/ingress_nginx/nginx_tables.h"
#include "analyzer/model/scalar_edit.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6003",
                               .name = "ingress-nginx-unknown-annotation",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "an nginx.ingress.kubernetes.io annotation that ingress-nginx does not read",
                               .doc = R"md(## What it finds
An annotation under ingress-nginx's prefix (`nginx.ingress.kubernetes.io/`, or the controller's
`--annotations-prefix`) that does not exist: a typo or a known confusion (`proxy-buffers` for
`proxy-buffers-number`, `proxy-connection-header` for `connection-proxy-header`), with a
did-you-mean; a ConfigMap-only setting written as an annotation (`keep-alive`,
`large-client-header-buffers`, `upstream-keepalive-timeout`: there is no per-Ingress form); or
a removed annotation (`enable-opentracing` in v1.10.0, `global-rate-limit*` in v1.12.0).

Checked on Ingresses served by an ingress-nginx controller of the view (by class), on
Ingresses whose IngressClass names `k8s.io/ingress-nginx`, and on Ingresses whose class the
view does not describe (no class, or a class with neither IngressClass nor controller in view):
the prefix itself says the annotation was written for ingress-nginx, and a name it does not
know is ignored wherever it runs. Ingresses whose IngressClass names another controller are
never checked.

## Why is this bad?
The controller ignores annotations it does not know: the setting never applies, without an
event or a warning on the Ingress.

## How to fix
Correct the name (the message names the near miss), or move a ConfigMap-only setting into the
controller's ConfigMap, where it applies to every Ingress.

## Known limitations
The list of annotations is the one of controller v1.15; an annotation added later, or removed
before v1.10.0 but still read by an older controller, is judged by that list. A removed
annotation is reported only when the controller version is at or after its removal (an
ambiguous version keeps it silent).
)md"};

class IngressNginxUnknownAnnotation final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const std::optional<facts::Version> version = nginx::controller_version(view);
    std::vector<std::string> names;
    for (const nginx::AnnotationSpec& a : nginx::annotations()) names.emplace_back(a.name);
    for (const nginx::NginxIngress& n : nginx::nginx_ingresses(view, controllers)) {
      out.checking(n.ingress->meta.object_range);
      for (const model::Label& annotation : n.ingress->meta.annotations) {
        const std::string_view name = nginx::annotation_name(annotation.key.value, n.prefix);
        if (name.empty() || nginx::find_annotation(name) != nullptr) continue;
        std::string message;
        std::string help;
        std::optional<diag::Fix> fix;
        const std::vector<std::string> near = diag::best_near_misses(name, names, nginx::annotation_confusions());
        const std::string did_you_mean =
            near.empty() ? "" : fmt::format("; did you mean \"{}{}\"?", n.prefix, diag::join_alternatives(near));
        if (const nginx::Removed* removed = nginx::find_removed_annotation(name)) {
          const auto removed_in = facts::parse_version(removed->version);
          if (!version || !removed_in || *version < *removed_in) continue;
          message = fmt::format(
              "annotation {} was removed in ingress-nginx v{} ({}): the controller ({}) silently ignores it",
              annotation.key.value, removed->version, removed->what, nginx::describe_version(view));
          help = "remove the annotation; the feature is gone from the controller";
        } else if (near.empty() && nginx::find_key(name) != nullptr) {
          message = fmt::format(
              "annotation {} does not exist: {} is a ConfigMap key of ingress-nginx with no per-Ingress annotation, so "
              "it is silently ignored",
              annotation.key.value, name);
          help =
              fmt::format("set {} in the controller's ConfigMap (it applies to every Ingress of the controller)", name);
        } else {
          message = fmt::format("annotation {} does not exist in ingress-nginx: it is silently ignored{}",
                                annotation.key.value, did_you_mean);
          help = near.empty() ? "check the name against ingress-nginx's annotation list"
                              : fmt::format("rename it to {}{}", n.prefix, near.front());
          if (!near.empty()) {
            const std::string renamed = fmt::format("{}{}", n.prefix, near.front());
            fix = model::scalar_fix(view.model(), annotation.key, renamed,
                                    near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                    fmt::format("rename the annotation to {}", renamed));
          }
        }
        diag::Diagnostic& d = out.report(annotation.key.range, std::move(message));
        d.help = std::move(help);
        d.fix = std::move(fix);
      }
    }
  }
};

}  // namespace

const engine::Rule* ingress_nginx_unknown_annotation() {
  static const IngressNginxUnknownAnnotation rule;
  return &rule;
}

}  // namespace netlint::rules
