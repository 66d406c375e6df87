// NL1009 service-target-port-undeclared: a numeric targetPort that no container of a selected
// workload declares, while every one of its containers declares its ports.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "rules/rule_factories.h"
#include "rules/service/service_backends.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL1009",
    .name = "service-target-port-undeclared",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "a numeric targetPort no selected pod declares, while they declare ports",
    .doc = R"md(## What it finds
A Service port whose numeric `targetPort` (or, when it is not written, 0 or `""`, its `port`: the
API server's default) is not declared by any
container of a workload the Service selects, while every container of that workload lists its
ports. Sidecars (restartable init containers) count.

## Why is this bad?
For a number, Kubernetes does not need the declaration: traffic goes to that port of the pod
whatever the containers list. But when every container lists its ports and none lists this one,
the number is usually wrong (`8080` where the app listens on `8000`), and connections are refused.

## How to fix
Set `targetPort` to the port the container listens on, or, if the app does listen there,
declare the port in the container (it documents the port and lets you use a name).

## Known limitations
Silent for workloads with a container that declares no ports: such a container may listen
anywhere.
)md"};

class ServiceTargetPortUndeclared final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::Service& service : view.model().services) {
      out.checking(service.meta.object_range);
      const auto backends = selected_backends(view, service);
      if (backends.empty()) continue;
      for (const model::ServicePort& port : service.ports) {
        // A name is NL1003's; an unknown targetPort (NL0004) pairs with nothing.
        if (!port.target_port_number) continue;
        check_port(view, service, port, backends, out);
      }
    }
  }

 private:
  // Over all selected pods (every variant): silent when any declares the number, when any
  // serving container declares no ports (it may listen anywhere), or when a pod is configured
  // to use the number (args, env, a ConfigMap it mounts): the app listens there, undeclared.
  static void check_port(const engine::View& view, const model::Service& service, const model::ServicePort& port,
                         const std::vector<const model::PodSource*>& backends, engine::Sink& out) {
    const std::int64_t number = *port.target_port_number;
    std::vector<std::string> declared;
    std::vector<std::string> workloads;
    for (const model::PodSource* pod : backends) {
      const auto containers = serving_containers(*pod, /*with_sidecars=*/true);
      if (containers.empty()) return;
      for (const model::Container* c : containers) {
        if (c->ports.empty()) return;
        for (const model::ContainerPort& p : c->ports) {
          if (p.number.value == number && p.protocol.value == port.protocol.value) return;
          const std::string text = fmt::format("{}/{}", p.number.value, p.protocol.value);
          if (std::find(declared.begin(), declared.end(), text) == declared.end()) declared.push_back(text);
        }
      }
      if (pod_configures_number(view, *pod, number)) return;
      if (std::find(workloads.begin(), workloads.end(), pod->meta.display()) == workloads.end()) workloads.push_back(pod->meta.display());
    }
    // A defaulted targetPort anchors on its port entry (api_defaults.h) and says so.
    diag::Diagnostic& d = out.report(
        port.target_port->range,
        fmt::format("targetPort {}/{}{} is not declared by any container of {} (they declare {}): connections to {} "
                    "are refused unless the app listens there",
                    number, port.protocol.value, port.target_port_defaulted ? fmt::format(" (default {})", number) : "",
                    fmt::join(workloads, ", "), fmt::join(declared, ", "), service_port_display(service, port)));
    d.help = "set targetPort to the port the container listens on, or declare that port in the container";
    for (const model::PodSource* pod : backends) {
      d.related.push_back({pod->template_key, fmt::format("pod template of {}", pod->meta.display())});
    }
  }
};

}  // namespace

const engine::Rule* service_target_port_undeclared() {
  static const ServiceTargetPortUndeclared rule;
  return &rule;
}

}  // namespace netlint::rules
