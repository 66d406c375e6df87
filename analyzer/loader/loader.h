// Loads input texts into a Model: classifies files, splits YAML streams into documents, parses
// each document alone (in parallel over files), extracts model objects and counts skips.
// It takes texts, not paths on disk, so an editor's unsaved buffer goes the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"

namespace netlint {

struct InputText {
  std::string path;
  std::string text;
  bool reported = true;                          // false: context only
  std::optional<model::SkipReason> skip;         // decided before reading (unreadable, too large)
};

struct LoadOptions {
  std::string default_namespace = "default";
  unsigned jobs = 1;
};

model::Model load_inputs(std::vector<InputText> inputs, const LoadOptions& options);

// Exposed for tests: does this broken document look like a manifest (so its parse error is
// reported rather than skipped)?
bool looks_like_manifest(std::string_view document_text);

}  // namespace netlint
