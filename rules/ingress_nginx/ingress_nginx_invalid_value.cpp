// NL6002 ingress-nginx-invalid-value: a value in an ingress-nginx controller's ConfigMap that
// does not parse for its key (knowledge/domain.md 2.1-2.2).
#include <fmt/format.h>

#include <algorithm>

#include "rules/ingress_nginx/nginx_rule_support.h"
#include "rules/ingress_nginx/nginx_tables.h"
#include "analyzer/model/scalar_edit.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6002",
                               .name = "ingress-nginx-invalid-value",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "an ingress-nginx ConfigMap value that does not parse for its key",
                               .doc = R"md(## What it finds
A value in the ConfigMap an ingress-nginx controller of the view reads that does not parse for
its key, judged as the controller parses it: integer keys go through Go's `strconv.ParseInt`
(`proxy-read-timeout: "120s"` is no integer: timeouts are seconds without a unit), booleans
through `strconv.ParseBool` (`true`, `false`, `1`, `0`, `t`, `f`, ...), `proxy-protocol-header-timeout`
is a Go duration, `http-redirect-code` one of 301, 302, 307, 308, `annotations-risk-level` one of
Critical, High, Medium, Low. Keys the controller copies into nginx.conf are checked as nginx
reads them: sizes (`proxy-body-size: 8k`), times (`worker-shutdown-timeout: 240s`),
`proxy-next-upstream` conditions, `on`/`off` switches, `error-log-level`.

## Why is this bad?
For a value the controller parses, it logs `unexpected error merging defaults` and keeps the
default for that key: `proxy-read-timeout: "120s"` leaves the timeout at 60 seconds, with no
event on any object (an unknown `annotations-risk-level` even counts as Low, rejecting every
annotation above it). A value nginx must parse makes the generated configuration fail nginx's
test: the controller keeps running the configuration it had and applies no change at all.

## How to fix
Write the value in the key's syntax; the message says which. Timeouts of integer keys are
plain seconds: `proxy-read-timeout: "120"`.

## Known limitations
Values the controller takes as free text (snippets, log formats, header names) are not checked.
An empty value of an nginx-syntax key is not reported. Only ConfigMaps named by a controller's
`--configmap` are checked.
)md"};

bool seconds_with_unit(std::string_view v) {
  if (v.size() < 2 || v.back() != 's') return false;
  v.remove_suffix(1);
  return std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class IngressNginxInvalidValue final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    for (const nginx::ControllerConfigMap& cm : nginx::controller_config_maps(controllers)) {
      out.checking(cm.config_map->meta.object_range);
      for (const model::ConfigMapEntry& e : cm.config_map->data) {
        const nginx::KeySpec* spec = e.binary ? nullptr : nginx::find_key(e.key.value);
        if (spec == nullptr) continue;
        const nginx::Parsed parsed = nginx::parse_key_value(*spec, e.value.value);
        if (parsed.ok) continue;
        std::string consequence;
        if (parsed.rejection == nginx::Rejection::kNginx) {
          consequence =
              "nginx rejects the generated configuration, so the controller applies no configuration change at all";
        } else if (spec->type == nginx::ValueType::kEnumeration && !spec->fallback.empty()) {
          consequence = fmt::format("ingress-nginx treats it as {}", spec->fallback);
        } else if (!spec->default_value.empty()) {
          consequence = fmt::format("ingress-nginx ignores it and keeps the default {}", spec->default_value);
        } else {
          consequence = "ingress-nginx ignores it and keeps the default";
        }
        std::string near;
        if (spec->type == nginx::ValueType::kEnumeration) {
          std::vector<std::string> values;
          for (std::size_t start = 0; start <= spec->values.size();) {
            const std::size_t bar = spec->values.find('|', start);
            values.emplace_back(
                spec->values.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
            if (bar == std::string_view::npos) break;
            start = bar + 1;
          }
          const auto best = diag::best_near_misses(e.value.value, values);
          if (!best.empty()) near = fmt::format("; did you mean \"{}\"?", diag::join_alternatives(best));
        }
        diag::Diagnostic& d = out.report(e.value.range, fmt::format("{} \"{}\" is not {}: {}{}", e.key.value,
                                                                    e.value.value, parsed.expected, consequence, near));
        if (spec->type == nginx::ValueType::kSeconds && seconds_with_unit(e.value.value)) {
          const std::string seconds = e.value.value.substr(0, e.value.value.size() - 1);
          d.help = fmt::format("write \"{}\": the controller adds the unit itself", seconds);
          d.fix = model::scalar_fix(view.model(), e.value, seconds, diag::Applicability::kSafe,
                                    fmt::format("write \"{}\"", seconds));
        } else {
          d.help = fmt::format("write {}", parsed.expected);
        }
        nginx::add_readers(cm, d.related);
      }
    }
  }
};

}  // namespace

const engine::Rule* ingress_nginx_invalid_value() {
  static const IngressNginxInvalidValue rule;
  return &rule;
}

}  // namespace netlint::rules
