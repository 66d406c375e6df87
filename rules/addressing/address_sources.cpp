#include "rules/addressing/address_sources.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzer/facts/evidence.h"

namespace netlint::rules::addressing {
namespace {

// Cilium writes pool lists separated by spaces (Helm joins clusterPoolIPv4PodCIDRList with " ").
std::optional<std::vector<Cidr>> parse_list(std::string text) {
  std::replace(text.begin(), text.end(), ' ', ',');
  return parse_cidr_list(text);
}

void add(std::vector<PodRange>& out, RangeRole role, const model::Text& value, std::string what) {
  if (model::is_installer_placeholder(value.value)) return;
  auto cidrs = parse_list(value.value);
  if (!cidrs) return;
  out.push_back({role, std::move(*cidrs), value.value, value.range, std::move(what)});
}

void add_setting(std::vector<PodRange>& out, RangeRole role, const model::ConfigDocument& doc, std::string_view path) {
  const model::Setting* s = doc.settings.find(path);
  if (s == nullptr || s->placeholder) return;
  add(out, role, s->value, fmt::format("{} {}", doc.display(), path));
}

// kubeadm's controllerManager.extraArgs: a map (v1beta3) or a list of {name, value} (v1beta4).
void add_kubeadm_arg(std::vector<PodRange>& out, const model::ConfigDocument& doc, std::string_view flag) {
  const std::string base = "controllerManager.extraArgs";
  if (doc.settings.find(fmt::format("{}.{}", base, flag)) != nullptr) {
    add_setting(out, RangeRole::kClusterCidr, doc, fmt::format("{}.{}", base, flag));
    return;
  }
  for (int i = 0;; ++i) {
    const model::Setting* name = doc.settings.find(fmt::format("{}[{}].name", base, i));
    if (name == nullptr) break;
    if (name->value.value == flag) add_setting(out, RangeRole::kClusterCidr, doc, fmt::format("{}[{}].value", base, i));
  }
}

bool runs(const model::Container& c, std::string_view binary) {
  return std::any_of(c.command.begin(), c.command.end(),
                     [&](const model::Text& w) { return w.value.find(binary) != std::string::npos; }) ||
         facts::image_repository(c.image.value).ends_with(binary);
}

}  // namespace

std::vector<PodRange> pod_ranges(const model::Model& m) {
  std::vector<PodRange> out;
  for (const model::ConfigDocument& doc : m.configs) {
    if (doc.kind == "net-conf.json") {
      add_setting(out, RangeRole::kFlannelNetwork, doc, "Network");
      add_setting(out, RangeRole::kFlannelNetwork, doc, "IPv6Network");
    } else if (doc.kind == "IPPool") {
      add_setting(out, RangeRole::kCalicoPool, doc, "spec.cidr");
    } else if (doc.kind == "Installation") {
      for (int i = 0; doc.settings.find(fmt::format("spec.calicoNetwork.ipPools[{}].cidr", i)) != nullptr; ++i) {
        add_setting(out, RangeRole::kCalicoPool, doc, fmt::format("spec.calicoNetwork.ipPools[{}].cidr", i));
      }
    } else if (doc.kind == "ClusterConfiguration") {
      add_setting(out, RangeRole::kClusterCidr, doc, "networking.podSubnet");
      add_kubeadm_arg(out, doc, "cluster-cidr");
    } else if (doc.kind == "KubeProxyConfiguration") {
      add_setting(out, RangeRole::kKubeProxy, doc, "clusterCIDR");
    }
  }
  for (const model::PodSource& pod : m.pod_sources) {
    for (const model::Container& c : pod.containers) {
      for (const model::EnvVar& e : c.env) {
        if (!e.value) continue;
        if (e.name.value == "CALICO_IPV4POOL_CIDR" || e.name.value == "CALICO_IPV6POOL_CIDR") {
          add(out, RangeRole::kCalicoPool, *e.value, fmt::format("{} env {}", pod.meta.display(), e.name.value));
        }
      }
      if (runs(c, "kube-controller-manager")) {
        if (auto v = facts::flag_value(c, "cluster-cidr"))
          add(out, RangeRole::kClusterCidr, *v, fmt::format("{} --cluster-cidr", pod.meta.display()));
      }
      if (runs(c, "kube-proxy")) {
        if (auto v = facts::flag_value(c, "cluster-cidr"))
          add(out, RangeRole::kKubeProxy, *v, fmt::format("{} --cluster-cidr", pod.meta.display()));
      }
    }
  }
  for (const model::ConfigMap& cm : m.config_maps) {
    if (cm.meta.name.value != "cilium-config") continue;
    for (std::string_view key : {"cluster-pool-ipv4-cidr", "cluster-pool-ipv6-cidr"}) {
      if (const model::ConfigMapEntry* e = facts::find_entry(cm, key))
        add(out, RangeRole::kCiliumPool, e->value, fmt::format("{} {}", cm.meta.display(), key));
    }
  }
  return out;
}

Source pod_cidr_source(const engine::View& view, const Cidr& cidr, std::string_view text) {
  const auto& fact = view.facts().pod_cidrs[facts::family_of_v6(cidr.v6)];
  if (fact.configured()) return source_of(fact, "podCIDRs", text);
  const std::vector<PodRange> ranges = pod_ranges(view.model());
  for (const RangeRole role : {RangeRole::kFlannelNetwork, RangeRole::kCalicoPool, RangeRole::kCiliumPool,
                               RangeRole::kClusterCidr, RangeRole::kKubeProxy}) {
    for (const PodRange& r : ranges) {
      if (r.role != role) continue;
      if (std::find(r.cidrs.begin(), r.cidrs.end(), cidr) != r.cidrs.end()) return {r.range, r.what};
    }
  }
  return source_of(fact, "podCIDRs", text);
}

std::vector<FactCidr> fact_cidrs(const facts::Fact<std::vector<std::string>>& fact) {
  std::vector<FactCidr> out;
  if (!fact.usable()) return out;
  for (const std::string& text : fact.value) {
    if (auto c = parse_cidr(text)) out.push_back({*c, text});
  }
  return out;
}

std::vector<FactCidr> fact_cidrs(const facts::Fact<std::string>& fact) {
  if (!fact.usable()) return {};
  if (auto c = parse_cidr(fact.value)) return {{*c, fact.value}};
  return {};
}

}  // namespace netlint::rules::addressing
