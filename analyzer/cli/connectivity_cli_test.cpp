// `netlint connectivity` as users run it: the list format, JSON, the pictures, unknown flows in
// the open world, and exit 2 when pods of one owner differ where a policy looks.
#include <doctest/doctest.h>

#include <string>

#include "analyzer/testing/cli_run.h"

namespace netlint {
namespace {

using testing::TempRepo;

constexpr const char* kShop = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress, Egress]
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}]}]
)";

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("connectivity prints netpol-analyzer's list, sorted, in the closed world") {
    TempRepo repo("connectivity-list", false);
    repo.write("shop.yaml", kShop);
    const auto run = testing::run_netlint_in(repo.root, "connectivity --closed-world shop.yaml");
    CHECK(run.status == 0);
    CHECK(run.out ==
          "0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections\n"
          "shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections\n"
          "shop/web[Deployment] => shop/db[Deployment] : TCP 5432\n");
    const auto json = testing::run_netlint_in(repo.root, "connectivity --closed-world --format json shop.yaml");
    CHECK(json.status == 0);
    CHECK(json.out.find("\"src\": \"shop/web[Deployment]\"") != std::string::npos);
    CHECK(json.out.find("\"conn\": \"TCP 5432\"") != std::string::npos);
    CHECK(json.out.find("\"unknown\"") == std::string::npos);
  }

  TEST_CASE("connectivity marks what the view cannot decide with ?") {
    TempRepo repo("connectivity-open", false);
    // A namespaceSelector on a label of a namespace without its object: unknown in the open world.
    repo.write("shop.yaml", std::string(kShop) + R"(---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{namespaceSelector: {matchLabels: {team: ops}}}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: probe, namespace: ops}
spec:
  template:
    metadata: {labels: {app: probe}}
    spec: {containers: [{name: probe, image: busybox}]}
)");
    const auto run = testing::run_netlint_in(repo.root, "connectivity shop.yaml");
    CHECK(run.status == 0);
    CHECK(run.out.find("ops/probe[Deployment] => shop/web[Deployment] : ? All Connections\n") != std::string::npos);
    const auto closed = testing::run_netlint_in(repo.root, "connectivity --closed-world shop.yaml");
    CHECK(closed.out.find("ops/probe[Deployment] => shop/web[Deployment]") == std::string::npos);
    const auto dot = testing::run_netlint_in(repo.root, "connectivity --format dot shop.yaml");
    CHECK(dot.status == 0);
    CHECK(dot.out.rfind("digraph connectivity {", 0) == 0);
    CHECK(dot.out.find("label=\"shop\"") != std::string::npos);
    CHECK(dot.out.find(
              "\"ops/probe[Deployment]\" -> \"shop/web[Deployment]\" [label=\"? All Connections\", style=dashed];") !=
          std::string::npos);
    const auto mermaid = testing::run_netlint_in(repo.root, "connectivity --format mermaid shop.yaml");
    CHECK(mermaid.status == 0);
    CHECK(mermaid.out.rfind("graph LR\n", 0) == 0);
    CHECK(mermaid.out.find("-.->|\"? All Connections\"|") != std::string::npos);
  }

  TEST_CASE("connectivity stops with exit 2 when pods of one owner differ where a selector looks") {
    TempRepo repo("connectivity-gap", false);
    repo.write("pods.yaml", R"(apiVersion: v1
kind: Pod
metadata: {name: a-1, namespace: x, labels: {app: a, tier: one}, ownerReferences: [{kind: ReplicaSet, name: a-7f, controller: true}]}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: a-2, namespace: x, labels: {app: a, tier: two}, ownerReferences: [{kind: ReplicaSet, name: a-7f, controller: true}]}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: x}
spec: {podSelector: {matchLabels: {tier: one}}}
)");
    const auto run = testing::run_netlint_in(repo.root, "connectivity pods.yaml", true);
    CHECK(run.status == 2);
    CHECK(run.out.find("Found Pods of the same owner workload `x/a-7f`") != std::string::npos);
  }
}

}  // namespace netlint
