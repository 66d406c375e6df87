// NL5101 pod-cidr-overlap: the pod CIDR overlaps the Service CIDR or a node network
// (RULES.md; knowledge/domain.md 4.2). VPC-native CNIs give pods node-network addresses by
// design, so the node comparison needs a known CNI that is not one of them.
#include <fmt/format.h>

#include "rules/addressing/address_sources.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL5101",
                               .name = "pod-cidr-overlap",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "the pod CIDR overlaps the Service CIDR or the node network",
                               .doc = R"md(## What it finds
A pod range (Flannel `Network`, Calico pools, Cilium's cluster pool, kubeadm `podSubnet`, or
`podCIDRs` in `.netlint.yaml`) that shares addresses with
- the Service range (kubeadm `serviceSubnet`, the API server's `--service-cluster-ip-range`, or
  `serviceCIDRs`), or
- the node network (`nodeCIDRs` in `.netlint.yaml`), for instance the seed case: nodes in
  192.168.1.0/24 and Calico's default pool 192.168.0.0/16.

IPv4 and IPv6 ranges are compared exactly, each with the ranges of its own family (dual-stack
lists are compared item by item). The pod ranges of a family are its cluster pod CIDR and the
CNI's pools of that family.

## Why is this bad?
An address in both ranges means two things. A pod that gets a ClusterIP's address is shadowed by
the Service proxy's rules for that Service (kube-proxy, or the CNI's replacement of it); a pod range over the node network makes the CNI route node
addresses into the pod network, so nodes (the API server, SSH, the kubelet) become unreachable
from pods, or from each other, and pods may get the address of a node.

## How to fix
Choose a pod range that overlaps neither: for example 10.244.0.0/16 beside Services in
10.96.0.0/12 and nodes in 192.168.0.0/16. The pod range is fixed at installation (the CNI's pool
and kubeadm's `podSubnet` together), so change it before the cluster is built or migrate pools.

## Known limitations
The node network is only known from `nodeCIDRs` in `.netlint.yaml`. The node comparison is
skipped for VPC-native CNIs (AWS VPC CNI, Cilium in `eni` or `azure` IPAM mode) and for Azure
CNI, whose overlay mode the manifests do not show, and when the CNI is unknown. Silent when a
range is unknown or ambiguous.
)md"};

bool vpc_native(const facts::ClusterFacts& f) {
  for (const facts::Cni& cni : f.cni.value.cnis) {
    if (cni.name == "aws-vpc" || cni.name == "azure") return true;
  }
  return f.ipam_mode.usable() && (f.ipam_mode.value == "cilium eni" || f.ipam_mode.value == "cilium azure");
}

std::string relation(const Cidr& pod, const Cidr& other) {
  if (pod == other) return "is the same range as";
  if (contains(pod, other)) return "contains";
  return "lies inside";
}

class PodCidrOverlap final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    // Values of different families never meet (RULES.md Facts "Dual-stack"): each family's pod
    // ranges against its own Service CIDR and node networks.
    for (facts::Family family : facts::kFamilies) check_family(view, family, out);
  }

 private:
  static void check_family(const engine::View& view, facts::Family family, engine::Sink& out) {
    const facts::ClusterFacts& f = view.facts();
    const auto pods = addressing::fact_cidrs(f.pod_cidrs[family]);
    if (pods.empty()) return;
    const auto services = addressing::fact_cidrs(f.service_cidr[family]);
    const bool nodes_comparable = f.cni.usable() && !f.cni.value.cnis.empty() && !vpc_native(f);
    const auto nodes =
        nodes_comparable ? addressing::fact_cidrs(f.node_cidrs[family]) : std::vector<addressing::FactCidr>{};
    for (const addressing::FactCidr& pod : pods) {
      const addressing::Source pod_source = addressing::pod_cidr_source(view, pod.cidr, pod.text);
      out.checking(pod_source.range);
      for (const addressing::FactCidr& service : services) {
        if (!overlaps(pod.cidr, service.cidr)) continue;
        const addressing::Source service_source =
            addressing::source_of(f.service_cidr[family], "serviceCIDRs", service.text);
        diag::Diagnostic& d = out.report(
            pod_source.range,
            fmt::format("pod CIDR {} ({}) {} the Service CIDR {} ({}): a pod can get the address of a ClusterIP, and "
                        "the Service proxy (kube-proxy or the CNI's replacement) sends traffic for it to that "
                        "Service's endpoints",
                        pod.cidr.str(), pod_source.what, relation(pod.cidr, service.cidr), service.cidr.str(),
                        service_source.what));
        d.help = "choose a pod range that shares no address with the Service range";
        d.related.push_back({service_source.range, fmt::format("Service CIDR {}", service.text)});
      }
      for (const addressing::FactCidr& node : nodes) {
        if (!overlaps(pod.cidr, node.cidr)) continue;
        const addressing::Source node_source = addressing::source_of(f.node_cidrs[family], "nodeCIDRs", node.text);
        diag::Diagnostic& d =
            out.report(pod_source.range, fmt::format("pod CIDR {} ({}) {} the node network {} ({}): the CNI ({}) "
                                                     "routes node addresses into the pod network, "
                                                     "so pods cannot reach nodes and a pod may get a node's address",
                                                     pod.cidr.str(), pod_source.what, relation(pod.cidr, node.cidr),
                                                     node.cidr.str(), node_source.what, f.cni.value.display()));
        d.help = "choose a pod range outside the node network";
        d.related.push_back({node_source.range, fmt::format("node network {}", node.text)});
      }
    }
  }
};

}  // namespace

const engine::Rule* pod_cidr_overlap() {
  static const PodCidrOverlap rule;
  return &rule;
}

}  // namespace netlint::rules
