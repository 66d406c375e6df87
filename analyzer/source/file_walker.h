// Finds the input files under the paths a user names (RULES.md Inputs): which files netlint
// reads in a directory walk, and what it does with unreadable or oversized ones. The only part
// of the analyzer that touches the disk; the loader takes texts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/source/input_text.h"

namespace netlint {

struct WalkOptions {
  std::uint64_t max_file_size = 256ull << 20;
  // The config's `include` globs (relative to `include_root`, the config's folder): a negative
  // fixture they match is read (RULES.md: `include` overrides it).
  std::string include_root;
  std::vector<std::string> include;
  // --stdin-filename: "-" is analyzed as if it were this path (reported under it, in its folder's
  // apply unit and its `clusters:` view); the file on disk at that path is then not read.
  std::string stdin_filename;
};

struct WalkResult {
  std::vector<InputText> inputs;  // sorted by path within each named directory, then as named
  // Named paths that cannot be read (usage error, exit 2), as "REASON: PATH": missing, permission
  // denied, a directory or FIFO where a file is needed.
  std::vector<std::string> errors;
  std::vector<std::string> warnings;  // skipped and unreadable files found by a walk (one stderr line each)
};

// The repository's files as context (RULES.md Inputs): everything under `root` that
// `include` selects (all when empty) and `exclude` does not, read for cross-references but not
// reported. Display paths are relative to the working directory.
struct ContextSelection {
  std::string root;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};
WalkResult walk_context(const ContextSelection& selection, const WalkOptions& options, bool reported = false);

// A negative fixture (RULES.md "Negative fixtures"): the file's base name or one of its folders
// has `invalid`, `malformed` or `bad` as its first `-`/`_`/`.`-delimited token (`invalid.yaml`,
// `bad-policy.yaml`, `bad_netpols/`). `relative_path` is relative to the folder walked, so the
// folder a user names is never one of them; a file named on the command line is never one.
bool is_negative_fixture(std::string_view relative_path);

// A file found in a directory walk is read when this is true.
bool is_input_file_name(std::string_view relative_path);

// `-` reads standard input; `<(...)` pipes are read as streams (bounded by max_file_size).
WalkResult walk_inputs(const std::vector<std::string>& paths, const WalkOptions& options);

}  // namespace netlint
