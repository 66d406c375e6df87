// The state of each namespace of a view (RULES.md "Namespace states"): complete, open or unknown,
// each with its reason. Absence rules ask it before reporting that something is missing:
// by-name absence (NL1004, NL3001 and NL4002 without a near miss) only in complete namespaces,
// because names point at other teams' and providers' objects; selector absence (NL1002, NL2002,
// NL2004, NL2013) also beside the pods shipped with the selector, because a selector is written
// for the workloads shipped beside it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/model.h"
#include "analyzer/model/namespace_name.h"

namespace netlint::index {

enum class NamespaceState { kComplete, kOpen, kUnknown };
const char* namespace_state_name(NamespaceState state);  // "complete", "open", "unknown"

struct NamespaceStatus {
  NamespaceState state = NamespaceState::kUnknown;
  std::string reason;  // "listed in cluster.namespaces.open", "no Namespace object in the view", ...
};

class NamespaceCatalog {
 public:
  // `states` is .netlint.yaml's `cluster.namespaces` (config wins over detection).
  NamespaceCatalog(const model::Model& model, const model::NamespaceStateConfig& states);
  explicit NamespaceCatalog(const model::Model& model) : NamespaceCatalog(model, {}) {}

  NamespaceStatus status(std::string_view namespace_name) const;
  bool complete(std::string_view namespace_name) const {
    return status(namespace_name).state == NamespaceState::kComplete;
  }
  bool open(std::string_view namespace_name) const { return status(namespace_name).state == NamespaceState::kOpen; }

  // Whether a selector written in `selector_file` may report that it selects nothing in
  // `namespace_name`: the namespace is complete, or it is not open and the selector's directory
  // (the files `kubectl apply -f DIR` sends) or kustomize build holds a pod source whose
  // namespace equals or may equal it.
  bool selector_absence_counts(std::string_view namespace_name, FileId selector_file) const;

  // Every namespace the view mentions or configures, by name (`~` first), with its status.
  std::vector<std::pair<std::string, NamespaceStatus>> all() const;

  // True for kinds of the built-in Kubernetes API groups, whatever their version.
  static bool is_built_in(const model::ObjectMeta& object);
  // True for custom kinds (by API group) known not to create pods (ServiceMonitor, Certificate, ...).
  static bool is_inert_custom_kind(const model::ObjectMeta& object);

 private:
  struct Detected {
    bool namespace_object = false;
    std::uint32_t pod_sources = 0;
    std::string open_because;        // first reason found
    std::string incomplete_because;  // keeps it from complete without opening it (a Gateway)
  };
  std::map<std::string, Detected, std::less<>> namespaces_;
  std::set<std::string, std::less<>> configured_complete_;
  std::set<std::string, std::less<>> configured_open_;
  // "dir:<folder>" and "build:<kustomization>" -> namespaces of the pod sources written there.
  std::map<std::string, std::set<std::string>, std::less<>> pod_namespaces_by_scope_;
  const model::Model& model_;
};

}  // namespace netlint::index
