// Addressing facts (RULES.md Facts): pod CIDRs, IPAM mode and per-node block; Service CIDRs;
// cluster domain, cluster DNS IP and maxPods; the node-port range. Each from the component that
// decides it first (the CNI's own config for pod ranges, the kubelet for the domain), then from
// the components that repeat it (kubeadm, controller-manager, kube-proxy).
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/facts/evidence.h"
#include "analyzer/util/go_values.h"

namespace netlint::facts {
namespace {

Candidate from_setting(const model::ConfigDocument& doc, const model::Setting& s, int priority) {
  return Candidate{s.value.value, {s.value.range, fmt::format("{} {}: {}", doc.display(), s.path, s.value.value)},
                   doc.owner.kind.value.empty() ? doc.display() : identity_of(doc.owner) + " " + doc.key.value, priority};
}

// A flag of a control-plane container (static Pod manifests of kube-apiserver etc.).
void flag_candidates(const model::Model& m, std::string_view binary, std::string_view flag, int priority,
                     std::vector<Candidate>& out) {
  for (const model::PodSource& pod : m.pod_sources) {
    for (const model::Container& c : pod.containers) {
      const bool runs = std::any_of(c.command.begin(), c.command.end(), [&](const model::Text& w) { return w.value.find(binary) != std::string::npos; }) ||
                        image_repository(c.image.value).ends_with(binary);
      if (!runs) continue;
      if (auto v = flag_value(c, flag)) {
        out.push_back({v->value, {v->range, fmt::format("{} --{}={}", pod.meta.display(), flag, v->value)}, identity_of(pod.meta), priority});
      }
    }
  }
}

// kubeadm's extraArgs: a map (v1beta3) or a list of {name, value} (v1beta4).
void kubeadm_arg(const model::ConfigDocument& doc, std::string_view component, std::string_view flag, int priority,
                 std::vector<Candidate>& out) {
  const std::string base = fmt::format("{}.extraArgs", component);
  if (const model::Setting* s = doc.settings.find(base + "." + std::string(flag))) {
    out.push_back(from_setting(doc, *s, priority));
    return;
  }
  for (int i = 0; i < 256; ++i) {
    const model::Setting* name = doc.settings.find(fmt::format("{}[{}].name", base, i));
    if (name == nullptr) break;
    if (name->value.value != flag) continue;
    if (const model::Setting* value = doc.settings.find(fmt::format("{}[{}].value", base, i))) out.push_back(from_setting(doc, *value, priority));
  }
}

void choose_list(std::vector<Candidate> candidates, Fact<std::vector<std::string>>& fact, FactName name, ClusterFacts& facts) {
  Fact<std::string> joined;
  choose(std::move(candidates), joined, name, facts);
  fact.evidence = std::move(joined.evidence);
  fact.state = joined.state;
  if (joined.usable()) fact.value = split_commas(joined.value);
}

void choose_int(std::vector<Candidate> candidates, Fact<int>& fact, FactName name, ClusterFacts& facts) {
  Fact<std::string> text;
  choose(std::move(candidates), text, name, facts);
  fact.evidence = std::move(text.evidence);
  fact.state = text.state;
  if (text.usable()) {
    // Decimal within int32 (maxPods, node-cidr-mask-size are int32 in their configs): beyond it
    // the value is unknown rather than wrapped, as strtol's long cast to int did.
    if (const std::optional<std::int64_t> v = go_parse_int(text.value, 10, 32)) fact.value = static_cast<int>(*v);
    else fact.state = State::kUnknown;
  }
}

bool reverse_zone(std::string_view zone) {
  return zone.ends_with("in-addr.arpa") || zone.ends_with("in-addr.arpa.") || zone.ends_with("ip6.arpa") ||
         zone.ends_with("ip6.arpa.") || zone.find('/') != std::string_view::npos;
}

// The CoreDNS `kubernetes` plugin's first zone that is not a reverse zone: its arguments, or the
// server block's keys when it has none.
void corefile_domain(const model::Model& m, std::vector<Candidate>& out) {
  for (const model::CorefileSource& cf : m.corefiles) {
    for (const corefile::ServerBlock& block : cf.ast.blocks) {
      for (const corefile::Directive& d : block.directives) {
        if (d.name.text != "kubernetes") continue;
        std::vector<const corefile::Token*> zones;
        for (const corefile::Token& t : d.args) zones.push_back(&t);
        if (zones.empty()) {
          for (const corefile::Token& k : block.keys) zones.push_back(&k);
        }
        for (const corefile::Token* z : zones) {
          std::string zone = z->text;
          if (const auto scheme = zone.find("://"); scheme != std::string::npos) zone = zone.substr(scheme + 3);
          if (const auto colon = zone.find(':'); colon != std::string::npos) zone = zone.substr(0, colon);
          if (zone.ends_with(".") && zone.size() > 1) zone.pop_back();
          if (reverse_zone(zone) || zone.empty() || zone == "." || z->installer_placeholder || z->env_placeholder) continue;
          out.push_back({zone, {cf.text.map(z->begin, z->end), fmt::format("{} kubernetes zone {}", cf.display(), zone)},
                         cf.owner.kind.value.empty() ? cf.display() : identity_of(cf.owner), 2});
          break;
        }
      }
    }
  }
}

}  // namespace

void detect_addressing(const model::Model& m, ClusterFacts& facts) {
  std::vector<Candidate> domain, cluster_dns, max_pods, node_ports, service_cidrs, pod_cidrs, node_block;
  std::vector<Candidate> calico_pools;
  for (const model::ConfigDocument& doc : m.configs) {
    auto add = [&](std::vector<Candidate>& to, std::string_view path, int priority) {
      if (const model::Setting* s = doc.settings.find(path); s != nullptr && !s->placeholder) to.push_back(from_setting(doc, *s, priority));
    };
    if (doc.kind == "KubeletConfiguration") {
      add(domain, "clusterDomain", 0);
      add(cluster_dns, "clusterDNS[0]", 0);
      add(max_pods, "maxPods", 0);
    } else if (doc.kind == "ClusterConfiguration") {
      add(domain, "networking.dnsDomain", 1);
      add(service_cidrs, "networking.serviceSubnet", 1);
      add(pod_cidrs, "networking.podSubnet", 1);
      kubeadm_arg(doc, "apiServer", "service-node-port-range", 1, node_ports);
      kubeadm_arg(doc, "controllerManager", "node-cidr-mask-size", 1, node_block);
    } else if (doc.kind == "KubeProxyConfiguration") {
      add(pod_cidrs, "clusterCIDR", 2);
    } else if (doc.kind == "net-conf.json") {
      const model::Setting* v4 = doc.settings.find("Network");
      const model::Setting* v6 = doc.settings.find("IPv6Network");
      if (v4 != nullptr || v6 != nullptr) {
        Candidate c = from_setting(doc, v4 != nullptr ? *v4 : *v6, 0);
        if (v4 != nullptr && v6 != nullptr) c.value = v4->value.value + "," + v6->value.value;
        pod_cidrs.push_back(std::move(c));
      }
    } else if (doc.kind == "IPPool") {
      add(calico_pools, "spec.cidr", 0);
      add(node_block, "spec.blockSize", 0);
    } else if (doc.kind == "Installation") {
      for (int i = 0; i < 64; ++i) {
        const std::string base = fmt::format("spec.calicoNetwork.ipPools[{}]", i);
        if (doc.settings.find(base + ".cidr") == nullptr) break;
        add(calico_pools, base + ".cidr", 0);
        add(node_block, base + ".blockSize", 0);
      }
    }
  }
  for (const model::PodSource& pod : m.pod_sources) {
    for (const model::Container& c : pod.containers) {
      for (const model::EnvVar& e : c.env) {
        if (!e.value || model::is_installer_placeholder(e.value->value)) continue;
        const std::string what = fmt::format("{} env {}={}", pod.meta.display(), e.name.value, e.value->value);
        if (e.name.value == "CALICO_IPV4POOL_CIDR" || e.name.value == "CALICO_IPV6POOL_CIDR") {
          calico_pools.push_back({e.value->value, {e.value->range, what}, identity_of(pod.meta), 1});
        } else if (e.name.value == "CALICO_IPV4POOL_BLOCK_SIZE") {
          node_block.push_back({e.value->value, {e.value->range, what}, identity_of(pod.meta), 1});
        }
      }
    }
  }
  // Calico's pools are all the pod ranges: one candidate holding them all.
  if (!calico_pools.empty()) {
    const int best = std::min_element(calico_pools.begin(), calico_pools.end(), [](const Candidate& a, const Candidate& b) { return a.priority < b.priority; })->priority;
    Candidate all{"", {}, "calico pools", 0};
    for (const Candidate& c : calico_pools) {
      if (c.priority != best) continue;
      if (!all.evidence.range.valid()) all.evidence = c.evidence;
      if (all.value.find(c.value) == std::string::npos) all.value += (all.value.empty() ? "" : ",") + c.value;
    }
    pod_cidrs.push_back(std::move(all));
  }
  for (const model::ConfigMap& cm : m.config_maps) {
    if (cm.meta.name.value != "cilium-config") continue;
    const model::ConfigMapEntry* ipam = find_entry(cm, "ipam");
    const bool cluster_pool = ipam == nullptr || ipam->value.value == "cluster-pool";
    for (std::string_view key : {"cluster-pool-ipv4-cidr", "cluster-pool-ipv6-cidr"}) {
      const model::ConfigMapEntry* e = find_entry(cm, key);
      if (e != nullptr && cluster_pool) pod_cidrs.push_back({e->value.value, {e->value.range, fmt::format("{} {}: {}", cm.meta.display(), key, e->value.value)}, identity_of(cm.meta), 0});
    }
    if (const model::ConfigMapEntry* e = find_entry(cm, "cluster-pool-ipv4-mask-size"); e != nullptr && cluster_pool) {
      node_block.push_back({e->value.value, {e->value.range, fmt::format("{} cluster-pool-ipv4-mask-size: {}", cm.meta.display(), e->value.value)}, identity_of(cm.meta), 0});
    }
    if (ipam != nullptr) {
      facts.ipam_mode.evidence.push_back({ipam->value.range, fmt::format("{} ipam: {}", cm.meta.display(), ipam->value.value)});
      facts.ipam_mode.set("cilium " + ipam->value.value);
    }
  }
  flag_candidates(m, "kube-apiserver", "service-node-port-range", 0, node_ports);
  flag_candidates(m, "kube-apiserver", "service-cluster-ip-range", 0, service_cidrs);
  flag_candidates(m, "kube-controller-manager", "cluster-cidr", 1, pod_cidrs);
  flag_candidates(m, "kube-controller-manager", "node-cidr-mask-size", 0, node_block);
  corefile_domain(m, domain);

  choose(std::move(domain), facts.domain, {"domain", "the cluster domain"}, facts);
  choose(std::move(cluster_dns), facts.cluster_dns_ip, {"clusterDNS", "the cluster DNS address"}, facts);
  choose_int(std::move(max_pods), facts.max_pods, {"maxPods", "maxPods"}, facts);
  choose_list(std::move(service_cidrs), facts.service_cidrs, {"serviceCIDRs", "the Service CIDRs"}, facts);
  choose_list(std::move(pod_cidrs), facts.pod_cidrs, {"podCIDRs", "the pod CIDRs"}, facts);
  choose_int(std::move(node_block), facts.node_block_prefix, {"nodeBlockPrefix", "the per-node block"}, facts);
  Fact<std::string> range;
  choose(std::move(node_ports), range, {"nodePortRange", "the node-port range"}, facts);
  facts.node_port_range.evidence = range.evidence;
  if (range.usable()) {
    PortRange r;
    if (std::sscanf(range.value.c_str(), "%d-%d", &r.low, &r.high) == 2) facts.node_port_range.set(r);
  } else if (range.state == State::kAmbiguous) {
    facts.node_port_range.state = State::kAmbiguous;
  }

  // IPAM follows the CNI (domain.md 4.2, 4.4).
  if (facts.cni.usable() && facts.cni.value.cnis.size() == 1 && facts.ipam_mode.state == State::kUnknown) {
    const std::string& cni = facts.cni.value.cnis[0].name;
    if (cni == "flannel" || cni == "canal") facts.ipam_mode.set("host-local (node podCIDR)");
    else if (cni == "calico") facts.ipam_mode.set("calico-ipam (blocks)");
    else if (cni == "aws-vpc") facts.ipam_mode.set("aws-vpc (VPC addresses)");
    else if (cni == "cilium") facts.ipam_mode.set("cilium cluster-pool");
  }
}

}  // namespace netlint::facts
