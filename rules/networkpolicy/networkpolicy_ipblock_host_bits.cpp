// NL2017 networkpolicy-ipblock-host-bits: ipBlock values with host bits set, which the API server
// accepts but strict dataplanes reject. Invalid values are NL2009 networkpolicy-ipblock-invalid.
#include <fmt/format.h>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/engine/rule.h"
#include "analyzer/util/cidr.h"
#include "rules/networkpolicy/networkpolicy_ipblock_support.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2017",
                               .name = "networkpolicy-ipblock-host-bits",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "an ipBlock cidr with host bits set, which some dataplanes reject",
                               .doc = R"md(## What it finds
An `ipBlock` `cidr` or `except` whose address has bits set beyond its prefix length, such as
`10.10.1.12/24` (the network is `10.10.1.0/24`).

## Why is this bad?
The API server accepts it (unless the `StrictIPCIDRValidation` feature gate is on) and most
implementations mask the host bits, but some dataplanes reject the value and silently drop
the whole policy. Often the author meant a single address (`/32`) and wrote the wrong prefix.

## How to fix
Write the network address (`10.10.1.0/24`), or the single host (`10.10.1.12/32`) if one address
was meant.

## Known limitations
None known.
)md"};

class NetworkPolicyIpBlockHostBits final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      out.checking(p.meta.object_range);
      for_each_ip_block(p, [&](const model::IpBlock& block) {
        if (block.placeholder) return;
        check_value(view.model(), p, block.cidr, "cidr", out);
        for (const model::Text& e : block.except) check_value(view.model(), p, e, "except", out);
      });
    }
  }

 private:
  static void check_value(const model::Model& model, const model::NetworkPolicy& p, const model::Text& value,
                          std::string_view field, engine::Sink& out) {
    const auto cidr = parse_cidr(value.value);
    if (!cidr || cidr->canonical) return;
    const std::string host = value.value.substr(0, value.value.find('/'));
    diag::Diagnostic& d = out.report(
        value.range,
        fmt::format("ipBlock {} {} of {} has host bits set (the network is {}): some dataplanes reject it and "
                    "drop the whole policy",
                    field, value.value, p.meta.display(), cidr->str()));
    d.help = fmt::format("write {}, or {}/{} for the single address", cidr->str(), host, cidr->bits());
    // Unsafe: the author may have meant the single address instead.
    d.fix = model::scalar_fix(model, value, cidr->str(), diag::Applicability::kUnsafe,
                              fmt::format("write {}", cidr->str()));
  }
};

}  // namespace

const engine::Rule* networkpolicy_ipblock_host_bits() {
  static const NetworkPolicyIpBlockHostBits rule;
  return &rule;
}

}  // namespace netlint::rules
