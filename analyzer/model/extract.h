// Turns one parsed YAML document into model objects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"
#include "analyzer/model/namespace_name.h"
#include "analyzer/yaml/node_ref.h"

namespace netlint::model {

struct ExtractOptions {
  // Given to objects that name no namespace: always `~` when loading (the loader names it per
  // view, model::assign_apply_time_namespace); tests may pass a name.
  std::string default_namespace = std::string(kApplyTimeNamespace);
};

// What one document contributed. Merged into the Model in file-then-offset order.
struct DocumentObjects {
  std::vector<ObjectMeta> objects;
  std::vector<PodSource> pod_sources;
  std::vector<Service> services;
  std::vector<Ingress> ingresses;
  std::vector<SecretProducer> secret_producers;
  std::vector<ConfigMap> config_maps;
  std::vector<Namespace> namespaces;
  std::vector<NetworkPolicy> network_policies;
  std::vector<Route> routes;
  std::vector<ConfigDocument> configs;
  std::vector<CorefileSource> corefiles;
  std::vector<OpaqueNamespace> opaque_namespaces;
  std::vector<InputProblem> problems;
  std::optional<SkipReason> skip;         // set when the document is not analyzed
  std::uint32_t placeholders = 0;         // placeholder values met in fields netlint reads (model/placeholder.h)
  std::vector<Text> all_caps_namespaces;  // `namespace: PROD` as written (model/all_caps_names)
};

void extract_document(const yaml::NodeRef& root, FileId file, std::uint32_t document, const ExtractOptions& options,
                      DocumentObjects& out);

// Why a parsed document is no object to analyze: not a map with scalar apiVersion and kind
// (kNotKubernetes), or a kustomize/kpt config (kKustomize); nullopt for an object or a List.
// extract_document and the loader's look at a kustomize build's resources share it.
std::optional<SkipReason> non_object_skip(const yaml::NodeRef& root);

// Pieces used by extract_document, one file each. Each records in `problems` the NL0004
// (invalid-field) problems of the fields it reads (analyzer/model/field_checks.h); a field of the
// wrong type still reads as it would without the check.
ObjectMeta extract_meta(const yaml::NodeRef& object, FileId file, std::uint32_t document, const ExtractOptions& options,
                        std::vector<InputProblem>& problems);
// Returns a pod source when `object` creates pods.
std::optional<PodSource> extract_pod_source(const yaml::NodeRef& object, const ObjectMeta& meta,
                                            std::vector<InputProblem>& problems);
Service extract_service(const yaml::NodeRef& object, const ObjectMeta& meta, std::vector<InputProblem>& problems);
Ingress extract_ingress(const yaml::NodeRef& object, const ObjectMeta& meta, std::vector<InputProblem>& problems);
NetworkPolicy extract_network_policy(const yaml::NodeRef& object, const ObjectMeta& meta,
                                     std::vector<InputProblem>& problems);
Route extract_route(const yaml::NodeRef& object, const ObjectMeta& meta);
// The Secret an object makes exist (see SecretProducer), if it is one of those kinds.
std::optional<SecretProducer> extract_secret_producer(const yaml::NodeRef& object, const ObjectMeta& meta);
ConfigMap extract_config_map(const yaml::NodeRef& object, const ObjectMeta& meta, std::vector<InputProblem>& problems);
// The namespace a GitOps object (Argo CD Application, Flux Kustomization or HelmRelease)
// deploys workloads into, when it names one.
std::optional<Text> extract_gitops_target(const yaml::NodeRef& object, const ObjectMeta& meta);

// True for kinds that have no namespace (Namespace, ClusterRole, IngressClass, ...).
bool is_cluster_scoped(std::string_view kind);

}  // namespace netlint::model
