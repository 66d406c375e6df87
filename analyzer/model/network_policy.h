// NetworkPolicies (networking.k8s.io/v1, and the removed extensions/v1beta1 that NL3007 reports)
// as written, with positions: the evaluator (analyzer/netpol) applies the API's defaulting, the
// NL2xxx rules point at what the user wrote. Also the OpenShift Routes whose backends the
// connectivity report treats like Ingress backends.
#pragma once

#include <optional>
#include <vector>

#include "analyzer/model/object_meta.h"
#include "analyzer/model/selector_spec.h"

namespace netlint::model {

struct PolicyPort {
  Text protocol;                                  // defaulted "TCP" (invalid range) when not written
  bool protocol_valid = true;                     // false: NL0004, kept as written
  std::optional<Text> port;                       // absent: every port of the protocol
  std::optional<std::int64_t> port_number;        // when `port` is an integer
  bool port_is_name = false;                      // `port` is a string that is not a number
  std::optional<Spanned<std::int64_t>> end_port;  // endPort when an integer
  SourceRange item;                               // the list item
};

struct IpBlock {
  Text cidr;
  std::vector<Text> except;
  SourceRange key;           // `ipBlock:`
  bool placeholder = false;  // cidr or an except is a placeholder (`${POD_CIDR}`)
};

// One `from`/`to` item. The API rejects an item with none of the three, and ipBlock beside a
// selector; the evaluator reads such an item as matching nothing.
struct PolicyPeer {
  std::optional<SelectorSpec> pod_selector;
  std::optional<SelectorSpec> namespace_selector;
  std::optional<IpBlock> ip_block;
  SourceRange item;
};

struct PolicyRule {
  // `from`/`to`: empty or absent both mean every peer (the API: "If this field is empty or
  // missing, this rule matches all sources/destinations").
  std::vector<PolicyPeer> peers;
  bool peers_written = false;
  SourceRange peers_key;  // `from:` / `to:`
  // `ports`: empty or absent both mean every port of every protocol.
  std::vector<PolicyPort> ports;
  bool ports_written = false;
  SourceRange ports_key;
  SourceRange item;        // the `ingress`/`egress` list item
  bool null_item = false;  // a bare `-`: an empty rule with no position of its own
  bool all_peers() const { return peers.empty(); }
  bool all_ports() const { return ports.empty(); }
};

struct NetworkPolicy {
  ObjectMeta meta;
  SelectorSpec pod_selector;       // absent reads as `{}` (the API requires it)
  std::vector<Text> policy_types;  // as written
  bool policy_types_written = false;
  bool policy_types_valid = true;  // false: an item is NL0004 (`egress`), the types are unknown
  SourceRange policy_types_key;
  std::vector<PolicyRule> ingress, egress;
  bool ingress_written = false, egress_written = false;
  SourceRange ingress_key, egress_key;
  SourceRange spec_key;
  // A value the API server rejects (NL0004: `protocol: tcp`, `policyTypes: [egress]`): the
  // policy is never created, and what it would do is unknown, never read as a default. The
  // evaluator treats it as a policy that may select its pods.
  bool rejected = false;

  // Effective policyTypes after the API's defaulting: when not written (or empty), Ingress,
  // plus Egress only when `egress` has at least one rule (so `egress: []` does not isolate).
  bool affects_ingress() const;
  bool affects_egress() const;
};

// An OpenShift Route (route.openshift.io): the Services it sends traffic to and the port.
struct Route {
  ObjectMeta meta;
  std::vector<Text> services;       // spec.to and spec.alternateBackends of kind Service
  std::optional<Text> target_port;  // spec.port.targetPort; absent: every Service port
  bool target_port_is_name = false;
  std::optional<std::int64_t> target_port_number;
};

}  // namespace netlint::model
