// Paths relative to a root folder (the repository root, --base-dir, a config's folder): the one
// home for "where is this file from the root". CI reports want symlinks resolved (GitHub shows no
// symlinked paths); baselines and per-file-ignores compare paths as the user wrote them.
#pragma once

#include <string>
#include <string_view>

namespace netlint {

enum class Symlinks { kKeep, kResolve };

struct RootRelative {
  std::string relative;  // lexically relative to the root, forward slashes; may climb (`../x`); empty if none
  std::string absolute;  // the path made absolute (against the working directory), normalised
  bool inside = false;   // under the root (not the root itself, not climbing out of it)
};

// `path` as the user named it (relative to the working directory, or absolute) against `root`
// (empty: the working directory), both made absolute and normalised the same way.
RootRelative relative_to_root(std::string_view path, std::string_view root, Symlinks symlinks);

// The path reporters print: relative to `root` when inside it, else absolute; symlinks resolved.
struct RepoPath {
  std::string path;  // forward slashes; relative to the root when `inside`, else absolute
  bool inside = false;
};
RepoPath repo_path(std::string_view path, std::string_view root);

}  // namespace netlint
