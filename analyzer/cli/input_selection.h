// Which files a run reads and which it reports on (RULES.md Inputs, ARCHITECTURE.md "one view,
// whole-repo context"): the paths on the command line are reported; the repository's files
// (the config's include/exclude under its folder, else the git root; outside a repository and
// without a config, none) and --context paths are read for cross-references only. This is how the
// pre-commit hook reports on staged files while knowing the whole repository.
#pragma once

#include <string>
#include <vector>

#include "analyzer/source/file_walker.h"

namespace netlint::cli {

struct InputRequest {
  std::vector<std::string> paths;  // reported; empty: the repository's files
  // Editor buffers (the language server's open documents): reported, first, so the file on disk
  // at the same path is not read. With buffers and no paths, the repository is context only.
  std::vector<InputText> buffers;
  std::vector<std::string> context_paths;  // --context
  std::string config_directory;            // empty without a config file
  std::vector<std::string> include, exclude;
  WalkOptions walk;
};

// The folder holding `.git` above the working directory, or empty.
std::string git_root();

// Reported inputs first (in the order named), then context inputs; a file is read once.
WalkResult select_inputs(const InputRequest& request);

}  // namespace netlint::cli
