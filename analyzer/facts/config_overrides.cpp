// Explicit facts from .netlint.yaml `cluster:` (a `clusters:` entry's `cluster:` over the global
// one). Configured values win over detection; where the manifests show something else, one
// NL0006 note anchors on the config key with the evidence related, so the user sees both.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "analyzer/facts/cluster_facts.h"

namespace netlint::facts {
namespace {

using config::ClusterSettings;
using config::Keyed;

class ConfigReader {
 public:
  ConfigReader(const FactsConfig& config, ClusterFacts& facts) : config_(config), facts_(facts) {}

  // The view's setting first, then the global one.
  template <class T>
  const std::optional<Keyed<T>>& find(std::optional<Keyed<T>> ClusterSettings::*setting) const {
    const std::optional<Keyed<T>>& own = config_.view.*setting;
    return own ? own : config_.global.*setting;
  }

  SourceRange anchor(SourceRange key) const {
    if (key.valid()) key.file = config_.config_file;
    return key;
  }

  // Sets `fact` from config; when detection found another value, one conflict.
  template <class T>
  void set(Fact<T>& fact, T value, const SourceRange& key, std::string_view name, const std::string& detected,
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

std::vector<std::string> strings(const std::vector<model::Text>& items) {
  std::vector<std::string> out;
  for (const model::Text& t : items) out.push_back(t.value);
  return out;
}

std::string join(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
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

IngressController configured_controller(const config::IngressControllerSettings& item) {
  IngressController c;
  c.workload = "(configured)";
  c.config_map_known = false;  // the config names no ConfigMap
  if (item.class_name) c.classes.push_back(*item.class_name);
  if (item.namespace_name) c.namespace_name = *item.namespace_name;
  c.pod_labels = item.pod_labels;
  if (const auto& lb = item.load_balancer) {
    LoadBalancerFacts f;
    if (lb->kind) f.kind = *lb->kind;
    f.idle_timeout_seconds = lb->idle_timeout_seconds;
    f.proxy_protocol = lb->proxy_protocol;
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
  auto lists = [&](std::string_view key, const std::optional<Keyed<std::vector<model::Text>>>& e,
                   PerFamily<std::vector<std::string>>& fact) {
    if (!e) return;
    const auto items = by_family(strings(e->value));
    for (Family f : kFamilies) {
      const std::vector<std::string>& value = items[static_cast<std::size_t>(f)];
      if (value.empty()) continue;
      r.set(fact[f], value, e->key, fmt::format("{} ({})", key, family_display(f)), join(fact[f].value), join(value));
    }
  };
  lists("podCIDRs", r.find(&ClusterSettings::pod_cidrs), facts.pod_cidrs);
  lists("nodeCIDRs", r.find(&ClusterSettings::node_cidrs), facts.node_cidrs);
  // At most one Service CIDR per family (config validation reports more).
  if (const auto& e = r.find(&ClusterSettings::service_cidrs)) {
    const auto items = by_family(strings(e->value));
    for (Family f : kFamilies) {
      const std::vector<std::string>& value = items[static_cast<std::size_t>(f)];
      if (value.size() == 1)
        r.set(facts.service_cidr[f], value.front(), e->key, fmt::format("serviceCIDRs ({})", family_display(f)),
              facts.service_cidr[f].value, value.front());
    }
  }
  if (const auto& e = r.find(&ClusterSettings::node_block_size)) {
    for (Family f : kFamilies) {
      const auto& n = f == Family::kIPv4 ? e->value.ipv4 : e->value.ipv6;
      if (!n) continue;
      Fact<int>& fact = facts.node_block_prefix[f];
      r.set(fact, static_cast<int>(n->value), e->key, fmt::format("nodeBlockSize.{}", family_key(f)),
            fact.usable() ? std::to_string(fact.value) : std::string(), std::to_string(n->value));
    }
  }
}

}  // namespace

void apply_config(const FactsConfig& config, ClusterFacts& facts) {
  ConfigReader r(config, facts);
  ConfigReader& w = r;
  if (const auto& e = r.find(&ClusterSettings::domain))
    w.set(facts.domain, e->value, e->key, "domain", facts.domain.value, e->value);
  if (const auto& e = r.find(&ClusterSettings::cni); e && e->value != "auto") {
    const std::string name = e->value;
    CniFact value;
    Cni cni;
    cni.name = name;
    cni.enforces = configured_enforcement(name, facts);
    if (name != "none") value.cnis.push_back(cni);
    w.set(facts.cni, value, e->key, "cni", facts.cni.state == State::kUnknown ? "" : facts.cni.value.display(), name);
    if (cni.enforces != Enforcement::kUnknown) {
      facts.network_policy_enforced.set(cni.enforces == Enforcement::kYes);
    } else {
      facts.network_policy_enforced.state = State::kUnknown;
    }
  }
  if (const auto& e = r.find(&ClusterSettings::network_policy_enforced)) {
    w.set(facts.network_policy_enforced, e->value, e->key, "networkPolicyEnforced",
          facts.network_policy_enforced.value ? "true" : "false", e->value ? "true" : "false");
  }
  auto list = [&](std::string_view key, const std::optional<Keyed<std::vector<model::Text>>>& e,
                  Fact<std::vector<std::string>>& fact) {
    if (!e) return;
    const std::vector<std::string> value = strings(e->value);
    w.set(fact, value, e->key, key, join(fact.value), join(value));
  };
  apply_family_config(r, facts);
  list("clusterDNS", r.find(&ClusterSettings::cluster_dns), facts.cluster_dns);
  list("nodeSearchDomains", r.find(&ClusterSettings::node_search_domains), facts.node_search_domains);
  if (const auto& e = r.find(&ClusterSettings::node_mtu)) {
    w.set(facts.node_mtu, static_cast<int>(e->value), e->key, "nodeMTU", std::to_string(facts.node_mtu.value),
          std::to_string(e->value));
  }
  if (const auto& e = r.find(&ClusterSettings::kube_proxy)) {
    const auto text = [](bool present) { return std::string(present ? "present" : "absent"); };
    w.set(facts.kube_proxy, e->value, e->key, "kubeProxy", text(facts.kube_proxy.value), text(e->value));
  }
  if (const auto& e = r.find(&ClusterSettings::node_port_range)) {
    const PortRange range{e->value.low, e->value.high};
    w.set(facts.node_port_range, range, e->key, "nodePortRange",
          fmt::format("{}-{}", facts.node_port_range.value.low, facts.node_port_range.value.high), e->value.written);
  }
  if (const auto& e = r.find(&ClusterSettings::kubernetes_version)) {
    std::string v = e->value;
    if (v.starts_with("v")) v.erase(0, 1);
    // "1.33" configured matches a detected "1.33.2".
    const std::string detected =
        facts.kubernetes_version.value.starts_with(v + ".") ? v : facts.kubernetes_version.value;
    w.set(facts.kubernetes_version, v, e->key, "kubernetesVersion", detected, v);
  }
  // dns: each key over the detected (or default) value, the global settings first.
  for (const ClusterSettings* scope : {&config.global, &config.view}) {
    if (!scope->dns) continue;
    const config::DnsSettings& dns = scope->dns->value;
    DnsTarget value = facts.dns.value;
    const DnsTarget before = value;
    if (dns.namespace_name) value.namespace_name = *dns.namespace_name;
    if (dns.pod_labels) value.pod_labels = *dns.pod_labels;
    if (dns.port) value.port = static_cast<int>(*dns.port);
    auto describe = [](const DnsTarget& t) {
      std::vector<std::string> labels;
      for (const model::Label& l : t.pod_labels) labels.push_back(l.key.value + "=" + l.value.value);
      return fmt::format("{} {} port {}", t.namespace_name, fmt::join(labels, ","), t.port);
    };
    w.set(facts.dns, value, scope->dns->key, "dns", describe(before), describe(value));
  }
  if (const auto& e = r.find(&ClusterSettings::ingress_controllers)) {
    std::vector<IngressController> controllers;
    for (const config::IngressControllerSettings& item : e->value) controllers.push_back(configured_controller(item));
    // Detection is listed as evidence; configured controllers replace it without a conflict
    // note, since config may describe controllers the repository does not deploy.
    facts.ingress_controllers.value = std::move(controllers);
    facts.ingress_controllers.state = State::kKnown;
    facts.ingress_controllers.config_key = r.anchor(e->key);
  }
  if (const auto& e = r.find(&ClusterSettings::namespaces)) {
    facts.namespace_states.complete = strings(e->value.complete);
    facts.namespace_states.open = strings(e->value.open);
  }
  if (const auto& e = r.find(&ClusterSettings::scale_services)) {
    if (const auto& n = e->value)
      w.set(facts.scale_services, static_cast<int>(*n), e->key, "scale.services", "", std::to_string(*n));
  }
}

}  // namespace netlint::facts
