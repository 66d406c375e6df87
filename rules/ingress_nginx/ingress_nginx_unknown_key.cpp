// NL6001 ingress-nginx-unknown-key: a key of an ingress-nginx controller's ConfigMap the
// controller does not read (knowledge/domain.md 2.3).
#include <fmt/format.h>

#include "rules/ingress_nginx/nginx_rule_support.h"
#include "rules/ingress_nginx/nginx_tables.h"
#include "analyzer/model/scalar_edit.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL6001",
    .name = "ingress-nginx-unknown-key",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "an ingress-nginx ConfigMap key the controller does not read (typo or removed)",
    .doc = R"md(## What it finds
A key in the ConfigMap an ingress-nginx controller of the view reads (its `--configmap`) that
the controller does not know: a typo (`proxy-read-timout`, with a did-you-mean), a key that was
removed (the OpenTracing, Zipkin, Jaeger and Datadog keys and `use-geoip` in v1.10.0, `plugins`
and the `global-rate-limit-*` keys in v1.12.0), or an Ingress annotation written as a ConfigMap key
(`rewrite-target`).

## Why is this bad?
The controller ignores keys it does not know without a word in its events: the setting you
meant never applies, and nothing tells you.

## How to fix
Correct the key (the message names the near miss), set annotations on the Ingresses instead,
or remove the keys of removed features.

## Known limitations
The list of keys is the one of controller v1.15. A key removed before v1.10.0 and not listed
as removed is reported as unknown even on an old controller that still reads it; a removed key
is reported only when the controller version is at or after its removal (an unknown version
counts as the newest release; an ambiguous one keeps removed keys silent). Only ConfigMaps
named by a controller's `--configmap` are checked; when variants of a controller disagree,
the ConfigMap of each variant is checked.
)md"};

class IngressNginxUnknownKey final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const std::optional<facts::Version> version = nginx::controller_version(view);
    std::vector<std::string> names;
    for (const nginx::KeySpec& k : nginx::config_map_keys()) names.emplace_back(k.name);
    for (const nginx::ControllerConfigMap& cm : nginx::controller_config_maps(controllers)) {
      out.checking(cm.config_map->meta.object_range);
      for (const model::ConfigMapEntry& e : cm.config_map->data) {
        const std::string& key = e.key.value;
        if (e.binary || nginx::find_key(key) != nullptr) continue;
        std::string message;
        std::string help;
        std::optional<diag::Fix> fix;
        const std::string prefix = cm.readers.front()->fact->annotations_prefix + "/";
        if (const nginx::Removed* removed = nginx::find_removed_key(key)) {
          const auto removed_in = facts::parse_version(removed->version);
          if (!version || !removed_in || *version < *removed_in) continue;
          message = fmt::format(
              "ConfigMap key \"{}\" was removed in ingress-nginx v{} ({}): the controller ({}) silently ignores it",
              key, removed->version, removed->what, nginx::describe_version(view));
          help = "remove the key; the feature is gone from the controller";
        } else if (nginx::find_annotation(key) != nullptr) {
          message = fmt::format(
              "\"{}\" is an Ingress annotation of ingress-nginx, not a ConfigMap key: the controller silently ignores "
              "it here",
              key);
          help = fmt::format("set the annotation {}{} on the Ingresses that need it", prefix, key);
        } else {
          const std::vector<std::string> near = diag::best_near_misses(key, names, nginx::key_confusions());
          message =
              fmt::format("ConfigMap key \"{}\" is not read by ingress-nginx: the setting is silently ignored{}", key,
                          near.empty() ? "" : fmt::format("; did you mean \"{}\"?", diag::join_alternatives(near)));
          help = near.empty() ? "check the key against the controller's ConfigMap documentation"
                              : fmt::format("rename the key to \"{}\"", near.front());
          if (!near.empty()) {
            fix = model::scalar_fix(view.model(), e.key, near.front(),
                                    near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                    fmt::format("rename the key to {}", near.front()));
          }
        }
        diag::Diagnostic& d = out.report(e.key.range, std::move(message));
        d.help = std::move(help);
        d.fix = std::move(fix);
        nginx::add_readers(cm, d.related);
        if (nginx::find_removed_key(key) != nullptr) nginx::add_version_evidence(view, d.related);
      }
    }
  }
};

}  // namespace

const engine::Rule* ingress_nginx_unknown_key() {
  static const IngressNginxUnknownKey rule;
  return &rule;
}

}  // namespace netlint::rules
