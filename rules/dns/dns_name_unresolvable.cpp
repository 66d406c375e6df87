// NL4002 dns-name-unresolvable: a pod names a cluster Service that cluster DNS will not answer
// from the pod's namespace (knowledge/domain.md section 5, "DNS names"): a short name that only
// exists in another namespace, `<svc>.<ns>` where the Service is absent, an FQDN under another
// domain than the cluster's, a per-pod name under an absent Service. Absence is only claimed
// for known namespaces (RULES.md "The view and the open world").
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "analyzer/diag/did_you_mean.h"
#include "analyzer/engine/rule.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/index/pod_dns.h"
#include "analyzer/index/reference_index.h"
#include "analyzer/model/namespace_name.h"
#include "rules/dns/dns_support.h"
#include "analyzer/index/service_lookup.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleOption kOptions[] = {
    {.name = "nearMissAnywhere",
     .type = "boolean",
     .default_value = "false",
     .description = "also report, outside complete namespaces, a name one edit away from a Service the view holds in "
                    "that namespace (widened; precision not yet measured)"},
};

constexpr diag::RuleInfo kInfo{.code = "NL4002",
                               .name = "dns-name-unresolvable",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a pod names a cluster Service that will not resolve from its namespace",
                               .doc = R"md(## What it finds
A host name in a pod's env values, arguments, command or mounted ConfigMap files that has
the form of a cluster DNS name but names no Service cluster DNS can answer from the pod:

- a short name (`orders`) of a Service that exists only in other namespaces: short names are
  searched in the pod's own namespace only (did you mean `orders.billing`?);
- `<svc>.<ns>`, `<svc>.<ns>.svc` or `<svc>.<ns>.svc.<domain>` where namespace `<ns>` has no
  such Service;
- a fully qualified name under another domain than the cluster domain (only when the
  cluster domain is detected from the kubelet, kubeadm or CoreDNS configuration, or
  configured);
- a per-pod name (`web-0.web`) whose Service is absent.

Exempt: `kubernetes.default*` (the API server's Service, never in manifests), names the
pod's `hostAliases` answer, names in namespaces the view does not know completely (see
RULES.md: an operator or a GitOps tool may create the Service) or that hold custom resources
of any kind (a ServiceMonitor or PrometheusRule means a Prometheus stack the view does not
hold, with Services of its own), ExternalName Services, and short names that a mounted nginx
configuration defines as an `upstream` block (`proxy_pass http://backend`).

## Why is this bad?
The lookup returns NXDOMAIN: the app fails to connect, often only at its first request or in
a retry loop that looks like a network problem. Short names are the usual trap: `orders`
works in the namespace that holds the Service and fails everywhere else.

## How to fix
Write the namespace (`orders.billing`, or the FQDN `orders.billing.svc.cluster.local`), create
the Service, or fix the name.

With the option `nearMissAnywhere: true`, a name in a namespace the view does not know
completely is reported too when it is a near miss of a Service the view holds there
(`ordres.billing` beside Service `orders`): the typo is evidence enough.

## Known limitations
Names built at run time, and Services created by operators or Helm hooks the view does not
hold, are not seen. A per-pod name under a Service that exists is not checked further.
)md",
                               .options = kOptions};

class DnsNameUnresolvable final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const index::ServiceLookup& services = view.services();
    const bool near_miss_anywhere = out.option_flag("nearMissAnywhere");
    std::map<std::string, std::set<std::string>, std::less<>> namespaces_of;  // Service name -> namespaces
    for (const model::Service& s : view.model().services)
      namespaces_of[s.meta.name.value].insert(s.meta.namespace_name.value);
    // Stricter than a known namespace: custom resources of any kind (even ones that create no
    // pods, such as ServiceMonitor or PrometheusRule) show an operator stack around the
    // namespace whose Services (a Prometheus, a Kafka bootstrap) the view does not hold.
    std::set<std::string, std::less<>> with_custom_resources;
    for (const model::ObjectMeta& object : view.model().objects) {
      if (!index::NamespaceCatalog::is_built_in(object)) with_custom_resources.insert(object.namespace_name.value);
    }
    const auto complete = [&](const std::string& ns) {
      return view.namespaces().complete(ns) && !with_custom_resources.contains(ns);
    };
    const bool domain_known = view.facts().domain.state == facts::State::kKnown;
    const std::string& domain = view.dns_facts().domain;

    for (const index::PodReferences& pod_refs : view.references().by_pod()) {
      const model::PodSource& pod = *pod_refs.pod;
      if (pod.synthetic) continue;
      const std::string& own = pod.meta.namespace_name.value;
      for (const index::Reference& ref : pod_refs.references) {
        if (!index::is_cluster_kind(ref.kind) || exempt(pod, ref)) continue;
        out.checking(pod.meta.object_range);
        const std::string ns = ref.namespace_name.empty() ? own : ref.namespace_name;
        // Checked last: it reads the mounted file again, so only for names about to be reported.
        const auto nginx_upstream = [&] { return dns::is_nginx_upstream_name(view, pod, ref); };
        if (ref.other_domain) {
          if (!domain_known || !complete(ns) || nginx_upstream()) continue;
          report(out, ref,
                 fmt::format("{} is under domain {}, but the cluster domain is {}: it does not resolve", ref.host,
                             ref.domain, domain),
                 {fmt::format("{}.{}", ref.service, ns), fqdn(ref, ns, domain)});
          continue;
        }
        if (!services.find(ns, ref.service).empty() || services.exists_possibly(ns, ref.service)) continue;
        const std::string what = ref.kind == index::HostKind::kPodName ? "the per-pod name " + ref.host : ref.host;
        if (!complete(ns)) {
          // Option nearMissAnywhere (RULES.md NL4002, widened): a near miss of a Service the view
          // holds in that namespace is evidence of a typo even where other Services may exist.
          if (!near_miss_anywhere || nginx_upstream()) continue;
          std::vector<std::string> near;
          for (const std::string& n : services.near_misses(ns, ref.service)) {
            near.push_back(ref.kind == index::HostKind::kServiceShort ? n : n + "." + ns);
          }
          if (near.empty()) continue;
          report(out, ref, fmt::format("namespace {} has no Service {}: {} does not resolve", ns, ref.service, what),
                 near);
          continue;
        }
        if (nginx_upstream()) continue;
        if (ref.kind == index::HostKind::kServiceShort) {
          // Elsewhere only: the short name is the mistake. Nowhere: maybe not a Service at all.
          std::vector<std::string> elsewhere;
          for (const std::string& other : others(namespaces_of, ref.service, ns, services))
            elsewhere.push_back(ref.service + "." + other);
          if (elsewhere.empty()) continue;
          report(out, ref,
                 fmt::format("{} is a short name, searched only in the pod's namespace {}, which has no Service {}: it "
                             "does not resolve",
                             ref.host, model::namespace_display(ns), ref.service),
                 elsewhere, true);
          continue;
        }
        std::vector<std::string> suggestions;
        for (const std::string& other : others(namespaces_of, ref.service, ns, services))
          suggestions.push_back(ref.service + "." + other);
        if (suggestions.empty()) {
          for (const std::string& near : services.near_misses(ns, ref.service)) suggestions.push_back(near + "." + ns);
        }
        report(out, ref, fmt::format("namespace {} has no Service {}: {} does not resolve", ns, ref.service, what),
               suggestions);
      }
    }
  }

 private:
  static bool exempt(const model::PodSource& pod, const index::Reference& ref) {
    if (ref.service == "kubernetes" &&
        (ref.namespace_name == "default" || ref.namespace_name.empty() || model::is_apply_time(ref.namespace_name))) {
      return true;
    }
    return std::any_of(pod.host_aliases.begin(), pod.host_aliases.end(),
                       [&](const model::Text& h) { return h.value == ref.host; });
  }

  // Namespaces other than `ns` that hold a Service `name` cluster DNS answers (not ExternalName:
  // a CNAME elsewhere is no evidence of a mistake here).
  static std::vector<std::string> others(const std::map<std::string, std::set<std::string>, std::less<>>& namespaces_of,
                                         const std::string& name, const std::string& ns,
                                         const index::ServiceLookup& services) {
    std::vector<std::string> out;
    const auto it = namespaces_of.find(name);
    if (it == namespaces_of.end()) return out;
    for (const std::string& other : it->second) {
      if (other == ns) continue;
      const auto& defs = services.find(other, name);
      if (std::all_of(defs.begin(), defs.end(),
                      [](const model::Service* s) { return s->type.value == "ExternalName"; }))
        continue;
      out.push_back(other);
    }
    return out;
  }

  static std::string fqdn(const index::Reference& ref, const std::string& ns, const std::string& domain) {
    return ref.kind == index::HostKind::kPodName ? fmt::format("{}.{}.{}.svc.{}", ref.pod, ref.service, ns, domain)
                                                 : fmt::format("{}.{}.svc.{}", ref.service, ns, domain);
  }

  static void report(engine::Sink& out, const index::Reference& ref, std::string message,
                     std::vector<std::string> suggestions, bool fqdn_alternative = false) {
    std::sort(suggestions.begin(), suggestions.end());
    suggestions.erase(std::unique(suggestions.begin(), suggestions.end()), suggestions.end());
    if (!suggestions.empty()) message += "; did you mean " + diag::join_alternatives(suggestions);
    diag::Diagnostic& d = out.report(ref.range, std::move(message));
    if (fqdn_alternative && suggestions.size() == 1) {
      d.help = fmt::format("write the namespace ({}), or the FQDN {}.svc.<cluster domain>", suggestions.front(),
                           suggestions.front());
    } else {
      d.help =
          "write the Service's namespace (<svc>.<ns>, or the FQDN <svc>.<ns>.svc.<cluster domain>), or create the "
          "Service";
    }
  }
};

}  // namespace

const engine::Rule* dns_name_unresolvable() {
  static const DnsNameUnresolvable rule;
  return &rule;
}

}  // namespace netlint::rules
