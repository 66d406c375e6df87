// NL5103 node-pod-capacity: with host-local style IPAM the per-node block caps a node's pods;
// a kubelet maxPods above that cap leaves pods without addresses (RULES.md; domain.md 4.4).
#include <fmt/format.h>

#include "rules/addressing/address_sources.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL5103",
                               .name = "node-pod-capacity",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "the per-node pod block holds fewer addresses than the kubelet's maxPods",
                               .doc = R"md(## What it finds
With IPAM that gives each node one fixed block (Flannel and Canal, which use the node's
`podCIDR`; Cilium in `cluster-pool` or `kubernetes` mode), a block that holds fewer pod
addresses than the kubelet's `maxPods`. A block of prefix length m holds 2^(32-m) - 2 pod
addresses (IPv4; 2^(128-m) - 2 for IPv6): a /24 holds 254, a /25 126, a /26 62. On dual-stack
clusters each family is checked on its own: a pod takes one address of each.

The block comes from kube-controller-manager's `--node-cidr-mask-size` (or
`--node-cidr-mask-size-ipv4`/`-ipv6`, also in kubeadm's `controllerManager.extraArgs`), Cilium's
`cluster-pool-ipv4-mask-size`/`-ipv6-mask-size`, or `nodeBlockSize` in `.netlint.yaml`;
`maxPods` from a KubeletConfiguration (a file or the `kubelet-config` ConfigMap).

## Why is this bad?
The scheduler places up to `maxPods` pods on a node, but the CNI can hand out only the block's
addresses. The pods beyond that stay in `ContainerCreating` with `failed to allocate for range
0: no IP addresses available in range set`.

## How to fix
Lower `maxPods` to what the block holds, or give nodes larger blocks (a smaller mask size) when
the cluster is created; the block size cannot change for existing nodes.

## Known limitations
Both values must be known: the kubelet's default `maxPods` (110) and the controller-manager's
default mask (/24) are not assumed, since managed platforms set their own. Calico's blocks are not
a per-node cap (nodes claim more blocks) and the AWS VPC CNI's limit comes from ENIs, so neither
is checked. kubenet is not detected.
)md"};

// IPAM modes where a node's pods take addresses from one block of fixed size.
bool host_local_style(const facts::ClusterFacts& f) {
  if (!f.ipam_mode.usable()) return false;
  const std::string& mode = f.ipam_mode.value;
  return mode.starts_with("host-local") || mode == "cilium cluster-pool" || mode == "cilium kubernetes";
}

class NodePodCapacity final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    // A dual-stack pod takes one address of each family: each family's block must hold maxPods.
    for (facts::Family family : facts::kFamilies) check_family(view, family, out);
  }

 private:
  static void check_family(const engine::View& view, facts::Family family, engine::Sink& out) {
    const facts::ClusterFacts& f = view.facts();
    const facts::Fact<int>& block_fact = f.node_block_prefix[family];
    if (!host_local_style(f) || !block_fact.usable() || !f.max_pods.usable()) return;
    const int bits = family == facts::Family::kIPv6 ? 128 : 32;
    const int prefix = block_fact.value;
    const int max_pods = f.max_pods.value;
    if (prefix < 0 || prefix > bits || max_pods <= 0) return;
    const int host_bits = bits - prefix;
    if (host_bits >= 31) return;  // more addresses than any maxPods
    const std::int64_t capacity = (std::int64_t{1} << host_bits) - 2;
    if (capacity >= max_pods) return;

    const addressing::Source block = addressing::source_of(block_fact, "nodeBlockSize", std::to_string(prefix));
    const addressing::Source pods_limit = addressing::source_of(f.max_pods, "maxPods", std::to_string(max_pods));
    out.checking(pods_limit.range);
    diag::Diagnostic& d = out.report(
        pods_limit.range,
        fmt::format(
            "maxPods {} ({}) is more than the {} pod addresses of a /{} node block ({}, {} IPAM): pods beyond {} on a "
            "node get no address and stay in ContainerCreating",
            max_pods, pods_limit.what, std::max<std::int64_t>(capacity, 0), prefix, block.what, f.ipam_mode.value,
            std::max<std::int64_t>(capacity, 0)));
    d.help = fmt::format("set maxPods to at most {}, or give nodes larger blocks when the cluster is created",
                         std::max<std::int64_t>(capacity, 0));
    d.related.push_back({block.range, fmt::format("per-node {} block /{}", facts::family_display(family), prefix)});
  }
};

}  // namespace

const engine::Rule* node_pod_capacity() {
  static const NodePodCapacity rule;
  return &rule;
}

}  // namespace netlint::rules
