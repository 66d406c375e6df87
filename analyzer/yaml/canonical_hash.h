// A hash of a YAML subtree that two definitions share exactly when they are equal as parsed
// trees (RULES.md "Equality of definitions"): scalar text and quotedness count; formatting,
// comments and key order do not; aliases count as what they point to. Aliases are hashed once
// per anchored node, so an alias bomb costs its node count, not its expansion.
#pragma once

#include <cstdint>
#include <string_view>

#include "analyzer/yaml/node_ref.h"

namespace netlint::yaml {

// `skip_path` names one nested key to leave out ("metadata.namespace": compared after
// defaulting, by the caller); empty leaves nothing out.
std::uint64_t canonical_hash(const NodeRef& node, std::string_view skip_path = {});

}  // namespace netlint::yaml
