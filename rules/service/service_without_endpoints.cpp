// NL1004 service-without-endpoints: a selectorless Service that something in the view uses,
// with no Endpoints or EndpointSlice written for it.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/index/reference_index.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL1004",
                               .name = "service-without-endpoints",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "a selectorless Service that is used, with no Endpoints or EndpointSlice",
                               .doc = R"md(## What it finds
A Service without `selector` (and not of type ExternalName) that the view uses, as an Ingress
backend, as a StatefulSet's `serviceName`, or by DNS name in a workload's environment, arguments
or mounted configuration, while no `Endpoints` object of its name and no `EndpointSlice`
labelled `kubernetes.io/service-name: <name>` is in its namespace.

## Why is this bad?
Without a selector, Kubernetes does not manage the Service's endpoints: someone must write them.
With none written, the Service has no endpoints; connections to it are refused and the Ingress
answers 503.

## How to fix
Add the selector of the pods that should serve it, or write the EndpointSlice (or Endpoints)
that holds the addresses behind it.

## Known limitations
Only namespaces the view knows completely are checked: endpoints written by a controller
(an operator, a service mesh) or applied from elsewhere are not in the manifests.
)md"};

bool has_endpoints(const model::Model& m, const model::Service& service) {
  const std::string& ns = service.meta.namespace_name.value;
  for (const model::ObjectMeta& o : m.objects) {
    if (o.namespace_name.value != ns) continue;
    if (o.kind.value == "Endpoints" && o.name.value == service.meta.name.value) return true;
    if (o.kind.value == "EndpointSlice") {
      const model::Label* owner = model::find_label(o.labels, "kubernetes.io/service-name");
      if (owner != nullptr && owner->value.value == service.meta.name.value) return true;
    }
  }
  return false;
}

class ServiceWithoutEndpoints final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const model::Model& m = view.model();
    for (const model::Service& service : m.services) {
      if (service.has_selector() || service.type.value == "ExternalName") continue;
      out.checking(service.meta.object_range);
      const std::string& ns = service.meta.namespace_name.value;
      const std::string& name = service.meta.name.value;
      if (!view.namespaces().complete(ns) || has_endpoints(m, service)) continue;
      std::vector<diag::RelatedLocation> uses = uses_of(view, ns, name);
      if (uses.empty()) continue;
      diag::Diagnostic& d = out.report(
          service.meta.name.range,
          fmt::format(
              "{} has no selector and no Endpoints or EndpointSlice is written for it, but {}: it has no endpoints, "
              "so connections to it fail",
              service.meta.display(), uses.front().message));
      d.help = "add the selector of the pods that serve it, or an EndpointSlice labelled kubernetes.io/service-name: " +
               name;
      d.related = std::move(uses);
    }
  }

 private:
  static std::vector<diag::RelatedLocation> uses_of(const engine::View& view, const std::string& ns,
                                                    const std::string& name) {
    std::vector<diag::RelatedLocation> uses;
    for (const model::Ingress& ingress : view.model().ingresses) {
      if (ingress.meta.namespace_name.value != ns) continue;
      ingress.for_each_backend([&](const model::IngressBackend& b, const model::IngressPath*) {
        if (b.service_name.value == name)
          uses.push_back({b.service_name.range, fmt::format("{} routes to it", ingress.meta.display())});
      });
    }
    for (const model::PodSource& pod : view.model().pod_sources) {
      if (pod.meta.namespace_name.value == ns && pod.service_name.value == name) {
        uses.push_back({pod.service_name.range, fmt::format("{} names it as serviceName", pod.meta.display())});
      }
    }
    for (const index::ServiceReference& r : view.references().to_service(ns, name)) {
      uses.push_back(
          {r.reference->range, fmt::format("{} connects to it as {}", r.pod->meta.display(), r.reference->host)});
    }
    return uses;
  }
};

}  // namespace

const engine::Rule* service_without_endpoints() {
  static const ServiceWithoutEndpoints rule;
  return &rule;
}

}  // namespace netlint::rules
