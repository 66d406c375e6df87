// NL4004 dns-policy-skips-cluster-dns: a pod that resolves through the node's resolver (or its
// own nameservers) names cluster Services, which only cluster DNS answers (knowledge/domain.md
// section 5: ClusterFirst with hostNetwork silently behaves as Default).
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "analyzer/index/pod_dns.h"
#include "analyzer/index/reference_index.h"
#include "rules/dns/dns_support.h"
#include "analyzer/index/service_lookup.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL4004",
                               .name = "dns-policy-skips-cluster-dns",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "a pod that does not resolve through cluster DNS names cluster Services",
                               .doc = R"md(## What it finds
A pod template whose resolver is not cluster DNS and that names cluster Services in its env
values, arguments, command or mounted ConfigMap files:

- `hostNetwork: true` with `dnsPolicy: ClusterFirst` (the default): the kubelet silently
  falls back to the node's resolver;
- `dnsPolicy: Default`: the node's resolver;
- `dnsPolicy: None` whose nameservers do not include the cluster DNS address (only when
  that address is known).

A name counts as a cluster Service when it is `<svc>.<ns>.svc[.<domain>]`, or a short name
or `<svc>.<ns>` of a Service the view holds.

## Why is this bad?
The node's resolver does not know `*.svc.cluster.local`, and it does not search
`<ns>.svc.cluster.local`: every lookup of a Service name fails with NXDOMAIN, or worse,
resolves to an unrelated public name. Agents on the host network (log shippers, node
exporters, CNI daemons) often need a Service only in one code path, so this shows up late.

## How to fix
Use `dnsPolicy: ClusterFirstWithHostNet` for host-network pods, `ClusterFirst` instead of
`Default`, or add the cluster DNS address to a `None` pod's nameservers.

## Known limitations
Names built at run time are not seen; a `Default` pod on nodes whose resolver forwards to
cluster DNS (rare) is reported anyway.
)md"};

class DnsPolicySkipsClusterDns final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const index::ServiceLookup& services = view.services();
    for (const index::PodReferences& pod_refs : view.references().by_pod()) {
      const model::PodSource& pod = *pod_refs.pod;
      if (pod.synthetic) continue;
      const index::PodDns dns = index::pod_dns(pod, view.dns_facts());
      if (dns.cluster_dns) continue;
      // A None pod's nameservers may hold the cluster DNS address when that is unknown.
      if (dns.effective_policy == "None" && view.dns_facts().cluster_dns.empty()) continue;
      if (dns.effective_policy != "Default" && dns.effective_policy != "None") continue;
      std::vector<const index::Reference*> named;
      for (const index::Reference& ref : pod_refs.references) {
        if (names_cluster_service(ref, pod, services) && !dns::is_nginx_upstream_name(view, pod, ref))
          named.push_back(&ref);
      }
      if (named.empty()) continue;
      out.checking(pod.meta.object_range);
      const index::Reference& first = *named.front();
      const bool host_network_fallback = dns.policy == "ClusterFirst" && dns.host_network;
      const SourceRange anchor = pod.dns_policy.range.valid() ? pod.dns_policy.range : pod.host_network.range;
      std::string why = host_network_fallback
                            ? "hostNetwork with dnsPolicy ClusterFirst falls back to the node's resolver"
                        : dns.effective_policy == "Default"
                            ? "dnsPolicy Default uses the node's resolver"
                            : "dnsPolicy None without the cluster DNS address uses only its own nameservers";
      diag::Diagnostic& d =
          out.report(anchor.valid() ? anchor : first.range,
                     fmt::format("{}, which cannot answer cluster Service names: {}{} will not resolve", why,
                                 first.host, named.size() > 1 ? fmt::format(" and {} more", named.size() - 1) : ""));
      d.help = dns.effective_policy == "None" ? "add the cluster DNS address to dnsConfig.nameservers"
               : dns.host_network             ? "set dnsPolicy: ClusterFirstWithHostNet"
                                              : "set dnsPolicy: ClusterFirst (or remove it: it is the default)";
      for (const index::Reference* ref : named)
        d.related.push_back({ref->range, fmt::format("{} is a cluster Service name", ref->host)});
    }
  }

 private:
  static bool names_cluster_service(const index::Reference& ref, const model::PodSource& pod,
                                    const index::ServiceLookup& services) {
    switch (ref.kind) {
      case index::HostKind::kServiceSvc:
      case index::HostKind::kServiceFqdn:
        return !ref.other_domain;
      case index::HostKind::kServiceShort:
        return !services.find(pod.meta.namespace_name.value, ref.service).empty();
      case index::HostKind::kServiceNamespace:
        return !services.find(ref.namespace_name, ref.service).empty();
      default:
        return false;
    }
  }
};

}  // namespace

const engine::Rule* dns_policy_skips_cluster_dns() {
  static const DnsPolicySkipsClusterDns rule;
  return &rule;
}

}  // namespace netlint::rules
