// The command line's side of an analysis (lint, facts, connectivity, the language server): find
// and validate the config, select and read the input files; the texts then go through the one
// pipeline (pipeline/analyze) that the fixture runner and the docs generator use too.
#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include "analyzer/cli/commands.h"
#include "analyzer/config/config.h"
#include "analyzer/diag/diagnostic.h"
#include "analyzer/loader/loader.h"
#include "analyzer/model/model.h"
#include "analyzer/pipeline/analyze.h"
#include "analyzer/pipeline/rule_selection.h"

namespace netlint::cli {

// Loads --config, or the .netlint.yaml found upward (at most `max_size` bytes, a regular file or a
// `<(...)` pipe); prints its errors. False: exit 2.
bool load_config(const std::string& config_path, std::uint64_t max_size, std::optional<config::Config>& out,
                 std::ostream& err);

inline constexpr int kLoaded = -1;
// --jobs, else every core: the threads for parsing and for running the rules.
unsigned effective_jobs(const LintOptions& options);

// Where an analysis spent its time (the language server logs it; tools/bench --lsp reads it).
struct AnalysisTimes {
  double inputs_ms = 0;  // the walk: finding and reading the files
  double load_ms = 0;    // parsing (or the parse cache), the views, the facts
  double rules_ms = 0;
};

// The texts of a run: the walked inputs and, when there is a config, its own text (findings
// anchor on its keys). `buffers` (an editor's open documents, reported) come before every walked
// input, so a file on disk at the same path is not read: the buffer replaces it. kLoaded, or the
// exit status to stop with.
int read_inputs(const LintOptions& options, const config::Config* config, std::vector<InputText>& out,
                std::ostream& err, std::vector<InputText> buffers = {});
// --jobs, --namespace and the parse cache, as the pipeline takes them.
pipeline::RunSettings run_settings(const LintOptions& options);
// The views without running rules (facts, connectivity); kLoaded, or the exit status to stop with.
int load_views(const LintOptions& options, const config::Config* config, std::vector<LoadedView>& out,
               std::ostream& err);

// The rule selection of a run: the default, the config's, then the command line's selectors.
pipeline::RuleSelection selection_for(const LintOptions& options, const config::Config* config);

// One analysis of the inputs the options name (pipeline::analyze on the texts read_inputs gives).
struct Analysis {
  std::vector<LoadedView> views;  // every view's model holds the whole file table
  std::vector<diag::Diagnostic> diagnostics;
  AnalysisTimes times;
};
// kLoaded, or the exit status to stop with (read_inputs).
int analyze(const LintOptions& options, const config::Config* config, const pipeline::RuleSelection& selection,
            Analysis& out, std::ostream& err, std::vector<InputText> buffers = {});

// --output must not replace a file the run read (a manifest named or found by a walk, context,
// the config, the baseline): kLoaded, or kExitUsage with a message.
int check_output_target(const LintOptions& options, const config::Config* config, const model::Model& model,
                        std::ostream& err);

// A run that analyzed no file says so on stderr (lint, --diff; --fix through the lint after it).
void warn_if_nothing_linted(const model::LoadStats& stats, std::ostream& err);

}  // namespace netlint::cli
