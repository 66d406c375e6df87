// `transformers:` entries whose config is one of kustomize's builtins (`apiVersion: builtin`,
// kustomize `api/builtins`), run as that builtin with its fieldSpecs (RULES.md "Kustomize",
// Extensions): LabelTransformer, AnnotationsTransformer, NamespaceTransformer,
// PrefixSuffixTransformer, ImageTagTransformer and ReplicaCountTransformer. Any other config (an
// exec or KRM-function plugin, a builtin netlint does not run) is not built.
#pragma once

#include <vector>

#include "analyzer/kustomize/transformers.h"
#include "analyzer/yaml/node_ref.h"

namespace netlint::kustomize {

// Runs one builtin config on the resources. False (and nothing changed) when `config` is not a
// builtin netlint runs.
bool run_builtin_transformer(const yaml::NodeRef& config, std::vector<Resource>& resources);

}  // namespace netlint::kustomize
