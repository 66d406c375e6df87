#include "analyzer/cli/baseline_step.h"

#include "analyzer/util/display_text.h"

#include <filesystem>

#include "analyzer/cli/analysis.h"
#include "analyzer/cli/input_selection.h"
#include "analyzer/engine/baseline.h"
#include "analyzer/source/input_file.h"
#include "analyzer/util/atomic_file.h"

namespace netlint::cli {

int apply_baseline(const LintOptions& options, const config::Config* config, const model::Model& model,
                   std::vector<diag::Diagnostic>& diagnostics, std::ostream& err) {
  if (options.baseline.empty() && options.write_baseline.empty()) return kLoaded;
  // Paths in the baseline are relative to the repository: the config's folder, else the git
  // root, else the working directory. So a baseline holds wherever netlint is run from.
  std::string root = config != nullptr ? config->directory : git_root();
  if (root.empty()) root = std::filesystem::current_path().string();

  std::vector<engine::BaselineEntry> baseline;
  if (!options.baseline.empty()) {
    // Streamed into entries: never the whole text and a tree of it in memory, never past
    // --max-file-size, never blocked on a FIFO.
    InputStream in(options.baseline, options.max_file_size, /*allow_streams=*/true);
    std::string error;
    const bool read =
        in.outcome() == ReadOutcome::kRead &&
        engine::read_baseline([&](char* buffer, std::size_t size) { return in.read(buffer, size); }, baseline, error);
    if (in.outcome() != ReadOutcome::kRead) {
      err << "netlint: cannot read baseline " << printable(options.baseline) << ": "
          << (in.outcome() == ReadOutcome::kTooLarge
                  ? "larger than --max-file-size (" + std::to_string(options.max_file_size) + " bytes)"
                  : in.error())
          << '\n';
      return kExitUsage;
    }
    if (!read) {
      err << "netlint: " << printable(options.baseline) << ": " << printable(error) << '\n';
      return kExitUsage;
    }
  }
  if (!options.write_baseline.empty()) {
    // Today's findings, whatever an older baseline held: this is how a baseline is updated.
    std::vector<engine::BaselineEntry> entries = engine::baseline_entries(model, diagnostics, root);
    const std::size_t count = entries.size();
    if (const std::string error = write_file_atomically(options.write_baseline, engine::write_baseline(entries));
        !error.empty()) {
      err << "netlint: " << error << '\n';
      return kExitUsage;
    }
    err << "netlint: wrote " << count << " finding" << (count == 1 ? "" : "s") << " to baseline "
        << options.write_baseline << '\n';
    baseline.insert(baseline.end(), entries.begin(), entries.end());
  }
  engine::drop_baselined(model, diagnostics, std::move(baseline), root);
  return kLoaded;
}

}  // namespace netlint::cli
