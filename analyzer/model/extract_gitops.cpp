// GitOps objects create workloads in a namespace without those workloads being in the view, so
// they make that namespace unknown (RULES.md "The view and the open world").
#include "analyzer/model/extract.h"
#include "analyzer/model/extract_util.h"

namespace netlint::model {

std::optional<Text> extract_gitops_target(const yaml::NodeRef& object, const ObjectMeta& meta) {
  const std::string group = meta.group();
  const std::string& kind = meta.kind.value;
  const yaml::NodeRef spec = object.get("spec");
  Text target;
  if (group == "argoproj.io" && kind == "Application") {
    target = text_of(spec.get("destination").get("namespace"));
  } else if (group == "kustomize.toolkit.fluxcd.io" && kind == "Kustomization") {
    target = text_of(spec.get("targetNamespace"));
  } else if (group == "helm.toolkit.fluxcd.io" && kind == "HelmRelease") {
    target = text_of(spec.get("targetNamespace"));
    if (target.value.empty()) target = meta.namespace_name;  // a release installs into its own namespace
  } else {
    return std::nullopt;
  }
  if (target.value.empty()) return std::nullopt;
  return target;
}

}  // namespace netlint::model
