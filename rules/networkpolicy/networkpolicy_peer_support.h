// Helpers shared by the peer rules NL2003 networkpolicy-peer-typo and NL2004
// networkpolicy-peer-selects-nothing: every `from`/`to` peer of the view with its policy.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/model/model.h"

namespace netlint::rules {

struct PeerSite {
  const model::NetworkPolicy* policy;
  const model::PolicyPeer* peer;
  std::string_view direction;  // "from" or "to"
};

// The peers of every policy, ingress rules before egress rules, in document order.
std::vector<PeerSite> peers_of(const model::Model& m);

}  // namespace netlint::rules
