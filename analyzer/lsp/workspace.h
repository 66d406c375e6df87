// The analysis bridge: the workspace read as the CLI reads its working directory (the server
// runs in the workspace root: git root, .netlint.yaml found upward, `clusters:` views), with the
// open documents replacing their files on disk, through the CLI's own pipeline (cli::analyze).
// The config is read anew on every analysis, so a saved .netlint.yaml takes effect at once.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "analyzer/cli/analysis.h"
#include "analyzer/lsp/document_store.h"
#include "analyzer/engine/kept_indexes.h"
#include "analyzer/loader/parse_cache.h"
#include "analyzer/util/disk_cache.h"

namespace netlint::lsp {

struct Settings {
  bool parse_errors = true;  // initializationOptions.parseErrors: NL0001 (yaml-language-server reports syntax too)
  // The client named a workspace root: when neither a config nor a git repository gives
  // context, the root itself is read as context (else a single file would be linted alone).
  bool root_is_context = false;
};

struct Published {
  bool ran = false;                                   // false: the analysis could not run (see log)
  std::map<std::string, nlohmann::json> diagnostics;  // every open document's URI -> Diagnostic[]
  std::vector<std::string> notes;                     // run-level notes and findings without a place
  std::vector<std::string> errors;                    // config and input errors
  std::string timing;                                 // where the time went, for the log; empty if nothing ran
};

// What the server keeps between analyses, each entry valid while its text is unchanged, so an
// edit re-reads only what it changed: each file's parse (only the edited buffers and files changed
// on disk are parsed again) and what the rules' indexes keep (engine/kept_indexes.h).
struct AnalysisCaches {
  ParseCache parses;
  engine::KeptIndexes indexes;
  // The on-disk parse cache (issue 21), opened at the first analysis and finished (evicting
  // if it grew past its budget) when the server ends, not after every edit.
  std::unique_ptr<DiskCache> disk;
  bool disk_opened = false;

  AnalysisCaches() = default;
  AnalysisCaches(const AnalysisCaches&) = delete;
  AnalysisCaches& operator=(const AnalysisCaches&) = delete;
  ~AnalysisCaches() {
    if (discarding_.joinable()) discarding_.join();
    if (disk != nullptr) disk->finish();
  }

  // An analysis whose diagnostics are converted is freed on a thread of its own, so the editor
  // does not wait for it (freeing a 10,000-object view was 6% of an edit's instructions). It
  // owns what it frees: the kept caches copy what they keep, never point into a model.
  void discard(cli::Analysis analysis) {
    if (discarding_.joinable()) discarding_.join();
    discarding_ = std::thread([done = std::move(analysis)]() mutable { done = {}; });
  }

 private:
  std::thread discarding_;
};

Published analyze_workspace(const DocumentStore& documents, const Settings& settings, AnalysisCaches& caches);

}  // namespace netlint::lsp
