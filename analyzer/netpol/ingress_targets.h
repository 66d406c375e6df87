// What Ingress and OpenShift Route objects ask the ingress controller to reach: per workload,
// the TCP ports of its pods behind each backend Service (netpol-analyzer's ingress analysis:
// the Service port the backend names, else every port, mapped to its targetPort and kept only
// when the pods declare that TCP port).
#pragma once

#include <cstdint>
#include <map>

#include "analyzer/model/model.h"
#include "analyzer/netpol/conn_set.h"
#include "analyzer/netpol/policy_engine.h"

namespace netlint::netpol {

// Workload index -> the TCP ports the Ingress and Route backends need on it.
std::map<std::uint32_t, ConnSet> ingress_targets(const model::Model& model, const PolicyEngine& engine);

// The same for one backend of an Ingress in namespace `ns` (NL2014 checks each backend against
// the controller that serves its Ingress): workload index -> TCP ports, empty ports left out.
std::map<std::uint32_t, ConnSet> backend_targets(const model::Model& model, const PolicyEngine& engine,
                                                 const std::string& ns, const model::IngressBackend& backend);

}  // namespace netlint::netpol
