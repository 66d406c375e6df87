// NL1010 service-internal-traffic-local: internalTrafficPolicy Local in front of workloads that
// do not run on every node.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyzer/engine/rule.h"
#include "rules/service/service_backends.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL1010",
                               .name = "service-internal-traffic-local",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "internalTrafficPolicy Local on a Service whose backends are not a DaemonSet",
                               .doc = R"md(## What it finds
A Service with `internalTrafficPolicy: Local` whose selected workloads are not all DaemonSets.

## Why is this bad?
With `Local`, kube-proxy sends a client's traffic only to endpoints on the client's own node,
and drops it when there is none. A Deployment's pods run on a few nodes only: clients on every
other node get their connections dropped, depending on where they were scheduled.

## How to fix
Remove `internalTrafficPolicy` (the default is `Cluster`), or run the backends as a DaemonSet
(node-local agents, caches) when node-local traffic is the point.

## Known limitations
A Deployment whose pods are spread to every node (a topology spread or anti-affinity with as
many replicas as nodes) is still reported: the view does not know the number of nodes.
)md"};

class ServiceInternalTrafficLocal final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::Service& service : view.model().services) {
      if (service.internal_traffic_policy.value != "Local") continue;
      out.checking(service.meta.object_range);
      std::vector<std::string> others;
      for (const model::PodSource* pod : selected_backends(view, service)) {
        if (pod->meta.kind.value != "DaemonSet") others.push_back(pod->meta.display());
      }
      if (others.empty()) continue;
      diag::Diagnostic& d = out.report(
          service.internal_traffic_policy.range,
          fmt::format(
              "internalTrafficPolicy Local, but {} {} not run on every node: clients on nodes without one of its pods "
              "have their traffic dropped",
              fmt::join(others, ", "), others.size() == 1 ? "does" : "do"));
      d.help = "remove internalTrafficPolicy (default Cluster), or run the backend as a DaemonSet";
    }
  }
};

}  // namespace

const engine::Rule* service_internal_traffic_local() {
  static const ServiceInternalTrafficLocal rule;
  return &rule;
}

}  // namespace netlint::rules
