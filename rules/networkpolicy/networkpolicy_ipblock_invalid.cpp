// NL2009 networkpolicy-ipblock-invalid: ipBlock values as the API server validates them
// (ValidateIPBlock, knowledge/oracles.md 3.1). Host bits set are NL2017
// networkpolicy-ipblock-host-bits.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "analyzer/util/cidr.h"
#include "rules/networkpolicy/networkpolicy_ipblock_support.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2009",
                               .name = "networkpolicy-ipblock-invalid",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "an ipBlock cidr or except the API server rejects",
                               .doc = R"md(## What it finds
An `ipBlock` of a NetworkPolicy rule whose `cidr` or an `except` entry is not a CIDR
(`10.0.0.0`, `10.0.0.0/33`, `A`), or an `except` that is not a strict subset of its `cidr`
(outside it, equal to it, or of the other IP family).

## Why is this bad?
The API server rejects the whole NetworkPolicy (`must be a valid CIDR value`, `must be a strict
subset of cidr`): the apply fails, and with it every other object of the same `kubectl apply`
that came after it in some tools. Nothing of the intended isolation exists.

## How to fix
Write the range with its prefix length (`10.0.0.0/8`, `2001:db8::/64`), and keep each `except`
inside the `cidr` with a longer prefix.

## Known limitations
Leading zeros and IPv4-mapped IPv6 addresses, which only the `StrictIPCIDRValidation` feature
gate rejects, are not reported; host bits set are NL2017.
)md"};

class NetworkPolicyIpBlockInvalid final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      out.checking(p.meta.object_range);
      for_each_ip_block(p, [&](const model::IpBlock& block) {
        if (block.placeholder) return;  // filled in before applying: unknown, never invalid
        const auto cidr = parse_cidr(block.cidr.value);
        if (block.cidr.value.empty()) {
          report(out, block.cidr.range.valid() ? block.cidr.range : block.key,
                 "ipBlock of " + p.meta.display() + " has no cidr");
        } else if (!cidr) {
          report(out, block.cidr.range,
                 fmt::format("ipBlock cidr \"{}\" of {} is not a CIDR", block.cidr.value, p.meta.display()));
        }
        for (const model::Text& e : block.except) {
          const auto except = parse_cidr(e.value);
          if (!except) {
            report(out, e.range, fmt::format("ipBlock except \"{}\" of {} is not a CIDR", e.value, p.meta.display()));
          } else if (cidr && (except->v6 != cidr->v6 || !contains(*cidr, *except) || except->prefix <= cidr->prefix)) {
            report(out, e.range,
                   fmt::format("ipBlock except {} of {} is not a strict subset of its cidr {}", e.value,
                               p.meta.display(), block.cidr.value));
          }
        }
      });
    }
  }

 private:
  static void report(engine::Sink& out, const SourceRange& range, std::string message) {
    diag::Diagnostic& d = out.report(range, std::move(message));
    d.help = "write a network with its prefix length (10.0.0.0/8), each except inside the cidr with a longer prefix";
  }
};

}  // namespace

const engine::Rule* networkpolicy_ipblock_invalid() {
  static const NetworkPolicyIpBlockInvalid rule;
  return &rule;
}

}  // namespace netlint::rules
