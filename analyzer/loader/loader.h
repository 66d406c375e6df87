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
#include "analyzer/source/input_text.h"

namespace netlint {

class DiskCache;
class ParseCache;

struct LoadOptions {
  // The apply-time namespace from --namespace; empty: each view's `cluster.applyNamespace`, else
  // `~` (RULES.md "Apply units and namespaces"; model/namespace_name.h).
  std::string apply_namespace;
  unsigned jobs = 1;
  // `cluster:` settings for the facts (config_file is filled in by load_inputs when an input
  // has `config` set).
  facts::FactsConfig facts;
  // Parses kept between loads (loader/parse_cache.h): a file whose text is unchanged is not
  // parsed again. Null: every file is parsed.
  ParseCache* cache = nullptr;
  // The on-disk parse cache (util/disk_cache.h, loader/document_parses.h): each YAML file's
  // document parses kept between runs. Null: every document is parsed by yaml-cpp.
  DiskCache* disk_cache = nullptr;
};

// One view (RULES.md "the view and the open world"): a `clusters:` entry, or `default`.
struct ViewSpec {
  std::string name;                 // the cluster's name; empty when the config has no `clusters:`
  std::vector<bool> members;        // per input: does it belong to this view? Empty: every input
  config::ClusterSettings cluster;  // the entry's own `cluster:` (over the global one)
};

// One loaded view: its model and what the model (with the config) implies about the cluster.
// The facts sit beside the model, not in it: facts are derived from the model (facts include the
// model, never the reverse).
struct LoadedView {
  model::Model model;
  facts::ClusterFacts facts;
};

// Loads every input as one view.
LoadedView load_inputs(std::vector<InputText> inputs, const LoadOptions& options);

// Reads and parses each input once and assembles one model per view, each with its own
// definitions merged, its own facts and its own synthetic DNS peer. Every model holds the whole
// file table, so a FileId names the same file in all of them.
std::vector<LoadedView> load_views(std::vector<InputText> inputs, const LoadOptions& options,
                                   const std::vector<ViewSpec>& views);

// Exposed for tests: does this broken document look like a manifest (so its parse error is
// reported rather than skipped)?
bool looks_like_manifest(std::string_view document_text);

}  // namespace netlint
