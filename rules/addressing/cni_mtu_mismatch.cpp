// NL5104 cni-mtu-mismatch: a pod MTU set by hand that, with the encapsulation's overhead, does
// not fit the node MTU (RULES.md; knowledge/domain.md 4.3).
#include <fmt/format.h>

#include <optional>

#include "analyzer/facts/evidence.h"
#include "rules/addressing/address_sources.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL5104",
                               .name = "cni-mtu-mismatch",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "a configured pod MTU plus the encapsulation overhead exceeds the node MTU",
                               .doc = R"md(## What it finds
A pod MTU written in the CNI's config, not `0` (auto-detect), that together with the overhead of
the encapsulation is larger than the node MTU (`nodeMTU` in `.netlint.yaml`):
- Calico: `veth_mtu` in `calico-config`, or `spec.calicoNetwork.mtu` of the operator's
  Installation, with the pools' encapsulation: IP-in-IP 20 bytes, VXLAN 50 (70 for IPv6 pools),
  from `CALICO_IPV4POOL_IPIP`/`CALICO_IPV4POOL_VXLAN`, IPPool
  `ipipMode`/`vxlanMode` or the Installation's `encapsulation`; `CrossSubnet` counts, since
  traffic between subnets is encapsulated;
- Canal: `veth_mtu` in `canal-config` with Flannel's backend: VXLAN 50, WireGuard 60, IP-in-IP 20,
  host-gw none.

With several encapsulations the largest overhead counts; an unknown one counts as none, so a
finding is certain.

## Why is this bad?
Pods send packets up to their MTU; the encapsulated packet is larger by the overhead. When that
exceeds the node MTU, the packet is fragmented or, with the don't-fragment bit set, dropped.
Small requests work, large responses and TLS handshakes stall: the classic "curl hangs after the
headers" symptom. On 1500-byte networks, IP-in-IP needs at most 1480, VXLAN 1450, WireGuard 1440.

## How to fix
Set the pod MTU to the node MTU minus the overhead, or to `0` so the CNI detects it.

## Known limitations
The node MTU is only known from `.netlint.yaml`. WireGuard and IPsec encryption in Calico
(FelixConfiguration) and Cilium's MTU settings are not read; Flannel computes its MTU itself.
)md"};

struct Encapsulation {
  std::string name;  // "IP-in-IP"
  int overhead = 0;
  SourceRange range;
  std::string what;
};

struct PodMtu {
  int mtu = 0;
  SourceRange range;
  std::string what;
  bool canal = false;
};

std::optional<int> integer(std::string_view text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool encapsulates(std::string_view mode) {
  return mode == "Always" || mode == "CrossSubnet" || mode == "always" || mode == "cross-subnet";
}

void keep_largest(std::optional<Encapsulation>& best, Encapsulation candidate) {
  if (!best || candidate.overhead > best->overhead) best = std::move(candidate);
}

// Calico's pool encapsulation as written: calico-node env, IPPools and the operator's
// Installation. Defaults are not assumed (IPPools or NO_DEFAULT_POOLS may replace the default
// pool), so an unwritten encapsulation counts as none.
std::optional<Encapsulation> calico_encapsulation(const model::Model& m) {
  std::optional<Encapsulation> best;
  for (const model::PodSource& pod : m.pod_sources) {
    for (const model::Container& c : pod.containers) {
      if (!facts::image_is(c.image.value, "calico/node") && pod.meta.name.value != "calico-node") continue;
      for (const model::EnvVar& e : c.env) {
        if (!e.value) continue;
        const std::string what = fmt::format("{} env {}={}", pod.meta.display(), e.name.value, e.value->value);
        if (e.name.value == "CALICO_IPV4POOL_IPIP") {
          if (encapsulates(e.value->value)) keep_largest(best, {"IP-in-IP", 20, e.value->range, what});
        } else if (e.name.value == "CALICO_IPV4POOL_VXLAN" && encapsulates(e.value->value)) {
          keep_largest(best, {"VXLAN", 50, e.value->range, what});
        } else if (e.name.value == "CALICO_IPV6POOL_VXLAN" && encapsulates(e.value->value)) {
          keep_largest(best, {"VXLAN over IPv6", 70, e.value->range, what});
        }
      }
    }
  }
  for (const model::ConfigDocument& doc : m.configs) {
    if (doc.kind == "IPPool") {
      const model::Setting* cidr = doc.settings.find("spec.cidr");
      const bool v6 = cidr != nullptr && cidr->value.value.find(':') != std::string::npos;
      if (const model::Setting* s = doc.settings.find("spec.ipipMode"); s != nullptr && encapsulates(s->value.value)) {
        keep_largest(best,
                     {"IP-in-IP", 20, s->value.range, fmt::format("{} ipipMode: {}", doc.display(), s->value.value)});
      }
      if (const model::Setting* s = doc.settings.find("spec.vxlanMode"); s != nullptr && encapsulates(s->value.value)) {
        keep_largest(best, {v6 ? "VXLAN over IPv6" : "VXLAN", v6 ? 70 : 50, s->value.range,
                            fmt::format("{} vxlanMode: {}", doc.display(), s->value.value)});
      }
    } else if (doc.kind == "Installation") {
      for (int i = 0;; ++i) {
        const std::string base = fmt::format("spec.calicoNetwork.ipPools[{}]", i);
        if (doc.settings.under(base).empty()) break;
        const model::Setting* s = doc.settings.find(base + ".encapsulation");
        if (s == nullptr) continue;
        const model::Setting* cidr = doc.settings.find(base + ".cidr");
        const bool v6 = cidr != nullptr && cidr->value.value.find(':') != std::string::npos;
        const std::string what = fmt::format("{} {}.encapsulation: {}", doc.display(), base, s->value.value);
        if (s->value.value.starts_with("IPIP"))
          keep_largest(best, {"IP-in-IP", 20, s->value.range, what});
        else if (s->value.value.starts_with("VXLAN"))
          keep_largest(best, {v6 ? "VXLAN over IPv6" : "VXLAN", v6 ? 70 : 50, s->value.range, what});
      }
    }
  }
  return best;
}

// Flannel's backend, as Canal uses it (domain.md 4.2, 4.3).
std::optional<Encapsulation> flannel_encapsulation(const model::Model& m) {
  std::optional<Encapsulation> best;
  for (const model::ConfigDocument& doc : m.configs) {
    if (doc.kind != "net-conf.json" || doc.owner.name.value != "canal-config") continue;
    const model::Setting* s = doc.settings.find("Backend.Type");
    if (s == nullptr) continue;
    const std::string what = fmt::format("{} Backend.Type: {}", doc.display(), s->value.value);
    if (s->value.value == "vxlan")
      keep_largest(best, {"VXLAN", 50, s->value.range, what});
    else if (s->value.value == "wireguard")
      keep_largest(best, {"WireGuard", 60, s->value.range, what});
    else if (s->value.value == "ipip")
      keep_largest(best, {"IP-in-IP", 20, s->value.range, what});
  }
  return best;
}

std::vector<PodMtu> pod_mtus(const model::Model& m) {
  std::vector<PodMtu> out;
  for (const model::ConfigMap& cm : m.config_maps) {
    if (cm.meta.name.value != "calico-config" && cm.meta.name.value != "canal-config") continue;
    const model::ConfigMapEntry* e = facts::find_entry(cm, "veth_mtu");
    if (e == nullptr || model::is_installer_placeholder(e->value.value)) continue;
    const auto mtu = integer(e->value.value);
    if (!mtu || *mtu == 0) continue;  // 0: auto-detect
    out.push_back(
        {*mtu, e->value.range, fmt::format("{} veth_mtu", cm.meta.display()), cm.meta.name.value == "canal-config"});
  }
  for (const model::ConfigDocument& doc : m.configs) {
    if (doc.kind != "Installation") continue;
    const model::Setting* s = doc.settings.find("spec.calicoNetwork.mtu");
    if (s == nullptr || s->placeholder) continue;
    const auto mtu = integer(s->value.value);
    if (!mtu || *mtu == 0) continue;
    out.push_back({*mtu, s->value.range, fmt::format("{} spec.calicoNetwork.mtu", doc.display()), false});
  }
  return out;
}

class CniMtuMismatch final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::ClusterFacts& f = view.facts();
    if (!f.node_mtu.usable() || f.node_mtu.value <= 0) return;
    const int node_mtu = f.node_mtu.value;
    const std::vector<PodMtu> mtus = pod_mtus(view.model());
    if (mtus.empty()) return;
    const addressing::Source node = addressing::source_of(f.node_mtu, "nodeMTU", std::to_string(node_mtu));
    const std::optional<Encapsulation> calico = calico_encapsulation(view.model());
    const std::optional<Encapsulation> flannel = flannel_encapsulation(view.model());
    for (const PodMtu& pod : mtus) {
      const std::optional<Encapsulation>& encapsulation = pod.canal ? flannel : calico;
      const int overhead = encapsulation ? encapsulation->overhead : 0;
      if (pod.mtu + overhead <= node_mtu) continue;
      out.checking(pod.range);
      std::string message;
      if (encapsulation) {
        message = fmt::format(
            "pod MTU {} ({}) plus the {} overhead of {} bytes ({}) is {}, more than the node MTU {} ({}): "
            "larger packets are fragmented or dropped, so big responses stall",
            pod.mtu, pod.what, encapsulation->name, overhead, encapsulation->what, pod.mtu + overhead, node_mtu,
            node.what);
      } else {
        message = fmt::format(
            "pod MTU {} ({}) is more than the node MTU {} ({}): larger packets are fragmented or dropped, so big "
            "responses stall",
            pod.mtu, pod.what, node_mtu, node.what);
      }
      diag::Diagnostic& d = out.report(pod.range, std::move(message));
      d.help = fmt::format("set the pod MTU to {} or less, or to 0 so the CNI detects it", node_mtu - overhead);
      d.related.push_back({node.range, fmt::format("node MTU {}", node_mtu)});
      if (encapsulation && encapsulation->range.valid())
        d.related.push_back({encapsulation->range, encapsulation->what});
    }
  }
};

}  // namespace

const engine::Rule* cni_mtu_mismatch() {
  static const CniMtuMismatch rule;
  return &rule;
}

}  // namespace netlint::rules
