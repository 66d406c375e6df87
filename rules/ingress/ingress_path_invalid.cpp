// NL3006 ingress-path-invalid: an Exact or Prefix path that ingress-nginx's strict path-type
// validation rejects (knowledge/domain-addendum.md section 6).
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/facts/version.h"
#include "analyzer/util/go_values.h"
#include "rules/ingress/ingress_classes.h"
#include "rules/ingress_nginx/nginx_controllers.h"
#include "rules/ingress_nginx/nginx_tables.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL3006",
                               .name = "ingress-path-invalid",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "an Exact or Prefix path that ingress-nginx's strict path validation rejects",
                               .doc = R"md(## What it finds
For an Ingress served by an ingress-nginx controller in the view that validates path types
strictly, a path of `pathType: Exact` or `Prefix` (or none) with characters the validation does
not allow: only letters, digits, `_`, `-` and `/` (and `.` from controller v1.13.2 and v1.14.0),
after a leading `/`. Regular expressions (`/api(/|$)(.*)`) are rejected even with
`nginx.ingress.kubernetes.io/use-regex: "true"`.

Strict validation is on when the controller's ConfigMap sets `strict-validate-path-type: "true"`,
or leaves it unset on controller v1.12.0 or later (the default flipped then; an unknown version
counts as the newest release).

## Why is this bad?
The controller's admission webhook refuses the Ingress (`ingress contains invalid paths: path
... cannot be used with pathType Prefix`): the apply fails. Without the webhook the Ingress is
accepted, but the path is not what the regex meant.

## How to fix
Use `pathType: ImplementationSpecific` for regular-expression paths (with `use-regex`), or
rewrite the path with the allowed characters.

## Known limitations
Silent when the strictness is unknown: no ingress-nginx controller of the Ingress's class in the
view, its ConfigMap is named but not in the view (or not named, for a controller configured in
`.netlint.yaml`), or variants of that ConfigMap disagree on the key.
)md"};

// Whether `path` passes ingress-nginx's check for Exact/Prefix paths.
bool allowed_path(std::string_view path, bool dots) {
  if (path.empty() || path.front() != '/') return false;
  return std::all_of(path.begin(), path.end(), [dots](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '/' || (dots && c == '.');
  });
}

struct Strictness {
  bool strict = false;
  bool dots = true;
  std::string why;
  SourceRange setting;  // the ConfigMap key, when it decides
};

class IngressPathInvalid final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    if (!view.facts().ingress_controllers.usable()) return;
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const std::vector<IngressClassInfo> classes = ingress_classes(view);
    for (const model::Ingress& ingress : view.model().ingresses) {
      const nginx::Serving serving = nginx::serving_of(ingress, classes, controllers);
      if (serving.controllers.empty()) continue;  // no controller of its class in view
      const std::optional<Strictness> strictness = strictness_for(view, *serving.controllers.back());
      if (!strictness || !strictness->strict) continue;
      out.checking(ingress.meta.object_range);
      for (const model::IngressRule& rule : ingress.rules) {
        for (const model::IngressPath& path : rule.paths) {
          const std::string& type = path.path_type.value;
          if (type == "ImplementationSpecific" || path.path.value.empty()) continue;
          if (allowed_path(path.path.value, strictness->dots)) continue;
          diag::Diagnostic& d = out.report(
              path.path.range,
              fmt::format(
                  "path \"{}\" with pathType {} is rejected by ingress-nginx's path validation ({}): the apply fails",
                  path.path.value, type.empty() ? "(none)" : type, strictness->why));
          d.help =
              "use pathType: ImplementationSpecific for a regular-expression path, or only letters, digits, _, - and /";
          if (strictness->setting.valid()) d.related.push_back({strictness->setting, "strict-validate-path-type"});
        }
      }
    }
  }

 private:
  // The strictness of an ingress-nginx controller; nullopt when unknown.
  static std::optional<Strictness> strictness_for(const engine::View& view, const nginx::Controller& controller) {
    const auto& version_fact = view.facts().ingress_nginx_version;
    const facts::Version version =
        version_fact.usable()
            ? facts::parse_version(view.facts().ingress_nginx_version.value).value_or(facts::Version{})
            : *facts::parse_version(facts::NewestVersions::ingress_nginx);
    Strictness s;
    s.dots = version_fact.state == facts::State::kAmbiguous || version >= facts::Version{1, 14, 0} ||
             (version.major == 1 && version.minor == 13 && version.patch >= 2);
    const nginx::Setting setting = nginx::setting(controller, "strict-validate-path-type");
    if (setting.state == nginx::Setting::kUnknown) return std::nullopt;  // the key may be set where we cannot see
    if (setting.state == nginx::Setting::kSet) {
      const model::ConfigMapEntry& e = *setting.entry;
      // strconv.ParseBool as the controller reads it; a value that does not parse keeps the default.
      if (const std::optional<bool> b = go_parse_bool(e.value.value)) {
        s.strict = *b;
        s.why = fmt::format("strict-validate-path-type is \"{}\" in ConfigMap {}", e.value.value,
                            controller.fact->config_map);
        s.setting = e.key.range;
        return s;
      }
    }
    if (version_fact.state == facts::State::kAmbiguous) return std::nullopt;  // the default depends on it
    s.strict = version >= facts::Version{1, 12, 0};
    s.why = fmt::format("strict-validate-path-type is on by default since controller v1.12.0, and the controller is {}",
                        nginx::describe_version(view));
    return s;
  }
};

}  // namespace

const engine::Rule* ingress_path_invalid() {
  static const IngressPathInvalid rule;
  return &rule;
}

}  // namespace netlint::rules
