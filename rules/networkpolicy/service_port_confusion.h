// NetworkPolicy port items that name a Service's `port` where the policies see the pods'
// `targetPort` (ports are matched after the Service's DNAT, RULES.md NL2xxx preamble). Shared by
// NL2018, which reports them, and NL2005/NL2006, which yield to NL2018 when the blocked DNS flow
// is one of them.
#pragma once

#include <cstdint>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/model/model.h"
#include "analyzer/netpol/conn_set.h"

namespace netlint::rules {

struct ServicePortConfusion {
  std::uint32_t policy = 0;                 // model.network_policies index
  bool ingress = false;                     // the rule's direction
  std::uint32_t rule = 0;                   // index within the policy's ingress/egress list
  const model::PolicyPort* port = nullptr;  // the item that names the Service port
  netpol::Protocol protocol = netpol::Protocol::kTcp;
  std::uint32_t service_port = 0;  // what the item admits
  std::uint32_t target_port = 0;   // what the pods listen on
  std::vector<const model::Service*> services;
  std::vector<const model::ServicePort*> service_ports;  // parallel to services
  std::vector<std::uint32_t> sources;                    // workloads the rule admits on the Service port
  std::vector<std::uint32_t> destinations;               // the Service's pods' workloads
};

// Every port item that admits a Service port for peers that resolve to the Service's pods, where
// the pods listen on a different targetPort, do not declare the Service port, and no rule of the
// isolating policies admits the targetPort for any of those peers (surely: flows that depend on
// what the view does not show are left out).
std::vector<ServicePortConfusion> find_service_port_confusions(const engine::View& view);

}  // namespace netlint::rules
