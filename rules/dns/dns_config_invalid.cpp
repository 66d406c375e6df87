// NL4003 dns-config-invalid: a pod's `dnsConfig` that the API server rejects
// (knowledge/domain.md section 5, "API validation of dnsConfig").
#include <fmt/format.h>

#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr std::size_t kMaxNameservers = 3;
constexpr std::size_t kMaxSearches = 32;
constexpr std::size_t kMaxSearchLength = 253;

constexpr diag::RuleInfo kInfo{.code = "NL4003",
                               .name = "dns-config-invalid",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a pod's dnsConfig that the API server rejects",
                               .doc = R"md(## What it finds
A pod template whose `dnsPolicy`/`dnsConfig` the API server's validation rejects:

- `dnsPolicy: None` without at least one `dnsConfig.nameservers` entry;
- more than 3 `nameservers` or more than 32 `searches` in `dnsConfig`;
- a search domain longer than 253 characters;
- an `options` value that is not a string (`value: 2` instead of `value: "2"`): the API's
  `PodDNSConfigOption.value` is a string, and `kubectl` sends an unquoted `2` as a number.

## Why is this bad?
The object is refused at apply time (`spec.dnsConfig.nameservers: Required value`,
`json: cannot unmarshal number into Go struct field PodDNSConfigOption.value of type string`),
so the workload and everything that depends on it never starts. For a Deployment the
Deployment itself is rejected; nothing is rolled out.

## How to fix
Give `None` pods their nameservers (at least the cluster DNS address for Service names), keep
to 3 nameservers and 32 search domains, and quote option values:
`options: [{name: ndots, value: "2"}]`.

## Known limitations
Nameservers and search domains are not checked for being valid IP addresses and DNS-1123
subdomains, and the 2048-character limit of the joined search list is not checked.
)md"};

class DnsConfigInvalid final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::PodSource& pod : view.model().pod_sources) {
      if (pod.synthetic) continue;
      out.checking(pod.meta.object_range);
      const model::DnsConfig* config = pod.dns_config ? &*pod.dns_config : nullptr;
      if (pod.dns_policy.value == "None" && (config == nullptr || config->nameservers.empty())) {
        diag::Diagnostic& d =
            out.report(pod.dns_policy.range,
                       "dnsPolicy None without dnsConfig.nameservers: the API server requires at least one nameserver");
        d.help =
            "add dnsConfig.nameservers (the cluster DNS address to resolve Service names), or use dnsPolicy "
            "ClusterFirst";
      }
      if (config == nullptr) continue;
      if (config->nameservers.size() > kMaxNameservers) {
        diag::Diagnostic& d = out.report(config->nameservers[kMaxNameservers].range,
                                         fmt::format("dnsConfig lists {} nameservers: the API server allows at most {}",
                                                     config->nameservers.size(), kMaxNameservers));
        d.help = "keep at most 3 nameservers";
      }
      if (config->searches.size() > kMaxSearches) {
        diag::Diagnostic& d =
            out.report(config->searches[kMaxSearches].range,
                       fmt::format("dnsConfig lists {} search domains: the API server allows at most {}",
                                   config->searches.size(), kMaxSearches));
        d.help = "keep at most 32 search domains";
      }
      for (const model::Text& search : config->searches) {
        if (search.value.size() <= kMaxSearchLength) continue;
        out.report(search.range,
                   fmt::format("dnsConfig search domain of {} characters: the API server allows at most {}",
                               search.value.size(), kMaxSearchLength));
      }
      for (const model::DnsOption& option : config->options) {
        if (option.value_type.empty() || !option.value) continue;
        diag::Diagnostic& d =
            out.report(option.value->range, fmt::format("value of dnsConfig option {} is {} in YAML, but the API "
                                                        "server accepts only strings: the pod is rejected",
                                                        option.name.value, option.value_type));
        d.help = option.value->value.empty() ? "write the value as a string"
                                             : fmt::format("quote it: value: \"{}\"", option.value->value);
        d.root_cause = model::dns_option_value_cause(option.value->range);
      }
    }
  }
};

}  // namespace

const engine::Rule* dns_config_invalid() {
  static const DnsConfigInvalid rule;
  return &rule;
}

}  // namespace netlint::rules
