// NL1007 statefulset-service-not-headless: a StatefulSet's serviceName names a Service that is
// not headless.
#include <fmt/format.h>

#include "rules/service_lookup.h"
#include "rules/rule_factories.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL1007",
    .name = "statefulset-service-not-headless",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kBestPractice,
    .summary = "a StatefulSet's serviceName names a Service that is not headless",
    .doc = R"md(## What it finds
A StatefulSet whose `serviceName` (its governing Service) names a Service of its namespace that
has a ClusterIP instead of `clusterIP: None`.

## Why is this bad?
The governing Service exists so that every pod gets a stable DNS name
(`db-0.db.prod.svc.cluster.local`) and the Service name resolves to the set of pods. With a
ClusterIP, the Service name resolves to one virtual IP that balances across the pods, which
breaks peer discovery through it (database clusters, ZooKeeper, Kafka); per-pod names are then
outside the DNS specification, even though CoreDNS serves them anyway.

## How to fix
Make the governing Service headless (`clusterIP: None`; the field cannot be changed in place, so
delete and recreate the Service), and add a second, ordinary Service for clients that want one
balanced address.

## Known limitations
A governing Service that is missing from the view is not reported here. Applications that never
resolve their peers by DNS (they shard by the pod's ordinal) work with a ClusterIP Service; the
finding is then about the StatefulSet contract, not an outage.
)md"};

class StatefulSetServiceNotHeadless final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const ServiceLookup services(view.model());
    for (const model::PodSource& pod : view.model().pod_sources) {
      if (pod.meta.kind.value != "StatefulSet" || pod.service_name.value.empty()) continue;
      out.checking(pod.meta.object_range);
      const auto& named = services.find(pod.meta.namespace_name.value, pod.service_name.value);
      // Any headless variant of the Service settles it; an absent Service is another rule's.
      if (named.empty()) continue;
      bool headless = false;
      for (const model::Service* s : named) headless = headless || s->headless() || s->type.value == "ExternalName";
      if (headless) continue;
      const model::Service& service = *named.front();
      diag::Diagnostic& d = out.report(
          pod.service_name.range,
          fmt::format("serviceName \"{}\" names {}, which is not headless: the name resolves to one ClusterIP instead of the "
                      "StatefulSet's pods, so peers cannot find each other through it",
                      pod.service_name.value, service.meta.display()));
      d.help = fmt::format("give {} clusterIP: None (recreate it), and add a separate Service for clients", service.meta.display());
      d.related.push_back({service.cluster_ip.range.valid() ? service.cluster_ip.range : service.meta.name.range,
                           fmt::format("{}", service.meta.display())});
    }
  }
};

}  // namespace

const engine::Rule* statefulset_service_not_headless() {
  static const StatefulSetServiceNotHeadless rule;
  return &rule;
}

}  // namespace netlint::rules
