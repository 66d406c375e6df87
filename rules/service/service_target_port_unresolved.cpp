// NL1003 service-target-port-unresolved: a named targetPort that a selected workload's
// containers do not declare with the Service port's protocol; that workload's pods are no
// endpoints of the port.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/diag/did_you_mean.h"
#include "analyzer/facts/version.h"
#include "analyzer/engine/rule.h"
#include "rules/service/service_backends.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL1003",
                               .name = "service-target-port-unresolved",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a named targetPort the selected pods do not declare for the port's protocol",
                               .doc = R"md(## What it finds
A Service port whose `targetPort` is a name (`targetPort: http`) while a workload the Service
selects has no container port of that name with the Service port's protocol. Each such workload
is reported on its own: when a Service selects two Deployments and only one declares the name,
only that one is named.

Restartable init containers (sidecars, `restartPolicy: Always`) resolve named ports from
Kubernetes 1.32; before that only app containers do. An unknown Kubernetes version counts as the
newest release.

## Why is this bad?
The endpoints controller resolves the name on every pod separately. A pod that does not declare
it, or declares it for another protocol, is left out of the Service's endpoints: traffic never
reaches that workload, and nothing reports an error. When no workload declares it, the Service
has no endpoints at all.

## How to fix
Name the container port as the Service's `targetPort` says (with the same protocol), or set
`targetPort` to a name or number the pods declare.

## Known limitations
Only workloads whose labels are written in the view are checked; pods an operator creates are
not.
)md"};

struct Declaration {
  const model::Container* container;
  const model::ContainerPort* port;
};

std::vector<Declaration> declarations_of(const model::PodSource& pod, std::string_view name) {
  std::vector<Declaration> out;
  for (const model::Container& c : pod.containers) {
    for (const model::ContainerPort& p : c.ports) {
      if (p.name.value == name) out.push_back({&c, &p});
    }
  }
  return out;
}

// Why one workload's pods do not resolve the name; nullopt when they do.
struct Failure {
  std::string message;
  std::string help;
  SourceRange related_range;
  std::string related_message;
  std::vector<std::string> near = {};  // the port names the did-you-mean offers
};

std::optional<Failure> resolve(const model::Service& service, const model::ServicePort& port,
                               const model::PodSource& pod, const facts::Version& k8s, bool sidecars_resolve) {
  const std::string& name = port.target_port->value;
  const std::string& protocol = port.protocol.value;
  const Declaration* other_protocol = nullptr;
  const Declaration* sidecar = nullptr;
  const Declaration* init_only = nullptr;
  const std::vector<Declaration> declared = declarations_of(pod, name);
  for (const Declaration& d : declared) {
    const bool serves = !d.container->init || (d.container->restartable && sidecars_resolve);
    if (serves && d.port->protocol.value == protocol) return std::nullopt;
    if (serves)
      other_protocol = &d;
    else if (d.container->restartable)
      sidecar = &d;
    else
      init_only = &d;
  }
  const std::string workload = pod.meta.display();
  const std::string consequence = fmt::format("its pods are no endpoints of {}", service_port_display(service, port));
  Failure f{{}, {}, pod.template_key, fmt::format("pod template of {}", workload)};
  if (other_protocol != nullptr) {
    f.message = fmt::format("targetPort \"{}\" is declared by container \"{}\" of {} for {}, not {}: {}", name,
                            other_protocol->container->name.value, workload, other_protocol->port->protocol.value,
                            protocol, consequence);
    f.help = fmt::format(
        "declare \"{}\" for {} too (a port name is per protocol), or give this Service port the protocol {}", name,
        protocol, other_protocol->port->protocol.value);
    f.related_range = other_protocol->port->item;
    f.related_message = fmt::format("container port \"{}\" ({})", name, other_protocol->port->protocol.value);
  } else if (sidecar != nullptr) {
    f.message = fmt::format(
        "targetPort \"{}\" is declared only by the restartable init container \"{}\" of {}, and Kubernetes {}.{} "
        "resolves "
        "named ports in app containers only (sidecars count from 1.32): {}",
        name, sidecar->container->name.value, workload, k8s.major, k8s.minor, consequence);
    f.help = "use the port number as targetPort, or declare the port in an app container";
    f.related_range = sidecar->port->item;
    f.related_message = fmt::format("port \"{}\" of init container \"{}\"", name, sidecar->container->name.value);
  } else if (init_only != nullptr) {
    f.message = fmt::format(
        "targetPort \"{}\" is declared only by the init container \"{}\" of {}, which has exited before the pod "
        "serves: {}",
        name, init_only->container->name.value, workload, consequence);
    f.help = "declare the port in the app container that listens on it";
    f.related_range = init_only->port->item;
    f.related_message = fmt::format("port \"{}\" of init container \"{}\"", name, init_only->container->name.value);
  } else {
    std::vector<std::string> names;
    for (const model::Container* c : serving_containers(pod, sidecars_resolve)) {
      for (const model::ContainerPort& p : c->ports) {
        if (!p.name.value.empty() && p.protocol.value == protocol) names.push_back(p.name.value);
      }
    }
    const auto near = diag::best_near_misses(name, names);
    f.message = fmt::format(
        "targetPort \"{}\" is not a {} port name of any container of {}{}: {}", name, protocol, workload,
        near.empty() ? "" : fmt::format("; did you mean \"{}\"?", diag::join_alternatives(near)), consequence);
    f.help = near.empty()
                 ? fmt::format("name the container port \"{}\", or set targetPort to a port the pods declare", name)
                 : fmt::format("set targetPort to \"{}\"", near.front());
    f.near = near;
  }
  return f;
}

class ServiceTargetPortUnresolved final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::Version k8s = facts::kubernetes_version(view.facts());
    const bool sidecars_resolve = k8s >= facts::Version{1, 32, 0};
    for (const model::Service& service : view.model().services) {
      out.checking(service.meta.object_range);
      const std::vector<Backend> backends = backend_groups(view, service);
      for (const model::ServicePort& port : service.ports) {
        if (!port.target_port || !port.target_port_is_name) continue;
        // A workload resolves the name when any variant of it does.
        std::vector<const Backend*> failing;
        std::vector<Failure> why;
        bool colocated_passes = false;
        for (const Backend& backend : backends) {
          std::optional<Failure> first;
          bool resolved = false;
          for (const model::PodSource* pod : backend.variants) {
            std::optional<Failure> f = resolve(service, port, *pod, k8s, sidecars_resolve);
            if (!f)
              resolved = true;
            else if (!first)
              first = std::move(f);
          }
          if (resolved) {
            colocated_passes = colocated_passes || backend.colocated;
          } else {
            failing.push_back(&backend);
            why.push_back(std::move(*first));
          }
        }
        for (const Backend* b : reportable_failures(failing, colocated_passes)) {
          Failure& f = why[static_cast<std::size_t>(std::find(failing.begin(), failing.end(), b) - failing.begin())];
          diag::Diagnostic& d = out.report(port.target_port->range, std::move(f.message));
          d.help = std::move(f.help);
          d.related.push_back({f.related_range, std::move(f.related_message)});
          if (!f.near.empty()) {
            d.fix = model::scalar_fix(view.model(), *port.target_port, f.near.front(),
                                      f.near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                      fmt::format("set targetPort to {}", f.near.front()));
          }
        }
      }
    }
  }
};

}  // namespace

const engine::Rule* service_target_port_unresolved() {
  static const ServiceTargetPortUnresolved rule;
  return &rule;
}

}  // namespace netlint::rules
