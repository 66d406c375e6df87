// NL1009 service-target-port-undeclared: a numeric targetPort that no container of a selected
// workload declares, while every one of its containers declares its ports and a name or a single
// port pair corroborates that the number is wrong (RULES.md v3: narrowed).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <string>

#include "analyzer/engine/rule.h"
#include "rules/service/gateway_pods.h"
#include "rules/service/service_backends.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL1009",
    .name = "service-target-port-undeclared",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "a numeric targetPort no selected pod declares, while their ports point elsewhere",
    .doc = R"md(## What it finds
A Service port whose numeric `targetPort` (or, when it is not written, 0 or `""`, its `port`: the
API server's default) is not declared by any container of a workload the Service selects (ports
compared by number only, whatever the protocol), while every container of that workload lists
its ports (sidecars, restartable init containers, count), and something corroborates that the
number is the mistake:
- a declared container port named like the Service port has another number;
- another Service that selects the same pods maps a port of that name to a declared number;
- or the Service has one port and the pods declare exactly one.

## Why is this bad?
For a number, Kubernetes does not need the declaration: traffic goes to that port of the pod
whatever the containers list. But when every container lists its ports, none lists this one and
the names or the single port pair point elsewhere, the number is usually wrong (`8080` where the
app listens on `8000`), and connections are refused.

## How to fix
Set `targetPort` to the port the container listens on (most often the fix), or, if the app does
listen there, declare the port in the container (it documents the port and lets you use a name).

## Known limitations
Silent for workloads with a container that declares no ports (it may listen anywhere), for pods
configured to use the number (args, env, a ConfigMap they read), and for Envoy-based gateway pods
(image `envoy`, or istio `proxyv2` with the `router` argument), whose listeners come from API
objects at run time. Without corroboration a missing declaration is taken for an incomplete list.
)md"};

// A container port of one of the selected pods.
struct Declared {
  const model::PodSource* pod;
  const model::ContainerPort* port;
};

class ServiceTargetPortUndeclared final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::Service& service : view.model().services) {
      out.checking(service.meta.object_range);
      const auto backends = selected_backends(view, service);
      if (backends.empty()) continue;
      for (const model::ServicePort& port : service.ports) {
        // A name is NL1003's; an unknown targetPort (NL0004, a placeholder) pairs with nothing.
        if (!port.target_port_number || port.target_port_placeholder) continue;
        check_port(view, service, port, backends, out);
      }
    }
  }

 private:
  // Over all selected pods (every variant): silent when any declares the number (whatever the
  // protocol: containerPort lists filter nothing, and a TCP declaration of a UDP listener is
  // common), when any serving container declares no ports (it may listen anywhere), when a pod
  // runs an Envoy-based gateway (its listeners come from API objects), or when a pod is
  // configured to use the number (args, env, a ConfigMap it mounts). Then the finding still
  // needs corroboration that the number, not the declaration, is wrong (see `corroboration`).
  static void check_port(const engine::View& view, const model::Service& service, const model::ServicePort& port,
                         const std::vector<const model::PodSource*>& backends, engine::Sink& out) {
    const std::int64_t number = *port.target_port_number;
    std::vector<Declared> all_declared;
    std::vector<std::string> declared;
    std::vector<std::string> workloads;
    for (const model::PodSource* pod : backends) {
      if (runs_api_driven_proxy(*pod)) return;
      const auto containers = serving_containers(*pod, /*with_sidecars=*/true);
      if (containers.empty()) return;
      for (const model::Container* c : containers) {
        if (c->ports.empty()) return;
        for (const model::ContainerPort& p : c->ports) {
          if (p.number.value == number) return;
          all_declared.push_back({pod, &p});
          const std::string text = fmt::format("{}/{}", p.number.value, p.protocol.value);
          if (std::find(declared.begin(), declared.end(), text) == declared.end()) declared.push_back(text);
        }
      }
      if (pod_configures_number(view, *pod, number)) return;
      if (std::find(workloads.begin(), workloads.end(), pod->meta.display()) == workloads.end())
        workloads.push_back(pod->meta.display());
    }
    const std::optional<std::string> why = corroboration(view, service, port, backends, all_declared);
    if (!why) return;
    // A defaulted targetPort anchors on its port entry (api_defaults.h) and says so.
    diag::Diagnostic& d = out.report(
        port.target_port->range,
        fmt::format(
            "targetPort {}/{}{} is not declared by any container of {} (they declare {}), and {}: connections to {} "
            "are refused unless the app listens there",
            number, port.protocol.value, port.target_port_defaulted ? fmt::format(" (default {})", number) : "",
            fmt::join(workloads, ", "), fmt::join(declared, ", "), *why, service_port_display(service, port)));
    d.help =
        "set targetPort to the port the container listens on (most often the fix), or declare that port in the "
        "container";
    for (const model::PodSource* pod : backends) {
      d.related.push_back({pod->template_key, fmt::format("pod template of {}", pod->meta.display())});
    }
  }

  // What says the number is wrong rather than the declaration incomplete (RULES.md NL1009), or
  // nullopt: a declared port named like the Service port has another number; another Service
  // selecting these pods maps a port of that name to a declared number; or the Service has one
  // port and the pods declare one number.
  static std::optional<std::string> corroboration(const engine::View& view, const model::Service& service,
                                                  const model::ServicePort& port,
                                                  const std::vector<const model::PodSource*>& backends,
                                                  const std::vector<Declared>& declared) {
    const std::string& name = port.name.value;
    if (!name.empty()) {
      for (const Declared& d : declared) {
        if (d.port->name.value == name) return fmt::format("their port named {} is {}", name, d.port->number.value);
      }
      for (const model::Service& other : view.model().services) {
        if (other.meta.namespace_name.value != service.meta.namespace_name.value ||
            other.meta.name.value == service.meta.name.value)
          continue;
        if (auto found = other_service_maps_name(other, name, backends, declared)) return found;
      }
    }
    if (service.ports.size() == 1) {
      std::vector<std::int64_t> numbers;
      for (const Declared& d : declared) {
        if (std::find(numbers.begin(), numbers.end(), d.port->number.value) == numbers.end())
          numbers.push_back(d.port->number.value);
      }
      if (numbers.size() == 1)
        return fmt::format("the Service's only port misses the pods' only port {}", numbers.front());
    }
    return std::nullopt;
  }

  // `other`'s port called `name` reaches, on one of `backends` it also selects, a declared number.
  static std::optional<std::string> other_service_maps_name(const model::Service& other, const std::string& name,
                                                            const std::vector<const model::PodSource*>& backends,
                                                            const std::vector<Declared>& declared) {
    const model::ServicePort* same_name = nullptr;
    for (const model::ServicePort& p : other.ports) {
      if (p.name.value == name) same_name = &p;
    }
    if (same_name == nullptr) return std::nullopt;
    // Whether the other Service's selector matches these pods, not which pods it binds to: its
    // nearest-scope binding (a namespace-less Service binds in its own file or unit first) says
    // which pods it serves there, while the question here is what its port name means for them.
    for (const model::PodSource* pod : backends) {
      if (!other.has_selector() || other.type.value == "ExternalName" ||
          !model::selector_matches(other.selector, pod->labels))
        continue;
      const std::optional<std::uint32_t> reached = target_port_on(*same_name, *pod);
      if (!reached) continue;
      for (const Declared& d : declared) {
        if (d.pod == pod && d.port->number.value == *reached) {
          return fmt::format("{} sends its port {} to the declared {}", other.meta.display(), name, *reached);
        }
      }
    }
    return std::nullopt;
  }
};

}  // namespace

const engine::Rule* service_target_port_undeclared() {
  static const ServiceTargetPortUndeclared rule;
  return &rule;
}

}  // namespace netlint::rules
