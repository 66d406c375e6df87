#include "analyzer/report/facts_reporter.h"

#include <fmt/format.h>

#include <functional>
#include <sstream>

#include "analyzer/index/namespace_catalog.h"
#include "analyzer/model/namespace_name.h"
#include "analyzer/report/source_locator.h"
#include "analyzer/util/display_text.h"
#include "analyzer/util/json_writer.h"

namespace netlint::report {
namespace {

using facts::ClusterFacts;
using facts::State;

std::string labels_text(const model::Labels& labels) {
  std::vector<std::string> parts;
  for (const model::Label& l : labels) parts.push_back(l.key.value + "=" + l.value.value);
  return fmt::format("{}", fmt::join(parts, ","));
}

std::string lb_text(const facts::LoadBalancerFacts& lb) {
  std::vector<std::string> parts;
  if (!lb.service.empty()) parts.push_back("service " + lb.service);
  parts.push_back("kind " + (lb.kind.empty() ? std::string("unknown") : lb.kind));
  if (!lb.provider.empty()) parts.push_back("provider " + lb.provider);
  parts.push_back(lb.idle_timeout_seconds
                      ? fmt::format("idle {}s{}", *lb.idle_timeout_seconds, lb.idle_timeout_default ? " (default)" : "")
                      : std::string("idle unknown"));
  parts.push_back(lb.proxy_protocol ? fmt::format("proxy-protocol {}", *lb.proxy_protocol)
                                    : std::string("proxy-protocol unknown"));
  return fmt::format("{}", fmt::join(parts, ", "));
}

// One row per fact: its name, its generic parts, and its value as text.
struct Row {
  std::string name;
  State state;
  std::string value;  // text form; empty when unknown
  const std::vector<facts::Evidence>* evidence;
  SourceRange config_key;
  std::string note;  // e.g. "rules assume the newest release"
};

template <class T>
Row row(std::string name, const facts::Fact<T>& f, std::string value, std::string note = {}) {
  return Row{std::move(name), f.state,      f.state == State::kUnknown ? std::string() : std::move(value),
             &f.evidence,     f.config_key, std::move(note)};
}

std::string list_text(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

std::string pools_text(const std::vector<facts::Pool>& pools) {
  std::vector<std::string> parts;
  for (const facts::Pool& p : pools)
    parts.push_back(p.block_size ? fmt::format("{} (blockSize {})", p.cidr, *p.block_size) : p.cidr);
  return list_text(parts);
}

// One row per family ("podCIDRs.ipv4", "podCIDRs.ipv6"): each slot has its own state.
template <class T, class Text>
void per_family(std::vector<Row>& out, std::string_view name, const facts::PerFamily<T>& fact, Text text) {
  for (facts::Family family : facts::kFamilies) {
    out.push_back(row(fmt::format("{}.{}", name, facts::family_key(family)), fact[family], text(fact[family].value)));
  }
}

std::vector<Row> rows(const ClusterFacts& f) {
  std::vector<Row> out;
  std::string cni = f.cni.value.display();
  for (const facts::Cni& c : f.cni.value.cnis) {
    cni += fmt::format("; {} enforces NetworkPolicy: {}{}", c.name, facts::enforcement_name(c.enforces),
                       c.why.empty() ? "" : " (" + c.why + ")");
  }
  out.push_back(row("cni", f.cni, cni));
  out.push_back(
      row("networkPolicyEnforced", f.network_policy_enforced, f.network_policy_enforced.value ? "true" : "false"));
  const facts::DnsTarget& d = f.dns.value;
  out.push_back(row("dns", f.dns,
                    fmt::format("namespace {}, pods {}, port {}{}{}", d.namespace_name, labels_text(d.pod_labels),
                                d.port, d.service.empty() ? "" : ", service " + d.service,
                                d.all_cluster_ips().empty() ? "" : ", clusterIPs " + list_text(d.all_cluster_ips()))));
  out.push_back(row("nodePortRange", f.node_port_range,
                    fmt::format("{}-{}", f.node_port_range.value.low, f.node_port_range.value.high)));
  // RULES.md Facts "Dual-stack": the pod ranges of a family are its cluster pod CIDR and pools.
  const auto same = [](const std::string& v) { return v; };
  per_family(out, "podCIDRs", f.pod_cidrs, list_text);
  per_family(out, "clusterPodCIDR", f.cluster_pod_cidr, same);
  per_family(out, "cniPools", f.cni_pools, pools_text);
  out.push_back(row("ipamMode", f.ipam_mode, f.ipam_mode.value));
  per_family(out, "nodeBlockSize", f.node_block_prefix, [](int prefix) { return fmt::format("/{}", prefix); });
  per_family(out, "serviceCIDRs", f.service_cidr, same);
  out.push_back(row("domain", f.domain, f.domain.value));
  out.push_back(row("clusterDNS", f.cluster_dns, list_text(f.cluster_dns.value)));
  out.push_back(row("maxPods", f.max_pods, std::to_string(f.max_pods.value)));
  auto version = [&](std::string name, const facts::Fact<std::string>& v, std::string_view newest) {
    out.push_back(
        row(std::move(name), v, v.value,
            v.state == State::kUnknown ? fmt::format("rules assume the newest known release, {}", newest) : ""));
  };
  version("kubernetesVersion", f.kubernetes_version, facts::NewestVersions::kubernetes);
  version("corednsVersion", f.coredns_version, facts::NewestVersions::coredns);
  version("ingressNginxVersion", f.ingress_nginx_version, facts::NewestVersions::ingress_nginx);
  version("ciliumVersion", f.cilium_version, facts::NewestVersions::cilium);
  std::vector<std::string> controllers;
  for (const facts::IngressController& c : f.ingress_controllers.value) {
    controllers.push_back(fmt::format("{} (classes {}{}{})", c.workload, list_text(c.classes),
                                      c.config_map.empty() ? "" : ", configmap " + c.config_map,
                                      c.load_balancer ? ", load balancer: " + lb_text(*c.load_balancer) : ""));
  }
  out.push_back(row("ingressControllers", f.ingress_controllers, fmt::format("{}", fmt::join(controllers, "; "))));
  out.push_back(row("kubeProxy", f.kube_proxy, f.kube_proxy.value ? "present" : "absent"));
  out.push_back(
      row("nodeLocalDNS", f.node_local_dns,
          fmt::format("mode {}{}", f.node_local_dns.value.mode,
                      f.node_local_dns.value.address.empty() ? "" : ", address " + f.node_local_dns.value.address)));
  per_family(out, "nodeCIDRs", f.node_cidrs, list_text);
  out.push_back(row("nodeMTU", f.node_mtu, std::to_string(f.node_mtu.value)));
  out.push_back(row("nodeSearchDomains", f.node_search_domains,
                    f.node_search_domains.value.empty() ? "[]" : list_text(f.node_search_domains.value)));
  out.push_back(row("scale.services", f.scale_services, std::to_string(f.scale_services.value)));
  return out;
}

std::string where(SourceLocator& locator, const SourceRange& range) {
  if (!range.valid()) return "(no location)";
  const ResolvedRange r = locator.resolve(range);
  return fmt::format("{}:{}:{}", r.path, r.start.line, r.start.column);
}

// "mixed: 37 objects have variants across files (apps/Deployment argocd/argocd-server, ...)".
std::string mixed_text(const model::Model& model) {
  if (!model.mixed) return "single: every object has one definition";
  std::vector<std::string> examples;
  for (const std::string& identity : model.variant_identities) {
    if (examples.size() == 3) break;
    examples.push_back(identity.starts_with("/") ? identity.substr(1) : identity);  // core group: no prefix
  }
  return fmt::format("mixed: {} object{} defined differently across files ({}{}); facts they decide may be ambiguous",
                     model.variant_identities.size(), model.variant_identities.size() == 1 ? " is" : "s are",
                     fmt::join(examples, "; "), model.variant_identities.size() > 3 ? "; ..." : "");
}

// Every line goes out through `printable`: values, evidence and paths come from manifests.
void write_view_text(std::ostream& out, const model::Model& model, const ClusterFacts& f) {
  SourceLocator locator(model);
  const auto line = [&out](const std::string& text) { out << printable(text) << '\n'; };
  line("view: " + mixed_text(model));
  for (const Row& r : rows(f)) {
    std::string text = r.name + ": ";
    if (r.state == State::kUnknown)
      text += "unknown";
    else if (r.state == State::kAmbiguous)
      text += "ambiguous" + (r.value.empty() ? "" : " between: " + r.value);
    else
      text += r.value + (r.state == State::kDefault ? " (default)" : "");
    if (!r.note.empty()) text += " (" + r.note + ")";
    line(text);
    if (r.config_key.valid()) line("  configured at " + where(locator, r.config_key));
    for (const facts::Evidence& e : *r.evidence) line("  " + where(locator, e.range) + ": " + e.what);
  }
  for (const facts::Conflict& c : f.conflicts)
    line("conflict (" + c.fact + "): " + where(locator, c.anchor) + ": " + c.message);
  // RULES.md "Namespace states": each namespace with its state and the reason.
  line("namespaces:");
  for (const auto& [name, status] : index::NamespaceCatalog(model, f.namespace_states).all()) {
    line(fmt::format("  {}: {} ({})", model::namespace_display(name), index::namespace_state_name(status.state),
                     status.reason));
  }
}

void write_view_json(JsonWriter& json, const model::Model& model, const ClusterFacts& f) {
  SourceLocator locator(model);
  auto location = [&](const SourceRange& range) {
    if (!range.valid()) {
      json.null();
      return;
    }
    const ResolvedRange r = locator.resolve(range);
    json.begin_object()
        .key("file")
        .value(r.path)
        .key("line")
        .value(r.start.line)
        .key("column")
        .value(r.start.column)
        .end_object();
  };
  json.begin_object();
  json.key("cluster");
  if (model.cluster.empty())
    json.null();
  else
    json.value(model.cluster);
  json.key("mixed").value(model.mixed).key("variants").begin_array();
  for (const std::string& identity : model.variant_identities) json.value(identity);
  json.end_array();
  json.key("facts").begin_array();
  for (const Row& r : rows(f)) {
    json.begin_object().key("name").value(r.name).key("state").value(facts::state_name(r.state));
    json.key("value");
    if (r.state == State::kKnown || r.state == State::kDefault)
      json.value(r.value);
    else
      json.null();
    if (r.state == State::kAmbiguous && !r.value.empty()) json.key("candidates").value(r.value);
    if (!r.note.empty()) json.key("note").value(r.note);
    if (r.config_key.valid()) {
      json.key("configured");
      location(r.config_key);
    }
    json.key("evidence").begin_array();
    for (const facts::Evidence& e : *r.evidence) {
      json.begin_object().key("what").value(e.what).key("at");
      location(e.range);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
  json.key("conflicts").begin_array();
  for (const facts::Conflict& c : f.conflicts) {
    json.begin_object().key("fact").value(c.fact).key("message").value(c.message).key("at");
    location(c.anchor);
    json.key("related").begin_array();
    for (const diag::RelatedLocation& rel : c.related) {
      json.begin_object().key("message").value(rel.message).key("at");
      location(rel.range);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
  json.key("namespaces").begin_array();
  for (const auto& [name, status] : index::NamespaceCatalog(model, f.namespace_states).all()) {
    json.begin_object().key("name").value(name).key("state").value(index::namespace_state_name(status.state));
    json.key("reason").value(status.reason).end_object();
  }
  json.end_array();
  json.end_object();
}

}  // namespace

void write_facts_text(std::ostream& out, const std::vector<LoadedView>& views) {
  for (const LoadedView& view : views) {
    if (&view != &views.front()) out << '\n';
    if (!view.model.cluster.empty()) out << "cluster " << printable(view.model.cluster) << ":\n";
    write_view_text(out, view.model, view.facts);
  }
}

void write_facts_json(std::ostream& out, const std::vector<LoadedView>& views) {
  JsonWriter json(out);
  json.begin_object().key("views").begin_array();
  for (const LoadedView& view : views) write_view_json(json, view.model, view.facts);
  json.end_array().end_object();
  out << '\n';
}

}  // namespace netlint::report
