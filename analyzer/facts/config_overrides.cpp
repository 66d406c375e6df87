// Explicit facts from .netlint.yaml `cluster:` (a `clusters:` entry's `cluster:` over the global
// one). Configured values win over detection; where the manifests show something else, one
// NL0006 note anchors on the config key with the evidence related, so the user sees both.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/util/go_values.h"

namespace netlint::facts {
namespace {

class ConfigReader {
 public:
  ConfigReader(const FactsConfig& config, ClusterFacts& facts) : config_(config), facts_(facts) {}

  // The view's value of `key` first, then the global one.
  yaml::NodeRef::Entry find(std::string_view key) const {
    if (auto e = config_.view.find(key)) return e;
    return config_.global.find(key);
  }

  SourceRange anchor(const yaml::NodeRef& key) const {
    SourceRange r = key.range();
    if (r.valid()) r.file = config_.config_file;
    return r;
  }

  // Sets `fact` from config; when detection found another value, one conflict.
  template <class T>
  void set(Fact<T>& fact, T value, const yaml::NodeRef& key, std::string_view name, const std::string& detected,
           const std::string& configured) {
    const bool detected_known = fact.state == State::kKnown || fact.state == State::kAmbiguous;
    if (detected_known && detected != configured) {
      Conflict c;
      c.kind = ConflictKind::kConfigOverridesDetection;
      c.fact = std::string(name);
      c.anchor = anchor(key);
      for (const Evidence& e : fact.evidence) {
        if (e.range.valid()) c.related.push_back({e.range, e.what});
      }
      c.message = fmt::format("config sets {} to {}, but the manifests show {}: netlint uses the configured value",
                              name, configured, detected.empty() ? std::string("conflicting values") : detected);
      facts_.conflicts.push_back(std::move(c));
    }
    fact.value = std::move(value);
    fact.state = State::kKnown;
    fact.config_key = anchor(key);
  }

 private:
  const FactsConfig& config_;
  ClusterFacts& facts_;
};

std::vector<std::string> strings(const yaml::NodeRef& seq) {
  std::vector<std::string> out;
  for (const model::Text& t : model::string_list(seq)) out.push_back(t.value);
  return out;
}

std::string join(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

// A number of seconds, or a Go duration truncated to whole seconds ("90s", "1m30s", "1.5h").
std::optional<int> seconds_of(const yaml::NodeRef& node) {
  if (auto n = model::integer_of(node)) return static_cast<int>(*n);
  if (!node.is_scalar()) return std::nullopt;
  const std::optional<std::int64_t> nanoseconds = go_parse_duration(node.scalar());
  if (!nanoseconds) return std::nullopt;
  const std::int64_t seconds = *nanoseconds / 1'000'000'000;  // toward zero, as before
  if (seconds > std::numeric_limits<int>::max() || seconds < std::numeric_limits<int>::min()) return std::nullopt;
  return static_cast<int>(seconds);
}

Enforcement configured_enforcement(std::string_view cni, const ClusterFacts& facts) {
  if (cni == "calico" || cni == "canal" || cni == "cilium") return Enforcement::kYes;
  if (cni == "none") return Enforcement::kNo;
  // Flannel, AWS VPC CNI, kube-router and the rest enforce depending on how they are deployed:
  // keep what detection found for the same CNI.
  if (facts.cni.usable() && facts.cni.value.cnis.size() == 1 && facts.cni.value.cnis[0].name == cni)
    return facts.cni.value.cnis[0].enforces;
  return Enforcement::kUnknown;
}

IngressController configured_controller(const yaml::NodeRef& item) {
  IngressController c;
  c.workload = "(configured)";
  c.config_map_known = false;  // the config names no ConfigMap
  if (auto cls = item.get("class"); cls.is_scalar()) c.classes.push_back(cls.scalar());
  if (auto ns = item.get("namespace"); ns.is_scalar()) c.namespace_name = ns.scalar();
  c.pod_labels = model::string_map(item.get("podLabels"));
  if (const yaml::NodeRef lb = item.get("loadBalancer"); lb.is_map()) {
    LoadBalancerFacts f;
    if (auto kind = lb.get("kind"); kind.is_scalar()) f.kind = kind.scalar();
    f.idle_timeout_seconds = seconds_of(lb.get("idleTimeout"));
    f.proxy_protocol = model::boolean_of(lb.get("proxyProtocol"));
    f.provider = "configured";
    c.load_balancer = f;
  }
  return c;
}

// The per-family keys (RULES.md Facts "Dual-stack"): a list sets only the families it names
// (`podCIDRs: [10.44.0.0/16]` keeps the detected IPv6 ranges); `nodeBlockSize` by family key.
void apply_family_config(ConfigReader& r, ClusterFacts& facts) {
  auto by_family = [](const std::vector<std::string>& items) {
    std::array<std::vector<std::string>, 2> out;
    for (const std::string& item : items) out[static_cast<std::size_t>(family_of(item))].push_back(item);
    return out;
  };
  auto lists = [&](std::string_view key, PerFamily<std::vector<std::string>>& fact) {
    const auto e = r.find(key);
    if (!e || !e.value.is_sequence()) return;
    const auto items = by_family(strings(e.value));
    for (Family f : kFamilies) {
      const std::vector<std::string>& value = items[static_cast<std::size_t>(f)];
      if (value.empty()) continue;
      r.set(fact[f], value, e.key, fmt::format("{} ({})", key, family_display(f)), join(fact[f].value), join(value));
    }
  };
  lists("podCIDRs", facts.pod_cidrs);
  lists("nodeCIDRs", facts.node_cidrs);
  // At most one Service CIDR per family (config validation reports more).
  if (const auto e = r.find("serviceCIDRs"); e && e.value.is_sequence()) {
    const auto items = by_family(strings(e.value));
    for (Family f : kFamilies) {
      const std::vector<std::string>& value = items[static_cast<std::size_t>(f)];
      if (value.size() == 1)
        r.set(facts.service_cidr[f], value.front(), e.key, fmt::format("serviceCIDRs ({})", family_display(f)),
              facts.service_cidr[f].value, value.front());
    }
  }
  if (const auto e = r.find("nodeBlockSize"); e && e.value.is_map()) {
    for (Family f : kFamilies) {
      const auto n = model::integer_of(e.value.get(family_key(f)));
      if (!n) continue;
      Fact<int>& fact = facts.node_block_prefix[f];
      r.set(fact, static_cast<int>(*n), e.key, fmt::format("nodeBlockSize.{}", family_key(f)),
            fact.usable() ? std::to_string(fact.value) : std::string(), std::to_string(*n));
    }
  }
}

}  // namespace

void apply_config(const FactsConfig& config, ClusterFacts& facts) {
  ConfigReader r(config, facts);
  ConfigReader& w = r;
  if (auto e = r.find("domain"); e && e.value.is_scalar())
    w.set(facts.domain, e.value.scalar(), e.key, "domain", facts.domain.value, e.value.scalar());
  if (auto e = r.find("cni"); e && e.value.is_scalar() && e.value.scalar() != "auto") {
    const std::string name = e.value.scalar();
    CniFact value;
    Cni cni;
    cni.name = name;
    cni.enforces = configured_enforcement(name, facts);
    if (name != "none") value.cnis.push_back(cni);
    w.set(facts.cni, value, e.key, "cni", facts.cni.state == State::kUnknown ? "" : facts.cni.value.display(), name);
    if (cni.enforces != Enforcement::kUnknown) {
      facts.network_policy_enforced.set(cni.enforces == Enforcement::kYes);
    } else {
      facts.network_policy_enforced.state = State::kUnknown;
    }
  }
  if (auto e = r.find("networkPolicyEnforced"); e) {
    if (auto b = model::boolean_of(e.value)) {
      w.set(facts.network_policy_enforced, *b, e.key, "networkPolicyEnforced",
            facts.network_policy_enforced.value ? "true" : "false", *b ? "true" : "false");
    }
  }
  auto list = [&](std::string_view key, Fact<std::vector<std::string>>& fact) {
    if (auto e = r.find(key); e && e.value.is_sequence()) {
      const std::vector<std::string> value = strings(e.value);
      w.set(fact, value, e.key, key, join(fact.value), join(value));
    }
  };
  apply_family_config(r, facts);
  list("clusterDNS", facts.cluster_dns);
  list("nodeSearchDomains", facts.node_search_domains);
  if (auto e = r.find("nodeMTU"); e) {
    if (auto n = model::integer_of(e.value))
      w.set(facts.node_mtu, static_cast<int>(*n), e.key, "nodeMTU", std::to_string(facts.node_mtu.value),
            std::to_string(*n));
  }
  if (auto e = r.find("kubeProxy"); e) {
    if (auto b = model::boolean_of(e.value)) {
      const auto text = [](bool present) { return std::string(present ? "present" : "absent"); };
      w.set(facts.kube_proxy, *b, e.key, "kubeProxy", text(facts.kube_proxy.value), text(*b));
    }
  }
  if (auto e = r.find("nodePortRange"); e && e.value.is_scalar()) {
    PortRange range;
    if (std::sscanf(e.value.scalar().c_str(), "%d-%d", &range.low, &range.high) == 2) {
      w.set(facts.node_port_range, range, e.key, "nodePortRange",
            fmt::format("{}-{}", facts.node_port_range.value.low, facts.node_port_range.value.high), e.value.scalar());
    }
  }
  if (auto e = r.find("kubernetesVersion"); e && e.value.is_scalar()) {
    std::string v = e.value.scalar();
    if (v.starts_with("v")) v.erase(0, 1);
    // "1.33" configured matches a detected "1.33.2".
    const std::string detected =
        facts.kubernetes_version.value.starts_with(v + ".") ? v : facts.kubernetes_version.value;
    w.set(facts.kubernetes_version, v, e.key, "kubernetesVersion", detected, v);
  }
  // dns: each key over the detected (or default) value.
  for (const yaml::NodeRef& scope : {config.global, config.view}) {
    const yaml::NodeRef::Entry entry = scope.find("dns");
    const yaml::NodeRef dns = entry.value;
    if (!dns.is_map()) continue;
    DnsTarget value = facts.dns.value;
    const DnsTarget before = value;
    if (auto ns = dns.get("namespace"); ns.is_scalar()) value.namespace_name = ns.scalar();
    if (auto labels = dns.get("podLabels"); labels.is_map()) value.pod_labels = model::string_map(labels);
    if (auto port = model::integer_of(dns.get("port"))) value.port = static_cast<int>(*port);
    auto describe = [](const DnsTarget& t) {
      std::vector<std::string> labels;
      for (const model::Label& l : t.pod_labels) labels.push_back(l.key.value + "=" + l.value.value);
      return fmt::format("{} {} port {}", t.namespace_name, fmt::join(labels, ","), t.port);
    };
    w.set(facts.dns, value, entry.key, "dns", describe(before), describe(value));
  }
  if (auto e = r.find("ingressControllers"); e && e.value.is_sequence()) {
    std::vector<IngressController> controllers;
    for (std::uint32_t i = 0; i < e.value.size(); ++i) controllers.push_back(configured_controller(e.value.item(i)));
    // Detection is listed as evidence; configured controllers replace it without a conflict
    // note, since config may describe controllers the repository does not deploy.
    facts.ingress_controllers.value = std::move(controllers);
    facts.ingress_controllers.state = State::kKnown;
    facts.ingress_controllers.config_key = r.anchor(e.key);
  }
  if (auto e = r.find("namespaces"); e && e.value.is_map()) {
    facts.namespace_states.complete = strings(e.value.get("complete"));
    facts.namespace_states.open = strings(e.value.get("open"));
  }
  if (auto e = r.find("scale"); e && e.value.is_map()) {
    if (auto n = model::integer_of(e.value.get("services")))
      w.set(facts.scale_services, static_cast<int>(*n), e.key, "scale.services", "", std::to_string(*n));
  }
}

}  // namespace netlint::facts
