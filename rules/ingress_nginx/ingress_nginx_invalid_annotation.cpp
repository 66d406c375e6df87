// NL6004 ingress-nginx-invalid-annotation: an ingress-nginx annotation whose value does not
// parse for its type (knowledge/domain.md 2.4).
#include <fmt/format.h>

#include "rules/ingress_nginx/nginx_rule_support.h"
#include "rules/ingress_nginx/nginx_tables.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6004",
                               .name = "ingress-nginx-invalid-annotation",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "an ingress-nginx annotation whose value does not parse for its type",
                               .doc = R"md(## What it finds
An ingress-nginx annotation whose value does not parse as the controller parses it: timeouts
are integers of seconds without a unit (`proxy-read-timeout: "120s"` is invalid), other
integers go through `strconv.Atoi`, sizes match `^\d+[bkmg]?$` (case-insensitive), booleans
`strconv.ParseBool`, `proxy-next-upstream` takes nginx's conditions, `backend-protocol` one of
AUTO_HTTP, HTTP, HTTPS, AJP, GRPC, GRPCS, FCGI. The same Ingresses as NL6003 are checked.

## Why is this bad?
The controller drops the value and falls back to the ConfigMap value (or its default): a
`proxy-read-timeout: "120s"` leaves the Ingress at 60 seconds, and nothing on the Ingress says
so.

## How to fix
Write the value in the annotation's syntax; for timeouts, plain seconds: `"120"`.

## Known limitations
Free-text annotations (snippets, URLs, header lists, cookie settings) and string annotations
whose allowed values are not in netlint's table are not checked.
)md"};

class IngressNginxInvalidAnnotation final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    for (const nginx::NginxIngress& n : nginx::nginx_ingresses(view, controllers)) {
      out.checking(n.ingress->meta.object_range);
      for (const model::Label& annotation : n.ingress->meta.annotations) {
        const std::string_view name = nginx::annotation_name(annotation.key.value, n.prefix);
        const nginx::AnnotationSpec* spec = name.empty() ? nullptr : nginx::find_annotation(name);
        if (spec == nullptr) continue;
        const nginx::Parsed parsed = nginx::parse_annotation_value(*spec, annotation.value.value);
        if (parsed.ok) continue;
        diag::Diagnostic& d =
            out.report(annotation.value.range,
                       fmt::format("annotation {} \"{}\" is not {}: ingress-nginx ignores it and {}",
                                   annotation.key.value, annotation.value.value, parsed.expected, fallback(n, name)));
        d.help = fmt::format("write {}", parsed.expected);
      }
    }
  }

 private:
  // What applies instead: the effective ConfigMap value when one controller serves the Ingress.
  static std::string fallback(const nginx::NginxIngress& n, std::string_view name) {
    if (n.serving.controllers.size() == 1 && nginx::find_key(name) != nullptr) {
      const nginx::Controller& c = *n.serving.controllers.front();
      if (const auto e = nginx::effective_integer(name, c)) {
        if (e->source == nginx::Effective::kConfigMap)
          return fmt::format("uses {} from ConfigMap {}", e->value, c.fact->config_map);
        return fmt::format("uses the default {}", e->value);
      }
    }
    if (nginx::find_key(name) == nullptr) return "uses its default";
    return "falls back to the ConfigMap value or its default";
  }
};

}  // namespace

const engine::Rule* ingress_nginx_invalid_annotation() {
  static const IngressNginxInvalidAnnotation rule;
  return &rule;
}

}  // namespace netlint::rules
