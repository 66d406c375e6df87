// NL2016 networkpolicy-blocks-service-reference: a workload is configured to reach a Service (a
// URL or host in its env, args or a ConfigMap it reads: the reference index NL4002 uses), and the
// NetworkPolicies surely deny that connection to every pod behind the Service. Built on the
// evaluator: the flow client -> backend on the Service's targetPort, as resolved on each backend.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "analyzer/engine/rule.h"
#include "analyzer/index/label_index.h"
#include "analyzer/index/label_selector.h"
#include "analyzer/index/reference_index.h"
#include "rules/applied_together.h"
#include "rules/networkpolicy/isolating_policy.h"
#include "rules/service/service_backends.h"
#include "analyzer/index/service_lookup.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2016",
                               .name = "networkpolicy-blocks-service-reference",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "a workload names a Service that the NetworkPolicies do not let it reach",
                               .doc = R"md(## What it finds
A workload whose configuration names a cluster Service (a URL or `host:port` in an env value,
an argument, or a ConfigMap it reads as env or as a mounted file) that the NetworkPolicies do not
let it reach on that port: for every pod behind the Service, the connection on the Service
port's `targetPort` (resolved on that pod) is denied, either by the client's egress isolation or
by the backend's ingress isolation.

The finding sits on the reference, where the user sees what the workload connects to; the
isolating policy to extend and the Service are related locations.

## Why is this bad?
The application is configured to talk to that Service, and every connection attempt is dropped:
connection timeouts at start-up or on the first request, often blamed on the Service or DNS.

## How to fix
Extend the isolating policy: an egress rule on the client's policy to the Service's pods on the
target port, or an ingress rule on the backend's policy admitting the client, for example

```yaml
egress:
- to:
  - podSelector: {matchLabels: {app: orders}}
  ports:
  - port: 8080
```

## Known limitations
Silent when the port is unknown (a bare host without port on a Service with several ports, a
`$(VAR)` port), when the reference's port is no port of the Service, when the Service has no
selector or may select pods the view does not show, when the targetPort resolves on none of its
pods, and whenever any part of the flow depends on what the view does not show (labels,
namespaces without their object, CNI-specific policies, ipBlocks with an unknown CNI).
A pod naming its own Service is not checked. The reference and the isolating policy must be
applied together: `clusters:` is configured, or one's folder holds the other's (a policy in an
unrelated folder may belong to another install).
)md"};

// The one Service of that name, through the lookup (a scan of every Service per reference was
// quadratic: 10% of a 100,000-object run); nullptr for none or variants (which applies is unknown).
const model::Service* find_service(const index::ServiceLookup& services, std::string_view ns, std::string_view name) {
  const std::vector<const model::Service*>& found = services.find(ns, name);
  return found.size() == 1 ? found.front() : nullptr;
}

// The Service port a reference uses: the port it names (explicitly or by its scheme), else the
// Service's only port.
const model::ServicePort* service_port(const model::Service& service, const index::Reference& ref) {
  if (ref.port) {
    for (const model::ServicePort& sp : service.ports) {
      if (sp.port.value == *ref.port) return &sp;
    }
    return nullptr;
  }
  if (ref.port_explicit) return nullptr;  // written but unknown (`:$(PORT)`)
  return service.ports.size() == 1 ? &service.ports.front() : nullptr;
}

struct Backend {
  std::uint32_t workload;
  std::uint32_t port;
};

struct Key {
  std::uint32_t file, begin, end;
  const model::Service* service;
  const model::ServicePort* port;
  std::uint32_t policy;
  bool egress;
  auto tie() const { return std::tie(file, begin, end, service, port, policy, egress); }
  bool operator<(const Key& o) const { return tie() < o.tie(); }
};

struct Finding {
  const index::Reference* reference = nullptr;
  std::vector<std::uint32_t> clients;
  std::uint32_t backend = 0;  // the ingress side: the backend the policy isolates
  std::uint32_t target = 0;   // the pods' port
};

class NetworkPolicyBlocksServiceReference final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const model::Model& m = view.model();
    if (m.network_policies.empty()) return;
    const netpol::PolicyEngine& engine = view.policies();
    if (!engine.error().empty()) return;
    std::map<Key, Finding> findings;
    const index::ServiceLookup& services = view.services();
    for (const index::PodReferences& pod_refs : view.references().by_pod()) {
      const auto pod_index = static_cast<std::uint32_t>(pod_refs.pod - m.pod_sources.data());
      const std::optional<std::uint32_t> client = engine.workload_of_pod(pod_index);
      if (!client) continue;
      out.checking(pod_refs.pod->meta.object_range);
      for (const index::Reference& ref : pod_refs.references) {
        const std::string ns = index::service_namespace(ref, *pod_refs.pod);
        if (ns.empty() || !ref.range.valid()) continue;
        const model::Service* service = find_service(services, ns, ref.service);
        if (service == nullptr || !service->has_selector() || service->type.value == "ExternalName") continue;
        const model::ServicePort* sp = service_port(*service, ref);
        if (sp == nullptr) continue;
        netpol::Protocol protocol = netpol::Protocol::kTcp;
        if (!netpol::parse_protocol(sp->protocol.value, protocol)) continue;
        const std::optional<std::vector<Backend>> backends = backends_of(view, engine, *service, *sp);
        if (!backends) continue;
        if (std::any_of(backends->begin(), backends->end(), [&](const Backend& b) { return b.workload == *client; }))
          continue;
        const bool denied = std::all_of(backends->begin(), backends->end(), [&](const Backend& b) {
          return !engine.between(*client, b.workload).possible.contains(protocol, b.port);
        });
        if (!denied) continue;
        const bool egress = std::all_of(backends->begin(), backends->end(), [&](const Backend& b) {
          return !engine.egress_part(*client, b.workload).possible.contains(protocol, b.port);
        });
        std::optional<std::uint32_t> policy;
        Backend blocked = backends->front();
        if (egress) {
          policy = broadest_isolating(view, engine.isolating(*client, false));
        } else {
          for (const Backend& b : *backends) {
            if (engine.ingress_part(*client, b.workload).possible.contains(protocol, b.port)) continue;
            blocked = b;
            policy = broadest_isolating(view, engine.isolating(b.workload, true));
            break;
          }
        }
        // The reference and the policy must be applied to one cluster: without `clusters:`, a
        // policy in an unrelated folder may belong to another install (microservices-demo's
        // plain manifests beside its kustomize network-policies component).
        if (!policy || !applied_together(view, ref.range.file, m.network_policies[*policy].meta.object_range.file))
          continue;
        Finding& f = findings[Key{ref.range.file, ref.range.begin, ref.range.end, service, sp, *policy, egress}];
        if (f.reference == nullptr) f = Finding{&ref, {}, blocked.workload, blocked.port};
        if (std::find(f.clients.begin(), f.clients.end(), *client) == f.clients.end()) f.clients.push_back(*client);
      }
    }
    for (const auto& [key, f] : findings) report(view, engine, key, f, out);
  }

 private:
  // The workloads behind a Service with the port each listens on; nullopt when the Service may
  // select pods the view does not show, or the port resolves on none of them.
  static std::optional<std::vector<Backend>> backends_of(const engine::View& view, const netpol::PolicyEngine& engine,
                                                         const model::Service& service, const model::ServicePort& sp) {
    const index::SelectorMatches matches =
        view.labels().match(service.meta.namespace_name.value, index::selector_from_map(service.selector));
    if (!matches.maybe.empty()) return std::nullopt;
    std::vector<Backend> out;
    for (index::PodId id : matches.yes) {
      const model::PodSource& pod = view.labels().pod(id);
      if (pod.synthetic || !pod.containers_known) return std::nullopt;
      const std::optional<std::uint32_t> w = engine.workload_of_pod(id);
      const std::optional<std::uint32_t> port = target_port_on(sp, pod);
      if (!w || !port) continue;  // a pod the targetPort does not resolve on is no endpoint (NL1003)
      out.push_back({*w, *port});
    }
    if (out.empty()) return std::nullopt;
    return out;
  }

  static void report(const engine::View& view, const netpol::PolicyEngine& engine, const Key& key, const Finding& f,
                     engine::Sink& out) {
    const model::NetworkPolicy& policy = view.model().network_policies[key.policy];
    const index::Reference& ref = *f.reference;
    const std::string who = workload_list(engine, f.clients);
    const std::string conn = fmt::format("{} {}", key.port->protocol.value, f.target);
    const std::string service = service_port_display(*key.service, *key.port);
    const std::string why = key.egress
                                ? fmt::format("{} isolates its egress and no rule allows {} to the Service's pods",
                                              policy.meta.display(), conn)
                                : fmt::format("{} isolates the ingress of {} and no rule admits {} from it",
                                              policy.meta.display(), engine.workloads()[f.backend].display(), conn);
    diag::Diagnostic& d =
        out.report(key_range(key), fmt::format("{} names {} (\"{}\", {}) but the NetworkPolicies deny it: {}", who,
                                               service, ref.text, index::reference_origin_name(ref.origin), why));
    d.help = key.egress ? fmt::format("add an egress rule to {}'s pods on {}", key.service->meta.display(), conn)
                        : fmt::format("add an ingress rule admitting {} on {}", who, conn);
    if (policy.meta.name.range.valid())
      d.related.push_back({policy.meta.name.range, fmt::format("the isolating {}", policy.meta.display())});
    if (key.service->meta.name.range.valid())
      d.related.push_back({key.service->meta.name.range, key.service->meta.display()});
  }

  static SourceRange key_range(const Key& key) { return SourceRange{key.file, key.begin, key.end}; }
};

}  // namespace

const engine::Rule* networkpolicy_blocks_service_reference() {
  static const NetworkPolicyBlocksServiceReference rule;
  return &rule;
}

}  // namespace netlint::rules
