// NL6102 prestop-missing-behind-service: pods that take outside traffic through a Service, with
// nothing that delays their shutdown until the endpoint removal has spread.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "analyzer/source/path_parts.h"
#include "rules/applied_together.h"
#include "rules/rule_factories.h"
#include "rules/service/gateway_pods.h"
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
Service takes traffic from outside the cluster (it is `type: LoadBalancer`, or an Ingress
routes to it, or it is `type: NodePort` and no LoadBalancer Service or Ingress of its namespace
sits in its directory or kustomize build), and no serving container of the pods has a `preStop`
hook. Routes and ports that serve only metrics (path `/metrics`, port names `metrics`,
`*-metrics`) are no exposure. Silent for 0 replicas, single-replica StatefulSets, and pods whose
only serving containers are istio `proxyv2` gateways (pilot-agent drains Envoy on SIGTERM).

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
netlint cannot see that. Bare Pods, Jobs and CronJobs are not checked. Not yet exempt:
`strategy: Recreate`/`OnDelete` and single replicas with an emptyDir; Gateway API routes are not
yet read as exposure.
)md"};

bool serves_long_lived(const model::PodSource& pod) {
  const std::string& kind = pod.meta.kind.value;
  return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet";
}

// RULES.md v3: workloads no rollout makes hitless anyway: 0 replicas, a single-replica
// StatefulSet (its one pod is replaced, never overlapped), and pods whose only serving
// containers drain themselves (istio `proxyv2` gateways: pilot-agent drains Envoy on SIGTERM).
// Not yet: `strategy: Recreate`/`OnDelete` and single replicas with an emptyDir (the model does
// not keep them).
bool exempt(const model::PodSource& pod) {
  if (pod.replicas && pod.replicas->value == 0) return true;
  if (pod.meta.kind.value == "StatefulSet" && (!pod.replicas || pod.replicas->value == 1)) return true;
  const auto serving = serving_containers(pod, true);
  return !serving.empty() && std::all_of(serving.begin(), serving.end(), [](const model::Container* c) { return is_istio_gateway_proxy(*c); });
}

bool metrics_name(std::string_view name) { return name == "metrics" || name.ends_with("-metrics"); }

// A Service whose ports all serve metrics is no exposure.
bool metrics_only(const model::Service& s) {
  return !s.ports.empty() && std::all_of(s.ports.begin(), s.ports.end(), [](const model::ServicePort& p) { return metrics_name(p.name.value); });
}

// Same directory, or the same kustomize build (RULES.md NL6102's "same directory or build").
bool same_directory_or_build(const engine::View& view, FileId a, FileId b) {
  const SourceFile& fa = view.model().file(a);
  const SourceFile& fb = view.model().file(b);
  if (!fa.apply_build.empty() && fa.apply_build == fb.apply_build) return true;
  return path_dirname(fa.path) == path_dirname(fb.path);
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
      if (s.type.value == "LoadBalancer" && !metrics_only(s)) exposed[&s].push_back({"type " + s.type.value, s.type.range});
    }
    // A NodePort Service is exposure only when no LoadBalancer Service or route exists for its
    // namespace in its directory or build: where one does, an unrouted NodePort is internal
    // (GCE-style Ingress backends must be NodePort, and are exposed through their route).
    for (const model::Service& s : m.services) {
      if (s.type.value != "NodePort" || metrics_only(s)) continue;
      const auto near_entry = [&](const model::ObjectMeta& other) {
        return other.namespace_name.value == s.meta.namespace_name.value && same_directory_or_build(view, other.file, s.meta.file);
      };
      const bool entry_beside =
          std::any_of(m.services.begin(), m.services.end(), [&](const model::Service& o) { return o.type.value == "LoadBalancer" && near_entry(o.meta); }) ||
          std::any_of(m.ingresses.begin(), m.ingresses.end(), [&](const model::Ingress& i) { return near_entry(i.meta); });
      if (!entry_beside) exposed[&s].push_back({"type " + s.type.value, s.type.range});
    }
    for (const model::Ingress& ingress : m.ingresses) {
      ingress.for_each_backend([&](const model::IngressBackend& backend, const model::IngressPath* path) {
        // Routes that serve only metrics are no exposure.
        if ((path != nullptr && path->path.value == "/metrics") || metrics_name(backend.port_name.value)) return;
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
        if (!serves_long_lived(*pod) || has_pre_stop(*pod) || exempt(*pod)) continue;
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
