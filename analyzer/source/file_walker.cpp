#include "analyzer/source/file_walker.h"
#include "analyzer/source/input_kinds.h"

#include "analyzer/source/glob.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>
#include "analyzer/source/path_parts.h"

namespace netlint {
namespace fs = std::filesystem;
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads a whole file; nullopt when it cannot be read.
// Reads a whole file into a string of exactly its size (a growing string would hold up to
// twice the input while reading, and file texts stay in memory for the whole run).
std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (size > 0 && !in.read(text.data(), size)) return std::nullopt;
  // A file that grew while being read keeps its first `size` bytes; one that shrank fails above.
  return text;
}

InputText read_input(const fs::path& path, std::string display, const WalkOptions& options, WalkResult& result) {
  InputText input;
  input.path = std::move(display);
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > options.max_file_size) {
    input.skip = model::SkipReason::kTooLarge;
    return input;
  }
  if (auto text = read_file(path)) {
    input.text = std::move(*text);
  } else {
    input.skip = model::SkipReason::kUnreadable;
    result.warnings.push_back("cannot read " + input.path);
  }
  return input;
}

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  if (s.size() > 2 && s.compare(0, 2, "./") == 0) s.erase(0, 2);
  return s;
}

void walk_directory(const fs::path& root, const WalkOptions& options, WalkResult& result) {
  std::vector<fs::path> found;
  std::error_code ec;
  // Directory symlinks are not followed: that is how a symlink loop cannot make us spin.
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    result.warnings.push_back("cannot read directory " + root.string() + ": " + ec.message());
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      result.warnings.push_back("cannot read " + it->path().string() + ": " + ec.message());
      ec.clear();
      continue;
    }
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec)) {
      if (name == ".git" || name == "node_modules") it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    const std::string relative = it->path().lexically_relative(root).generic_string();
    // netlint's own config is read as the config (analysis.cpp), never as an input manifest.
    if (is_input_file_name(relative) && name != ".netlint.yaml") found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& p : found) result.inputs.push_back(read_input(p, display_path(p), options, result));
}

}  // namespace

WalkResult walk_context(const ContextSelection& selection, const WalkOptions& options, bool reported) {
  WalkResult result;
  const GlobSet include(selection.include);
  const GlobSet exclude(selection.exclude);
  std::error_code ec;
  const fs::path root = fs::absolute(selection.root, ec).lexically_normal();
  const fs::path cwd = fs::current_path(ec);
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    result.warnings.push_back("cannot read directory " + root.string() + ": " + ec.message());
    return result;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      ec.clear();
      continue;
    }
    const std::string name = it->path().filename().string();
    const std::string relative = it->path().lexically_relative(root).generic_string();
    if (it->is_directory(ec)) {
      if (name == ".git" || name == "node_modules" || exclude.covers_directory(relative)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || !is_input_file_name(relative) || name == ".netlint.yaml") continue;
    if ((!include.empty() && !include.matches(relative)) || exclude.matches(relative)) continue;
    found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  for (const fs::path& p : found) {
    InputText input = read_input(p, display_path(p.lexically_relative(cwd)), options, result);
    input.reported = reported;
    result.inputs.push_back(std::move(input));
  }
  return result;
}

bool is_input_file_name(std::string_view relative_path) {
  const std::string_view name = path_basename(relative_path);
  if (ends_with(name, ".yaml") || ends_with(name, ".yml") || ends_with(name, ".json")) return true;
  return is_corefile_path(relative_path) || is_net_d_cni_path(relative_path);
}

WalkResult walk_inputs(const std::vector<std::string>& paths, const WalkOptions& options) {
  WalkResult result;
  for (const std::string& path : paths) {
    if (path == "-") {
      std::ostringstream buffer;
      buffer << std::cin.rdbuf();
      result.inputs.push_back(InputText{"-", buffer.str(), true, std::nullopt});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      result.missing.push_back(path);
    } else if (fs::is_directory(status)) {
      walk_directory(path, options, result);
    } else {
      // A file named on the command line is always read, whatever its name.
      result.inputs.push_back(read_input(path, display_path(path), options, result));
    }
  }
  return result;
}

}  // namespace netlint
