// In-memory manifests through the real loader, for tests: (path, text) pairs in, a loaded view
// (model and facts) out.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "analyzer/loader/loader.h"

namespace netlint::testing {

inline LoadedView load_texts(std::vector<std::pair<std::string, std::string>> files, const LoadOptions& options = {}) {
  std::vector<InputText> inputs;
  for (auto& [path, text] : files) {
    InputText in;
    in.path = std::move(path);
    in.text = std::move(text);
    inputs.push_back(std::move(in));
  }
  return load_inputs(std::move(inputs), options);
}

}  // namespace netlint::testing
