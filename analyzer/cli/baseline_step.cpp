#include "analyzer/cli/baseline_step.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/cli/analysis.h"
#include "analyzer/cli/input_selection.h"
#include "analyzer/engine/baseline.h"
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
    std::ifstream in(options.baseline, std::ios::binary);
    if (!in) {
      err << "netlint: cannot read baseline " << options.baseline << '\n';
      return kExitUsage;
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    if (!engine::read_baseline(text.str(), baseline, error)) {
      err << "netlint: " << options.baseline << ": " << error << '\n';
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
  engine::drop_baselined(model, diagnostics, baseline, root);
  return kLoaded;
}

}  // namespace netlint::cli
