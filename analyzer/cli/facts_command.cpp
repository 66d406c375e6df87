#include <sstream>

#include "analyzer/cli/analysis.h"
#include "analyzer/cli/commands.h"
#include "analyzer/report/facts_reporter.h"
#include "analyzer/util/atomic_file.h"
#include "analyzer/util/display_text.h"

namespace netlint::cli {

int run_facts(const LintOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<config::Config> config;
  if (!load_config(options.config_path, options.max_file_size, config, err)) return kExitUsage;
  std::vector<LoadedView> views;
  if (const int status = load_views(options, config ? &*config : nullptr, views, err); status != kLoaded) return status;
  if (const int status = check_output_target(options, config ? &*config : nullptr, views.front().model, err);
      status != kLoaded) {
    return status;
  }
  std::ostringstream buffer;
  if (options.format == "json")
    report::write_facts_json(buffer, views);
  else
    report::write_facts_text(buffer, views);
  if (options.output.empty()) {
    out << buffer.str();
  } else if (const std::string error = write_file_atomically(options.output, buffer.str()); !error.empty()) {
    err << "netlint: " << printable(error) << '\n';
    return kExitUsage;
  }
  return kExitClean;
}

}  // namespace netlint::cli
