// Loads input texts into a Model: classifies files, splits YAML streams into documents, parses
// each document alone (in parallel over files), extracts model objects and counts skips.
// It takes texts, not paths on disk, so an editor's unsaved buffer goes the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/model/model.h"

namespace netlint {

struct InputText {
  std::string path;
  std::string text;
  bool reported = true;                          // false: context only
  std::optional<model::SkipReason> skip;         // decided before reading (unreadable, too large)
  bool config = false;                           // .netlint.yaml: kept for anchors, never parsed as input
};

struct LoadOptions {
  std::string default_namespace = "default";
  unsigned jobs = 1;
  // `cluster:` settings for the facts (config_file is filled in by load_inputs when an input
  // has `config` set).
  facts::FactsConfig facts;
};

model::Model load_inputs(std::vector<InputText> inputs, const LoadOptions& options);

// Exposed for tests: does this broken document look like a manifest (so its parse error is
// reported rather than skipped)?
bool looks_like_manifest(std::string_view document_text);

}  // namespace netlint
