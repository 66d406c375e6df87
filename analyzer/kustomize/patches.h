// Patches as kustomize applies them (RULES.md "Kustomize", Patches): strategic merge with the
// API's merge keys for the fields netlint reads and `$patch: delete|replace`, and JSON 6902
// `add`, `replace`, `remove`. Patched values carry the patch's ranges.
#pragma once

#include <string>

#include "analyzer/kustomize/doc.h"

namespace netlint::kustomize {

// Merges `patch` into `base`. Returns false when the patch deletes the whole object.
bool strategic_merge(Doc& base, const Doc& patch);

// Applies a JSON 6902 operation list (add, remove, replace, move, copy, test). Returns the
// operations it cannot apply as written (a path or `from` that is not there, a `test` that fails,
// an unknown op), for the unsupported note.
std::vector<std::string> apply_json6902(Doc& base, const Doc& operations);

}  // namespace netlint::kustomize
