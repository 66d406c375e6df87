#include "analyzer/cli/input_selection.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace netlint::cli {
namespace fs = std::filesystem;
namespace {

std::string identity(const InputText& input) {
  std::error_code ec;
  // A skipped symlink is the link itself: two links to one outside file are two skips.
  if (input.skip == SkipReason::kSymlinkOutsideRoot || input.skip == SkipReason::kBrokenSymlink) {
    const fs::path absolute = fs::absolute(input.path, ec);
    return ec ? input.path : absolute.lexically_normal().string();
  }
  const fs::path canonical = fs::weakly_canonical(input.path, ec);
  return ec ? input.path : canonical.string();
}

void append_new(WalkResult& to, WalkResult from, std::set<std::string>& seen) {
  for (InputText& input : from.inputs) {
    if (input.path == "-" || seen.insert(identity(input)).second) to.inputs.push_back(std::move(input));
  }
  to.errors.insert(to.errors.end(), from.errors.begin(), from.errors.end());
  // The repository walk meets the named paths' files again: one stderr line each.
  for (std::string& warning : from.warnings) {
    if (std::find(to.warnings.begin(), to.warnings.end(), warning) == to.warnings.end())
      to.warnings.push_back(std::move(warning));
  }
}

}  // namespace

std::string git_root() {
  // A CI checkout or a worktree has `.git` as a file or a folder; either marks the root.
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return {};
}

WalkResult select_inputs(const InputRequest& request) {
  ContextSelection repository;
  // Outside any repository and without a config there is no context: walking the working
  // directory (often $HOME) on every run would be slow and would mix unrelated manifests.
  repository.root = !request.config_directory.empty() ? request.config_directory : git_root();
  repository.include = request.include;
  repository.exclude = request.exclude;

  WalkResult result;
  std::set<std::string> seen;
  if (!request.buffers.empty()) {
    WalkResult buffers;
    buffers.inputs = request.buffers;
    for (InputText& buffer : buffers.inputs) buffer.named = true;
    append_new(result, std::move(buffers), seen);
  }
  if (request.paths.empty() && request.buffers.empty()) {
    // No paths: with a config, its selection is what is reported; else the working directory.
    if (!request.config_directory.empty()) {
      append_new(result, walk_context(repository, request.walk, /*reported=*/true), seen);
    } else {
      append_new(result, walk_inputs({"."}, request.walk), seen);
    }
  } else {
    if (!request.paths.empty()) append_new(result, walk_inputs(request.paths, request.walk), seen);
    if (!repository.root.empty()) append_new(result, walk_context(repository, request.walk), seen);
  }
  if (!request.context_paths.empty()) {
    WalkResult extra = walk_inputs(request.context_paths, request.walk);
    for (InputText& input : extra.inputs) input.reported = false;
    append_new(result, std::move(extra), seen);
  }
  return result;
}

}  // namespace netlint::cli
