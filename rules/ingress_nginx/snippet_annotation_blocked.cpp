// NL6011 snippet-annotation-blocked: a Critical-risk annotation that the serving ingress-nginx
// controller does not accept (knowledge/domain.md 2.2, 2.4).
#include <fmt/format.h>

#include "analyzer/util/ascii_case.h"
#include "analyzer/util/go_values.h"
#include "rules/ingress_nginx/nginx_rule_support.h"
#include "rules/ingress_nginx/nginx_tables.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6011",
                               .name = "snippet-annotation-blocked",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a snippet annotation the serving ingress-nginx controller does not accept",
                               .doc = R"md(## What it finds
A Critical-risk annotation (`configuration-snippet`, `server-snippet`, `auth-snippet`,
`stream-snippet`, `modsecurity-snippet`) on an Ingress served by an ingress-nginx controller of
the view whose ConfigMap does not allow it: `annotations-risk-level` below Critical (the default
is High since controller v1.12.0; before, Critical), or `allow-snippet-annotations` false (the
default since v1.9.0). The settings come from the controller's ConfigMap, else the defaults of
its version (an unknown version counts as the newest).

## Why is this bad?
The controller's admission webhook rejects the Ingress (`annotation group ... contains risky
annotation`, `Snippet directives are disabled by the Ingress administrator`); without the
webhook the controller drops the annotation, so the nginx configuration it carried never
applies.

## How to fix
Move the configuration into the controller's ConfigMap (`server-snippet`, `location-snippet`,
`http-snippet` there are not subject to the risk level), or, when every Ingress author is
trusted, set `allow-snippet-annotations: "true"` and `annotations-risk-level: Critical` in the
ConfigMap.

## Known limitations
Silent when the Ingress's controller is not in the view, when its ConfigMap is named but not
in the view (or not named, for a controller configured in `.netlint.yaml`), and when the
controller version is ambiguous and the ConfigMap leaves a setting at its default. When several
controllers serve the class, it reports only what all of them reject.
)md"};

enum class RiskLevel { kLow, kMedium, kHigh, kCritical };

RiskLevel parse_risk(std::string_view v) {  // StringRiskToRisk: case-insensitive, anything else is Low
  const std::string lower = ascii_lowercase(v);
  if (lower == "critical") return RiskLevel::kCritical;
  if (lower == "high") return RiskLevel::kHigh;
  if (lower == "medium") return RiskLevel::kMedium;
  return RiskLevel::kLow;
}

struct Verdict {
  bool known = false;
  std::vector<std::string> reasons;  // empty: accepted
  std::vector<diag::RelatedLocation> related;
};

class SnippetAnnotationBlocked final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const std::optional<facts::Version> version = nginx::controller_version(view);
    for (const nginx::NginxIngress& n : nginx::nginx_ingresses(view, controllers)) {
      if (n.serving.controllers.empty()) continue;
      out.checking(n.ingress->meta.object_range);
      for (const model::Label& annotation : n.ingress->meta.annotations) {
        const std::string_view name = nginx::annotation_name(annotation.key.value, n.prefix);
        const nginx::AnnotationSpec* spec = name.empty() ? nullptr : nginx::find_annotation(name);
        if (spec == nullptr || spec->risk != nginx::Risk::kCritical) continue;
        std::optional<Verdict> first;
        bool all_reject = true;
        for (const nginx::Controller* c : n.serving.controllers) {
          const Verdict v = verdict(view, *c, name, version);
          if (!v.known || v.reasons.empty()) {
            all_reject = false;
            break;
          }
          if (!first) first = v;
        }
        if (!all_reject || !first) continue;
        diag::Diagnostic& d =
            out.report(annotation.key.range, fmt::format("annotation {} is Critical risk and ingress-nginx does not "
                                                         "accept it: {}; the admission webhook rejects the Ingress, or "
                                                         "the controller drops the annotation",
                                                         annotation.key.value, fmt::join(first->reasons, ", and ")));
        d.help =
            "move the snippet into the controller's ConfigMap, or allow snippets there (allow-snippet-annotations: "
            "\"true\", annotations-risk-level: Critical)";
        d.related = std::move(first->related);
      }
    }
  }

 private:
  static Verdict verdict(const engine::View& view, const nginx::Controller& c, std::string_view name,
                         const std::optional<facts::Version>& version) {
    Verdict v;
    const std::string& cm = c.fact->config_map;
    // annotations-risk-level
    const nginx::Setting risk = nginx::setting(c, "annotations-risk-level");
    if (risk.state == nginx::Setting::kUnknown) return v;
    if (risk.state == nginx::Setting::kSet) {
      const RiskLevel level = parse_risk(risk.entry->value.value);
      if (level != RiskLevel::kCritical) {
        v.reasons.push_back(
            fmt::format("annotations-risk-level is \"{}\" in ConfigMap {}", risk.entry->value.value, cm));
        v.related.push_back({risk.entry->key.range, "annotations-risk-level"});
      }
    } else {
      if (!version) return v;
      if (*version >= facts::Version{1, 12, 0}) {
        v.reasons.push_back(
            fmt::format("annotations-risk-level defaults to High since controller v1.12.0, and the controller is {}",
                        nginx::describe_version(view)));
      }
    }
    // allow-snippet-annotations (read for every annotation whose name ends in -snippet)
    if (name.ends_with("-snippet")) {
      const nginx::Setting allow = nginx::setting(c, "allow-snippet-annotations");
      if (allow.state == nginx::Setting::kUnknown) return v;
      std::optional<bool> allowed;
      if (allow.state == nginx::Setting::kSet) {
        allowed =
            allow.entry->value.value.empty() ? std::optional<bool>(false) : go_parse_bool(allow.entry->value.value);
        if (allowed && !*allowed) {
          v.reasons.push_back(
              fmt::format("allow-snippet-annotations is \"{}\" in ConfigMap {}", allow.entry->value.value, cm));
          v.related.push_back({allow.entry->key.range, "allow-snippet-annotations"});
        }
      }
      if (!allowed) {  // unset, or a value that does not parse: the default applies
        if (!version) return v;
        if (*version >= facts::Version{1, 9, 0}) {
          v.reasons.push_back(fmt::format(
              "allow-snippet-annotations defaults to false since controller v1.9.0, and the controller is {}",
              nginx::describe_version(view)));
        }
      }
    }
    if (!v.reasons.empty() && c.fact->config_map_flag.valid() && v.related.empty()) {
      v.related.push_back({c.fact->config_map_flag, "the controller's ConfigMap, where the settings would go"});
    }
    v.known = true;
    return v;
  }
};

}  // namespace

const engine::Rule* snippet_annotation_blocked() {
  static const SnippetAnnotationBlocked rule;
  return &rule;
}

}  // namespace netlint::rules
