// Root-cause keys shared by the NetworkPolicy rules that see one mistake from two sides
// (RULES.md Conventions, "One root cause, one finding"): NL2005/NL2006 report DNS as blocked, and
// the more specific rule (NL2018 for a Service port, NL2010 for an ipBlock on the kube-dns
// ClusterIP, NL2003 for a near-miss peer) names why; NL2004 and NL2013 see a peer podSelector that
// matches nothing in its namespaces, and NL2013 (separate peers where one peer with both selectors
// was meant) names why. Both diagnostics carry the same key, built
// from the position of the item the specific rule anchors on, so the engine keeps the specific one.
#pragma once

#include <string>

#include "analyzer/model/network_policy.h"

namespace netlint::rules {

std::string port_item_cause(const model::PolicyPort& port);
std::string ip_block_cause(const model::IpBlock& block);
std::string peer_cause(const model::PolicyPeer& peer);
std::string peer_pod_selector_cause(const model::SelectorSpec& pod_selector);

}  // namespace netlint::rules
