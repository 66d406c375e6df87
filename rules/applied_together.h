// Whether two objects are taken to be applied to one cluster: the config says the view is one
// cluster (`clusters:`), or one's folder holds the other's. Without `clusters:`, objects in
// unrelated folders may be alternatives applied one at a time (a repository of examples, a
// folder per environment), so rules that pair objects (NL3003, NL6102) do not pair them.
#pragma once

#include "analyzer/engine/view.h"
#include "analyzer/source/path_parts.h"

namespace netlint::rules {

inline bool applied_together(const engine::View& view, FileId a, FileId b) {
  if (!view.model().cluster.empty()) return true;
  const std::string_view fa = path_dirname(view.model().file(a).path);
  const std::string_view fb = path_dirname(view.model().file(b).path);
  return folder_holds(fa, fb) || folder_holds(fb, fa);
}

}  // namespace netlint::rules
