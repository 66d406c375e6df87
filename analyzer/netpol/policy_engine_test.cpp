// The evaluator's semantics, one Kubernetes API point per test case (RULES.md NL2xxx preamble,
// knowledge/oracles.md 2.5 and 3.1): policyTypes defaulting, AND/OR peers, empty vs absent
// from/to/ports, named ports on the destination, endPort, hostNetwork, ipBlock per CNI, CNI
// policies and the open world.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzer/netpol/connectivity.h"
#include "analyzer/netpol/policy_engine.h"
#include "analyzer/testing/load_texts.h"

namespace netlint::netpol {
namespace {

// Two namespaces (prod labelled env=prod, dev), pods a and b in prod, c in dev.
const std::string kPods = R"(
apiVersion: v1
kind: Namespace
metadata: {name: prod, labels: {env: prod}}
---
apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: prod, labels: {app: a}}
spec:
  containers:
  - name: c
    ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 5353, protocol: UDP}]
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: prod, labels: {app: b}}
spec:
  containers:
  - name: c
    ports: [{name: http, containerPort: 9090}]
---
apiVersion: v1
kind: Pod
metadata: {name: c, namespace: dev, labels: {app: c}}
spec: {containers: [{name: c}]}
)";

struct Fixture {
  LoadedView loaded;
  std::unique_ptr<PolicyEngine> engine;
  Fixture(const std::string& policies, bool closed_world, std::string extra = {})
      : loaded(testing::load_texts({{"pods.yaml", kPods + extra}, {"policies.yaml", policies}})) {
    engine = std::make_unique<PolicyEngine>(loaded.model, loaded.facts, EngineOptions{closed_world});
  }
  std::uint32_t w(const std::string& name) const {
    const auto& all = engine->workloads();
    for (std::uint32_t i = 0; i < all.size(); ++i) {
      if (all[i].name == name) return i;
    }
    FAIL("no workload " << name);
    return 0;
  }
  Flow flow(const std::string& src, const std::string& dst) const { return engine->between(w(src), w(dst)); }
  std::string allowed(const std::string& src, const std::string& dst) const { return flow(src, dst).allowed.str(); }
};

constexpr bool kClosed = true;
constexpr bool kOpen = false;

TEST_CASE("no policy: every connection is allowed") {
  const Fixture f("", kClosed);
  CHECK(f.allowed("a", "b") == "All Connections");
  CHECK(f.allowed("c", "a") == "All Connections");
}

TEST_CASE("policyTypes defaults to Ingress: a policy without rules isolates ingress only") {
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: prod}
spec: {podSelector: {}}
)",
                  kClosed);
  CHECK(f.allowed("c", "a") == "No Connections");
  CHECK(f.allowed("a", "b") == "No Connections");
  CHECK(f.allowed("a", "c") == "All Connections");  // egress not isolated
}

TEST_CASE("egress: [] without policyTypes does not isolate egress; with policyTypes Egress it does") {
  const Fixture absent(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec: {podSelector: {}, ingress: [{}], egress: []}
)",
                       kClosed);
  CHECK(absent.allowed("a", "c") == "All Connections");
  const Fixture explicit_types(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec: {podSelector: {}, policyTypes: [Ingress, Egress], ingress: [{}], egress: []}
)",
                               kClosed);
  CHECK(explicit_types.allowed("a", "c") == "No Connections");
  CHECK(explicit_types.allowed("c", "a") == "All Connections");
}

TEST_CASE("rules of a direction that policyTypes leaves out are ignored") {
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  policyTypes: [Egress]
  ingress: [{from: [{podSelector: {matchLabels: {app: b}}}]}]
  egress: [{to: [{podSelector: {matchLabels: {app: b}}}]}]
)",
                  kClosed);
  CHECK(f.allowed("c", "a") == "All Connections");  // ingress not isolated
  CHECK(f.allowed("a", "c") == "No Connections");
  CHECK(f.allowed("a", "b") == "All Connections");
}

TEST_CASE("namespaceSelector and podSelector in one peer are ANDed, in two peers ORed") {
  const std::string head = R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress:
  - from:
)";
  const Fixture both(
      head + "    - {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {app: c}}}\n", kClosed);
  CHECK(both.allowed("c", "a") == "No Connections");  // c is not in an env=prod namespace
  CHECK(both.allowed("b", "a") == "No Connections");  // b is not app=c
  const Fixture either(
      head + "    - namespaceSelector: {matchLabels: {env: prod}}\n    - podSelector: {matchLabels: {app: c}}\n",
      kClosed);
  CHECK(either.allowed("b", "a") == "All Connections");  // b's namespace is env=prod
  CHECK(either.allowed("c", "a") == "No Connections");   // podSelector alone: the policy's namespace only
  const Fixture cross(head + "    - {namespaceSelector: {}, podSelector: {matchLabels: {app: c}}}\n", kClosed);
  CHECK(cross.allowed("c", "a") == "All Connections");
}

TEST_CASE("empty and absent from and ports match everything; an empty ingress list matches nothing") {
  const std::string head = R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
)";
  CHECK(Fixture(head + "  ingress: [{}]\n", kClosed).allowed("c", "a") == "All Connections");
  CHECK(Fixture(head + "  ingress: [{from: [], ports: []}]\n", kClosed).allowed("c", "a") == "All Connections");
  CHECK(Fixture(head + "  ingress: []\n", kClosed).allowed("c", "a") == "No Connections");
  CHECK(Fixture(head + "  ingress: [{ports: [{port: 80}]}]\n", kClosed).allowed("c", "a") == "TCP 80");
  CHECK(Fixture(head + "  ingress: [{ports: [{protocol: UDP}]}]\n", kClosed).allowed("c", "a") == "UDP 1-65535");
  CHECK(Fixture(head + "  ingress: [{ports: [{port: 8000, endPort: 8010}, {port: 53, protocol: SCTP}]}]\n", kClosed)
            .allowed("c", "a") == "SCTP 53,TCP 8000-8010");
}

TEST_CASE("named ports resolve on the destination pods, for ingress and for egress") {
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: dev}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{to: [{namespaceSelector: {}}], ports: [{port: http}, {port: dns, protocol: UDP}, {port: dns}]}]
)",
                  kClosed);
  CHECK(f.allowed("c", "a") == "TCP 8080,UDP 5353");  // a's http and its UDP dns; no TCP dns on a
  CHECK(f.allowed("c", "b") == "TCP 9090");
  const Fixture g(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {}
  ingress: [{ports: [{port: http}]}]
)",
                  kClosed);
  CHECK(g.allowed("c", "a") == "TCP 8080");
  CHECK(g.allowed("c", "b") == "TCP 9090");
}

TEST_CASE("a flow needs the source's egress and the destination's ingress") {
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: in, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress: [{ports: [{port: 80}, {port: 443}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: out, namespace: dev}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{ports: [{port: 443}, {port: 53, protocol: UDP}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: in-2, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress: [{ports: [{port: 8443}]}]
)",
                  kClosed);
  CHECK(f.allowed("c", "a") == "TCP 443");  // union of the two ingress policies, cut by egress
  CHECK(f.allowed("b", "a") == "TCP 80,443,8443");
}

TEST_CASE("hostNetwork pods are not isolated and selectors do not match them (open world)") {
  const std::string host = R"(---
apiVersion: v1
kind: Pod
metadata: {name: h, namespace: prod, labels: {app: h}}
spec: {hostNetwork: true, containers: [{name: c}]}
)";
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: prod}
spec:
  podSelector: {}
  ingress: [{from: [{podSelector: {matchLabels: {app: h}}}]}]
)",
                  kOpen, host);
  CHECK(f.flow("c", "h").allowed.is_all());  // not isolated
  CHECK(f.flow("h", "a").possible.empty());  // the node address is not the pod
  const Fixture closed(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: prod}
spec:
  podSelector: {}
  ingress: [{from: [{podSelector: {matchLabels: {app: h}}}]}]
)",
                       kClosed, host);
  CHECK(closed.allowed("h", "a") == "All Connections");  // netpol-analyzer treats it as a pod
}

TEST_CASE("ipBlocks on pod addresses: never in the closed world, unknown with an unknown CNI, never on Cilium") {
  const std::string policy = R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
)";
  CHECK(Fixture(policy, kClosed).flow("c", "a").possible.empty());
  const Fixture open(policy, kOpen);
  CHECK(open.flow("c", "a").allowed.empty());
  CHECK(open.flow("c", "a").possible.is_all());
  facts::ClusterFacts cilium = open.loaded.facts;
  cilium.cni.set(facts::CniFact{{facts::Cni{"cilium", facts::Enforcement::kYes, "", {}, ""}}, ""});
  const PolicyEngine on_cilium(open.loaded.model, cilium, {});
  CHECK(on_cilium.between(open.w("c"), open.w("a")).possible.empty());
  facts::ClusterFacts calico = cilium;
  calico.cni.value.cnis[0].name = "calico";
  calico.pod_cidrs.ipv4.set({"192.168.0.0/16"});
  const PolicyEngine on_calico(open.loaded.model, calico, {});
  CHECK(on_calico.between(open.w("c"), open.w("a")).possible.empty());  // the block misses the pod range
  calico.pod_cidrs.ipv4.set({"10.244.0.0/16"});
  const PolicyEngine covering(open.loaded.model, calico, {});
  CHECK(covering.between(open.w("c"), open.w("a")).allowed.is_all());  // the block covers the pod range
}

TEST_CASE("external peers are cut at the ipBlock boundaries of their direction") {
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/9, 10.128.0.0/9]}}]}]
)",
                  kClosed);
  const auto& sources = f.engine->external_sources();
  REQUIRE(sources.size() == 3);
  CHECK(sources[1].display() == "10.0.0.0-10.255.255.255[External]");
  CHECK(f.engine->from_external(0, f.w("a")).allowed.is_all());
  CHECK(f.engine->from_external(1, f.w("a")).allowed.empty());
  REQUIRE(f.engine->external_destinations().size() == 1);
  CHECK(f.engine->to_external(f.w("a"), 0).allowed.is_all());
}

TEST_CASE("open world: a namespace without its object has unknown labels besides its name") {
  const std::string policy = R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress: [{from: [{namespaceSelector: {matchLabels: {team: x}}}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: d, namespace: staging, labels: {app: d}}
spec: {containers: [{name: c}]}
)";
  const Fixture open(policy, kOpen);
  CHECK(open.flow("c", "a").possible.empty());  // dev's Namespace object has no team label
  CHECK(open.flow("d", "a").allowed.empty());   // staging has no object: unknown
  CHECK(open.flow("d", "a").possible.is_all());
  CHECK(Fixture(policy, kClosed).flow("d", "a").possible.empty());
}

TEST_CASE("CNI-specific policies in a namespace make its pods' flows unknown") {
  const Fixture f(R"(
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: l7, namespace: prod}
spec: {endpointSelector: {}}
)",
                  kOpen);
  CHECK(f.flow("c", "a").allowed.empty());
  CHECK(f.flow("c", "a").possible.is_all());
  CHECK(f.flow("a", "c").allowed.empty());   // egress of a may be limited too
  CHECK(f.flow("c", "c").allowed.is_all());  // dev is untouched
}

TEST_CASE("pods of one owner: one workload, and an error when a selector depends on their labels") {
  const std::string pods = R"(---
apiVersion: v1
kind: Pod
metadata: {name: r-1, namespace: prod, labels: {app: r, tier: x}, ownerReferences: [{kind: ReplicaSet, name: r-5d4, controller: true}]}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: r-2, namespace: prod, labels: {app: r, tier: y}, ownerReferences: [{kind: ReplicaSet, name: r-5d4, controller: true}]}
spec: {containers: [{name: c}]}
)";
  const Fixture same("", kClosed, pods);
  CHECK(same.engine->error().empty());
  CHECK(same.engine->workloads()[same.w("r-5d4")].display() == "prod/r-5d4[ReplicaSet]");
  CHECK(same.engine->workloads()[same.w("r-5d4")].pods.size() == 2);
  const Fixture gap(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec: {podSelector: {matchLabels: {tier: x}}}
)",
                    kClosed, pods);
  CHECK(gap.engine->error().find("`prod/r-5d4`") != std::string::npos);
}

TEST_CASE("the connectivity list is netpol-analyzer's: sorted, no self pairs, external pieces") {
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress: [{from: [{podSelector: {}}], ports: [{port: 8080}]}]
  egress: [{to: [{podSelector: {}}]}]
)",
                  kClosed);
  const ConnectivityList list = list_connections(f.loaded.model, f.loaded.facts, EngineOptions{true});
  CHECK(connections_text(list) ==
        "0.0.0.0-255.255.255.255[External] => dev/c[Pod] : All Connections\n"
        "dev/c[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n"
        "prod/a[Pod] => prod/b[Pod] : TCP 8080\n"
        "prod/b[Pod] => prod/a[Pod] : TCP 8080\n");
}

TEST_CASE("connectivity streamed piece by piece equals the list, in every format") {
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  policyTypes: [Ingress, Egress]
  ingress: [{from: [{podSelector: {}}, {ipBlock: {cidr: 10.0.0.0/8}}], ports: [{port: 8080}]}]
  egress: [{to: [{podSelector: {matchLabels: {app: b}}}, {ipBlock: {cidr: 192.168.0.0/16}}]}]
)",
                  kClosed);
  const ConnectivityList list = list_connections(f.loaded.model, f.loaded.facts, EngineOptions{true});
  REQUIRE(list.connections.size() > 4);
  const PolicyEngine engine(f.loaded.model, f.loaded.facts, EngineOptions{true});
  const std::pair<const char*, std::string> formats[] = {{"text", connections_text(list)},
                                                         {"json", connections_json(list)},
                                                         {"dot", connections_dot(list)},
                                                         {"mermaid", connections_mermaid(list)}};
  for (const auto& format : formats) {
    std::string streamed;
    std::size_t pieces = 0;
    write_connections(f.loaded.model, engine, format.first, [&](std::string_view piece) {
      streamed += piece;
      ++pieces;
    });
    INFO(format.first);
    CHECK(streamed == format.second);
    CHECK(pieces > 2);  // written as found, not built whole
  }
}

TEST_CASE("explain names the isolating policies and the admitting rules of each side") {
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: prod}
spec: {podSelector: {}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: x}}}]
  - from: [{namespaceSelector: {}}]
    ports: [{port: http}]
)",
                  kClosed);
  const Why why = f.engine->explain(f.w("c"), f.w("a"), Protocol::kTcp, 8080);
  CHECK(why.egress.isolating.empty());
  REQUIRE(why.ingress.isolating.size() == 2);
  REQUIRE(why.ingress.admitting.size() == 1);
  CHECK(f.loaded.model.network_policies[why.ingress.admitting[0].policy].meta.name.value == "web");
  CHECK(why.ingress.admitting[0].rule == 1);
  CHECK(why.ingress.admitting[0].matched == index::Tri::kYes);
  CHECK(f.engine->explain(f.w("c"), f.w("a"), Protocol::kTcp, 9090).ingress.admitting.empty());
  CHECK(f.engine->explain(f.w("c"), f.w("b"), Protocol::kTcp, 8080).ingress.admitting.empty());  // b is only in deny
}

TEST_CASE("variants of one workload in two folders are two peers, named with their folder") {
  const std::string deployment =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n"
      "    metadata: {labels: {app: web, track: TRACK}}\n    spec: {containers: [{name: web, image: nginx}]}\n";
  std::string stable = deployment, canary = deployment;
  stable.replace(stable.find("TRACK"), 5, "stable");
  canary.replace(canary.find("TRACK"), 5, "canary");
  const LoadedView model_loaded =
      testing::load_texts({{"overlays/stable/web.yaml", stable}, {"overlays/canary/web.yaml", canary}});
  const model::Model& model = model_loaded.model;
  const PolicyEngine engine(model, model_loaded.facts, EngineOptions{true});
  REQUIRE(engine.workloads().size() == 2);
  std::vector<std::string> names = {engine.workloads()[0].display(), engine.workloads()[1].display()};
  std::sort(names.begin(), names.end());
  CHECK(names[0] == "shop/web[Deployment] (overlays/canary)");
  CHECK(names[1] == "shop/web[Deployment] (overlays/stable)");
}

TEST_CASE("connection sets print as netpol-analyzer prints them") {
  ConnSet s;
  CHECK(s.str() == "No Connections");
  s.add(Protocol::kUdp, 53, 53);
  s.add(Protocol::kTcp, 53, 53);
  CHECK(s.str() == "TCP 53,UDP 53");
  s.add(Protocol::kTcp, 1, 9089);
  s.add(Protocol::kTcp, 9091, 65535);
  s.add(Protocol::kSctp, 1, 65535);
  CHECK(s.str() == "SCTP 1-65535,TCP 1-9089,9091-65535,UDP 53");
  s.add(Protocol::kTcp, 9090, 9090);
  s.add(Protocol::kUdp, 1, 65535);
  CHECK(s.str() == "All Connections");
  CHECK(ConnSet::all().minus(s).empty());
}

}  // namespace
}  // namespace netlint::netpol

namespace netlint::netpol {

TEST_CASE("a namespaceSelector may or may not select the apply-time namespace") {
  const std::string bare_pod = R"(---
apiVersion: v1
kind: Pod
metadata: {name: d, labels: {app: d}}
spec: {containers: [{name: c}]}
)";
  const Fixture f(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-dev, namespace: prod}
spec:
  podSelector: {}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}}]
)",
                  kOpen, bare_pod);
  // d is in the namespace of the apply, which may be dev: neither allowed nor denied for sure.
  CHECK(f.flow("d", "a").allowed.str() == "No Connections");
  CHECK(f.flow("d", "a").possible.str() == "All Connections");
  CHECK(f.allowed("c", "a") == "All Connections");
  CHECK(f.flow("b", "a").possible.str() == "No Connections");
}

}  // namespace netlint::netpol

namespace netlint::netpol {

TEST_CASE("inputs_key: equal for equal inputs; each input the evaluator reads changes it; ranges do not") {
  const std::string policy = R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-prod, namespace: prod}
spec:
  podSelector: {matchLabels: {app: a}}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {app: b}}}]
    ports: [{port: 8080}]
)";
  const auto key = [](const std::string& pods, const std::string& policies) {
    const LoadedView loaded = testing::load_texts({{"pods.yaml", pods}, {"policies.yaml", policies}});
    return PolicyEngine::inputs_key(loaded.model, loaded.facts);
  };
  const std::string base = key(kPods, policy);
  CHECK(key(kPods, policy) == base);
  CHECK(key("# moved\n" + kPods, "# moved\n" + policy) == base);  // positions are not read
  const auto changed = [&](const std::string& from, const std::string& to, bool in_policy) {
    const std::string& text = in_policy ? policy : kPods;
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    std::string edited = text;
    edited.replace(at, from.size(), to);
    return in_policy ? key(kPods, edited) : key(edited, policy);
  };
  CHECK(changed("{env: prod}}", "{env: staging}}", false) != base);             // a namespace label
  CHECK(changed("labels: {app: b}", "labels: {app: bb}", false) != base);       // a pod label
  CHECK(changed("containerPort: 9090", "containerPort: 9091", false) != base);  // a named port's number
  CHECK(changed("port: 8080}]", "port: 8081}]", true) != base);
  CHECK(changed("{app: b}}}]", "{app: c}}}]", true) != base);
  CHECK(
      key(kPods,
          policy + "---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: x, namespace: dev}\n") !=
      base);
}

TEST_CASE("an engine answers from what it built: its model may be gone (the language server keeps it)") {
  auto loaded = std::make_unique<LoadedView>(testing::load_texts({{"pods.yaml", kPods}, {"policies.yaml", R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: prod}
spec: {podSelector: {}}
)"}}));
  const PolicyEngine engine(loaded->model, loaded->facts);
  const auto workload = [&](const std::string& name) {
    const auto& all = engine.workloads();
    return static_cast<std::uint32_t>(
        std::find_if(all.begin(), all.end(), [&](const Workload& w) { return w.name == name; }) - all.begin());
  };
  const std::string before = engine.between(workload("c"), workload("a")).allowed.str();
  loaded.reset();
  CHECK(engine.between(workload("c"), workload("a")).allowed.str() == before);
  CHECK(engine.explain(workload("c"), workload("a"), Protocol::kTcp, 8080).ingress.isolating.size() == 1);
}

}  // namespace netlint::netpol
