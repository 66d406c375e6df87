// Small readers from YAML nodes to positioned model values. They never throw: a field of the
// wrong type reads as absent (the invalid-field rule reports it separately).
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "analyzer/model/object_meta.h"
#include "analyzer/yaml/node_ref.h"

namespace netlint::model {

// The scalar's text and range; empty Text for non-scalars.
Text text_of(const yaml::NodeRef& node);
// A synthesised value (no position).
Text synthesised(std::string value);
// The value of `key` in `map` as Text, or `fallback` (unpositioned) when absent or not a scalar.
Text text_field(const yaml::NodeRef& map, std::string_view key, std::string_view fallback = {});
// A YAML integer (decimal; kubectl's YAML 1.1 reader also takes 0x.., 0o.. and 1_000).
std::optional<std::int64_t> integer_of(const yaml::NodeRef& node);
// True for a plain `true`/`false`-like scalar as YAML 1.1 resolves booleans.
std::optional<bool> boolean_of(const yaml::NodeRef& node);
// The entries of a map as kubectl reads them: the written entries in order, then those its `<<`
// merge keys supply that it does not write (earlier merges first, nested merges depth-first, as
// NodeRef::get resolves them; bounded by NodeRef::kMaxAliasHops maps). The `<<` entries
// themselves are left out. A merged entry keeps the position where it is written.
std::vector<std::pair<yaml::NodeRef, yaml::NodeRef>> map_entries(const yaml::NodeRef& map);
// A string-to-string map (labels, annotations, selectors), merge keys applied; non-scalar
// values are skipped.
Labels string_map(const yaml::NodeRef& map);
// The scalars of a sequence.
std::vector<Text> string_list(const yaml::NodeRef& seq);

}  // namespace netlint::model
