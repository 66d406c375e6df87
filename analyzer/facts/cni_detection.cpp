// The CNI fact (RULES.md Facts; knowledge/domain.md 4.1-4.2): which CNIs the view installs and
// whether they enforce NetworkPolicy. Evidence: DaemonSets and Deployments by name, labels and
// images; ConfigMaps by name and keys; CNI configs by plugin `type`; the Tigera operator's
// Installation. CNIs whose enforcement the knowledge marks [unverified] (Weave, Antrea, Azure
// CNI, k3s) are detected by presence only, their enforcement unknown.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/facts/evidence.h"

namespace netlint::facts {
namespace {

struct Marker {
  std::string_view cni;
  std::string_view workload_name;  // DaemonSet/Deployment name (prefix match when it ends in '*')
  std::string_view image;          // image repository suffix
};

// Workloads by name or image. Order matters: Canal's DaemonSet also runs Calico and Flannel
// images, so it is recognised as a whole before its containers are looked at.
constexpr std::array<Marker, 16> kWorkloads = {{
    {"canal", "canal*", ""},  // canal, canal-node (etcd variant)
    {"flannel", "kube-flannel-ds*", ""},
    {"flannel", "", "flannel-io/flannel"},
    {"flannel", "", "flannel/flannel"},
    {"flannel", "", "coreos/flannel"},
    {"calico", "calico-node", ""},
    {"calico", "", "calico/node"},
    {"calico", "", "tigera/operator"},
    {"cilium", "", "cilium/cilium"},
    {"kube-router", "kube-router", ""},
    {"kube-router", "", "cloudnativelabs/kube-router"},
    {"aws-vpc", "aws-node", ""},
    {"aws-vpc", "", "amazon-k8s-cni"},
    {"weave", "weave-net", ""},
    {"antrea", "antrea-agent", ""},
    {"k3s", "", "rancher/k3s"},
}};

// CNI plugin `type` values in conflists (domain.md 4.2).
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kPluginTypes = {{
    {"flannel", "flannel"},
    {"calico", "calico"},
    {"cilium-cni", "cilium"},
    {"aws-cni", "aws-vpc"},
    {"azure-vnet", "azure"},
    {"weave-net", "weave"},
    {"antrea", "antrea"},
    {"kube-router", "kube-router"},
}};

// ConfigMaps that only one CNI writes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kConfigMaps = {{
    {"canal-config", "canal"},
    {"kube-flannel-cfg", "flannel"},
    {"calico-config", "calico"},
    {"cilium-config", "cilium"},
    {"amazon-vpc-cni", "aws-vpc"},
    {"antrea-config", "antrea"},
}};

bool name_matches(std::string_view name, std::string_view pattern) {
  if (pattern.empty()) return false;
  if (pattern.back() == '*') return name.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
  return name == pattern;
}

struct Found {
  Cni cni;
  // Per identity (variants of one object), the enforcement that object shows.
  std::map<std::string, Enforcement> enforcement_by_identity;
  bool workload_seen = false;
  bool chained = false;      // Cilium with cni-chaining-mode
  bool policy_only = false;  // every calico-node has CALICO_NETWORKING_BACKEND=none
  int calico_workloads = 0;
};

class CniDetector {
 public:
  explicit CniDetector(const model::Model& m) : model_(m) {}

  void run(ClusterFacts& facts) {
    scan_workloads();
    scan_config_maps();
    scan_configs();
    settle_enforcement();
    conclude(facts);
  }

 private:
  Found& found(std::string_view cni) {
    Found& f = found_[std::string(cni)];
    f.cni.name = std::string(cni);
    return f;
  }

  void add(std::string_view cni, SourceRange range, std::string what, const std::string& identity) {
    Found& f = found(cni);
    f.cni.evidence.push_back({range, std::move(what)});
    if (f.cni.identity.empty()) f.cni.identity = identity;
  }

  static std::optional<std::string_view> workload_cni(const model::PodSource& pod, const model::Container** via) {
    for (const Marker& m : kWorkloads) {
      if (name_matches(pod.meta.name.value, m.workload_name)) return m.cni;
    }
    for (const Marker& m : kWorkloads) {
      if (m.image.empty()) continue;
      for (const model::Container& c : pod.containers) {
        if (image_is(c.image.value, m.image)) {
          *via = &c;
          return m.cni;
        }
      }
    }
    return std::nullopt;
  }

  void scan_workloads() {
    for (const model::PodSource& pod : model_.pod_sources) {
      if (pod.synthetic) continue;
      for (const model::Container& c : pod.containers) {
        if (image_repository(c.image.value).find("kube-network-policies") != std::string_view::npos) {
          network_policies_.push_back({c.image.range, fmt::format("{} runs {}", pod.meta.display(), c.image.value)});
        }
      }
      const model::Container* via = nullptr;
      const auto cni = workload_cni(pod, &via);
      if (!cni) continue;
      const std::string identity = identity_of(pod.meta);
      if (via != nullptr)
        add(*cni, via->image.range, fmt::format("{} image {}", pod.meta.display(), via->image.value), identity);
      else
        add(*cni, pod.meta.name.range, pod.meta.display(), identity);
      Found& f = found(*cni);
      f.workload_seen = true;
      // Only what the workload shows is recorded; flannel and cilium are settled from the view.
      if (const Enforcement e = workload_enforcement(*cni, pod, f); e != Enforcement::kUnknown)
        f.enforcement_by_identity[identity] = e;
    }
  }

  // What the workload itself says about enforcement (domain.md 4.1).
  Enforcement workload_enforcement(std::string_view cni, const model::PodSource& pod, Found& f) const {
    if (cni == "canal" || cni == "calico") {
      // Policy-only Calico (CALICO_NETWORKING_BACKEND=none) combines with another CNI, but
      // only when every calico-node variant in the view is policy-only.
      bool policy_only = false;
      for (const model::Container& c : pod.containers) {
        for (const model::EnvVar& e : c.env) {
          if (e.name.value == "CALICO_NETWORKING_BACKEND" && e.value && e.value->value == "none") policy_only = true;
        }
      }
      if (cni == "calico") {
        f.policy_only = (f.calico_workloads == 0 || f.policy_only) && policy_only;
        ++f.calico_workloads;
      }
      return Enforcement::kYes;
    }
    if (cni == "kube-router") {
      for (const model::Container& c : pod.containers) {
        if (auto firewall = flag_value(c, "run-firewall")) {
          return firewall->value == "false" ? Enforcement::kNo : Enforcement::kYes;
        }
      }
      return Enforcement::kUnknown;  // the default is not in the knowledge: stay silent
    }
    if (cni == "aws-vpc") {
      for (const model::Container& c : pod.containers) {
        if (c.name.value == "aws-eks-nodeagent" ||
            image_repository(c.image.value).find("aws-network-policy-agent") != std::string_view::npos) {
          const auto enabled = flag_value(c, "enable-network-policy");
          return enabled && enabled->value == "true" ? Enforcement::kYes : Enforcement::kNo;
        }
      }
      return Enforcement::kNo;
    }
    return Enforcement::kUnknown;  // flannel and cilium are settled from the whole view below
  }

  void scan_config_maps() {
    for (const model::ConfigMap& cm : model_.config_maps) {
      for (const auto& [name, cni] : kConfigMaps) {
        if (cm.meta.name.value != name) continue;
        add(cni, cm.meta.name.range, cm.meta.display(), identity_of(cm.meta));
        if (cni == "cilium") cilium_config(cm);
      }
    }
  }

  void cilium_config(const model::ConfigMap& cm) {
    Found& f = found("cilium");
    const std::string identity = identity_of(cm.meta);
    if (const model::ConfigMapEntry* policy = find_entry(cm, "enable-policy")) {
      const bool never = policy->value.value == "never";
      f.enforcement_by_identity[identity] = never ? Enforcement::kNo : Enforcement::kYes;
      if (never) f.cni.why = "enable-policy: never";
      f.cni.evidence.push_back(
          {policy->value.range, fmt::format("{} enable-policy: {}", cm.meta.display(), policy->value.value)});
    } else {
      f.enforcement_by_identity[identity] = Enforcement::kYes;  // default: enforce when policies exist
    }
    if (const model::ConfigMapEntry* chaining = find_entry(cm, "cni-chaining-mode")) {
      if (!chaining->value.value.empty() && chaining->value.value != "none") {
        f.chained = true;
        f.cni.evidence.push_back(
            {chaining->value.range, fmt::format("{} cni-chaining-mode: {}", cm.meta.display(), chaining->value.value)});
      }
    }
  }

  void scan_configs() {
    for (const model::ConfigDocument& doc : model_.configs) {
      if (doc.kind == "Installation" && doc.owner.api_version.value.starts_with("operator.tigera.io/")) {
        add("calico", doc.owner.name.range, doc.display(), identity_of(doc.owner));
        continue;
      }
      if (doc.kind != "cni") continue;
      // Canal's own config names the calico plugin: it is Canal's evidence, already counted.
      if (doc.owner.name.value == "canal-config") continue;
      for (const model::Setting& s : doc.settings.entries) {
        const bool type_key = s.path == "type" || (s.path.ends_with("].type") && s.path.starts_with("plugins["));
        if (!type_key) continue;
        for (const auto& [type, cni] : kPluginTypes) {
          if (s.value.value != type) continue;
          const std::string where = doc.owner.kind.value.empty() ? std::string("CNI config") : doc.display();
          add(cni, s.value.range, fmt::format("{} plugin type {}", where, type),
              doc.owner.kind.value.empty() ? "" : identity_of(doc.owner));
        }
      }
    }
  }

  void settle_enforcement() {
    for (auto& [name, f] : found_) {
      if (name == "flannel") {
        // Flannel enforces nothing unless kube-network-policies runs beside it; without its
        // DaemonSet in view, the view cannot tell.
        if (!network_policies_.empty()) {
          f.cni.enforces = Enforcement::kYes;
          f.cni.why = "kube-network-policies runs";
          f.cni.evidence.insert(f.cni.evidence.end(), network_policies_.begin(), network_policies_.end());
        } else if (f.workload_seen) {
          f.cni.enforces = Enforcement::kNo;
          f.cni.why = "no kube-network-policies container";
        }
        continue;
      }
      if (name == "cilium" && f.enforcement_by_identity.empty()) {
        f.cni.enforces = Enforcement::kYes;  // default enable-policy
        continue;
      }
      if (f.enforcement_by_identity.empty()) {
        // Calico and Canal are known by any of their evidence to enforce.
        if (name == "calico" || name == "canal") f.cni.enforces = Enforcement::kYes;
        continue;
      }
      Enforcement e = f.enforcement_by_identity.begin()->second;
      for (const auto& [identity, value] : f.enforcement_by_identity) {
        if (value != e) {
          e = Enforcement::kUnknown;  // variants disagree: the view cannot tell
          variant_enforcement_.push_back(name);
        }
      }
      f.cni.enforces = e;
      if (name == "aws-vpc")
        f.cni.why = e == Enforcement::kYes ? "network policy agent enabled" : "no enabled network policy agent";
    }
  }

  static SourceRange first_range(const Cni& cni) {
    for (const Evidence& e : cni.evidence) {
      if (e.range.valid()) return e.range;
    }
    return {};
  }

  void conclude(ClusterFacts& facts) {
    std::vector<Found*> all;
    for (auto& [name, f] : found_) all.push_back(&f);
    if (all.empty()) return;
    std::sort(all.begin(), all.end(), [](const Found* a, const Found* b) {
      const SourceRange ra = first_range(a->cni), rb = first_range(b->cni);
      return std::pair{ra.file, ra.begin} < std::pair{rb.file, rb.begin};
    });
    CniFact value;
    for (Found* f : all) value.cnis.push_back(f->cni);
    for (const Cni& c : value.cnis)
      facts.cni.evidence.insert(facts.cni.evidence.end(), c.evidence.begin(), c.evidence.end());

    Enforcement enforced = Enforcement::kUnknown;
    if (all.size() == 1) {
      enforced = all[0]->cni.enforces;
      facts.cni.set(std::move(value));
    } else if (const auto combination = known_combination(all)) {
      value.combination = combination->first;
      enforced = combination->second;
      facts.cni.set(std::move(value));
    } else {
      // Exclusive CNIs: a mixed view (two install variants side by side) or a broken install.
      Conflict conflict;
      conflict.fact = "cni";
      const Cni& later = all.back()->cni;
      conflict.anchor = first_range(later);
      std::vector<std::string> names;
      for (const Found* f : all) {
        names.push_back(f->cni.name);
        if (f != all.back())
          conflict.related.push_back({first_range(f->cni), fmt::format("{} is installed here", f->cni.name)});
      }
      conflict.message = fmt::format(
          "the view holds several CNIs that exclude each other ({}): rules that depend on the CNI stay silent",
          fmt::join(names, ", "));
      facts.conflicts.push_back(std::move(conflict));
      facts.cni.state = State::kAmbiguous;
      facts.cni.value = std::move(value);
      // NL2015 still holds when no candidate enforces.
      const bool none_enforces =
          std::all_of(all.begin(), all.end(), [](const Found* f) { return f->cni.enforces == Enforcement::kNo; });
      const bool some_unknown =
          std::any_of(all.begin(), all.end(), [](const Found* f) { return f->cni.enforces == Enforcement::kUnknown; });
      const bool all_enforce =
          std::all_of(all.begin(), all.end(), [](const Found* f) { return f->cni.enforces == Enforcement::kYes; });
      if (none_enforces)
        enforced = Enforcement::kNo;
      else if (all_enforce)
        enforced = Enforcement::kYes;  // whichever is meant, policies apply
      else
        facts.network_policy_enforced.state = some_unknown ? State::kUnknown : State::kAmbiguous;
    }
    for (const std::string& name : variant_enforcement_) {
      const Cni& cni = found_.at(name).cni;
      Conflict conflict;
      conflict.fact = "networkPolicyEnforced";
      conflict.anchor = cni.evidence.empty() ? SourceRange{} : cni.evidence.back().range;
      for (std::size_t i = 0; i + 1 < cni.evidence.size(); ++i)
        conflict.related.push_back({cni.evidence[i].range, cni.evidence[i].what});
      conflict.message = fmt::format(
          "variants of {} in the view disagree on whether it enforces NetworkPolicy: rules that depend on it stay "
          "silent",
          name);
      facts.conflicts.push_back(std::move(conflict));
      if (enforced != Enforcement::kUnknown || facts.network_policy_enforced.state == State::kUnknown) {
        enforced = Enforcement::kUnknown;
        facts.network_policy_enforced.state = State::kAmbiguous;
      }
    }
    for (const Evidence& e : facts.cni.evidence) facts.network_policy_enforced.evidence.push_back(e);
    if (enforced != Enforcement::kUnknown) facts.network_policy_enforced.set(enforced == Enforcement::kYes);
  }

  // Known combinations (domain.md 4.1): Cilium chained on another CNI enforces as Cilium does;
  // Calico in policy-only mode (CALICO_NETWORKING_BACKEND=none) beside another CNI enforces.
  static std::optional<std::pair<std::string, Enforcement>> known_combination(const std::vector<Found*>& all) {
    if (all.size() != 2) return std::nullopt;
    for (int i = 0; i < 2; ++i) {
      const Found& a = *all[static_cast<std::size_t>(i)];
      const Found& b = *all[static_cast<std::size_t>(1 - i)];
      if (a.cni.name == "cilium" && a.chained)
        return std::pair{fmt::format("cilium chained on {}", b.cni.name), a.cni.enforces};
      if (a.cni.name == "calico" && a.policy_only && b.cni.name != "canal")
        return std::pair{fmt::format("calico policy on {}", b.cni.name), Enforcement::kYes};
    }
    return std::nullopt;
  }

  const model::Model& model_;
  std::map<std::string, Found> found_;
  std::vector<Evidence> network_policies_;
  std::vector<std::string> variant_enforcement_;
};

}  // namespace

std::string_view enforcement_name(Enforcement e) {
  switch (e) {
    case Enforcement::kYes:
      return "yes";
    case Enforcement::kNo:
      return "no";
    case Enforcement::kUnknown:
      break;
  }
  return "unknown";
}

std::string CniFact::display() const {
  if (!combination.empty()) return combination;
  std::vector<std::string> names;
  for (const Cni& c : cnis) names.push_back(c.name);
  return fmt::format("{}", fmt::join(names, " + "));
}

bool CniFact::ip_blocks_skip_pods() const {
  return std::any_of(cnis.begin(), cnis.end(), [](const Cni& c) { return c.name == "cilium"; });
}

void detect_cni(const model::Model& model, ClusterFacts& facts) {
  CniDetector(model).run(facts);
}

}  // namespace netlint::facts
