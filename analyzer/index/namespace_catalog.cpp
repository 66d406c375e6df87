#include "analyzer/index/namespace_catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "analyzer/model/namespace_name.h"
#include "analyzer/source/path_parts.h"

namespace netlint::index {
namespace {

// API groups served by kube-apiserver itself; "" is the core group (apiVersion: v1).
constexpr std::array<std::string_view, 24> kBuiltInGroups = {"",
                                                             "admissionregistration.k8s.io",
                                                             "apiextensions.k8s.io",
                                                             "apiregistration.k8s.io",
                                                             "apps",
                                                             "authentication.k8s.io",
                                                             "authorization.k8s.io",
                                                             "autoscaling",
                                                             "batch",
                                                             "certificates.k8s.io",
                                                             "coordination.k8s.io",
                                                             "discovery.k8s.io",
                                                             "events.k8s.io",
                                                             "extensions",
                                                             "flowcontrol.apiserver.k8s.io",
                                                             "internal.apiserver.k8s.io",
                                                             "networking.k8s.io",
                                                             "node.k8s.io",
                                                             "policy",
                                                             "rbac.authorization.k8s.io",
                                                             "resource.k8s.io",
                                                             "scheduling.k8s.io",
                                                             "storage.k8s.io",
                                                             "storagemigration.k8s.io"};

struct GroupKind {
  std::string_view group;
  std::string_view kind;
  auto operator<=>(const GroupKind&) const = default;
};

// Custom kinds that configure traffic, monitoring, certificates, secrets or policy but never
// create pods, keyed by API group (RULES.md "Namespace states": an Istio Gateway creates no pods,
// a Gateway API Gateway may). Kept sorted.
constexpr std::array<GroupKind, 67> kInertCustomKinds = {{
    {"autoscaling.k8s.io", "VerticalPodAutoscaler"},
    {"bitnami.com", "SealedSecret"},
    {"cert-manager.io", "Certificate"},
    {"cert-manager.io", "CertificateRequest"},
    {"cert-manager.io", "ClusterIssuer"},
    {"cert-manager.io", "Issuer"},
    {"cilium.io", "CiliumClusterwideNetworkPolicy"},
    {"cilium.io", "CiliumEgressGatewayPolicy"},
    {"cilium.io", "CiliumLocalRedirectPolicy"},
    {"cilium.io", "CiliumNetworkPolicy"},
    {"cloud.google.com", "BackendConfig"},
    {"crd.antrea.io", "ClusterGroup"},
    {"crd.antrea.io", "ClusterNetworkPolicy"},
    {"crd.antrea.io", "Group"},
    {"crd.antrea.io", "NetworkPolicy"},
    {"crd.antrea.io", "Tier"},
    {"crd.projectcalico.org", "GlobalNetworkPolicy"},
    {"crd.projectcalico.org", "GlobalNetworkSet"},
    {"crd.projectcalico.org", "IPPool"},
    {"crd.projectcalico.org", "NetworkPolicy"},
    {"crd.projectcalico.org", "NetworkSet"},
    {"external-secrets.io", "ClusterSecretStore"},
    {"external-secrets.io", "ExternalSecret"},
    {"external-secrets.io", "PushSecret"},
    {"external-secrets.io", "SecretStore"},
    {"gateway.networking.k8s.io", "BackendTLSPolicy"},
    {"gateway.networking.k8s.io", "GRPCRoute"},
    {"gateway.networking.k8s.io", "GatewayClass"},
    {"gateway.networking.k8s.io", "HTTPRoute"},
    {"gateway.networking.k8s.io", "ListenerSet"},
    {"gateway.networking.k8s.io", "ReferenceGrant"},
    {"gateway.networking.k8s.io", "TCPRoute"},
    {"gateway.networking.k8s.io", "TLSRoute"},
    {"gateway.networking.k8s.io", "UDPRoute"},
    {"keda.sh", "ScaledObject"},
    {"keda.sh", "TriggerAuthentication"},
    {"monitoring.coreos.com", "AlertmanagerConfig"},
    {"monitoring.coreos.com", "PodMonitor"},
    {"monitoring.coreos.com", "Probe"},
    {"monitoring.coreos.com", "PrometheusRule"},
    {"monitoring.coreos.com", "ScrapeConfig"},
    {"monitoring.coreos.com", "ServiceMonitor"},
    {"networking.gke.io", "FrontendConfig"},
    {"networking.gke.io", "ManagedCertificate"},
    {"networking.istio.io", "DestinationRule"},
    {"networking.istio.io", "EnvoyFilter"},
    {"networking.istio.io", "Gateway"},
    {"networking.istio.io", "ProxyConfig"},
    {"networking.istio.io", "ServiceEntry"},
    {"networking.istio.io", "Sidecar"},
    {"networking.istio.io", "VirtualService"},
    {"policy.networking.k8s.io", "AdminNetworkPolicy"},
    {"policy.networking.k8s.io", "BaselineAdminNetworkPolicy"},
    {"policy.networking.k8s.io", "ClusterNetworkPolicy"},
    {"projectcalico.org", "GlobalNetworkPolicy"},
    {"projectcalico.org", "GlobalNetworkSet"},
    {"projectcalico.org", "IPPool"},
    {"projectcalico.org", "NetworkPolicy"},
    {"projectcalico.org", "NetworkSet"},
    {"security.istio.io", "AuthorizationPolicy"},
    {"security.istio.io", "PeerAuthentication"},
    {"security.istio.io", "RequestAuthentication"},
    {"telemetry.istio.io", "Telemetry"},
    {"traefik.containo.us", "IngressRoute"},
    {"traefik.containo.us", "Middleware"},
    {"traefik.io", "IngressRoute"},
    {"traefik.io", "Middleware"},
}};
static_assert(std::is_sorted(kInertCustomKinds.begin(), kInertCustomKinds.end()),
              "binary_search needs the table sorted");

// A Gateway API Gateway may run its data plane as pods in its own namespace (RULES-gateway-cni.md
// A.2): the view does not show them, so the namespace is not complete, yet nothing else deploys
// there, so it is not open either.
bool is_gateway_api_gateway(const model::ObjectMeta& object) {
  return object.kind.value == "Gateway" && object.group() == "gateway.networking.k8s.io";
}

// Add-ons and providers deploy into these in every cluster.
bool is_system_namespace(std::string_view name) {
  return name == "kube-system" || name == "kube-public" || name == "kube-node-lease";
}

std::string directory_scope(const model::Model& model, FileId file) {
  return "dir:" + std::string(path_dirname(model.file(file).path));
}

std::string build_scope(const model::Model& model, FileId file) {
  const std::string& build = model.file(file).apply_build;
  return build.empty() ? std::string() : "build:" + build;
}

}  // namespace

const char* namespace_state_name(NamespaceState state) {
  switch (state) {
    case NamespaceState::kComplete:
      return "complete";
    case NamespaceState::kOpen:
      return "open";
    case NamespaceState::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool NamespaceCatalog::is_built_in(const model::ObjectMeta& object) {
  const std::string group = object.group();
  return std::find(kBuiltInGroups.begin(), kBuiltInGroups.end(), group) != kBuiltInGroups.end();
}

bool NamespaceCatalog::is_inert_custom_kind(const model::ObjectMeta& object) {
  const std::string group = object.group();
  return std::binary_search(kInertCustomKinds.begin(), kInertCustomKinds.end(), GroupKind{group, object.kind.value});
}

NamespaceCatalog::NamespaceCatalog(const model::Model& model, const model::NamespaceStateConfig& states)
    : configured_complete_(states.complete.begin(), states.complete.end()),
      configured_open_(states.open.begin(), states.open.end()),
      model_(model) {
  std::set<std::pair<FileId, std::uint32_t>> pod_source_objects;
  for (const model::PodSource& pod : model.pod_sources) {
    if (pod.synthetic) continue;
    const std::string& ns = pod.meta.namespace_name.value;
    ++namespaces_[ns].pod_sources;
    pod_source_objects.emplace(pod.meta.file, pod.meta.object_range.begin);
    if (pod.meta.file == kNoFile) continue;
    pod_namespaces_by_scope_[directory_scope(model, pod.meta.file)].insert(ns);
    if (std::string build = build_scope(model, pod.meta.file); !build.empty())
      pod_namespaces_by_scope_[build].insert(ns);
  }
  for (const model::Namespace& n : model.namespaces) namespaces_[n.meta.name.value].namespace_object = true;
  auto open_because = [&](const std::string& ns, std::string reason) {
    Detected& d = namespaces_[ns];
    if (d.open_because.empty()) d.open_because = std::move(reason);
  };
  for (const model::ObjectMeta& object : model.objects) {
    const std::string& ns = object.namespace_name.value;
    if (ns.empty()) continue;
    if (is_gateway_api_gateway(object)) {
      Detected& d = namespaces_[ns];
      if (d.incomplete_because.empty()) d.incomplete_because = object.display() + " may run its data plane there";
      continue;
    }
    namespaces_.try_emplace(ns);
    if (is_built_in(object) || is_inert_custom_kind(object)) continue;
    if (pod_source_objects.count({object.file, object.object_range.begin}) != 0) continue;
    open_because(ns, "custom resource " + object.display() + " may create pods the view does not show");
  }
  for (const model::OpaqueNamespace& opaque : model.opaque_namespaces)
    open_because(opaque.namespace_name.value, opaque.reason);
}

NamespaceStatus NamespaceCatalog::status(std::string_view namespace_name) const {
  const bool apply_time = model::is_apply_time(namespace_name);
  if (configured_open_.contains(namespace_name)) return {NamespaceState::kOpen, "listed in cluster.namespaces.open"};
  if (configured_complete_.contains(namespace_name))
    return {NamespaceState::kComplete, "listed in cluster.namespaces.complete"};
  if (is_system_namespace(namespace_name)) return {NamespaceState::kOpen, "add-ons and providers deploy there"};
  const auto it = namespaces_.find(namespace_name);
  const Detected none;
  const Detected& d = it == namespaces_.end() ? none : it->second;
  if (!d.open_because.empty()) return {NamespaceState::kOpen, d.open_because};
  if (apply_time)
    return {NamespaceState::kUnknown, "the apply-time namespace; list \"~\" in cluster.namespaces to state it"};
  if (!d.namespace_object) return {NamespaceState::kUnknown, "the view holds no Namespace object for it"};
  if (d.pod_sources == 0)
    return {NamespaceState::kUnknown, "the view holds its Namespace object but no workload in it"};
  if (!d.incomplete_because.empty()) return {NamespaceState::kUnknown, d.incomplete_because};
  return {NamespaceState::kComplete, fmt::format("the view holds its Namespace object and {} workload{}", d.pod_sources,
                                                 d.pod_sources == 1 ? "" : "s")};
}

bool NamespaceCatalog::selector_absence_counts(std::string_view namespace_name, FileId selector_file) const {
  const NamespaceStatus s = status(namespace_name);
  if (s.state == NamespaceState::kComplete) return true;
  if (s.state == NamespaceState::kOpen || selector_file == kNoFile) return false;
  for (const std::string& scope : {directory_scope(model_, selector_file), build_scope(model_, selector_file)}) {
    const auto it = pod_namespaces_by_scope_.find(scope);
    if (it == pod_namespaces_by_scope_.end()) continue;
    for (const std::string& ns : it->second) {
      if (model::equal_or_may_equal(ns, namespace_name)) return true;
    }
  }
  return false;
}

std::vector<std::pair<std::string, NamespaceStatus>> NamespaceCatalog::all() const {
  std::set<std::string> names;
  for (const auto& [name, detected] : namespaces_) names.insert(name);
  names.insert(configured_complete_.begin(), configured_complete_.end());
  names.insert(configured_open_.begin(), configured_open_.end());
  std::vector<std::pair<std::string, NamespaceStatus>> out;
  for (const std::string& name : names) {
    if (!name.empty()) out.emplace_back(name, status(name));
  }
  // `~` sorts after the names (ASCII); list it first, as the namespace every bare file lands in.
  std::stable_partition(out.begin(), out.end(), [](const auto& e) { return model::is_apply_time(e.first); });
  return out;
}

}  // namespace netlint::index
