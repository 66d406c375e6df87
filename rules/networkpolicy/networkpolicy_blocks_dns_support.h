// Helpers shared by NL2005 networkpolicy-blocks-dns (UDP) and NL2006 networkpolicy-blocks-dns-tcp:
// one doc text with the protocol filled in, and one rule body parameterised by the protocol. Each
// rule's file holds its RuleInfo and its factory.
#pragma once

#include <string>
#include <string_view>

#include "analyzer/engine/rule.h"
#include "analyzer/netpol/conn_set.h"

namespace netlint::rules {

// The doc of both rules, with %PROTO% ("UDP", "TCP") and the "Why is this bad?" text filled in.
std::string blocks_dns_doc(std::string_view proto, std::string_view why);

// Pods that resolve through cluster DNS whose queries over `protocol` the NetworkPolicies stop, on
// the client's egress or on the DNS pods' ingress (RULES.md NL2xxx preamble). Built on the
// evaluator: a finding means the evaluator says the flow is surely denied to every DNS workload.
class NetworkPolicyBlocksDns final : public engine::Rule {
 public:
  NetworkPolicyBlocksDns(const diag::RuleInfo& info, netpol::Protocol protocol) : info_(info), protocol_(protocol) {}
  const diag::RuleInfo& info() const noexcept override { return info_; }
  void check(const engine::View& view, engine::Sink& out) const override;

 private:
  const diag::RuleInfo& info_;
  netpol::Protocol protocol_;
};

}  // namespace netlint::rules
