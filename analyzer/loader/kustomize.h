// Kustomizations are read, not linted (RULES.md Inputs): their `namespace:` and `commonLabels:`
// apply to the resources they list (transitively through the kustomizations they include), the files they
// name as patches are partial objects that never enter the model, and their resources form one
// apply (for duplicate-resource).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyzer/loader/loader.h"

namespace netlint {

struct KustomizeLayout {
  std::map<std::string, std::string> namespace_of;  // resource file -> namespace it is applied in
  std::map<std::string, std::string> apply_of;      // resource file -> the kustomization listing it
  // resource file -> the labels the builds reaching it add to labels, pod templates and selectors
  // (`commonLabels`, `labels` with `includeSelectors`), each anchored on its kustomization entry;
  // for a file two builds reach, only the labels both add.
  std::map<std::string, model::Labels> selector_labels_of;
  std::set<std::string> patch_files;  // partial objects: skipped
  // resource file -> the folder of the kustomize Component it belongs to, for Components that no
  // kustomization of the input includes (optional add-ons, e.g. `# components:` left commented)
  std::map<std::string, std::string> component_of;
  // NL0001 on each resources entry that leads back to a kustomization it is included from.
  std::vector<model::InputProblem> cycles;
};

// Paths are compared after lexical normalisation, as the inputs name them.
KustomizeLayout read_kustomizations(const std::vector<InputText>& inputs);

bool is_kustomization_file(std::string_view path);

}  // namespace netlint
