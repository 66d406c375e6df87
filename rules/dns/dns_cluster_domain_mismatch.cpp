// NL4005 dns-cluster-domain-mismatch: the kubelet tells pods a cluster domain or a DNS address
// that CoreDNS does not serve (knowledge/domain.md sections 1 and 5): the kubelet writes
// `search <ns>.svc.<clusterDomain> ...` and `nameserver <clusterDNS>` into every pod, and
// CoreDNS's `kubernetes` plugin answers only its zones, on the kube-dns Service's ClusterIP (or
// NodeLocal DNSCache's address in front of it).
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/engine/rule.h"
#include "analyzer/index/host_classifier.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL4005",
                               .name = "dns-cluster-domain-mismatch",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "the kubelet's clusterDomain or clusterDNS is not what CoreDNS serves",
                               .doc = R"md(## What it finds
A `KubeletConfiguration` (a file, or the `kubelet-config` ConfigMap) whose

- `clusterDomain` is not among the zones of the CoreDNS `kubernetes` plugin in the view's
  Corefiles, or
- an entry of `clusterDNS` is neither the ClusterIP of the `kube-dns` Service in its IP family
  (`spec.clusterIPs` on dual-stack clusters) nor the address of NodeLocal DNSCache (when those
  are in the view).

## Why is this bad?
Every pod gets `search <ns>.svc.<clusterDomain>` and `nameserver <clusterDNS>` from the
kubelet. With a domain CoreDNS does not serve, every Service lookup by short name or FQDN is
forwarded upstream and fails; with an address nobody answers on, every lookup times out.
Nothing reports it: pods start, and names simply do not resolve.

## How to fix
Use the same domain in the kubelet (`clusterDomain`), kubeadm (`networking.dnsDomain`) and the
Corefile (`kubernetes cluster.local in-addr.arpa ip6.arpa`); set `clusterDNS` to the kube-dns
Service's `clusterIP` (or the NodeLocal DNSCache address when it runs in IPVS mode).

## Known limitations
Silent when the Corefile's zones or the Service's address are placeholders or not in the view,
and for a `clusterDNS` entry of a family the Service has no ClusterIP in.
)md"};

bool reverse_zone(std::string_view zone) {
  return zone.ends_with("in-addr.arpa") || zone.ends_with("ip6.arpa") || zone.find('/') != std::string_view::npos;
}

// A zone as the kubernetes plugin reads it: without scheme, port and trailing dot.
std::string zone_of(std::string zone) {
  if (const auto scheme = zone.find("://"); scheme != std::string::npos) zone = zone.substr(scheme + 3);
  if (const auto colon = zone.find(':'); colon != std::string::npos) zone = zone.substr(0, colon);
  if (zone.size() > 1 && zone.ends_with(".")) zone.pop_back();
  return zone;
}

struct Zone {
  std::string name;
  SourceRange range;
};

class DnsClusterDomainMismatch final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    bool zones_unknown = false;
    const std::vector<Zone> zones = kubernetes_zones(view.model(), zones_unknown);
    for (const model::ConfigDocument& doc : view.model().configs) {
      if (doc.kind != "KubeletConfiguration") continue;
      out.checking(doc.anchor);
      if (const model::Setting* domain = doc.settings.find("clusterDomain");
          domain != nullptr && !domain->placeholder) {
        check_domain(*domain, zones, zones_unknown, out);
      }
      // Every entry is a nameserver of every ClusterFirst pod (RULES.md Facts "Dual-stack").
      for (int i = 0;; ++i) {
        const model::Setting* dns = doc.settings.find(fmt::format("clusterDNS[{}]", i));
        if (dns == nullptr) break;
        if (!dns->placeholder) check_address(*dns, view, out);
      }
    }
  }

 private:
  // The zones of every `kubernetes` plugin (its arguments, else its server block's keys).
  // `unknown` when one is a placeholder: the domain it serves is then not known.
  static std::vector<Zone> kubernetes_zones(const model::Model& m, bool& unknown) {
    std::vector<Zone> zones;
    for (const model::CorefileSource& cf : m.corefiles) {
      if (cf.fragment) continue;
      for (const corefile::ServerBlock& block : cf.ast.blocks) {
        for (const corefile::Directive& d : block.expanded) {
          if (d.name.text != "kubernetes") continue;
          const std::vector<corefile::Token>& tokens = d.args.empty() ? block.keys : d.args;
          for (const corefile::Token& t : tokens) {
            // `CLUSTER_DOMAIN` in coredns/deployment's coredns.yaml.sed is a sed placeholder:
            // no zone has capitals or underscores.
            const bool placeholder =
                std::any_of(t.text.begin(), t.text.end(), [](char c) { return c == '_' || (c >= 'A' && c <= 'Z'); });
            if (t.env_placeholder || t.installer_placeholder || placeholder) {
              unknown = true;
              continue;
            }
            const std::string zone = zone_of(t.text);
            if (reverse_zone(zone)) continue;
            zones.push_back({zone, cf.text.map(t.begin, t.end)});
          }
        }
      }
    }
    return zones;
  }

  static void check_domain(const model::Setting& domain, const std::vector<Zone>& zones, bool zones_unknown,
                           engine::Sink& out) {
    if (zones.empty() || zones_unknown) return;
    std::string value = domain.value.value;
    if (value.size() > 1 && value.ends_with(".")) value.pop_back();
    // The root zone `.` serves every name, the cluster domain too.
    if (std::any_of(zones.begin(), zones.end(), [&](const Zone& z) { return z.name == value || z.name == "."; }))
      return;
    std::vector<std::string> names;
    for (const Zone& z : zones) {
      if (std::find(names.begin(), names.end(), z.name) == names.end()) names.push_back(z.name);
    }
    diag::Diagnostic& d =
        out.report(domain.value.range,
                   fmt::format("kubelet clusterDomain {} is not a zone of the CoreDNS kubernetes plugin ({}): Service "
                               "names under it do not resolve",
                               domain.value.value, fmt::join(names, ", ")));
    d.help = "use one cluster domain in the kubelet, kubeadm and the Corefile";
    for (const Zone& z : zones) d.related.push_back({z.range, fmt::format("kubernetes zone {}", z.name)});
  }

  static void check_address(const model::Setting& dns, const engine::View& view, engine::Sink& out) {
    const facts::ClusterFacts& f = view.facts();
    if (f.dns.state != facts::State::kKnown || !index::is_ip_literal(dns.value.value)) return;
    // Compared with the kube-dns ClusterIP of the entry's family: without one, nothing to say.
    const std::string& cluster_ip = f.dns.value.cluster_ip(facts::family_of(dns.value.value));
    if (!index::is_ip_literal(cluster_ip)) return;
    std::string local;
    if (f.node_local_dns.state == facts::State::kKnown) {
      local = f.node_local_dns.value.address;
      if (!index::is_ip_literal(local)) return;  // a placeholder: the address it listens on is not known
    } else if (f.node_local_dns.state == facts::State::kAmbiguous) {
      return;
    }
    if (dns.value.value == cluster_ip || (!local.empty() && dns.value.value == local)) return;
    diag::Diagnostic& d = out.report(
        dns.value.range,
        local.empty()
            ? fmt::format(
                  "kubelet clusterDNS {} is not the kube-dns ClusterIP {}: pods get a nameserver nothing answers on",
                  dns.value.value, cluster_ip)
            : fmt::format(
                  "kubelet clusterDNS {} is neither the kube-dns ClusterIP {} nor the NodeLocal DNSCache address {}: "
                  "pods get a nameserver nothing answers on",
                  dns.value.value, cluster_ip, local));
    d.help = fmt::format("set clusterDNS to {}", local.empty() ? cluster_ip : cluster_ip + " (or " + local + ")");
    for (const model::Service& svc : view.model().services) {
      if (f.dns.value.service != svc.meta.namespace_name.value + "/" + svc.meta.name.value) continue;
      if (svc.cluster_ip.value == cluster_ip) {
        d.related.push_back({svc.cluster_ip.range, fmt::format("clusterIP of {}", svc.meta.display())});
        continue;
      }
      for (const model::Text& ip : svc.cluster_ips) {
        if (ip.value == cluster_ip)
          d.related.push_back({ip.range, fmt::format("clusterIPs of {}", svc.meta.display())});
      }
    }
  }
};

}  // namespace

const engine::Rule* dns_cluster_domain_mismatch() {
  static const DnsClusterDomainMismatch rule;
  return &rule;
}

}  // namespace netlint::rules
