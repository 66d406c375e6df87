// NL2005 networkpolicy-blocks-dns: pods that resolve through cluster DNS whose DNS queries over UDP
// the NetworkPolicies stop, on the client's egress or on the DNS pods' ingress (RULES.md NL2xxx
// preamble). The rule body is shared with NL2006 networkpolicy-blocks-dns-tcp
// (networkpolicy_blocks_dns_support).
#include <string>

#include "rules/networkpolicy/networkpolicy_blocks_dns_support.h"

namespace netlint::rules {
namespace {

const std::string kDoc = blocks_dns_doc(
    "UDP",
    "Every name lookup of those pods times out (5 s per try, then the next search domain): Service names do "
    "not resolve, clients fail or hang at start-up, and the policy looks right.");

const diag::RuleInfo kInfo{.code = "NL2005",
                           .name = "networkpolicy-blocks-dns",
                           .severity = diag::Severity::kError,
                           .group = diag::Group::kCorrectness,
                           .summary = "the NetworkPolicies stop pods' DNS queries to the cluster DNS pods",
                           .doc = kDoc};

}  // namespace

const engine::Rule* networkpolicy_blocks_dns() {
  static const NetworkPolicyBlocksDns rule(kInfo, netpol::Protocol::kUdp);
  return &rule;
}

}  // namespace netlint::rules
