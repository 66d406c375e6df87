// The netlint subcommands, free of command-line parsing (which lives in main.cpp alone, the
// only translation unit that includes CLI11).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/diag/diagnostic.h"

namespace netlint {
class DiskCache;
class ParseCache;
}  // namespace netlint

namespace netlint::engine {
struct KeptIndexes;
}

namespace netlint::cli {

// Exit statuses, stable for scripts and CI.
enum ExitCode : int {
  kExitClean = 0,     // nothing at or above --fail-on
  kExitFindings = 1,  // findings at or above --fail-on
  kExitUsage = 2,     // usage or config error, a named path that does not exist
  kExitInternal = 3,  // internal failure (an NL0002, or an unexpected exception)
};

enum class FailOn { kError, kWarning, kNote, kNever };

struct LintOptions {
  std::vector<std::string> paths;
  std::string format = "text";               // text | json | sarif | github
  std::string output;                        // --output FILE (written atomically); empty: stdout
  std::optional<FailOn> fail_on;             // --fail-on; else the config's failOn; else warning
  std::string config_path;                   // --config; empty: .netlint.yaml found upward
  std::vector<std::string> enable, disable;  // --enable/--disable RULE: aliases of --extend-select/--ignore
  std::vector<std::string> select, extend_select, ignore;  // --select/--extend-select/--ignore (comma-separated)
  bool has_select = false;                                 // --select given (even empty)
  std::vector<std::string> context_paths;                  // --context PATH: read, never reported
  std::string stdin_filename;                              // --stdin-filename PATH: standard input is analyzed as PATH
  std::string default_namespace;                           // --namespace; empty: cluster.applyNamespace, else `~`
  unsigned jobs = 0;                                       // 0: all cores
  // Parses kept between analyses (loader/parse_cache.h): the language server's, for its lifetime.
  ParseCache* parse_cache = nullptr;
  // The on-disk parse cache (cli/cache_location.h): --no-cache (or NETLINT_NO_CACHE) bypasses
  // it; --cache-dir (or NETLINT_CACHE_DIR) moves it from the git root's `.netlint_cache/`.
  bool no_cache = false;
  std::string cache_dir;
  // An on-disk cache the caller keeps open for its lifetime and finishes itself (the language
  // server's: it must not scan the folder for eviction after every edit). Null: each analysis
  // opens the cache as the options say and finishes it.
  DiskCache* disk_cache = nullptr;
  // What the rules' indexes reuse from earlier analyses (engine/kept_indexes.h): the language
  // server's, for its lifetime.
  engine::KeptIndexes* kept_indexes = nullptr;
  bool timing = true;
  std::string color = "auto";  // auto | always | never
  std::uint64_t max_file_size = 256ull << 20;
  // --format sarif/github: run.automationDetails.id, the folder paths are made relative to (default:
  // the git root, else the working directory), and the base of each rule's helpUri (empty: built in).
  std::string sarif_category;
  std::string base_dir;
  std::string help_uri_base;
  std::string baseline;        // --baseline FILE: report only findings not in it
  std::string write_baseline;  // --write-baseline FILE: record this run's findings
  // --fix: apply the safe fixes in place, then report what remains; --diff: print them as a
  // unified diff instead and change nothing; --unsafe-fixes: unsafe fixes too (fix_plan.h).
  bool fix = false;
  bool diff = false;
  bool unsafe_fixes = false;
};

int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err);
// --fix / --diff (run_lint hands over to it): with --fix, the status is the re-lint's; with
// --diff, 1 when some fix would change a file, else 0 (2 and 3 as for lint).
int run_fixes(const LintOptions& options, std::ostream& out, std::ostream& err);
int run_rules_table(std::ostream& out);
// `netlint config-schema [-o FILE]`: the JSON Schema of .netlint.yaml.
int run_config_schema(const std::string& output, std::ostream& out, std::ostream& err);
// `netlint facts [PATH...]`: the cluster facts of the view, as `format` (text | json).
int run_facts(const LintOptions& options, std::ostream& out, std::ostream& err);
// `netlint connectivity [PATH...]`: the allowed connections between the view's peers, as
// `format` (text | json | dot | mermaid). `closed_world`: netpol-analyzer's assumptions (no unknown flows).
int run_connectivity(const LintOptions& options, bool closed_world, std::ostream& out, std::ostream& err);

}  // namespace netlint::cli
