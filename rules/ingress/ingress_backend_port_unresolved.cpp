// NL3002 ingress-backend-port-unresolved: an Ingress backend's port (number or name) is not a
// port of the Service it names.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/diag/did_you_mean.h"
#include "analyzer/index/service_lookup.h"
#include "analyzer/engine/rule.h"
#include "rules/service/service_backends.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL3002",
                               .name = "ingress-backend-port-unresolved",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "an Ingress backend's port number or name is not a port of its Service",
                               .doc = R"md(## What it finds
An Ingress backend whose `service.port.number` is not the `port` of any of the Service's ports,
or whose `service.port.name` is not the name of one (for `extensions/v1beta1`: `servicePort`).
The backend must name the Service's own port, not the container's `targetPort`.

## Why is this bad?
The controller finds no such Service port and has no upstream for the path: ingress-nginx
answers `503` for every request to it.

## How to fix
Use the Service port's `port` number (or its `name`), as `kubectl get service` shows it.

## Known limitations
ExternalName Services are skipped: they have no ports to check against.
)md"};

std::string ports_text(const model::Service& service) {
  std::vector<std::string> parts;
  for (const model::ServicePort& p : service.ports) {
    parts.push_back(p.name.value.empty() ? std::to_string(p.port.value)
                                         : fmt::format("{} ({})", p.port.value, p.name.value));
  }
  return parts.empty() ? std::string("none") : fmt::format("{}", fmt::join(parts, ", "));
}

class IngressBackendPortUnresolved final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const index::ServiceLookup& services = view.services();
    for (const model::Ingress& ingress : view.model().ingresses) {
      out.checking(ingress.meta.object_range);
      ingress.for_each_backend([&](const model::IngressBackend& backend, const model::IngressPath*) {
        check_backend(view, services, ingress, backend, out);
      });
    }
  }

 private:
  static void check_backend(const engine::View& view, const index::ServiceLookup& lookup, const model::Ingress& ingress,
                            const model::IngressBackend& backend, engine::Sink& out) {
    if (backend.service_name.value.empty() || (!backend.port_number && backend.port_name.value.empty())) return;
    const auto& services = lookup.find(ingress.meta.namespace_name.value, backend.service_name.value);
    if (services.empty()) return;  // NL3001's
    // Any variant having the port resolves it.
    std::vector<std::string> names;
    for (const model::Service* s : services) {
      if (s->type.value == "ExternalName" || !s->ports_known) return;  // a placeholder port may be it
      for (const model::ServicePort& p : s->ports) {
        if (backend.port_number ? p.port.value == backend.port_number->value : p.name.value == backend.port_name.value)
          return;
        if (!p.name.value.empty()) names.push_back(p.name.value);
      }
    }
    const model::Service& service = *services.front();
    std::string message;
    SourceRange anchor;
    std::string help;
    std::optional<diag::Fix> fix;
    if (backend.port_number) {
      anchor = backend.port_number->range;
      message = fmt::format("port {} is not a port of {} (its ports: {})", backend.port_number->value,
                            service.meta.display(), ports_text(service));
      // The number may be the container port behind a Service port: its numeric targetPort, or
      // the number a selected pod gives the targetPort's name.
      const auto backends = selected_backends(view, service);
      const auto target = std::find_if(service.ports.begin(), service.ports.end(), [&](const model::ServicePort& p) {
        if (p.target_port_number) return *p.target_port_number == backend.port_number->value;
        if (!p.target_port || p.target_port_placeholder) return false;
        for (const model::PodSource* pod : backends) {
          for (const model::Container& c : pod->containers) {
            for (const model::ContainerPort& cp : c.ports) {
              if (cp.name.value == p.target_port->value && cp.number.value == backend.port_number->value) return true;
            }
          }
        }
        return false;
      });
      if (target != service.ports.end()) {
        message += fmt::format("; {} is the container port behind port {}: a backend names the Service's port",
                               backend.port_number->value, target->port.value);
        help = fmt::format("set the backend port to {}", target->port.value);
        // Unsafe: the Service may be the one meant to expose the container's port.
        fix = model::integer_fix(view.model(), *backend.port_number, target->port.value, diag::Applicability::kUnsafe,
                                 fmt::format("set the backend port to {}", target->port.value));
      } else {
        help = "set the backend port to one of the Service's ports";
      }
    } else {
      anchor = backend.port_name.range;
      const auto near = diag::best_near_misses(backend.port_name.value, names);
      message = fmt::format("port name \"{}\" is not a port of {} (its ports: {}){}", backend.port_name.value,
                            service.meta.display(), ports_text(service),
                            near.empty() ? "" : fmt::format("; did you mean \"{}\"?", diag::join_alternatives(near)));
      help = near.empty() ? "name one of the Service's ports, or use its number"
                          : fmt::format("set the port name to \"{}\"", near.front());
      if (!near.empty()) {
        fix = model::scalar_fix(view.model(), backend.port_name, near.front(),
                                near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                fmt::format("set the port name to {}", near.front()));
      }
    }
    diag::Diagnostic& d = out.report(anchor, std::move(message));
    d.help = std::move(help);
    d.fix = std::move(fix);
    const SourceRange ports = service.ports.empty() ? service.meta.name.range : service.ports.front().item;
    d.related.push_back({ports, fmt::format("ports of {}", service.meta.display())});
  }
};

}  // namespace

const engine::Rule* ingress_backend_port_unresolved() {
  static const IngressBackendPortUnresolved rule;
  return &rule;
}

}  // namespace netlint::rules
