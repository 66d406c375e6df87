#include <algorithm>
#include <array>

#include "analyzer/model/api_defaults.h"
#include "analyzer/model/extract.h"
#include "analyzer/model/extract_configs.h"
#include "analyzer/yaml/canonical_hash.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/model/field_checks.h"
#include "analyzer/model/placeholder.h"

namespace netlint::model {
namespace {

bool in_group(std::string_view api_version, std::string_view group) {
  return api_version.substr(0, group.size()) == group &&
         (api_version.size() == group.size() || api_version[group.size()] == '/');
}

void extract_object(const yaml::NodeRef& object, FileId file, std::uint32_t document, const ExtractOptions& options,
                    DocumentObjects& out, const Text* kind_override = nullptr,
                    const Text* api_version_override = nullptr);

// `kind: List` and the typed lists (`ServiceList`, what `kubectl get -o yaml` prints) hold
// their objects under `items`.
bool extract_list(const yaml::NodeRef& root, const Text& kind, FileId file, std::uint32_t document,
                  const ExtractOptions& options, DocumentObjects& out) {
  const std::string& k = kind.value;
  if (k.size() < 4 || k.compare(k.size() - 4, 4, "List") != 0) return false;
  const yaml::NodeRef items = root.get("items");
  // A custom kind may end in "List" and have no items; `kind: List` itself is never an object.
  if (!items.is_sequence() && !items.is_null() && k != "List") return false;
  // Typed lists (`PodList`, `NamespaceList`, what `kubectl get -o yaml` prints) leave out each
  // item's kind and apiVersion: they are the list's.
  const bool typed = k != "List";
  Text item_kind = kind;
  item_kind.value = k.substr(0, k.size() - 4);
  const Text list_api_version = text_of(root.get("apiVersion"));
  for (std::uint32_t i = 0; i < items.size(); ++i) {
    const yaml::NodeRef item = items.item(i);
    if (!item.is_map()) continue;
    if (item.get("kind").is_scalar())
      extract_object(item, file, document, options, out);
    else if (typed && item.get("metadata").is_map())
      extract_object(item, file, document, options, out, &item_kind, &list_api_version);
  }
  return true;
}

void extract_object(const yaml::NodeRef& object, FileId file, std::uint32_t document, const ExtractOptions& options,
                    DocumentObjects& out, const Text* kind_override, const Text* api_version_override) {
  ObjectMeta meta = extract_meta(object, file, document, options, out.problems);
  if (kind_override != nullptr) {
    meta.kind = *kind_override;
    meta.api_version = *api_version_override;
    // The namespace defaulting in extract_meta saw no kind.
    if (!meta.namespace_written && is_cluster_scoped(meta.kind.value)) meta.namespace_name = {};
  }
  meta.content_hash = yaml::canonical_hash(object, "metadata.namespace");
  const std::string& kind = meta.kind.value;
  const bool core = meta.api_version.value == "v1";
  // API defaults are applied to each object as it is extracted, before any rule reads it.
  if (auto pods = extract_pod_source(object, meta, out.problems)) {
    apply_api_defaults(*pods);
    out.pod_sources.push_back(std::move(*pods));
  }
  if (core && kind == "Service") {
    out.services.push_back(extract_service(object, meta, out.problems));
    apply_api_defaults(out.services.back());
  }
  if (kind == "Ingress" &&
      (in_group(meta.api_version.value, "networking.k8s.io") || in_group(meta.api_version.value, "extensions"))) {
    out.ingresses.push_back(extract_ingress(object, meta, out.problems));
  }
  if (kind == "NetworkPolicy" &&
      (in_group(meta.api_version.value, "networking.k8s.io") || in_group(meta.api_version.value, "extensions"))) {
    out.network_policies.push_back(extract_network_policy(object, meta, out.problems));
    apply_api_defaults(out.network_policies.back());
  }
  if (kind == "Route" && in_group(meta.api_version.value, "route.openshift.io"))
    out.routes.push_back(extract_route(object, meta));
  if (auto producer = extract_secret_producer(object, meta)) out.secret_producers.push_back(std::move(*producer));
  if (core && kind == "ConfigMap") out.config_maps.push_back(extract_config_map(object, meta, out.problems));
  if (core && kind == "Namespace") out.namespaces.push_back(Namespace{meta});
  if (auto config = extract_config_object(object, meta)) out.configs.push_back(std::move(*config));
  if (auto target = extract_gitops_target(object, meta)) {
    out.opaque_namespaces.push_back({std::move(*target), meta.display() + " deploys workloads into it from elsewhere"});
  }
  out.objects.push_back(std::move(meta));
}

}  // namespace

bool is_cluster_scoped(std::string_view kind) {
  // Config kinds (kubelet, kubeadm, kube-proxy) are not API objects; they have no namespace either.
  static constexpr std::array<std::string_view, 29> kClusterScoped = {"APIService",
                                                                      "ClusterConfiguration",
                                                                      "IPPool",
                                                                      "InitConfiguration",
                                                                      "Installation",
                                                                      "KubeProxyConfiguration",
                                                                      "KubeletConfiguration",
                                                                      "FelixConfiguration",
                                                                      "CSIDriver",
                                                                      "CSINode",
                                                                      "CertificateSigningRequest",
                                                                      "ClusterIssuer",
                                                                      "ClusterRole",
                                                                      "ClusterRoleBinding",
                                                                      "ComponentStatus",
                                                                      "CustomResourceDefinition",
                                                                      "GlobalNetworkPolicy",
                                                                      "IngressClass",
                                                                      "MutatingWebhookConfiguration",
                                                                      "Namespace",
                                                                      "Node",
                                                                      "PersistentVolume",
                                                                      "PodSecurityPolicy",
                                                                      "PriorityClass",
                                                                      "RuntimeClass",
                                                                      "StorageClass",
                                                                      "ValidatingAdmissionPolicy",
                                                                      "ValidatingWebhookConfiguration",
                                                                      "VolumeAttachment"};
  return std::find(kClusterScoped.begin(), kClusterScoped.end(), kind) != kClusterScoped.end();
}

ObjectMeta extract_meta(const yaml::NodeRef& object, FileId file, std::uint32_t document, const ExtractOptions& options,
                        std::vector<InputProblem>& problems) {
  ObjectMeta meta;
  meta.file = file;
  meta.document = document;
  meta.object_range = object.range();
  meta.api_version = text_of(object.get("apiVersion"));
  meta.kind = text_of(object.get("kind"));
  const auto metadata = object.find("metadata");
  meta.metadata_key = metadata.key.range();
  meta.name = text_of(metadata.value.get("name"));
  meta.namespace_name = text_of(metadata.value.get("namespace"));
  // A placeholder namespace (`${NAMESPACE}`, `<your-namespace>`) is filled in when applying, as
  // `-n` fills in a missing one: the object is in the apply-time namespace.
  if (unknown_placeholder(meta.namespace_name, FieldKind::kLowerCase, problems)) {
    if (is_all_caps_identifier(meta.namespace_name.value)) problems.back().root_cause = std::string(kAllCapsNamespace);
    meta.namespace_name = {};
  }
  meta.namespace_written = !meta.namespace_name.value.empty();
  if (!meta.namespace_written && !is_cluster_scoped(meta.kind.value)) {
    meta.namespace_name = synthesised(options.default_namespace);
  }
  meta.labels = string_map(metadata.value.get("labels"));
  meta.annotations = string_map(metadata.value.get("annotations"));
  const yaml::NodeRef::Entry name = metadata.value.find("name");
  check_string(name.key, name.value, {"metadata.name", "metadata.name", "names must be strings"}, problems);
  const yaml::NodeRef::Entry ns = metadata.value.find("namespace");
  check_string(ns.key, ns.value, {"metadata.namespace", "metadata.namespace", "namespaces must be strings"}, problems);
  check_string_map(metadata.value.find("labels"), "label", problems);
  check_string_map(metadata.value.find("annotations"), "annotation", problems);
  return meta;
}

std::optional<SkipReason> non_object_skip(const yaml::NodeRef& root) {
  const yaml::NodeRef api_version = root.get("apiVersion");
  if (!root.is_map() || !api_version.is_scalar() || !root.get("kind").is_scalar()) return SkipReason::kNotKubernetes;
  const std::string& av = api_version.scalar();
  if (in_group(av, "kustomize.config.k8s.io") || in_group(av, "config.kubernetes.io") || in_group(av, "kpt.dev")) {
    return SkipReason::kKustomize;
  }
  return std::nullopt;
}

void extract_document(const yaml::NodeRef& root, FileId file, std::uint32_t document, const ExtractOptions& options,
                      DocumentObjects& out) {
  if (const std::optional<SkipReason> skip = non_object_skip(root)) {
    out.skip = skip;
    return;
  }
  const yaml::NodeRef kind = root.get("kind");
  if (!extract_list(root, text_of(kind), file, document, options, out))
    extract_object(root, file, document, options, out);
  // The extractors mark the placeholders they meet among the problems; only their count leaves.
  const auto marks = std::stable_partition(out.problems.begin(), out.problems.end(), [](const InputProblem& p) {
    return p.kind != InputProblemKind::kPlaceholder;
  });
  out.placeholders += static_cast<std::uint32_t>(out.problems.end() - marks);
  for (auto m = marks; m != out.problems.end(); ++m) {
    if (m->root_cause == kAllCapsNamespace) out.all_caps_namespaces.push_back(Text{m->message, m->range});
  }
  out.problems.erase(marks, out.problems.end());
}

}  // namespace netlint::model
