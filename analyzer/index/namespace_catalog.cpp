#include "analyzer/index/namespace_catalog.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace netlint::index {
namespace {

// API groups served by kube-apiserver itself; "" is the core group (apiVersion: v1).
constexpr std::array<std::string_view, 24> kBuiltInGroups = {
    "", "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "apps",
    "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "batch", "certificates.k8s.io",
    "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io", "extensions", "flowcontrol.apiserver.k8s.io",
    "internal.apiserver.k8s.io", "networking.k8s.io", "node.k8s.io", "policy", "rbac.authorization.k8s.io",
    "resource.k8s.io", "scheduling.k8s.io", "storage.k8s.io", "storagemigration.k8s.io"};

// Custom kinds that configure traffic, monitoring, certificates or secrets but never create
// pods. Kept sorted.
constexpr std::array<std::string_view, 46> kInertCustomKinds = {
    "AlertmanagerConfig", "AuthorizationPolicy", "BackendConfig", "BackendTLSPolicy", "Certificate",
    "CertificateRequest", "CiliumClusterwideNetworkPolicy", "CiliumEgressGatewayPolicy", "CiliumLocalRedirectPolicy",
    "CiliumNetworkPolicy", "ClusterIssuer", "ClusterSecretStore", "DestinationRule", "EnvoyFilter", "ExternalSecret",
    "FrontendConfig", "GRPCRoute", "Gateway", "GlobalNetworkPolicy", "HTTPRoute", "IPPool", "IngressRoute", "Issuer",
    "ManagedCertificate", "Middleware", "NetworkPolicy", "PeerAuthentication", "PodMonitor", "Probe", "PrometheusRule",
    "ProxyConfig", "PushSecret", "ReferenceGrant", "RequestAuthentication", "ScrapeConfig", "SealedSecret",
    "SecretStore", "ServiceEntry", "ServiceMonitor", "Sidecar", "TCPRoute", "TLSRoute", "Telemetry", "UDPRoute",
    "VerticalPodAutoscaler", "VirtualService"};

std::string group_of(const model::ObjectMeta& object) { return object.group(); }

}  // namespace

bool NamespaceCatalog::is_built_in(const model::ObjectMeta& object) {
  const std::string group = group_of(object);
  return std::find(kBuiltInGroups.begin(), kBuiltInGroups.end(), group) != kBuiltInGroups.end();
}

bool NamespaceCatalog::is_inert_custom_kind(std::string_view kind) {
  return std::binary_search(kInertCustomKinds.begin(), kInertCustomKinds.end(), kind);
}

NamespaceCatalog::NamespaceCatalog(const model::Model& model) {
  std::set<std::pair<FileId, std::uint32_t>> pod_source_objects;
  for (const model::PodSource& pod : model.pod_sources) {
    if (pod.synthetic) continue;
    namespaces_[pod.meta.namespace_name.value].has_pod_source = true;
    pod_source_objects.emplace(pod.meta.file, pod.meta.object_range.begin);
  }
  auto mark_unknown = [&](const std::string& ns, std::string reason) {
    State& state = namespaces_[ns];
    if (state.unknown_because.empty()) state.unknown_because = std::move(reason);
  };
  for (const model::ObjectMeta& object : model.objects) {
    const std::string& ns = object.namespace_name.value;
    if (ns.empty() || is_built_in(object) || is_inert_custom_kind(object.kind.value)) continue;
    if (pod_source_objects.count({object.file, object.object_range.begin}) != 0) continue;
    mark_unknown(ns, "custom resource " + object.display() + " may create pods the view does not show");
  }
  for (const model::OpaqueNamespace& opaque : model.opaque_namespaces) mark_unknown(opaque.namespace_name.value, opaque.reason);
}

bool NamespaceCatalog::known(std::string_view namespace_name) const { return why_unknown(namespace_name).empty(); }

std::string NamespaceCatalog::why_unknown(std::string_view namespace_name) const {
  // Every cluster runs add-ons there that repositories rarely hold (DNS, kube-proxy, the CNI,
  // cloud controllers, the dashboard): one workload of a repository in it shows not all of it.
  if (namespace_name == "kube-system" || namespace_name == "kube-public" || namespace_name == "kube-node-lease") {
    return "it holds the cluster's add-ons, which the view does not show completely";
  }
  const auto it = namespaces_.find(std::string(namespace_name));
  if (it == namespaces_.end() || !it->second.has_pod_source) return "no pod source in the view";
  return it->second.unknown_because;
}

}  // namespace netlint::index
