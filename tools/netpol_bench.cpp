// netpol_bench: how long the NetworkPolicy evaluator takes to compute the allowed-connection
// classes of a synthetic cluster (issue 7's target: 5,000 workloads and 2,000 policies in under a
// second). The manifests are generated in memory and loaded first; only the evaluator is timed.
// A measurement, not a test: it prints numbers and never fails on them.
//
// Usage: netlint_netpol_bench [--workloads 5000] [--policies 2000] [--pairs] [--list]
//   --pairs also evaluates every workload pair (what `connectivity` prints), timed separately,
//           pair by pair and through PairFlows (once per class pair);
//   --list  also times list_connections, the whole connectivity list (memory: one entry per pair).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "analyzer/loader/loader.h"
#include "analyzer/netpol/connectivity.h"
#include "analyzer/netpol/pair_flows.h"
#include "analyzer/netpol/policy_engine.h"

namespace {

std::string manifests(int workloads, int policies) {
  const int namespaces = std::max(1, workloads / 50);
  std::string out;
  out.reserve(static_cast<std::size_t>(workloads) * 600 + static_cast<std::size_t>(policies) * 700);
  for (int n = 0; n < namespaces; ++n) {
    out += fmt::format("---\napiVersion: v1\nkind: Namespace\nmetadata: {{name: ns{}, labels: {{team: t{}}}}}\n", n,
                       n % 10);
  }
  const char* tiers[] = {"frontend", "backend", "db"};
  for (int w = 0; w < workloads; ++w) {
    out += fmt::format(
        "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: app{0}, namespace: ns{1}}}\nspec:\n  template:\n"
        "    metadata: {{labels: {{app: app{0}, tier: {2}, part-of: sys{3}}}}}\n    spec:\n      containers:\n"
        "      - name: main\n        ports: [{{name: http, containerPort: {4}}}, {{name: metrics, containerPort: "
        "9090}}]\n",
        w, w % namespaces, tiers[w % 3], w % 40, 8000 + w % 7);
  }
  for (int p = 0; p < policies; ++p) {
    const int n = p % namespaces;
    switch (p % 5) {
      case 0:  // default deny, both directions, with DNS
        out += fmt::format(
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: deny{0}, namespace: "
            "ns{1}}}\n"
            "spec:\n  podSelector: {{}}\n  policyTypes: [Ingress, Egress]\n  egress:\n  - to: [{{namespaceSelector: "
            "{{matchLabels: "
            "{{kubernetes.io/metadata.name: kube-system}}}}, podSelector: {{matchLabels: {{k8s-app: kube-dns}}}}}}]\n"
            "    ports: [{{port: 53, protocol: UDP}}, {{port: 53}}]\n",
            p, n);
        break;
      case 1:  // app to app, named port
        out += fmt::format(
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: app{0}, namespace: ns{1}}}\n"
            "spec:\n  podSelector: {{matchLabels: {{app: app{2}}}}}\n  ingress:\n  - from: [{{podSelector: "
            "{{matchLabels: {{tier: frontend}}}}}}]\n"
            "    ports: [{{port: http}}]\n",
            p, n, (p * 7) % workloads);
        break;
      case 2:  // cross-namespace by team
        out += fmt::format(
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: team{0}, namespace: "
            "ns{1}}}\n"
            "spec:\n  podSelector: {{matchLabels: {{tier: backend}}}}\n  ingress:\n  - from: [{{namespaceSelector: "
            "{{matchLabels: {{team: t{2}}}}}, "
            "podSelector: {{matchLabels: {{tier: frontend}}}}}}]\n    ports: [{{port: 8000, endPort: 8010}}]\n",
            p, n, p % 10);
        break;
      case 3:  // egress to an external range and to the db tier
        out += fmt::format(
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: out{0}, namespace: ns{1}}}\n"
            "spec:\n  podSelector: {{matchLabels: {{part-of: sys{2}}}}}\n  policyTypes: [Egress]\n  egress:\n"
            "  - to: [{{ipBlock: {{cidr: 10.{3}.0.0/16, except: [10.{3}.1.0/24]}}}}]\n  - to: [{{podSelector: "
            "{{matchLabels: {{tier: db}}}}}}]\n",
            p, n, p % 40, p % 200);
        break;
      default:  // metrics from the monitoring namespace
        out += fmt::format(
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: metrics{0}, namespace: "
            "ns{1}}}\n"
            "spec:\n  podSelector: {{}}\n  ingress:\n  - from: [{{namespaceSelector: {{matchLabels: "
            "{{kubernetes.io/metadata.name: ns0}}}}}}]\n"
            "    ports: [{{port: metrics}}]\n",
            p, n);
        break;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int workloads = 5000, policies = 2000;
  bool pairs = false, list = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--workloads") && i + 1 < argc)
      workloads = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--policies") && i + 1 < argc)
      policies = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--pairs"))
      pairs = true;
    else if (!std::strcmp(argv[i], "--list"))
      list = true;
  }
  netlint::InputText input;
  input.path = "bench.yaml";
  input.text = manifests(workloads, policies);
  std::vector<netlint::InputText> inputs;
  inputs.push_back(std::move(input));
  const netlint::LoadedView loaded = netlint::load_inputs(std::move(inputs), {});
  const netlint::model::Model& model = loaded.model;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const netlint::netpol::PolicyEngine engine(model, loaded.facts, {});
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const auto s = engine.stats();
  std::printf(
      "workloads %zu, policies %zu: evaluator %.3f s; classes: ingress %zu x %zu, egress %zu x %zu; table entries "
      "%zu\n",
      engine.workloads().size(), model.network_policies.size(), seconds, s.ingress_dst_classes, s.ingress_src_classes,
      s.egress_src_classes, s.egress_dst_classes, s.table_entries);
  if (pairs) {
    // Pair by pair, then cached per class pair (what `connectivity` uses): both counts must agree.
    const auto n = static_cast<std::uint32_t>(engine.workloads().size());
    const auto pair_start = Clock::now();
    std::size_t allowed = 0;
    for (std::uint32_t a = 0; a < n; ++a) {
      for (std::uint32_t b = 0; b < n; ++b) allowed += engine.between(a, b).allowed.empty() ? 0u : 1u;
    }
    std::printf("all %u x %u pairs: %.3f s, %zu with an allowed connection\n", n, n,
                std::chrono::duration<double>(Clock::now() - pair_start).count(), allowed);
    const auto cached_start = Clock::now();
    std::size_t cached_allowed = 0;
    netlint::netpol::PairFlows flows(engine);
    for (std::uint32_t a = 0; a < n; ++a) {
      for (std::uint32_t b = 0; b < n; ++b) cached_allowed += flows.between(a, b).allowed.empty() ? 0u : 1u;
    }
    const auto classes = engine.pair_class_counts();
    std::printf(
        "all pairs, cached per class pair (%u source x %u destination classes): %.3f s, %zu with an allowed "
        "connection\n",
        classes.first, classes.second, std::chrono::duration<double>(Clock::now() - cached_start).count(),
        cached_allowed);
    if (cached_allowed != allowed) {
      std::fprintf(stderr, "netpol_bench: the cached pairs disagree with between()\n");
      return 1;
    }
  }
  if (list) {
    const auto list_start = Clock::now();
    const auto connections = netlint::netpol::list_connections(model, loaded.facts, {});
    std::printf("list_connections (what `netlint connectivity` lists): %.3f s, %zu connections\n",
                std::chrono::duration<double>(Clock::now() - list_start).count(), connections.connections.size());
  }
  return 0;
}
