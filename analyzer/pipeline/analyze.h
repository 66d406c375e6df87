// One pipeline from texts to findings (issue 17 item 6): the views loaded from the input texts
// with the config's facts and `clusters:`, the selected rules run over them at the configured
// severities and options, per-file-ignores applied. The commands (cli/analysis, through it the
// language server), the fixture runner and the rule docs generator all go this way; what differs
// between them is only which texts they read and which rules they select.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/config/config.h"
#include "analyzer/diag/diagnostic.h"
#include "analyzer/loader/loader.h"
#include "analyzer/pipeline/rule_selection.h"
#include "analyzer/source/input_text.h"

namespace netlint::engine {
struct KeptIndexes;  // engine/kept_indexes.h
}

namespace netlint::pipeline {

// How to run, not what to find: the findings are the same for any of these.
struct RunSettings {
  unsigned jobs = 1;                    // threads for parsing and for the rules of a view
  std::string apply_namespace;          // --namespace; empty: each view's `cluster.applyNamespace`
  ParseCache* cache = nullptr;          // parses kept between analyses (the language server's)
  DiskCache* disk_cache = nullptr;      // parses kept between runs (util/disk_cache.h; cli/cache_location)
  engine::KeptIndexes* kept = nullptr;  // what the views' indexes reuse from earlier analyses (the server's)
};

// The views of a run: one per `clusters:` entry (or one), each with its model and facts.
struct LoadedViews {
  std::vector<LoadedView> views;      // every view's model holds the whole file table
  std::vector<std::string> warnings;  // e.g. a cluster whose paths match no input
};

// `inputs` may hold the config's own text (InputText::config): findings anchor on its keys.
LoadedViews load(std::vector<InputText> inputs, const config::Config* config, const RunSettings& settings);

struct Analysis {
  std::vector<LoadedView> views;
  std::vector<diag::Diagnostic> diagnostics;
  std::vector<std::string> warnings;  // the load's (LoadedViews::warnings)
  double load_ms = 0;                 // parsing (or the parse cache), the views, the facts
  double rules_ms = 0;
};

// `selection` decides which rules run and at which severity and options (select_rules, or a
// fixture's own rule list with the config's severities and options).
Analysis analyze(std::vector<InputText> inputs, const config::Config* config, const RuleSelection& selection,
                 const RunSettings& settings);

// A .netlint.yaml text checked against the registry's rules (their codes, names and options).
config::LoadedConfig parse_config(std::string path, std::string text);

}  // namespace netlint::pipeline
