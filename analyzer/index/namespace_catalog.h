// Which namespaces the view knows completely (RULES.md "The view and the open world"): a
// namespace is known when the view holds at least one pod source in it and every other object
// in it is of a built-in kind or of a custom kind known not to create pods. An unknown custom
// resource may belong to an operator that creates pods we cannot see, and a GitOps object
// deploying into a namespace means its workloads live elsewhere. The system namespaces
// (kube-system, kube-public, kube-node-lease) are never known: every cluster runs add-ons there
// that a repository does not hold. Every rule that reports an absence asks this one query.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzer/model/model.h"

namespace netlint::index {

class NamespaceCatalog {
 public:
  explicit NamespaceCatalog(const model::Model& model);

  bool known(std::string_view namespace_name) const;
  // Why a namespace is not known ("no pod source in the view", "custom resource
  // Kafka/events may create pods", "Application argocd/shop deploys into it"); empty when known.
  std::string why_unknown(std::string_view namespace_name) const;

  // True for kinds of the built-in Kubernetes API groups, whatever their version.
  static bool is_built_in(const model::ObjectMeta& object);
  // True for custom kinds known not to create pods (ServiceMonitor, Certificate, ...).
  static bool is_inert_custom_kind(std::string_view kind);

 private:
  struct State {
    bool has_pod_source = false;
    std::string unknown_because;  // first reason found
  };
  std::unordered_map<std::string, State> namespaces_;
};

}  // namespace netlint::index
