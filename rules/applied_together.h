// Whether two objects are taken to be applied to one cluster: the config says the view is one
// cluster (`clusters:`), or one's folder holds the other's. Without `clusters:`, objects in
// unrelated folders may be alternatives applied one at a time (a repository of examples, a
// folder per environment), so rules that pair objects (NL3003, NL6102) do not pair them.
//
// `in_different_optional_components` is the weaker test for rules that take the whole view as one
// cluster (NL2005): objects of two kustomize Components that no kustomization includes are
// optional add-ons, not known to be combined.
#pragma once

#include "analyzer/engine/view.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/source/path_parts.h"

namespace netlint::rules {

inline bool in_different_optional_components(const engine::View& view, FileId a, FileId b) {
  if (!view.model().cluster.empty()) return false;
  const std::string& ca = view.model().file(a).optional_component;
  const std::string& cb = view.model().file(b).optional_component;
  return !ca.empty() && !cb.empty() && ca != cb;
}

inline bool applied_together(const engine::View& view, FileId a, FileId b) {
  if (!view.model().cluster.empty()) return true;
  if (in_different_optional_components(view, a, b)) return false;
  const std::string_view fa = path_dirname(view.model().file(a).path);
  const std::string_view fb = path_dirname(view.model().file(b).path);
  return folder_holds(fa, fb) || folder_holds(fb, fa);
}

// RULES.md "Apply units": one kustomize build, else one file group (files of a directory linked
// by references that only a neighbour satisfies; model::assign_apply_units).
inline bool same_apply_unit(const engine::View& view, FileId a, FileId b) {
  if (a == b) return true;
  const std::string& ua = view.model().file(a).apply_unit;
  return !ua.empty() && ua == view.model().file(b).apply_unit;
}

// RULES.md "Applied together", for the pairwise conflicts (NL1005, NL3003): two objects of one
// apply unit, of one cluster declared under `clusters:`, or of two complete namespaces (the
// repository owns both, so they meet in one cluster). Two self-contained examples side by side in
// one folder are separate units: alternatives, not one install.
// Variants of one identity are never two objects; callers skip them.
inline bool objects_applied_together(const engine::View& view, const model::ObjectMeta& a, const model::ObjectMeta& b) {
  if (!view.model().cluster.empty() || same_apply_unit(view, a.file, b.file)) return true;
  return view.namespaces().complete(a.namespace_name.value) && view.namespaces().complete(b.namespace_name.value);
}

}  // namespace netlint::rules
