// Which built resources a selector picks (kustomize `types.Selector`, used by `patches[].target`
// and by replacements' `select`/`reject`): kind and group exact, name and namespace anchored
// regular expressions, label and annotation selectors as equality terms.
#pragma once

#include "analyzer/kustomize/kustomization.h"
#include "analyzer/kustomize/transformers.h"

namespace netlint::kustomize {

bool target_matches(const Target& t, const Resource& r);

}  // namespace netlint::kustomize
