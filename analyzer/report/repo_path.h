// Paths as CI services want them: relative to the repository root (or --base-dir), whatever
// folder netlint ran in. SARIF turns them into URIs, `--format github` prints them as they are.
#pragma once

#include <string>
#include <string_view>

namespace netlint::report {

struct RepoPath {
  std::string path;  // forward slashes; relative to the root when `inside`, else absolute
  bool inside = false;
};

// `path` as the user named it (relative to the working directory, or absolute), with symlinks
// resolved (GitHub shows no symlinked paths), relative to `root` (empty: the working directory).
RepoPath repo_path(std::string_view path, std::string_view root);

}  // namespace netlint::report
