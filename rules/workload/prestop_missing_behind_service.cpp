// NL6102 prestop-missing-behind-service: pods that take outside traffic through a Service, with
// nothing that delays their shutdown until the endpoint removal has spread.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <unordered_map>

#include <fmt/format.h>

#include "analyzer/source/path_parts.h"
#include "rules/applied_together.h"
#include "analyzer/engine/rule.h"
#include "rules/service/gateway_pods.h"
#include "rules/service/service_backends.h"
#include "analyzer/index/service_lookup.h"
#include "rules/workload/scaling_evidence.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleOption kOptions[] = {
    {.name = "minReplicas",
     .type = "integer",
     .default_value = "1",
     .description = "2: only workloads with `replicas` of at least 2, or targeted by a HorizontalPodAutoscaler or a "
                    "PodDisruptionBudget (with the default RollingUpdate a one-replica Deployment still overlaps, "
                    "so 1 reports it too)"},
};

constexpr diag::RuleInfo kInfo{.code = "NL6102",
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
`*-metrics`) are no exposure.

Silent where no rollout is hitless anyway: `strategy: Recreate` (Deployments) and `OnDelete`
(StatefulSets, DaemonSets), 0 replicas, single-replica StatefulSets, and a single replica with
an `emptyDir` mounted anywhere but the scratch directories (`/tmp`, `/run`, `/var/tmp`,
`/var/run`, `/var/cache` and below them: its state starts empty on every rollout). Also silent
for pods whose only serving containers are istio `proxyv2` gateways (pilot-agent drains Envoy on
SIGTERM). With the option `minReplicas: 2`, only workloads with `replicas` of at least 2 or
targeted by a HorizontalPodAutoscaler or a PodDisruptionBudget are checked.

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
netlint cannot see that. Bare Pods, Jobs and CronJobs are not checked. Gateway API routes are
not yet read as exposure.
)md",
                               .options = kOptions};

bool serves_long_lived(const model::PodSource& pod) {
  const std::string& kind = pod.meta.kind.value;
  return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet";
}

// Scratch directories (RULES.md NL6102): `tmp` and `run` at the root; `tmp`, `run` and `cache`
// under `var`; and below them. An emptyDir there holds nothing a rollout would lose.
bool scratch_path(std::string_view path) {
  while (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
  for (std::string_view dir : {"/tmp", "/run", "/var/tmp", "/var/run", "/var/cache"}) {
    if (path == dir || (path.starts_with(dir) && path.size() > dir.size() && path[dir.size()] == '/')) return true;
  }
  return false;
}

// An emptyDir volume mounted by some container outside the scratch directories: state that every
// replacement pod starts without.
bool empty_dir_state(const model::PodSource& pod) {
  for (const model::Container& c : pod.containers) {
    for (const model::VolumeMount& m : c.volume_mounts) {
      const bool empty_dir = std::find(pod.empty_dir_volumes.begin(), pod.empty_dir_volumes.end(), m.name.value) !=
                             pod.empty_dir_volumes.end();
      if (empty_dir && !scratch_path(m.mount_path.value)) return true;
    }
  }
  return false;
}

// RULES.md v3: workloads no rollout makes hitless anyway: `Recreate` and `OnDelete` rollouts
// (old pods go before new ones come, or only when deleted by hand), 0 replicas, a single-replica
// StatefulSet (its one pod is replaced, never overlapped), a single replica holding state in an
// emptyDir, and pods whose only serving containers drain themselves (istio `proxyv2` gateways:
// pilot-agent drains Envoy on SIGTERM).
bool exempt(const model::PodSource& pod) {
  if (pod.update_strategy == "Recreate" || pod.update_strategy == "OnDelete") return true;
  if (pod.replicas && pod.replicas->value == 0) return true;
  const bool single = pod.meta.kind.value != "DaemonSet" && (!pod.replicas || pod.replicas->value == 1);
  if (single && (pod.meta.kind.value == "StatefulSet" || empty_dir_state(pod))) return true;
  const auto serving = serving_containers(pod, true);
  return !serving.empty() && std::all_of(serving.begin(), serving.end(),
                                         [](const model::Container* c) { return is_istio_gateway_proxy(*c); });
}

// Option minReplicas: a workload below it is checked only when an autoscaler or a disruption
// budget says it runs (or is meant to keep) more pods than written. DaemonSets have no replicas.
// `scaling` is built only when the option asks for more than one replica.
bool below_min_replicas(const ScalingEvidence* scaling, const model::PodSource& pod, std::int64_t min_replicas) {
  if (min_replicas <= 1 || scaling == nullptr || pod.meta.kind.value == "DaemonSet") return false;
  const std::int64_t replicas = pod.replicas ? pod.replicas->value : 1;
  return replicas < min_replicas && !scaling->autoscaler_targets(pod) && !scaling->disruption_budget_covers(pod);
}

bool metrics_name(std::string_view name) {
  return name == "metrics" || name.ends_with("-metrics");
}

// A Service whose ports all serve metrics is no exposure.
bool metrics_only(const model::Service& s) {
  return !s.ports.empty() && std::all_of(s.ports.begin(), s.ports.end(),
                                         [](const model::ServicePort& p) { return metrics_name(p.name.value); });
}

// Same directory, or the same kustomize build (RULES.md NL6102's "same directory or build").
// Where the outside-traffic entries are (LoadBalancer Services, Ingresses): per namespace, their
// builds ("b" + build) and directories ("d" + folder), found once instead of a scan of every
// Service and Ingress per NodePort Service.
class EntryPlaces {
  static std::string place(char kind, std::string_view where) {
    std::string out(1, kind);
    out.append(where);
    return out;
  }

 public:
  void add(const engine::View& view, const model::ObjectMeta& entry) {
    const SourceFile& f = view.model().file(entry.file);
    if (!f.apply_build.empty()) places_.emplace(entry.namespace_name.value, place('b', f.apply_build));
    places_.emplace(entry.namespace_name.value, place('d', path_dirname(f.path)));
  }
  // An entry in the object's namespace and in its directory or build.
  bool near(const engine::View& view, const model::ObjectMeta& object) const {
    const SourceFile& f = view.model().file(object.file);
    const std::string& ns = object.namespace_name.value;
    return (!f.apply_build.empty() && places_.count({ns, place('b', f.apply_build)}) != 0) ||
           places_.count({ns, place('d', path_dirname(f.path))}) != 0;
  }

 private:
  std::set<std::pair<std::string, std::string>> places_;
};

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
    const bool beside = std::any_of(group.variants.begin(), group.variants.end(),
                                    [&](const model::PodSource* p) { return p->meta.file == service.meta.file; });
    for (const model::PodSource* pod : group.variants) {
      if (beside ? pod->meta.file == service.meta.file : applied_together(view, pod->meta.file, service.meta.file))
        out.push_back(pod);
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
    const index::ServiceLookup& services = view.services();
    const std::int64_t min_replicas = out.option_integer("minReplicas");
    std::optional<ScalingEvidence> scaling;
    if (min_replicas > 1) scaling.emplace(view);
    std::unordered_map<const model::Service*, std::vector<Exposure>> exposed;
    for (const model::Service& s : m.services) {
      if (s.type.value == "LoadBalancer" && !metrics_only(s))
        exposed[&s].push_back({"type " + s.type.value, s.type.range});
    }
    // A NodePort Service is exposure only when no LoadBalancer Service or route exists for its
    // namespace in its directory or build: where one does, an unrouted NodePort is internal
    // (GCE-style Ingress backends must be NodePort, and are exposed through their route).
    EntryPlaces entries;
    for (const model::Service& o : m.services) {
      if (o.type.value == "LoadBalancer") entries.add(view, o.meta);
    }
    for (const model::Ingress& i : m.ingresses) entries.add(view, i.meta);
    for (const model::Service& s : m.services) {
      if (s.type.value != "NodePort" || metrics_only(s)) continue;
      if (!entries.near(view, s.meta)) exposed[&s].push_back({"type " + s.type.value, s.type.range});
    }
    for (const model::Ingress& ingress : m.ingresses) {
      ingress.for_each_backend([&](const model::IngressBackend& backend, const model::IngressPath* path) {
        // Routes that serve only metrics are no exposure.
        if ((path != nullptr && path->path.value == "/metrics") || metrics_name(backend.port_name.value)) return;
        for (const model::Service* s : services.find(ingress.meta.namespace_name.value, backend.service_name.value)) {
          if (!applied_together(view, ingress.meta.file, s->meta.file)) continue;
          std::vector<Exposure>& e = exposed[s];
          const std::string how = ingress.meta.display();
          if (std::none_of(e.begin(), e.end(), [&](const Exposure& x) { return x.how == how; }))
            e.push_back({how, backend.service_name.range});
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
        if (!serves_long_lived(*pod) || has_pre_stop(*pod) || exempt(*pod) ||
            below_min_replicas(scaling ? &*scaling : nullptr, *pod, min_replicas))
          continue;
        if (const auto r = reported.find(pod); r != reported.end()) {
          out.diagnostics()[r->second].related.push_back(
              {s.meta.name.range, fmt::format("also behind {}", s.meta.display())});
          continue;
        }
        out.checking(pod->meta.object_range);
        const Exposure& first = it->second.front();
        diag::Diagnostic& d = out.report(
            pod->meta.name.range,
            fmt::format("{} has no preStop delay, but {} sends it outside traffic ({}): during a rollout, requests "
                        "still routed to a terminating pod fail "
                        "until the endpoint removal reaches kube-proxy, the ingress controller and the load balancer",
                        pod->meta.display(), s.meta.display(), first.how));
        d.help =
            "add lifecycle.preStop.sleep.seconds: 5 (Kubernetes 1.30+) or an exec `sleep 5` to the serving container";
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
