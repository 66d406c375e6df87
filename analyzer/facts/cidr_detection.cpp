// The per-family CIDR facts (RULES.md Facts "Dual-stack"). A dual-stack cluster writes one value
// per family in one place (`--cluster-cidr=10.244.0.0/16,fd00:10:244::/56`), so each written
// value is split into its items and each item goes to the slot of its family:
// - single-valued per family: the cluster pod CIDR, the Service CIDR, the per-node block; two
//   different values of one family are ambiguous, values of different families never conflict;
// - sets per family: the CNI's pools (Calico IPPools with their blockSize, Cilium's cluster pool,
//   Flannel's Network/IPv6Network). Separate pools never conflict; only variants of one object
//   that write different values into one key are ambiguous (two installs mixed in one view).
// The pod ranges of a family are its cluster pod CIDR and its pools.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/facts/evidence.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::facts {
namespace {

using Slots = std::array<std::vector<Candidate>, 2>;

std::size_t index_of(Family f) {
  return static_cast<std::size_t>(f);
}

// The items of a written value: a comma-separated list (dual-stack flags), or Cilium's pool list
// separated by spaces (Helm joins clusterPoolIPv4PodCIDRList with " ").
std::vector<std::string> items_of(std::string text) {
  std::replace(text.begin(), text.end(), ' ', ',');
  return split_commas(text);
}

// One candidate per item, in the slot of the item's family.
Slots by_family(const std::vector<Candidate>& candidates) {
  Slots out;
  for (const Candidate& c : candidates) {
    for (const std::string& item : items_of(c.value)) {
      Candidate one = c;
      one.value = item;
      out[index_of(family_of(item))].push_back(std::move(one));
    }
  }
  return out;
}

// choose() for each family's slot. Conflicts keep the fact's plain name: the values they list
// show the family, and single-stack views keep the messages they always had.
void choose_per_family(const std::vector<Candidate>& candidates, PerFamily<std::string>& fact, FactName name,
                       ClusterFacts& facts) {
  Slots slots = by_family(candidates);
  for (Family f : kFamilies) choose(std::move(slots[index_of(f)]), fact[f], name, facts);
}

// A pool as written: `slot` names the key it is written in (object identity and path), so that
// only variants of that one key can disagree.
struct PoolCandidate {
  Candidate written;
  std::string slot;
  std::optional<int> block_size;  // Calico only: blockSize as written
  bool calico = false;
};

// A block size or mask length as written (at most 3 digits: /0 to /128).
std::optional<int> integer(const std::string& text) {
  if (text.size() > 3 || !all_ascii_digits(text)) return std::nullopt;
  const std::optional<std::int64_t> v = go_parse_int(text, 10, 32);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

class PoolCollector {
 public:
  explicit PoolCollector(const model::Model& m) : model_(m) {}

  void run(ClusterFacts& facts) {
    calico_objects();
    if (pools_.empty()) calico_env();  // the env creates the default pools only when none exist
    cilium();
    settle(facts);
  }

 private:
  void add(Candidate written, std::string slot, std::optional<int> block_size, bool calico) {
    pools_.push_back({std::move(written), std::move(slot), block_size, calico});
  }

  std::optional<int> setting_int(const model::ConfigDocument& doc, const std::string& path) const {
    const model::Setting* s = doc.settings.find(path);
    return s == nullptr || s->placeholder ? std::nullopt : integer(s->value.value);
  }

  void setting_pool(const model::ConfigDocument& doc, const std::string& path, std::optional<int> block_size,
                    bool calico) {
    const model::Setting* s = doc.settings.find(path);
    if (s == nullptr || s->placeholder) return;
    Candidate c = from_setting(doc, *s, 0);
    const std::string slot = c.identity + " " + path;
    add(std::move(c), slot, block_size, calico);
  }

  void calico_objects() {
    for (const model::ConfigDocument& doc : model_.configs) {
      if (doc.kind == "IPPool") {
        setting_pool(doc, "spec.cidr", setting_int(doc, "spec.blockSize"), true);
      } else if (doc.kind == "Installation") {
        for (int i = 0; i < 64; ++i) {
          const std::string base = fmt::format("spec.calicoNetwork.ipPools[{}]", i);
          if (doc.settings.find(base + ".cidr") == nullptr) break;
          setting_pool(doc, base + ".cidr", setting_int(doc, base + ".blockSize"), true);
        }
      } else if (doc.kind == "net-conf.json") {
        setting_pool(doc, "Network", std::nullopt, false);
        setting_pool(doc, "IPv6Network", std::nullopt, false);
      }
    }
  }

  void calico_env() {
    for (const model::PodSource& pod : model_.pod_sources) {
      for (const model::Container& c : pod.containers) {
        auto env = [&](std::string_view name) -> const model::EnvVar* {
          for (const model::EnvVar& e : c.env) {
            if (e.name.value == name && e.value && !model::is_installer_placeholder(e.value->value)) return &e;
          }
          return nullptr;
        };
        for (std::string_view v : {"4", "6"}) {
          const model::EnvVar* cidr = env(fmt::format("CALICO_IPV{}POOL_CIDR", v));
          if (cidr == nullptr) continue;
          const model::EnvVar* block = env(fmt::format("CALICO_IPV{}POOL_BLOCK_SIZE", v));
          Candidate written{cidr->value->value,
                            {cidr->value->range,
                             fmt::format("{} env {}={}", pod.meta.display(), cidr->name.value, cidr->value->value)},
                            identity_of(pod.meta),
                            0};
          const std::string slot = written.identity + " " + cidr->name.value;
          add(std::move(written), slot, block != nullptr ? integer(block->value->value) : std::nullopt, true);
        }
      }
    }
  }

  void cilium() {
    for (const model::ConfigMap& cm : model_.config_maps) {
      if (cm.meta.name.value != "cilium-config") continue;
      const model::ConfigMapEntry* ipam = find_entry(cm, "ipam");
      if (ipam != nullptr && ipam->value.value != "cluster-pool") continue;  // other modes ignore these keys
      for (std::string_view key : {"cluster-pool-ipv4-cidr", "cluster-pool-ipv6-cidr"}) {
        const model::ConfigMapEntry* e = find_entry(cm, key);
        if (e == nullptr || model::is_installer_placeholder(e->value.value)) continue;
        Candidate written{e->value.value,
                          {e->value.range, fmt::format("{} {}: {}", cm.meta.display(), key, e->value.value)},
                          identity_of(cm.meta),
                          0};
        const std::string slot = written.identity + " " + std::string(key);
        add(std::move(written), slot, std::nullopt, false);
      }
    }
  }

  // Variants of one key that disagree make the families they write ambiguous; everything else
  // joins the set of its family.
  void settle(ClusterFacts& facts) {
    std::map<std::string, std::vector<const PoolCandidate*>> by_slot;
    for (const PoolCandidate& p : pools_) by_slot[p.slot].push_back(&p);
    std::array<bool, 2> ambiguous{};
    for (const auto& entry : by_slot) {
      // A named reference, not a structured binding: clang 14 cannot capture those in lambdas.
      const std::vector<const PoolCandidate*>& written = entry.second;
      const PoolCandidate* first = written.front();
      const bool disagree = std::any_of(written.begin(), written.end(), [first](const PoolCandidate* p) {
        return p->written.value != first->written.value || p->block_size != first->block_size;
      });
      if (!disagree) continue;
      std::vector<Candidate> candidates;
      for (const PoolCandidate* p : written) {
        candidates.push_back(p->written);
        for (const std::string& item : items_of(p->written.value)) ambiguous[index_of(family_of(item))] = true;
      }
      Fact<std::string> ignored;
      choose(std::move(candidates), ignored, {"podCIDRs", "the pod CIDRs"}, facts);
    }
    for (const PoolCandidate& p : pools_) {
      for (const std::string& item : items_of(p.written.value)) {
        const Family f = family_of(item);
        Fact<std::vector<Pool>>& fact = facts.cni_pools[f];
        const bool listed = std::any_of(fact.evidence.begin(), fact.evidence.end(), [&](const Evidence& e) {
          return e.range == p.written.evidence.range && e.what == p.written.evidence.what;
        });
        if (!listed) fact.evidence.push_back(p.written.evidence);
        if (ambiguous[index_of(f)]) continue;
        std::optional<int> block = p.block_size;
        if (p.calico && !block) block = f == Family::kIPv4 ? 26 : 122;  // Calico's IPPool defaults
        const bool seen =
            std::any_of(fact.value.begin(), fact.value.end(), [&](const Pool& q) { return q.cidr == item; });
        if (!seen) fact.value.push_back({item, block});
        fact.state = State::kKnown;
      }
    }
    for (Family f : kFamilies) {
      if (ambiguous[index_of(f)]) {
        facts.cni_pools[f].state = State::kAmbiguous;
        facts.cni_pools[f].value.clear();
      }
    }
  }

  const model::Model& model_;
  std::vector<PoolCandidate> pools_;
};

// The pod ranges of each family: the CNI's pools, then the cluster pod CIDR when no pool holds
// it already. Ambiguous when either part is.
void settle_pod_ranges(ClusterFacts& facts) {
  for (Family f : kFamilies) {
    const Fact<std::string>& cluster = facts.cluster_pod_cidr[f];
    const Fact<std::vector<Pool>>& pools = facts.cni_pools[f];
    Fact<std::vector<std::string>>& ranges = facts.pod_cidrs[f];
    ranges.evidence = pools.evidence;
    ranges.evidence.insert(ranges.evidence.end(), cluster.evidence.begin(), cluster.evidence.end());
    if (cluster.state == State::kAmbiguous || pools.state == State::kAmbiguous) {
      ranges.state = State::kAmbiguous;
      continue;
    }
    std::vector<std::string> value;
    for (const Pool& p : pools.value) value.push_back(p.cidr);
    if (cluster.usable() && std::find(value.begin(), value.end(), cluster.value) == value.end())
      value.push_back(cluster.value);
    if (!value.empty()) ranges.set(std::move(value));
  }
}

// kube-controller-manager's `--node-cidr-mask-size` sizes the blocks of a single-stack cluster:
// IPv6 when the only pod ranges in view are IPv6, else IPv4 (its default family).
Family single_stack_family(const ClusterFacts& facts) {
  const bool v4 = facts.pod_cidrs[Family::kIPv4].state != State::kUnknown;
  const bool v6 = facts.pod_cidrs[Family::kIPv6].state != State::kUnknown;
  return v6 && !v4 ? Family::kIPv6 : Family::kIPv4;
}

void detect_node_blocks(const model::Model& m, ClusterFacts& facts) {
  Slots blocks;
  std::vector<Candidate> single_stack;
  for (const model::ConfigDocument& doc : m.configs) {
    if (doc.kind != "ClusterConfiguration") continue;
    kubeadm_arg(doc, "controllerManager", "node-cidr-mask-size", 1, single_stack);
    for (Family f : kFamilies)
      kubeadm_arg(doc, "controllerManager", fmt::format("node-cidr-mask-size-{}", family_key(f)), 1,
                  blocks[index_of(f)]);
  }
  flag_candidates(m, "kube-controller-manager", "node-cidr-mask-size", 0, single_stack);
  for (Family f : kFamilies)
    flag_candidates(m, "kube-controller-manager", fmt::format("node-cidr-mask-size-{}", family_key(f)), 0,
                    blocks[index_of(f)]);
  for (const model::ConfigMap& cm : m.config_maps) {
    if (cm.meta.name.value != "cilium-config") continue;
    const model::ConfigMapEntry* ipam = find_entry(cm, "ipam");
    if (ipam != nullptr && ipam->value.value != "cluster-pool") continue;
    for (Family f : kFamilies) {
      const std::string key = fmt::format("cluster-pool-{}-mask-size", family_key(f));
      if (const model::ConfigMapEntry* e = find_entry(cm, key)) {
        blocks[index_of(f)].push_back(
            {e->value.value,
             {e->value.range, fmt::format("{} {}: {}", cm.meta.display(), key, e->value.value)},
             identity_of(cm.meta),
             0});
      }
    }
  }
  std::vector<Candidate>& generic = blocks[index_of(single_stack_family(facts))];
  generic.insert(generic.end(), single_stack.begin(), single_stack.end());
  for (Family f : kFamilies)
    choose_int(std::move(blocks[index_of(f)]), facts.node_block_prefix[f], {"nodeBlockSize", "the per-node block"},
               facts);
}

}  // namespace

void detect_cidrs(const model::Model& m, ClusterFacts& facts) {
  std::vector<Candidate> cluster_pod, service;
  for (const model::ConfigDocument& doc : m.configs) {
    auto add = [&](std::vector<Candidate>& to, std::string_view path, int priority) {
      if (const model::Setting* s = doc.settings.find(path); s != nullptr && !s->placeholder)
        to.push_back(from_setting(doc, *s, priority));
    };
    if (doc.kind == "ClusterConfiguration") {
      add(service, "networking.serviceSubnet", 1);
      add(cluster_pod, "networking.podSubnet", 1);
    } else if (doc.kind == "KubeProxyConfiguration") {
      add(cluster_pod, "clusterCIDR", 2);  // kube-proxy repeats the cluster CIDR: the others rank first
    }
  }
  flag_candidates(m, "kube-apiserver", "service-cluster-ip-range", 0, service);
  flag_candidates(m, "kube-controller-manager", "cluster-cidr", 1, cluster_pod);
  choose_per_family(service, facts.service_cidr, {"serviceCIDRs", "the Service CIDRs"}, facts);
  choose_per_family(cluster_pod, facts.cluster_pod_cidr, {"podCIDRs", "the pod CIDRs"}, facts);
  PoolCollector(m).run(facts);
  settle_pod_ranges(facts);
  detect_node_blocks(m, facts);
}

}  // namespace netlint::facts
