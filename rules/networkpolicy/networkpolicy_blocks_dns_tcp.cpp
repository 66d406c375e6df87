// NL2006 networkpolicy-blocks-dns-tcp: pods whose DNS queries over UDP pass but over TCP are
// stopped by the NetworkPolicies, on the client's egress or on the DNS pods' ingress. The rule body
// is shared with NL2005 networkpolicy-blocks-dns (networkpolicy_blocks_dns_support).
#include <string>

#include "rules/networkpolicy/networkpolicy_blocks_dns_support.h"

namespace netlint::rules {
namespace {

const std::string kDoc =
    blocks_dns_doc("TCP",
                   "UDP queries pass, but answers larger than 512 bytes (many A records, DNSSEC, long TXT) come back "
                   "truncated and the resolver retries over TCP, which is blocked: those lookups fail intermittently.");

const diag::RuleInfo kInfo{.code = "NL2006",
                           .name = "networkpolicy-blocks-dns-tcp",
                           .severity = diag::Severity::kWarning,
                           .group = diag::Group::kSuspicious,
                           .summary = "the NetworkPolicies let DNS over UDP pass but stop DNS over TCP",
                           .doc = kDoc};

}  // namespace

const engine::Rule* networkpolicy_blocks_dns_tcp() {
  static const NetworkPolicyBlocksDns rule(kInfo, netpol::Protocol::kTcp);
  return &rule;
}

}  // namespace netlint::rules
