// NL5102 pod-cidr-mismatch: pod ranges of one install that violate their IPAM's relation
// (RULES.md; knowledge/domain.md 4.2, 3): Flannel's Network must contain the cluster CIDR the
// controller-manager allocates node podCIDRs from; kube-proxy's clusterCIDR must contain every
// pool; with Cilium's `kubernetes` IPAM the cluster-pool keys are ignored, so a pool there that
// differs from the node podCIDRs' range misleads.
#include <fmt/format.h>

#include "rules/addressing/address_sources.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using addressing::PodRange;
using addressing::RangeRole;

constexpr diag::RuleInfo kInfo{.code = "NL5102",
                               .name = "pod-cidr-mismatch",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "pod ranges of one install that violate their IPAM's relation",
                               .doc = R"md(## What it finds
Pod ranges written in several places of one install that do not fit together:
- Flannel's (or Canal's) `net-conf.json` `Network` does not contain kubeadm's
  `networking.podSubnet` or kube-controller-manager's `--cluster-cidr`;
- kube-proxy's `clusterCIDR` (KubeProxyConfiguration or `--cluster-cidr`) does not contain a pod
  pool: Flannel's `Network`, a Calico pool (IPPool, the operator's Installation,
  `CALICO_IPV4POOL_CIDR`), Cilium's `cluster-pool-ipv4-cidr`, or, without any of those, the
  cluster CIDR;
- `cilium-config` sets `ipam: kubernetes` and a `cluster-pool-ipv4-cidr` (or IPv6) that differs
  from the cluster CIDR.

Ranges are compared exactly, per address family.

## Why is this bad?
With `--kube-subnet-mgr`, Flannel takes each node's `spec.podCIDR` from the controller-manager
and refuses to start when its `Network` does not contain it (`subnet "..." specified in the
flannel net config doesn't contain "..." PodCIDR`): the node's pods get no network. kube-proxy
uses `clusterCIDR` to tell pod traffic from outside traffic; pods outside it are masqueraded or
treated as external, which breaks source IPs and `externalTrafficPolicy`/local-traffic
detection. In Cilium's `kubernetes` IPAM mode, pods get addresses from the nodes' podCIDRs and
the cluster-pool range is ignored, so whatever relies on it (firewall rules, routing) is wrong.

## How to fix
Write one pod range and repeat it: kubeadm `podSubnet`, Flannel `Network`, the CNI's pools and
kube-proxy `clusterCIDR` should agree (a pool may be a part of the cluster CIDR, never outside
it). Remove the cluster-pool keys when Cilium uses `ipam: kubernetes`.

## Known limitations
Ranges are compared within a family. Silent for a family whose pod ranges the view defines
several ways (several clusters in one view: the fact is ambiguous; split the view with
`clusters:`). Node podCIDRs assigned by hand or by a cloud's node IPAM are not seen.
)md"};

bool is_pool(RangeRole role) {
  return role == RangeRole::kFlannelNetwork || role == RangeRole::kCalicoPool || role == RangeRole::kCiliumPool;
}

// The items of `inner` (of a family `outer` has) that no item of `outer` contains.
std::vector<const Cidr*> uncontained(const PodRange& outer, const PodRange& inner) {
  std::vector<const Cidr*> out;
  for (const Cidr& c : inner.cidrs) {
    bool family = false, inside = false;
    for (const Cidr& o : outer.cidrs) {
      if (o.v6 != c.v6) continue;
      family = true;
      inside = inside || contains(o, c);
    }
    if (family && !inside) out.push_back(&c);
  }
  return out;
}

std::string names(const std::vector<const Cidr*>& cidrs) {
  std::vector<std::string> out;
  for (const Cidr* c : cidrs) out.push_back(c->str());
  return fmt::format("{}", fmt::join(out, ", "));
}

std::string ranges(const PodRange& r) {
  std::vector<std::string> out;
  for (const Cidr& c : r.cidrs) out.push_back(c.str());
  return fmt::format("{}", fmt::join(out, ","));
}

class PodCidrMismatch final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    // Disagreeing definitions of one family's pod ranges are several clusters in one view: that
    // family's items are left out (RULES.md Facts "Dual-stack": per family).
    const facts::ClusterFacts& f = view.facts();
    const auto mixed = [&f](const Cidr* c) {
      return f.pod_cidrs[facts::family_of_v6(c->v6)].state == facts::State::kAmbiguous;
    };
    const std::vector<PodRange> all = addressing::pod_ranges(view.model());
    const std::string ipam = cilium_ipam(view.model());
    std::vector<const PodRange*> flannel, pools, cluster, proxy, cilium;
    for (const PodRange& r : all) {
      if (r.role == RangeRole::kCiliumPool && ipam != "cluster-pool") {
        if (ipam == "kubernetes") cilium.push_back(&r);
        continue;  // other modes (eni, azure, multi-pool) ignore these keys
      }
      if (r.role == RangeRole::kFlannelNetwork) flannel.push_back(&r);
      if (is_pool(r.role)) pools.push_back(&r);
      if (r.role == RangeRole::kClusterCidr) cluster.push_back(&r);
      if (r.role == RangeRole::kKubeProxy) proxy.push_back(&r);
    }

    for (const PodRange* net : flannel) {
      for (const PodRange* c : cluster) {
        auto outside = uncontained(*net, *c);
        std::erase_if(outside, mixed);
        if (outside.empty()) continue;
        report(
            out, *net, *c,
            fmt::format(
                "flannel network {} ({}) does not contain the cluster CIDR {} ({}): flannel refuses to start on nodes "
                "whose podCIDR lies outside its Network, and their pods get no network",
                ranges(*net), net->what, names(outside), c->what),
            "set the flannel Network to the cluster's pod subnet (or a range containing it)");
      }
    }
    const std::vector<const PodRange*>& kube_proxy_pools = pools.empty() ? cluster : pools;
    for (const PodRange* k : proxy) {
      for (const PodRange* p : kube_proxy_pools) {
        auto outside = uncontained(*k, *p);
        std::erase_if(outside, mixed);
        if (outside.empty()) continue;
        report(
            out, *k, *p,
            fmt::format(
                "kube-proxy clusterCIDR {} ({}) does not contain the pod range {} ({}): kube-proxy treats those pods "
                "as outside the cluster (masquerading their traffic, misjudging local traffic)",
                ranges(*k), k->what, names(outside), p->what),
            "set kube-proxy's clusterCIDR to the pod range, covering every pool");
      }
    }
    for (const PodRange* p : cilium) {
      for (const PodRange* c : cluster) {
        std::vector<const Cidr*> differing;
        for (const Cidr& pc : p->cidrs) {
          bool family = false, same = false;
          for (const Cidr& cc : c->cidrs) {
            if (cc.v6 != pc.v6) continue;
            family = true;
            same = same || cc == pc;
          }
          if (family && !same) differing.push_back(&pc);
        }
        std::erase_if(differing, mixed);
        if (differing.empty()) continue;
        report(out, *p, *c,
               fmt::format(
                   "cilium pool {} ({}) is ignored with ipam: kubernetes: pods get addresses from the nodes' podCIDRs, "
                   "allocated from the cluster CIDR {} ({})",
                   names(differing), p->what, ranges(*c), c->what),
               "remove the cluster-pool keys, or switch cilium to ipam: cluster-pool if the pool is meant");
      }
    }
  }

 private:
  static std::string cilium_ipam(const model::Model& m) {
    for (const model::ConfigMap& cm : m.config_maps) {
      if (cm.meta.name.value != "cilium-config") continue;
      for (const model::ConfigMapEntry& e : cm.data) {
        if (e.key.value == "ipam") return e.value.value;
      }
      return "cluster-pool";  // Cilium's default IPAM mode
    }
    return "cluster-pool";
  }

  static void report(engine::Sink& out, const PodRange& anchor, const PodRange& other, std::string message,
                     std::string help) {
    out.checking(anchor.range);
    diag::Diagnostic& d = out.report(anchor.range, std::move(message));
    d.help = std::move(help);
    d.related.push_back({other.range, fmt::format("{}: {}", other.what, other.text)});
  }
};

}  // namespace

const engine::Rule* pod_cidr_mismatch() {
  static const PodCidrMismatch rule;
  return &rule;
}

}  // namespace netlint::rules
