// The steps every command that analyzes input shares (lint, facts): find and validate the
// config, select the input files, load them into a model with the config's cluster facts.
#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/rule_selection.h"
#include "analyzer/config/config.h"
#include "analyzer/diag/diagnostic.h"
#include "analyzer/loader/loader.h"
#include "analyzer/model/model.h"

namespace netlint::cli {

// Loads --config, or the .netlint.yaml found upward (at most `max_size` bytes, a regular file or a
// `<(...)` pipe); prints its errors. False: exit 2.
bool load_config(const std::string& config_path, std::uint64_t max_size, std::optional<config::Config>& out,
                 std::ostream& err);

inline constexpr int kLoaded = -1;
// Walks the inputs and loads them as one model per view (one, unless the config has
// `clusters:`); returns kLoaded, or the exit status to stop with.
// --jobs, else every core: the threads for parsing and for running the rules.
unsigned effective_jobs(const LintOptions& options);

// `buffers` (an editor's open documents, reported) come before every walked input, so a file on
// disk at the same path is not read: the buffer replaces it.
// Where an analysis spent its time (the language server logs it; tools/bench --lsp reads it).
struct AnalysisTimes {
  double inputs_ms = 0;  // the walk: finding and reading the files
  double load_ms = 0;    // parsing (or the parse cache), the views, the facts
  double rules_ms = 0;
};

int load_views(const LintOptions& options, const config::Config* config, std::vector<LoadedView>& out,
               std::ostream& err, std::vector<InputText> buffers = {}, AnalysisTimes* times = nullptr);

// The rule selection of a run: the default, the config's, then the command line's selectors.
RuleSelection selection_for(const LintOptions& options, const config::Config* config);

// One analysis, the pipeline lint and the language server share (issue 17 item 6): the views
// loaded, the selected rules run over them.
struct Analysis {
  std::vector<LoadedView> views;  // every view's model holds the whole file table
  std::vector<diag::Diagnostic> diagnostics;
  AnalysisTimes times;
};
// kLoaded, or the exit status to stop with (load_views).
int analyze(const LintOptions& options, const config::Config* config, const RuleSelection& selection, Analysis& out,
            std::ostream& err, std::vector<InputText> buffers = {});

// --output must not replace a file the run read (a manifest named or found by a walk, context,
// the config, the baseline): kLoaded, or kExitUsage with a message.
int check_output_target(const LintOptions& options, const config::Config* config, const model::Model& model,
                        std::ostream& err);

// A run that analyzed no file says so on stderr (lint, --diff; --fix through the lint after it).
void warn_if_nothing_linted(const model::LoadStats& stats, std::ostream& err);

}  // namespace netlint::cli
