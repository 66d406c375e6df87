// NL2009 networkpolicy-ipblock-invalid and NL2017 networkpolicy-ipblock-host-bits: ipBlock
// values as the API server validates them (ValidateIPBlock, knowledge/oracles.md 3.1) and as
// strict dataplanes read them. One walk over every ipBlock feeds both.
#include <fmt/format.h>

#include "analyzer/util/cidr.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInvalidInfo{
    .code = "NL2009",
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

constexpr diag::RuleInfo kHostBitsInfo{
    .code = "NL2017",
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

template <class F>
void for_each_ip_block(const model::NetworkPolicy& p, F&& f) {
  for (const auto* rules : {&p.ingress, &p.egress}) {
    for (const model::PolicyRule& r : *rules) {
      for (const model::PolicyPeer& peer : r.peers) {
        if (peer.ip_block) f(*peer.ip_block);
      }
    }
  }
}

class NetworkPolicyIpBlockInvalid final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInvalidInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      out.checking(p.meta.object_range);
      for_each_ip_block(p, [&](const model::IpBlock& block) {
        if (block.placeholder) return;  // filled in before applying: unknown, never invalid
        const auto cidr = parse_cidr(block.cidr.value);
        if (block.cidr.value.empty()) {
          report(out, block.cidr.range.valid() ? block.cidr.range : block.key, "ipBlock of " + p.meta.display() + " has no cidr");
        } else if (!cidr) {
          report(out, block.cidr.range, fmt::format("ipBlock cidr \"{}\" of {} is not a CIDR", block.cidr.value, p.meta.display()));
        }
        for (const model::Text& e : block.except) {
          const auto except = parse_cidr(e.value);
          if (!except) {
            report(out, e.range, fmt::format("ipBlock except \"{}\" of {} is not a CIDR", e.value, p.meta.display()));
          } else if (cidr && (except->v6 != cidr->v6 || !contains(*cidr, *except) || except->prefix <= cidr->prefix)) {
            report(out, e.range,
                   fmt::format("ipBlock except {} of {} is not a strict subset of its cidr {}", e.value, p.meta.display(),
                               block.cidr.value));
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

class NetworkPolicyIpBlockHostBits final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kHostBitsInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      out.checking(p.meta.object_range);
      for_each_ip_block(p, [&](const model::IpBlock& block) {
        if (block.placeholder) return;
        check_value(p, block.cidr, "cidr", out);
        for (const model::Text& e : block.except) check_value(p, e, "except", out);
      });
    }
  }

 private:
  static void check_value(const model::NetworkPolicy& p, const model::Text& value, std::string_view field, engine::Sink& out) {
    const auto cidr = parse_cidr(value.value);
    if (!cidr || cidr->canonical) return;
    const std::string host = value.value.substr(0, value.value.find('/'));
    diag::Diagnostic& d = out.report(
        value.range, fmt::format("ipBlock {} {} of {} has host bits set (the network is {}): some dataplanes reject it and "
                                 "drop the whole policy",
                                 field, value.value, p.meta.display(), cidr->str()));
    d.help = fmt::format("write {}, or {}/{} for the single address", cidr->str(), host, cidr->bits());
  }
};

}  // namespace

const engine::Rule* networkpolicy_ipblock_invalid() {
  static const NetworkPolicyIpBlockInvalid rule;
  return &rule;
}

const engine::Rule* networkpolicy_ipblock_host_bits() {
  static const NetworkPolicyIpBlockHostBits rule;
  return &rule;
}

}  // namespace netlint::rules
