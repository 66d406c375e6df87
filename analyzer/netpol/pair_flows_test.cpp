// PairFlows must give every pair exactly engine.between's flow while computing it only once per
// class pair: compared on every pair of a cluster with named ports, both directions isolated
// here and there, namespace selectors, ipBlocks and labels the view does not show.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>

#include "analyzer/netpol/pair_flows.h"
#include "analyzer/netpol/policy_engine.h"
#include "analyzer/testing/load_texts.h"

namespace netlint::netpol {
namespace {

std::string cluster() {
  std::string out;
  const char* tiers[] = {"web", "api", "db"};
  for (int n = 0; n < 3; ++n) {
    out += fmt::format("---\napiVersion: v1\nkind: Namespace\nmetadata: {{name: ns{0}, labels: {{team: t{1}}}}}\n", n,
                       n % 2);
  }
  for (int p = 0; p < 24; ++p) {
    out += fmt::format(
        "---\napiVersion: v1\nkind: Pod\nmetadata: {{name: p{0}, namespace: ns{1}, labels: {{app: p{0}, tier: {2}}}}}\n"
        "spec:\n  containers:\n  - name: c\n    ports: [{{name: http, containerPort: {3}}}, {{name: dns, "
        "containerPort: 53, protocol: UDP}}]\n",
        p, p % 3, tiers[p % 3], 8000 + p % 4);
  }
  out += R"(---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: ns0}
spec: {podSelector: {}, policyTypes: [Ingress, Egress], egress: [{to: [{namespaceSelector: {matchLabels: {team: t1}}}], ports: [{port: dns, protocol: UDP}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: ns1}
spec:
  podSelector: {matchLabels: {tier: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {tier: web}}, namespaceSelector: {}}]
    ports: [{port: http}]
  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: ns2}
spec:
  podSelector: {matchLabels: {tier: db}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {tier: api}}, namespaceSelector: {matchLabels: {team: t0}}}]
    ports: [{port: 8000, endPort: 8002}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: unseen, namespace: ns2}
spec:
  podSelector: {matchLabels: {track: canary}}
  ingress: [{from: [{podSelector: {matchLabels: {app: p1}}}]}]
)";
  return out;
}

TEST_CASE("PairFlows answers engine.between for every pair, once per class pair") {
  const LoadedView model_loaded = testing::load_texts({{"cluster.yaml", cluster()}});
  const model::Model& model = model_loaded.model;
  for (const bool closed_world : {false, true}) {
    const PolicyEngine engine(model, model_loaded.facts, EngineOptions{closed_world});
    REQUIRE(engine.error().empty());
    const auto n = static_cast<std::uint32_t>(engine.workloads().size());
    REQUIRE(n >= 24);
    // Fewer classes than workloads on both sides, or the cache would share nothing.
    const auto [sources, destinations] = engine.pair_class_counts();
    CHECK(sources < n);
    CHECK(destinations < n);
    PairFlows flows(engine);
    PairFlows small(engine, 3);  // starts over every three class pairs: same answers
    std::size_t allowed = 0;
    for (int round = 0; round < 2; ++round) {  // the second round answers from the cache
      for (std::uint32_t s = 0; s < n; ++s) {
        for (std::uint32_t d = 0; d < n; ++d) {
          const Flow expected = engine.between(s, d);
          const Flow& cached = flows.between(s, d);
          INFO("closed world ", closed_world, ": ", engine.workloads()[s].display(), " -> ",
               engine.workloads()[d].display());
          CHECK(cached.allowed == expected.allowed);
          CHECK(cached.possible == expected.possible);
          const Flow& bounded = small.between(s, d);
          CHECK(bounded.allowed == expected.allowed);
          CHECK(bounded.possible == expected.possible);
          allowed += expected.allowed.empty() ? 0u : 1u;
        }
      }
    }
    // Not a trivial cluster: some pairs are allowed and some are not.
    CHECK(allowed > 0);
    CHECK(allowed < 2u * n * n);
  }
}

}  // namespace
}  // namespace netlint::netpol
