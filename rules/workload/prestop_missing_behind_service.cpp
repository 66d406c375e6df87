// NL6102 prestop-missing-behind-service: pods that take outside traffic through a Service, with
// nothing that delays their shutdown until the endpoint removal has spread.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "rules/applied_together.h"
#include "rules/rule_factories.h"
#include "rules/service/service_backends.h"
#include "rules/service_lookup.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL6102",
    .name = "prestop-missing-behind-service",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kBestPractice,
    .summary = "pods behind an exposed Service with no preStop delay",
    .doc = R"md(## What it finds
A Deployment, StatefulSet, DaemonSet or ReplicaSet whose pods a Service selects, where the
Service takes traffic from outside the cluster (it is `type: LoadBalancer` or `NodePort`, or an
Ingress routes to it), and no serving container of the pods has a `preStop` hook.

The Service, its Ingress and the workload are paired only when they are applied together: when
one's folder holds the other's, or `.netlint.yaml` declares the view one cluster.

## Why is this bad?
When a pod is deleted (every rollout), the kubelet sends SIGTERM while the removal of its
endpoint is still on its way to kube-proxy on every node, to the ingress controller and to the
cloud load balancer. For a few seconds new requests are still routed to the pod; a server that
stops at once on SIGTERM refuses them or cuts them off, and users see errors on every deploy.
A short `preStop` delay keeps the pod serving until the routing has caught up.

## How to fix
Add a `preStop` hook that waits a few seconds before the container is signalled:
`lifecycle: {preStop: {sleep: {seconds: 5}}}` (Kubernetes 1.30 and later) or
`exec: {command: ["sleep", "5"]}`, and keep `terminationGracePeriodSeconds` above the delay
plus the server's own drain time (NL6101).

## Known limitations
A server that keeps accepting requests for a while after SIGTERM by itself needs no hook, and
netlint cannot see that. Bare Pods, Jobs and CronJobs are not checked.
)md"};

bool serves_long_lived(const model::PodSource& pod) {
  const std::string& kind = pod.meta.kind.value;
  return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet";
}

bool has_pre_stop(const model::PodSource& pod) {
  for (const model::Container* c : serving_containers(pod, true)) {
    if (c->pre_stop) return true;
  }
  return false;
}

// The workloads a Service sends traffic to, each applied with it. A workload written in the
// Service's own file in several variants (httpbin.yaml and httpbin-nodeport.yaml, each with its
// Deployment and Service) pairs only with the variant beside the Service.
std::vector<const model::PodSource*> exposed_backends(const engine::View& view, const model::Service& service) {
  std::vector<const model::PodSource*> out;
  for (const Backend& group : backend_groups(view, service)) {
    const bool beside = std::any_of(group.variants.begin(), group.variants.end(), [&](const model::PodSource* p) { return p->meta.file == service.meta.file; });
    for (const model::PodSource* pod : group.variants) {
      if (beside ? pod->meta.file == service.meta.file : applied_together(view, pod->meta.file, service.meta.file)) out.push_back(pod);
    }
  }
  return out;
}

// How outside traffic reaches a Service: its own type, or an Ingress applied with it.
struct Exposure {
  std::string how;  // "type LoadBalancer", "Ingress shop/web"
  SourceRange range;
};

class PrestopMissingBehindService final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const model::Model& m = view.model();
    const ServiceLookup services(m);
    std::unordered_map<const model::Service*, std::vector<Exposure>> exposed;
    for (const model::Service& s : m.services) {
      if (s.type.value == "LoadBalancer" || s.type.value == "NodePort") exposed[&s].push_back({"type " + s.type.value, s.type.range});
    }
    for (const model::Ingress& ingress : m.ingresses) {
      ingress.for_each_backend([&](const model::IngressBackend& backend, const model::IngressPath*) {
        for (const model::Service* s : services.find(ingress.meta.namespace_name.value, backend.service_name.value)) {
          if (!applied_together(view, ingress.meta.file, s->meta.file)) continue;
          std::vector<Exposure>& e = exposed[s];
          const std::string how = ingress.meta.display();
          if (std::none_of(e.begin(), e.end(), [&](const Exposure& x) { return x.how == how; })) e.push_back({how, backend.service_name.range});
        }
      });
    }
    // One finding per workload, naming the first Service that exposes it.
    // Indexes into the sink's findings (references would not survive later reports).
    std::unordered_map<const model::PodSource*, std::size_t> reported;
    for (const model::Service& s : m.services) {
      const auto it = exposed.find(&s);
      if (it == exposed.end() || !s.has_selector()) continue;
      for (const model::PodSource* pod : exposed_backends(view, s)) {
        if (!serves_long_lived(*pod) || has_pre_stop(*pod)) continue;
        if (const auto r = reported.find(pod); r != reported.end()) {
          out.diagnostics()[r->second].related.push_back({s.meta.name.range, fmt::format("also behind {}", s.meta.display())});
          continue;
        }
        out.checking(pod->meta.object_range);
        const Exposure& first = it->second.front();
        diag::Diagnostic& d = out.report(
            pod->meta.name.range,
            fmt::format("{} has no preStop delay, but {} sends it outside traffic ({}): during a rollout, requests still routed to a terminating pod fail "
                        "until the endpoint removal reaches kube-proxy, the ingress controller and the load balancer",
                        pod->meta.display(), s.meta.display(), first.how));
        d.help = "add lifecycle.preStop.sleep.seconds: 5 (Kubernetes 1.30+) or an exec `sleep 5` to the serving container";
        for (const Exposure& e : it->second) d.related.push_back({e.range, "exposed by " + e.how});
        reported.emplace(pod, out.diagnostics().size() - 1);
      }
    }
  }
};

}  // namespace

const engine::Rule* prestop_missing_behind_service() {
  static const PrestopMissingBehindService rule;
  return &rule;
}

}  // namespace netlint::rules
