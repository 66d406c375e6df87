// The typed, positioned model of everything loaded into one view. Rules read it through const
// references; nothing in it refers back to YAML trees, which are dropped after extraction.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/diag/fix.h"
#include "analyzer/model/config_map.h"
#include "analyzer/model/corefile_source.h"
#include "analyzer/model/ingress.h"
#include "analyzer/model/network_policy.h"
#include "analyzer/model/object_meta.h"
#include "analyzer/model/pod_source.h"
#include "analyzer/model/service.h"
#include "analyzer/model/settings.h"
#include "analyzer/source/skip_reason.h"
#include "analyzer/source/source_file.h"

namespace netlint::model {

// What kind of input problem the loader recorded. The model says what went wrong, not which rule
// reports it: rules/input maps each kind to its rule (code, name, docs), so rule codes stay above
// the layers that read the input.
enum class InputProblemKind {
  kParseError,         // not readable as UTF-8 YAML, or a build kustomize refuses (parse-error)
  kInvalidField,       // a value the API server rejects (invalid-field)
  kDuplicateResource,  // one object defined twice with different content (duplicate-resource)
  kPlaceholder,        // a template placeholder skipped, never reported (field_checks.h)
};
const char* input_problem_kind_name(InputProblemKind kind);

// Input that could not be read as intended; the NL0xxx rules report these.
struct InputProblem {
  InputProblemKind kind;
  SourceRange range;
  std::string message;
  std::string help;          // fix advice when the cause is recognisable (a tab in indentation)
  SourceRange related = {};  // another place involved (the earlier definition for NL0005)
  // A key shared with a more specific rule's finding on the same value (RULES.md "one root
  // cause, one finding"): NL4003 wins over NL0004 for a dnsConfig option value.
  std::string root_cause = {};
  // The exact edit, when the help names one (NL0004: quote it, write TCP); diag/fix.h.
  std::optional<diag::Fix> fix = {};
};

// SkipReason lives with the inputs (source/skip_reason.h): the walker decides most skips.
using netlint::SkipReason;
const char* skip_reason_name(SkipReason reason);

// A namespace that objects the view cannot read may fill with pods (RULES.md: GitOps objects
// deploying from elsewhere; templates that did not parse).
struct OpaqueNamespace {
  Text namespace_name;
  std::string reason;
};

// A run-level note the load makes about a kustomize build (`kustomize-unsupported`,
// `kustomize-not-built`), with the kustomization entry it is about.
struct LoadNote {
  std::string topic;
  std::string message;
  SourceRange at;
};

struct LoadStats {
  std::uint32_t files = 0;
  std::uint32_t documents = 0;
  std::map<std::string, std::uint32_t> objects_per_kind;
  std::uint32_t skips[static_cast<int>(SkipReason::kCount)] = {};
  // Documents holding placeholders in fields netlint reads (the run-level note `placeholders`).
  std::uint32_t placeholder_documents = 0;
  std::vector<LoadNote> notes;
  std::uint32_t objects() const;
  std::uint32_t skipped() const;
};

// A kustomize build of the view (RULES.md "Kustomize"): its root kustomization and the names its
// root writes on every object. A finding alike in several builds of one base differs between them
// only by these (engine/build_merge), so they tell "alike" from "really different".
struct KustomizeBuild {
  std::string root;  // the root kustomization's path
  FileId root_file = kNoFile;
  // What the root and its components write on every object: the namespace that wins ("" when
  // none does), each namePrefix and nameSuffix.
  std::string namespace_name;
  std::vector<std::string> name_prefixes, name_suffixes;
  std::size_t objects = 0;               // objects the build makes
  std::vector<std::string> unsupported;  // features it uses that netlint does not build
};

struct Model {
  std::string cluster;              // the `clusters:` entry this view is; empty: the only view
  std::vector<SourceFile> files;    // indexed by FileId
  std::vector<ObjectMeta> objects;  // every Kubernetes object, in file-then-offset order
  std::vector<PodSource> pod_sources;
  std::vector<Service> services;
  std::vector<Ingress> ingresses;
  std::vector<SecretProducer> secret_producers;  // Secrets and what creates them (NL3005)
  std::vector<ConfigMap> config_maps;
  std::vector<Namespace> namespaces;
  std::vector<NetworkPolicy> network_policies;
  std::vector<Route> routes;  // OpenShift Routes (route.openshift.io)
  // Config documents (kubelet, kubeadm, kube-proxy, CNI, Calico, IngressClass), standalone or
  // embedded in ConfigMaps, and Corefiles.
  std::vector<ConfigDocument> configs;
  std::vector<CorefileSource> corefiles;
  // Namespaces that hold workloads the view cannot read: GitOps targets, unparsed templates.
  std::vector<OpaqueNamespace> opaque_namespaces;
  std::vector<InputProblem> problems;
  // `metadata.namespace` values that are all-caps words (`PROD`): placeholders, read as the
  // apply-time namespace, unless `prod` is a namespace of the view (model/all_caps_names).
  std::vector<Text> all_caps_namespaces;
  // Definitions of one identity differ across files (overlays, provider variants): facts that
  // depend on them may be ambiguous.
  bool mixed = false;
  std::vector<std::string> variant_identities;  // the identities with variants, sorted
  LoadStats stats;                              // the reported files
  LoadStats context_stats;                      // files read for cross-references only
  std::vector<KustomizeBuild> builds;           // the builds applied (kustomize would build them)

  const SourceFile& file(FileId id) const { return files.at(id); }
};

// Calls `f(ObjectMeta&)` on the metadata of every object of a Model or a DocumentObjects (both
// hold the same kinds of vectors), including the owners of embedded configs and Corefiles.
template <class Objects, class F>
void for_each_object_meta(Objects& o, F f) {
  for (auto& x : o.objects) f(x);
  for (auto& x : o.pod_sources) f(x.meta);
  for (auto& x : o.services) f(x.meta);
  for (auto& x : o.ingresses) f(x.meta);
  for (auto& x : o.secret_producers) f(x.meta);
  for (auto& x : o.config_maps) f(x.meta);
  for (auto& x : o.namespaces) f(x.meta);
  for (auto& x : o.network_policies) f(x.meta);
  for (auto& x : o.routes) f(x.meta);
  for (auto& x : o.configs) f(x.owner);
  for (auto& x : o.corefiles) f(x.owner);
}

// Names the apply-time namespace of one view: every object (and opaque namespace) left in `~`
// moves to `name` (RULES.md: `--namespace NS`, else the view's `cluster.applyNamespace`).
void assign_apply_time_namespace(Model& model, const std::string& name);

}  // namespace netlint::model
