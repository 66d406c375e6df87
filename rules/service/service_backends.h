// The pod sources behind a Service and the ports their containers declare, shared by the
// targetPort rules (NL1003, NL1009) and those about a Service's backends (NL1008, NL1010).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine/view.h"

namespace netlint::rules {

// The pod sources a Service's selector definitely selects, without synthetic peers and pods
// whose containers the view does not show (an operator's). Empty for selectorless Services.
std::vector<const model::PodSource*> selected_backends(const engine::View& view, const model::Service& service);

// Containers that serve traffic: app containers, and restartable init containers (sidecars)
// when `with_sidecars`.
std::vector<const model::Container*> serving_containers(const model::PodSource& pod, bool with_sidecars);

// The workloads behind a Service, each with every variant of its identity (RULES.md: a
// reference resolves against all variants of an object).
struct Backend {
  std::vector<const model::PodSource*> variants;
  bool colocated = false;  // some variant is written in the Service's own folder
};
std::vector<Backend> backend_groups(const engine::View& view, const model::Service& service);

// Of the backends that fail a check, those worth reporting: all of them, unless a backend in
// the Service's own folder passes it; then failing backends elsewhere are taken for other
// examples or environments that share the namespace and labels (a repository of examples, a
// folder per environment without `clusters:`), and only failing ones beside the Service count.
std::vector<const Backend*> reportable_failures(const std::vector<const Backend*>& failing,
                                                bool colocated_backend_passes);

// True when a container's command, args or env values, or a ConfigMap the pod mounts or reads
// its environment from, mention `number` as a whole number: the app is configured to use it.
bool pod_configures_number(const engine::View& view, const model::PodSource& pod, std::int64_t number);

// The port a Service port reaches on one backend pod after the Service's DNAT: a numeric
// targetPort, a named one resolved among the pod's serving containers (sidecars included) with the
// port's protocol, else the port itself; nullopt when the name does not resolve on the pod (NL1003)
// or the number is no port.
std::optional<std::uint32_t> target_port_on(const model::ServicePort& port, const model::PodSource& pod);

// "Service shop/web port 80" or "Service shop/web port 80 (http)".
std::string service_port_display(const model::Service& service, const model::ServicePort& port);

}  // namespace netlint::rules
