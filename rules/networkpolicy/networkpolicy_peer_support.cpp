#include "rules/networkpolicy/networkpolicy_peer_support.h"

namespace netlint::rules {

std::vector<PeerSite> peers_of(const model::Model& m) {
  std::vector<PeerSite> out;
  for (const model::NetworkPolicy& p : m.network_policies) {
    for (const model::PolicyRule& r : p.ingress) {
      for (const model::PolicyPeer& peer : r.peers) out.push_back({&p, &peer, "from"});
    }
    for (const model::PolicyRule& r : p.egress) {
      for (const model::PolicyPeer& peer : r.peers) out.push_back({&p, &peer, "to"});
    }
  }
  return out;
}

}  // namespace netlint::rules
