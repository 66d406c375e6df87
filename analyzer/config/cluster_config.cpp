#include "analyzer/config/cluster_config.h"

#include <limits>

#include "analyzer/model/extract_util.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::config {
namespace {

// A number of seconds, or a Go duration truncated to whole seconds ("90s", "1m30s", "1.5h").
std::optional<int> seconds_of(const yaml::NodeRef& node) {
  if (auto n = model::integer_of(node)) return static_cast<int>(*n);
  if (!node.is_scalar()) return std::nullopt;
  const std::optional<std::int64_t> nanoseconds = go_parse_duration(node.scalar());
  if (!nanoseconds) return std::nullopt;
  const std::int64_t seconds = *nanoseconds / 1'000'000'000;  // toward zero
  if (seconds > std::numeric_limits<int>::max() || seconds < std::numeric_limits<int>::min()) return std::nullopt;
  return static_cast<int>(seconds);
}

std::optional<std::string> scalar_of(const yaml::NodeRef& node) {
  if (!node.is_scalar()) return std::nullopt;
  return node.scalar();
}

std::optional<model::Spanned<std::int64_t>> spanned_integer(const yaml::NodeRef& node) {
  const std::optional<std::int64_t> n = model::integer_of(node);
  if (!n) return std::nullopt;
  return model::Spanned<std::int64_t>{*n, node.range()};
}

IngressControllerSettings controller_settings(const yaml::NodeRef& item) {
  IngressControllerSettings c;
  c.class_name = scalar_of(item.get("class"));
  c.namespace_name = scalar_of(item.get("namespace"));
  c.pod_labels = model::string_map(item.get("podLabels"));
  if (const yaml::NodeRef lb = item.get("loadBalancer"); lb.is_map()) {
    LoadBalancerSettings f;
    f.kind = scalar_of(lb.get("kind"));
    f.idle_timeout_seconds = seconds_of(lb.get("idleTimeout"));
    f.proxy_protocol = model::boolean_of(lb.get("proxyProtocol"));
    c.load_balancer = f;
  }
  return c;
}

// Sets `out` to the value `read` makes of `key`'s value, with the key's range, when `read` takes it.
template <class T, class Read>
void keyed(const yaml::NodeRef& cluster, std::string_view key, std::optional<Keyed<T>>& out, Read read) {
  const yaml::NodeRef::Entry entry = cluster.find(key);
  if (!entry) return;
  if (std::optional<T> value = read(entry.value)) out = Keyed<T>{std::move(*value), entry.key.range()};
}

std::optional<std::vector<model::Text>> list_of(const yaml::NodeRef& node) {
  if (!node.is_sequence()) return std::nullopt;
  return model::string_list(node);
}

}  // namespace

std::optional<PortRangeSetting> parse_port_range(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const std::string_view low_text = text.substr(0, dash);
  const std::string_view high_text = text.substr(dash + 1);
  const auto port_digits = [](std::string_view part) { return part.size() <= 5 && all_ascii_digits(part); };
  if (!port_digits(low_text) || !port_digits(high_text)) return std::nullopt;
  const std::int64_t low = go_atoi(low_text).value_or(0);  // 1 to 5 digits
  const std::int64_t high = go_atoi(high_text).value_or(0);
  if (low < 1 || low > high || high > 65535) return std::nullopt;
  return PortRangeSetting{static_cast<int>(low), static_cast<int>(high), std::string(text)};
}

ClusterView read_cluster_view(const yaml::NodeRef& entry) {
  ClusterView view;
  for (const model::Text& path : model::string_list(entry.get("paths"))) view.paths.push_back(path.value);
  view.cluster = read_cluster_settings(entry.get("cluster"));
  return view;
}

ClusterSettings read_cluster_settings(const yaml::NodeRef& cluster) {
  ClusterSettings s;
  if (!cluster.is_map()) return s;
  if (const yaml::NodeRef apply = cluster.get("applyNamespace"); apply.is_scalar())
    s.apply_namespace = model::text_of(apply);
  // Object-valued keys: present whenever written (a null or empty value included).
  keyed(cluster, "namespaces", s.namespaces, [](const yaml::NodeRef& v) {
    return std::optional<NamespaceSettings>(
        NamespaceSettings{model::string_list(v.get("complete")), model::string_list(v.get("open"))});
  });
  keyed(cluster, "nodeBlockSize", s.node_block_size, [](const yaml::NodeRef& v) {
    return std::optional<NodeBlockSettings>(
        NodeBlockSettings{spanned_integer(v.get("ipv4")), spanned_integer(v.get("ipv6"))});
  });
  keyed(cluster, "scale", s.scale_services, [](const yaml::NodeRef& v) {
    return std::optional<std::optional<std::int64_t>>(model::integer_of(v.get("services")));
  });
  keyed(cluster, "dns", s.dns, [](const yaml::NodeRef& v) -> std::optional<DnsSettings> {
    if (!v.is_map()) return std::nullopt;
    DnsSettings d;
    d.namespace_name = scalar_of(v.get("namespace"));
    if (const yaml::NodeRef labels = v.get("podLabels"); labels.is_map()) d.pod_labels = model::string_map(labels);
    d.port = model::integer_of(v.get("port"));
    return d;
  });
  keyed(cluster, "ingressControllers", s.ingress_controllers,
        [](const yaml::NodeRef& v) -> std::optional<std::vector<IngressControllerSettings>> {
          if (!v.is_sequence()) return std::nullopt;
          std::vector<IngressControllerSettings> out;
          for (std::uint32_t i = 0; i < v.size(); ++i) out.push_back(controller_settings(v.item(i)));
          return out;
        });
  keyed(cluster, "domain", s.domain, scalar_of);
  keyed(cluster, "cni", s.cni, scalar_of);
  keyed(cluster, "kubernetesVersion", s.kubernetes_version, scalar_of);
  keyed(cluster, "podCIDRs", s.pod_cidrs, list_of);
  keyed(cluster, "serviceCIDRs", s.service_cidrs, list_of);
  keyed(cluster, "nodeCIDRs", s.node_cidrs, list_of);
  keyed(cluster, "clusterDNS", s.cluster_dns, list_of);
  keyed(cluster, "nodeSearchDomains", s.node_search_domains, list_of);
  keyed(cluster, "nodeMTU", s.node_mtu, model::integer_of);
  keyed(cluster, "networkPolicyEnforced", s.network_policy_enforced, model::boolean_of);
  keyed(cluster, "kubeProxy", s.kube_proxy, model::boolean_of);
  keyed(cluster, "nodePortRange", s.node_port_range, [](const yaml::NodeRef& v) -> std::optional<PortRangeSetting> {
    if (!v.is_scalar()) return std::nullopt;
    return parse_port_range(v.scalar());
  });
  return s;
}

}  // namespace netlint::config
