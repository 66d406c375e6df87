// Helpers shared by the ipBlock value rules NL2009 networkpolicy-ipblock-invalid and NL2017
// networkpolicy-ipblock-host-bits: the walk over every ipBlock of a policy.
#pragma once

#include "analyzer/model/network_policy.h"

namespace netlint::rules {

// Calls f(const model::IpBlock&) for each ipBlock peer of `p`, ingress rules before egress rules.
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

}  // namespace netlint::rules
