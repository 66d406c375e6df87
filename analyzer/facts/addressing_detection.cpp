// Addressing facts (RULES.md Facts): the IPAM mode; the cluster domain, the kubelet's clusterDNS
// and maxPods; the node-port range (the per-family CIDR facts are in cidr_detection.cpp). Each
// from the component that decides it first (the kubelet for the domain), then from the
// components that repeat it (kubeadm, the CoreDNS zone).
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/facts/evidence.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::facts {
namespace {

// kube-apiserver --service-node-port-range in the hyphen notation, as k8s.io/apimachinery's
// util/net PortRange.Set reads it: blanks trimmed, strconv.Atoi on each side of the first '-',
// neither above 65535, low <= high. (The "base+size" and single-port forms are not read.)
std::optional<PortRange> apiserver_port_range(std::string_view value) {
  value = trim(value);
  const std::size_t dash = value.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const std::optional<std::int64_t> low = go_atoi(value.substr(0, dash));
  const std::optional<std::int64_t> high = go_atoi(value.substr(dash + 1));
  if (!low || !high || *low > 65535 || *high > 65535 || *high < *low) return std::nullopt;
  return PortRange{static_cast<int>(*low), static_cast<int>(*high)};
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
          if (reverse_zone(zone) || zone.empty() || zone == "." || z->installer_placeholder || z->env_placeholder)
            continue;
          out.push_back({zone,
                         {cf.text.map(z->begin, z->end), fmt::format("{} kubernetes zone {}", cf.display(), zone)},
                         cf.owner.kind.value.empty() ? cf.display() : identity_of(cf.owner),
                         2});
          break;
        }
      }
    }
  }
}

// clusterDNS is an ordered list (RULES.md Facts "Dual-stack"): each kubelet config gives one
// list, and configs whose lists differ are several clusters in one view.
void choose_cluster_dns(std::vector<std::vector<Candidate>> lists, ClusterFacts& facts) {
  std::vector<Candidate> joined;
  for (std::vector<Candidate>& entries : lists) {
    Candidate c = entries.front();
    std::vector<std::string> values;
    for (const Candidate& e : entries) values.push_back(e.value);
    c.value = fmt::format("{}", fmt::join(values, ","));
    c.evidence.what =
        fmt::format("{} clusterDNS: [{}]", c.evidence.what.substr(0, c.evidence.what.find(" clusterDNS[")),
                    fmt::join(values, ", "));
    joined.push_back(std::move(c));
  }
  Fact<std::string> text;
  choose(std::move(joined), text, {"clusterDNS", "the kubelet's clusterDNS"}, facts);
  facts.cluster_dns.evidence = std::move(text.evidence);
  facts.cluster_dns.state = text.state;
  if (text.usable()) facts.cluster_dns.value = split_commas(text.value);
}

}  // namespace

void detect_addressing(const model::Model& m, ClusterFacts& facts) {
  std::vector<Candidate> domain, max_pods, node_ports;
  std::vector<std::vector<Candidate>> cluster_dns;  // per KubeletConfiguration, its entries in order
  for (const model::ConfigDocument& doc : m.configs) {
    auto add = [&](std::vector<Candidate>& to, std::string_view path, int priority) {
      if (const model::Setting* s = doc.settings.find(path); s != nullptr && !s->placeholder)
        to.push_back(from_setting(doc, *s, priority));
    };
    if (doc.kind == "KubeletConfiguration") {
      add(domain, "clusterDomain", 0);
      add(max_pods, "maxPods", 0);
      // A placeholder entry leaves the whole list unknown: its length and order are what count.
      std::vector<Candidate> entries;
      bool placeholder = false;
      for (int i = 0;; ++i) {
        const model::Setting* s = doc.settings.find(fmt::format("clusterDNS[{}]", i));
        if (s == nullptr) break;
        placeholder = placeholder || s->placeholder;
        entries.push_back(from_setting(doc, *s, 0));
      }
      if (!entries.empty() && !placeholder) cluster_dns.push_back(std::move(entries));
    } else if (doc.kind == "ClusterConfiguration") {
      add(domain, "networking.dnsDomain", 1);
      kubeadm_arg(doc, "apiServer", "service-node-port-range", 1, node_ports);
    }
  }
  flag_candidates(m, "kube-apiserver", "service-node-port-range", 0, node_ports);
  corefile_domain(m, domain);

  choose(std::move(domain), facts.domain, {"domain", "the cluster domain"}, facts);
  choose_cluster_dns(std::move(cluster_dns), facts);
  choose_int(std::move(max_pods), facts.max_pods, {"maxPods", "maxPods"}, facts);
  Fact<std::string> range;
  choose(std::move(node_ports), range, {"nodePortRange", "the node-port range"}, facts);
  facts.node_port_range.evidence = range.evidence;
  if (range.usable()) {
    if (const std::optional<PortRange> r = apiserver_port_range(range.value)) facts.node_port_range.set(*r);
  } else if (range.state == State::kAmbiguous) {
    facts.node_port_range.state = State::kAmbiguous;
  }

  for (const model::ConfigMap& cm : m.config_maps) {
    if (cm.meta.name.value != "cilium-config") continue;
    if (const model::ConfigMapEntry* ipam = find_entry(cm, "ipam")) {
      facts.ipam_mode.evidence.push_back(
          {ipam->value.range, fmt::format("{} ipam: {}", cm.meta.display(), ipam->value.value)});
      facts.ipam_mode.set("cilium " + ipam->value.value);
    }
  }
  // IPAM follows the CNI (domain.md 4.2, 4.4).
  if (facts.cni.usable() && facts.cni.value.cnis.size() == 1 && facts.ipam_mode.state == State::kUnknown) {
    const std::string& cni = facts.cni.value.cnis[0].name;
    if (cni == "flannel" || cni == "canal")
      facts.ipam_mode.set("host-local (node podCIDR)");
    else if (cni == "calico")
      facts.ipam_mode.set("calico-ipam (blocks)");
    else if (cni == "aws-vpc")
      facts.ipam_mode.set("aws-vpc (VPC addresses)");
    else if (cni == "cilium")
      facts.ipam_mode.set("cilium cluster-pool");
  }
}

}  // namespace netlint::facts
