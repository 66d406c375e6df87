#include "analyzer/netpol/ingress_targets.h"

#include <optional>
#include <string>

namespace netlint::netpol {
namespace {

// A backend's port: a Service port name or number, or none (every Service port).
struct WantedPort {
  bool given = false;
  bool is_name = false;
  std::string name;
  std::int64_t number = 0;
};

// The pods' port each matching Service port leads to (its targetPort, defaulted to the port);
// none for a targetPort whose value is unknown.
std::vector<WantedPort> access_ports(const model::Service& service, const WantedPort& wanted) {
  std::vector<WantedPort> out;
  for (const model::ServicePort& sp : service.ports) {
    if (sp.target_port_placeholder) continue;  // the pods' port is unknown: nothing to check through it
    WantedPort access;
    access.given = true;
    const bool known = sp.target_port.has_value();
    if (known) {
      access.is_name = sp.target_port_is_name;
      access.name = sp.target_port->value;
      access.number = sp.target_port_number.value_or(0);
    }
    if (!wanted.given) {
      if (known) out.push_back(access);
      continue;
    }
    const bool by_name = wanted.is_name && !sp.name.value.empty() && sp.name.value == wanted.name;
    const bool by_number = !wanted.is_name && sp.port.value == wanted.number;
    const bool by_target =
        sp.target_port && sp.target_port_is_name == wanted.is_name &&
        (wanted.is_name ? sp.target_port->value == wanted.name : sp.target_port_number == wanted.number);
    if (by_name || by_number || by_target) {
      if (known) out.push_back(access);
      break;
    }
  }
  return out;
}

void add_backend(const model::Model& model, const PolicyEngine& engine, const std::string& ns,
                 const std::string& service_name, const WantedPort& wanted, std::map<std::uint32_t, ConnSet>& out) {
  const model::Service* service = nullptr;
  for (const model::Service& s : model.services) {
    if (s.meta.namespace_name.value == ns && s.meta.name.value == service_name) service = &s;
  }
  if (service == nullptr || !service->has_selector()) return;
  const std::vector<WantedPort> ports = access_ports(*service, wanted);
  const auto& workloads = engine.workloads();
  for (std::uint32_t w = 0; w < workloads.size(); ++w) {
    const model::PodSource& pod = model.pod_sources[workloads[w].pods.front()];
    if (workloads[w].namespace_name != ns || !model::selector_matches(service->selector, pod.labels)) continue;
    ConnSet& conns = out[w];
    for (const WantedPort& access : ports) {
      // Only TCP ports the pods declare (netpol-analyzer reads the exposed TCP container ports).
      for (const model::Container& c : pod.containers) {
        if (c.init && !c.restartable) continue;
        for (const model::ContainerPort& cp : c.ports) {
          if (cp.protocol.value != "TCP" || cp.number.value < 1 || cp.number.value > kMaxPort) continue;
          const bool match = access.is_name ? cp.name.value == access.name : cp.number.value == access.number;
          if (match)
            conns.add(Protocol::kTcp, static_cast<std::uint32_t>(cp.number.value),
                      static_cast<std::uint32_t>(cp.number.value));
        }
      }
    }
  }
}

void add_ingress_backend(const model::Model& model, const PolicyEngine& engine, const std::string& ns,
                         const model::IngressBackend& backend, std::map<std::uint32_t, ConnSet>& out) {
  if (backend.service_name.value.empty()) return;
  WantedPort wanted;
  if (backend.port_number) {
    wanted.given = true;
    wanted.number = backend.port_number->value;
  } else if (!backend.port_name.value.empty()) {
    wanted.given = wanted.is_name = true;
    wanted.name = backend.port_name.value;
  }
  add_backend(model, engine, ns, backend.service_name.value, wanted, out);
}

}  // namespace

std::map<std::uint32_t, ConnSet> backend_targets(const model::Model& model, const PolicyEngine& engine,
                                                 const std::string& ns, const model::IngressBackend& backend) {
  std::map<std::uint32_t, ConnSet> out;
  add_ingress_backend(model, engine, ns, backend, out);
  std::erase_if(out, [](const auto& entry) { return entry.second.empty(); });
  return out;
}

std::map<std::uint32_t, ConnSet> ingress_targets(const model::Model& model, const PolicyEngine& engine) {
  std::map<std::uint32_t, ConnSet> out;
  for (const model::Ingress& ingress : model.ingresses) {
    ingress.for_each_backend([&](const model::IngressBackend& backend, const model::IngressPath*) {
      add_ingress_backend(model, engine, ingress.meta.namespace_name.value, backend, out);
    });
  }
  for (const model::Route& route : model.routes) {
    WantedPort wanted;
    if (route.target_port) {
      wanted.given = true;
      wanted.is_name = route.target_port_is_name;
      wanted.name = route.target_port->value;
      wanted.number = route.target_port_number.value_or(0);
    }
    for (const model::Text& service : route.services)
      add_backend(model, engine, route.meta.namespace_name.value, service.value, wanted, out);
  }
  std::erase_if(out, [](const auto& entry) { return entry.second.empty(); });
  return out;
}

}  // namespace netlint::netpol
