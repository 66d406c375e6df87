// One view, one object per identity (RULES.md "The view and the open world"): definitions of the
// same identity (group, kind, namespace, name; all groups of a built-in kind are one) that are
// equal as parsed trees are merged into the first one (reported files first), the others kept as
// its copies. Definitions that differ inside one file, or inside the resources of one
// kustomization (one apply), are an NL0005 problem; definitions that differ across files are
// variants: both stay, and the view is mixed.
#pragma once

#include <map>
#include <string>

#include "analyzer/model/model.h"

namespace netlint::model {

// Which kustomization (by its file) applies each file, for "one apply" (NL0005).
using ApplyGroups = std::map<FileId, std::string>;

void merge_definitions(Model& model, const ApplyGroups& apply_groups = {});

// "apps/Deployment shop/web" style identity key (exposed for tests).
std::string identity_key(const ObjectMeta& object);

}  // namespace netlint::model
