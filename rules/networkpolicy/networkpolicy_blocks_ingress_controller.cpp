// NL2014 networkpolicy-blocks-ingress-controller: an Ingress served by an ingress-nginx controller
// routes to pods whose ingress is isolated, and no rule admits the controller on the port the
// backend needs. Built on the evaluator (RULES.md NL2xxx): the flow controller -> backend must be
// surely denied on the backend's ingress side for every controller workload serving the class.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "analyzer/netpol/ingress_targets.h"
#include "rules/applied_together.h"
#include "rules/ingress_nginx/nginx_rule_support.h"
#include "rules/networkpolicy/isolating_policy.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2014",
                               .name = "networkpolicy-blocks-ingress-controller",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a NetworkPolicy stops ingress-nginx from reaching an Ingress backend",
                               .doc = R"md(## What it finds
An Ingress served by an ingress-nginx controller of the view routes to a Service whose pods are
isolated for ingress by a NetworkPolicy, and no rule of the isolating policies admits the
controller's pods on the port the backend needs (the Service port the backend names, mapped to
its `targetPort` on the pods). For a controller with `hostNetwork: true` the traffic comes from
the node's address, which pod and namespace selectors never match.

The finding sits on the isolating policy to extend (the broadest, usually the default deny);
the Ingress backend and the controller are related locations.

## Why is this bad?
Every request through the Ingress ends in a 502 or 504 from nginx: the controller cannot open a
connection to the pods. The application works when tested from inside its namespace, which
hides the cause.

## How to fix
Add an ingress rule that admits the controller's pods on the target port:

```yaml
ingress:
- from:
  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
    podSelector: {matchLabels: {app.kubernetes.io/name: ingress-nginx}}
  ports:
  - port: 8080
```

For a `hostNetwork` controller, admit the nodes' addresses with an `ipBlock`.

## Known limitations
Silent when the ingress controllers fact is unknown or ambiguous (variants of a controller, or
one configured in `.netlint.yaml` whose pods are not in the view), when the Ingress's class has no
controller in the view, when any part of the flow depends on what the view does not show, and,
for a `hostNetwork` controller, when the node CIDRs are not configured. The Ingress and the
isolating policy must be applied together: `clusters:` is configured, or one's folder holds the
other's (a policy in an unrelated folder may belong to another install). Only TCP ports the
backend pods declare are checked (as the connectivity report does).
)md"};

struct Finding {
  std::set<std::uint32_t> ports;
  std::vector<diag::RelatedLocation> backends;
};

class NetworkPolicyBlocksIngressController final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    if (view.model().network_policies.empty() || view.model().ingresses.empty()) return;
    // Variants of one controller that disagree do not say which one serves an Ingress.
    if (view.facts().ingress_controllers.state != facts::State::kKnown) return;
    const netpol::PolicyEngine& engine = view.policies();
    if (!engine.error().empty()) return;
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const std::vector<nginx::NginxIngress> ingresses = nginx::nginx_ingresses(view, controllers);
    // (isolating policy, backend workload, controller workloads) -> ports and Ingress backends.
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::vector<std::uint32_t>>, Finding> findings;
    for (const nginx::NginxIngress& n : ingresses) {
      if (n.serving.controllers.empty()) continue;
      const std::optional<std::vector<std::uint32_t>> sources =
          controller_workloads(view, engine, n.serving.controllers);
      if (!sources) continue;
      out.checking(n.ingress->meta.object_range);
      const std::string& ns = n.ingress->meta.namespace_name.value;
      n.ingress->for_each_backend([&](const model::IngressBackend& backend, const model::IngressPath*) {
        for (const auto& [backend_workload, conns] : netpol::backend_targets(view.model(), engine, ns, backend)) {
          const std::uint32_t target = backend_workload;  // a plain variable: lambdas below capture it (clang 15)
          if (std::find(sources->begin(), sources->end(), target) != sources->end()) continue;
          const std::optional<std::uint32_t> policy = broadest_isolating(view, engine.isolating(target, true));
          // Without `clusters:`, a policy in an unrelated folder may belong to another install.
          if (!policy || !applied_together(view, n.ingress->meta.object_range.file,
                                           view.model().network_policies[*policy].meta.object_range.file)) {
            continue;
          }
          for (const auto& [low, high] : conns.ports(netpol::Protocol::kTcp).ranges()) {
            // The pods' declared ports: single ports in practice (a range is capped, not walked).
            for (std::uint32_t port = low; port <= high && port - low < 64; ++port) {
              const bool denied = std::all_of(sources->begin(), sources->end(), [&](std::uint32_t c) {
                return !engine.ingress_part(c, target).possible.contains(netpol::Protocol::kTcp, port);
              });
              if (!denied) continue;
              Finding& f = findings[{*policy, target, *sources}];
              f.ports.insert(port);
              const diag::RelatedLocation rel{
                  backend.key,
                  fmt::format("backend Service {} of {}", backend.service_name.value, n.ingress->meta.display())};
              if (std::find_if(f.backends.begin(), f.backends.end(), [&](const diag::RelatedLocation& r) {
                    return r.range == rel.range;
                  }) == f.backends.end()) {
                f.backends.push_back(rel);
              }
            }
          }
        }
      });
    }
    for (const auto& [key, f] : findings) {
      const auto& [policy_index, target, sources] = key;
      const model::NetworkPolicy& policy = view.model().network_policies[policy_index];
      out.checking(policy.meta.object_range);
      const bool host_network = std::any_of(sources.begin(), sources.end(),
                                            [&](std::uint32_t c) { return engine.workloads()[c].host_network; });
      diag::Diagnostic& d = out.report(
          policy_anchor(policy),
          fmt::format("{} isolates the ingress of {} and no rule admits the ingress controller {}{} on TCP {}: "
                      "requests through {} fail with 502/504",
                      policy.meta.display(), engine.workloads()[target].display(), workload_list(engine, sources),
                      host_network ? " (hostNetwork: the nodes' addresses)" : "", fmt::join(f.ports, ","),
                      f.backends.size() == 1 ? "its Ingress" : "its Ingresses"));
      d.help = host_network
                   ? fmt::format("add an ingress rule admitting the nodes' addresses (ipBlock) on TCP {}",
                                 fmt::join(f.ports, ","))
                   : fmt::format("add an ingress rule admitting the controller's pods (namespace {}) on TCP {}",
                                 engine.workloads()[sources.front()].namespace_name, fmt::join(f.ports, ","));
      d.related = f.backends;
      for (std::uint32_t c : sources) {
        const model::PodSource& pod = view.model().pod_sources[engine.workloads()[c].pods.front()];
        if (pod.template_key.valid())
          d.related.push_back({pod.template_key, fmt::format("the ingress controller {}", pod.meta.display())});
      }
    }
  }

 private:
  // The evaluator's workloads of the controllers serving a class; nullopt when some controller's
  // pods are not in the view (configured in .netlint.yaml), or a hostNetwork controller's node
  // addresses are unknown (the node CIDRs are configuration only).
  static std::optional<std::vector<std::uint32_t>> controller_workloads(
      const engine::View& view, const netpol::PolicyEngine& engine,
      const std::vector<const nginx::Controller*>& serving) {
    std::vector<std::uint32_t> out;
    const model::Model& m = view.model();
    for (const nginx::Controller* c : serving) {
      bool found = false;
      for (std::uint32_t i = 0; i < m.pod_sources.size(); ++i) {
        const model::PodSource& pod = m.pod_sources[i];
        if (pod.synthetic || pod.meta.namespace_name.value != c->fact->namespace_name ||
            pod.meta.display() != c->fact->workload)
          continue;
        const std::optional<std::uint32_t> w = engine.workload_of_pod(i);
        if (!w) return std::nullopt;
        const auto& nodes = view.facts().node_cidrs;
        if (engine.workloads()[*w].host_network && !nodes.ipv4.usable() && !nodes.ipv6.usable()) return std::nullopt;
        if (std::find(out.begin(), out.end(), *w) == out.end()) out.push_back(*w);
        found = true;
      }
      if (!found) return std::nullopt;
    }
    if (out.empty()) return std::nullopt;
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace

const engine::Rule* networkpolicy_blocks_ingress_controller() {
  static const NetworkPolicyBlocksIngressController rule;
  return &rule;
}

}  // namespace netlint::rules
