// What a build writes that netlint does not compute (RULES.md "Kustomize", Extensions): `vars`
// and `replacements` copy values between objects. Only the fields they write become unknown,
// never the whole build: such a scalar is rewritten to an installer token
// (`__KUSTOMIZE_UNKNOWN__`), which the model reads as a placeholder in every field
// (model/placeholder.h), so no rule reports it and rules on its key still run. Where an unknown
// value cannot be told to the model that way (a name, a namespace, labels or a selector, a
// created or non-scalar field), the target object's namespace is opened instead.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/kustomize/kustomization.h"
#include "analyzer/kustomize/transformers.h"

namespace netlint::kustomize {

inline constexpr std::string_view kUnknownValue = "__KUSTOMIZE_UNKNOWN__";

// Every `$(NAME)` of a declared var in a scalar of the build becomes kUnknownValue (kustomize
// substitutes them when the build ends; which value is netlint's guess at best).
void substitute_vars(std::vector<Resource>& resources, const std::vector<Entry>& vars);

// One `replacements` target: which objects, and the fieldPaths written in them.
struct ReplacementTarget {
  Target select;
  std::vector<Target> reject;
  std::vector<Entry> field_paths;
  bool create = false;
};

// The targets of a replacement item or of a file's list of them.
std::vector<ReplacementTarget> replacement_targets(const yaml::NodeRef& node);

// Marks what the targets write unknown. Returns the namespaces to open, each with why.
std::map<std::string, std::string> apply_replacement_targets(std::vector<Resource>& resources,
                                                             const std::vector<ReplacementTarget>& targets);

}  // namespace netlint::kustomize
