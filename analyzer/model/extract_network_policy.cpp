// NetworkPolicies and OpenShift Routes, read as written (see network_policy.h).
#include <algorithm>

#include "analyzer/model/extract.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/model/field_checks.h"
#include "analyzer/model/network_policy.h"

namespace netlint::model {
namespace {

bool written_type(const NetworkPolicy& p, std::string_view type) {
  return std::any_of(p.policy_types.begin(), p.policy_types.end(), [&](const Text& t) { return t.value == type; });
}

constexpr std::string_view kPolicyTypes[] = {"Ingress", "Egress"};

PolicyPort port_of(const yaml::NodeRef& item, std::vector<InputProblem>& problems) {
  PolicyPort p;
  p.item = item.range();
  // Defaulted to TCP by api_defaults.h; a wrong-case protocol is NL0004 and stays as written:
  // the evaluator reads no port from it (the API rejects the policy).
  p.protocol_valid = check_protocol(item.find("protocol"), problems);
  p.protocol = text_field(item, "protocol");
  if (const yaml::NodeRef port = item.get("port"); port.is_scalar()) {
    p.port = text_of(port);
    if (auto n = integer_of(port))
      p.port_number = *n;
    else
      p.port_is_name = true;
  }
  if (const yaml::NodeRef end = item.get("endPort"); end.is_scalar()) {
    if (auto n = integer_of(end)) p.end_port = Spanned<std::int64_t>{*n, end.range()};
  }
  return p;
}

PolicyPeer peer_of(const yaml::NodeRef& item, std::vector<InputProblem>& problems) {
  PolicyPeer peer;
  peer.item = item.range();
  if (const yaml::NodeRef::Entry e = item.find("podSelector"); e.value.is_map() || e.value.is_null()) {
    if (e.key) peer.pod_selector = extract_selector(e.value, e.key.range(), &problems);
  }
  if (const yaml::NodeRef::Entry e = item.find("namespaceSelector"); e.value.is_map() || e.value.is_null()) {
    if (e.key) peer.namespace_selector = extract_selector(e.value, e.key.range(), &problems);
  }
  if (const yaml::NodeRef::Entry e = item.find("ipBlock"); e.value.is_map()) {
    IpBlock block;
    block.key = e.key.range();
    block.cidr = text_of(e.value.get("cidr"));
    block.except = string_list(e.value.get("except"));
    block.placeholder = unknown_placeholder(block.cidr, FieldKind::kLowerCase, problems);
    for (const Text& x : block.except)
      block.placeholder = unknown_placeholder(x, FieldKind::kLowerCase, problems) || block.placeholder;
    peer.ip_block = std::move(block);
  }
  return peer;
}

std::vector<PolicyRule> rules_of(const yaml::NodeRef& list, std::string_view peers_key,
                                 std::vector<InputProblem>& problems) {
  std::vector<PolicyRule> rules;
  for (std::uint32_t i = 0; i < list.size(); ++i) {
    const yaml::NodeRef item = list.item(i);
    PolicyRule rule;
    rule.item = item.range();
    rule.null_item = !item.is_map();
    if (const yaml::NodeRef::Entry peers = item.find(peers_key); peers.key) {
      rule.peers_written = true;
      rule.peers_key = peers.key.range();
      for (std::uint32_t j = 0; j < peers.value.size(); ++j) {
        if (peers.value.item(j).is_map()) rule.peers.push_back(peer_of(peers.value.item(j), problems));
      }
    }
    if (const yaml::NodeRef::Entry ports = item.find("ports"); ports.key) {
      rule.ports_written = true;
      rule.ports_key = ports.key.range();
      for (std::uint32_t j = 0; j < ports.value.size(); ++j) {
        if (ports.value.item(j).is_map()) rule.ports.push_back(port_of(ports.value.item(j), problems));
      }
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace

bool NetworkPolicy::affects_ingress() const {
  if (policy_types.empty()) return true;
  return written_type(*this, "Ingress");
}

bool NetworkPolicy::affects_egress() const {
  if (policy_types.empty()) return !egress.empty();
  return written_type(*this, "Egress");
}

NetworkPolicy extract_network_policy(const yaml::NodeRef& object, const ObjectMeta& meta,
                                     std::vector<InputProblem>& problems) {
  NetworkPolicy p;
  p.meta = meta;
  const yaml::NodeRef::Entry spec = object.find("spec");
  p.spec_key = spec.key.range();
  if (const yaml::NodeRef::Entry e = spec.value.find("podSelector"); e.key) {
    p.pod_selector = extract_selector(e.value, e.key.range(), &problems);
  } else {
    p.pod_selector.key = spec.key.range();
  }
  if (const yaml::NodeRef::Entry e = spec.value.find("policyTypes"); e.key) {
    p.policy_types_written = true;
    p.policy_types_key = e.key.range();
    p.policy_types = string_list(e.value);
    for (std::uint32_t i = 0; e.value.is_sequence() && i < e.value.size(); ++i) {
      if (!check_enum_item(e.value.item(i), {"policyType", kPolicyTypes, false}, problems))
        p.policy_types_valid = false;
    }
  }
  if (const yaml::NodeRef::Entry e = spec.value.find("ingress"); e.key) {
    p.ingress_written = true;
    p.ingress_key = e.key.range();
    p.ingress = rules_of(e.value, "from", problems);
  }
  if (const yaml::NodeRef::Entry e = spec.value.find("egress"); e.key) {
    p.egress_written = true;
    p.egress_key = e.key.range();
    p.egress = rules_of(e.value, "to", problems);
  }
  p.rejected = !p.policy_types_valid;
  for (const auto* rules : {&p.ingress, &p.egress}) {
    for (const PolicyRule& rule : *rules) {
      for (const PolicyPort& port : rule.ports) p.rejected = p.rejected || !port.protocol_valid;
    }
  }
  return p;
}

Route extract_route(const yaml::NodeRef& object, const ObjectMeta& meta) {
  Route r;
  r.meta = meta;
  const yaml::NodeRef spec = object.get("spec");
  auto add = [&](const yaml::NodeRef& target) {
    const std::string kind = text_field(target, "kind", "Service").value;
    if (kind == "Service" && target.get("name").is_scalar()) r.services.push_back(text_of(target.get("name")));
  };
  add(spec.get("to"));
  const yaml::NodeRef alternates = spec.get("alternateBackends");
  for (std::uint32_t i = 0; i < alternates.size(); ++i) add(alternates.item(i));
  if (const yaml::NodeRef port = spec.get("port").get("targetPort"); port.is_scalar()) {
    r.target_port = text_of(port);
    r.target_port_number = integer_of(port);
    r.target_port_is_name = !r.target_port_number.has_value();
  }
  return r;
}

}  // namespace netlint::model
