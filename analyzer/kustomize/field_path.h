// Paths into a built object, in kustomize's two spellings (one home for both):
// - fieldSpec paths (builtin transformer configs, `configurations`, `labels[].fields`):
//   slash-separated map keys, `spec/template/spec/containers/image`, where a step on a sequence
//   goes through every item (kustomize `types.FieldSpec`, kyaml `PathGetter`);
// - replacements' fieldPaths: dot-separated, `spec.template.spec.containers.[name=app].image`,
//   with `[key=value]` picking sequence items, `*` any item or entry, a number an index, and
//   `[a.b/c]` a map key holding dots (kyaml `SmarterPathSplitter`).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/kustomize/doc.h"

namespace netlint::kustomize {

struct PathStep {
  enum class Kind { kKey, kIndex, kMatch, kAny } kind = Kind::kKey;
  std::string key;    // kKey: the map key; kMatch: the item's field
  std::string value;  // kMatch: the value it must hold
  std::size_t index = 0;
};

std::vector<PathStep> parse_field_spec_path(std::string_view path);
std::vector<PathStep> parse_field_path(std::string_view path);

// Calls `visit` on every node `steps` reach in `root`. With `create` set, a missing map key (and
// a null on the way) becomes an empty map written at `*create`, as a fieldSpec's `create: true`
// does; sequences are never created. Returns how many nodes were visited.
std::size_t visit_path(Doc& root, const std::vector<PathStep>& steps, const std::function<void(Doc&)>& visit,
                       std::optional<SourceRange> create = std::nullopt);

}  // namespace netlint::kustomize
