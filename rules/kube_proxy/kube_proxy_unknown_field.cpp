// NL5005 kube-proxy-unknown-field: a KubeProxyConfiguration field kube-proxy does not know.
#include <fmt/format.h>

#include <set>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/diag/did_you_mean.h"
#include "rules/kube_proxy/kube_proxy_config.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL5005",
                               .name = "kube-proxy-unknown-field",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "an unknown or removed field in the KubeProxyConfiguration",
                               .doc = R"md(## What it finds
A field of the KubeProxyConfiguration (the `kube-proxy` ConfigMap's `config.conf`, or a file)
that kube-proxy does not know: a typo (`masqueradeBIt`, `ipvs: {schedular: ...}`) or a field
that has been removed (`udpIdleTimeout`, gone with the userspace mode in 1.26). Did-you-mean
names the known field.

## Why is this bad?
kube-proxy decodes its configuration leniently: an unknown field is dropped without a word, and
the setting the author meant never takes effect (the IPVS scheduler stays round-robin, the
conntrack limit stays at its default).

## How to fix
Correct the field name, or remove a removed field.

## Known limitations
`featureGates` and `logging` are free-form here and not checked.
)md"};

// The range of `segment:` written before `before` in the file (the key of a map whose deeper
// setting is known); the deeper key when not found.
SourceRange locate_key(const model::Model& m, const model::Setting& s, std::string_view segment) {
  const std::string& text = m.file(s.key.file).text;
  std::size_t at = text.rfind(segment, s.key.begin);
  while (at != std::string::npos) {
    std::size_t end = at + segment.size();
    if (end < text.size() && (text[end] == '"' || text[end] == '\'')) ++end;
    if (end < text.size() && text[end] == ':') {
      return SourceRange{s.key.file, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + segment.size())};
    }
    if (at == 0) break;
    at = text.rfind(segment, at - 1);
  }
  return s.key;
}

class KubeProxyUnknownField final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::ConfigDocument* config : kube_proxy::configs(view)) {
      out.checking(config->anchor);
      std::set<std::string> reported;
      for (const model::Setting& s : config->settings.entries) {
        const auto unknown = kube_proxy::unknown_field(s.path);
        if (!unknown || !reported.insert(unknown->prefix).second) continue;
        const SourceRange anchor = unknown->last ? s.key : locate_key(view.model(), s, unknown->segment);
        std::string message;
        std::string help;
        std::optional<diag::Fix> fix;
        if (!unknown->removed.empty()) {
          message = fmt::format("KubeProxyConfiguration field {} is {}: kube-proxy ignores it", unknown->prefix,
                                unknown->removed);
          help = "remove the field";
        } else {
          const auto near = diag::best_near_misses(unknown->segment, unknown->siblings);
          message =
              fmt::format("KubeProxyConfiguration has no field {}{}: kube-proxy ignores it silently", unknown->prefix,
                          near.empty() ? "" : fmt::format("; did you mean {}?", diag::join_alternatives(near)));
          help = near.empty() ? "remove the field, or check the KubeProxyConfiguration reference"
                              : fmt::format("rename it to {}", near.front());
          if (!near.empty()) {
            fix = model::scalar_fix(view.model(), model::Text{std::string(unknown->segment), anchor}, near.front(),
                                    near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                    fmt::format("rename the field to {}", near.front()));
          }
        }
        diag::Diagnostic& d = out.report(anchor, std::move(message));
        d.help = std::move(help);
        d.fix = std::move(fix);
      }
    }
  }
};

}  // namespace

const engine::Rule* kube_proxy_unknown_field() {
  static const KubeProxyUnknownField rule;
  return &rule;
}

}  // namespace netlint::rules
