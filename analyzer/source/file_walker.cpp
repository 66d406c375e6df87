#include "analyzer/source/file_walker.h"
#include "analyzer/source/helm_rendered.h"
#include "analyzer/source/input_kinds.h"
#include "analyzer/source/input_file.h"

#include "analyzer/source/glob.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
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

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  if (s.size() > 2 && s.compare(0, 2, "./") == 0) s.erase(0, 2);
  return s;
}

// A file a walk found: read it, or skip it (counted in the summary) with one stderr line saying why.
struct Found {
  fs::path path;
  std::optional<SkipReason> skip;
  std::string why;
};

// The first token of a name, up to the first `-`, `_` or `.`, lowercased.
bool negative_token(std::string_view name) {
  std::string token(name.substr(0, name.find_first_of("-_.")));
  for (char& c : token) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return token == "invalid" || token == "malformed" || token == "bad";
}

// Negative fixtures are counted skips, never read, unless the config's `include` names them.
void skip_negative_fixture(Found& found, std::string_view relative, const WalkOptions& options) {
  if (found.skip || !is_negative_fixture(relative)) return;
  if (!options.include.empty()) {
    std::error_code ec;
    const fs::path root = fs::absolute(options.include_root, ec).lexically_normal();
    const std::string from_config =
        fs::absolute(found.path, ec).lexically_normal().lexically_relative(root).generic_string();
    if (GlobSet(options.include).matches(from_config)) return;
  }
  found.skip = SkipReason::kNegativeFixture;
}

InputText read_found(const Found& found, std::string display, const WalkOptions& options, WalkResult& result) {
  InputText input;
  input.path = std::move(display);
  if (found.skip == SkipReason::kNegativeFixture) {  // counted (a run-level note), no stderr line
    input.skip = found.skip;
    return input;
  }
  if (found.skip) {
    input.skip = found.skip;
    result.warnings.push_back("skipped " + input.path + ": " + found.why);
    return input;
  }
  // A walk reads regular files only: a FIFO that replaced the file since the walk saw it is skipped.
  FileRead read = read_input_file(found.path.string(), options.max_file_size, /*allow_streams=*/false);
  switch (read.outcome) {
    case ReadOutcome::kRead:
      input.text = std::move(read.text);
      input.stamp = read.stamp;
      break;
    case ReadOutcome::kTooLarge:
      input.skip = SkipReason::kTooLarge;
      break;
    case ReadOutcome::kNotRegular:
      input.skip = SkipReason::kNotRegularFile;
      result.warnings.push_back("skipped " + input.path + ": " + read.error);
      break;
    case ReadOutcome::kFailed:
      input.skip = SkipReason::kUnreadable;
      result.warnings.push_back("cannot read " + input.path + ": " + read.error);
      break;
  }
  return input;
}

bool inside(const fs::path& path, const fs::path& root) {
  const auto mismatch = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return mismatch.first == root.end();
}

// A non-directory entry of a walk under `root` (canonical) whose name makes it an input. A
// symlink is followed only to a regular file inside the root: a committed `x.yaml -> /etc/passwd`
// would otherwise put the target's text into excerpts. Loops, dangling links and FIFOs, sockets
// or devices are skipped; none of them is opened.
Found examine(const fs::directory_entry& entry, const fs::path& root) {
  Found found{entry.path(), std::nullopt, {}};
  std::error_code ec;
  if (entry.is_symlink(ec)) {
    const fs::path target = fs::canonical(entry.path(), ec);
    if (ec) {
      found.skip = SkipReason::kBrokenSymlink;
      found.why = ec.value() == ELOOP    ? "symlink loop"
                  : ec.value() == ENOENT ? "dangling symlink"
                                         : "symlink: " + describe_errno(ec.value());
      return found;
    }
    if (!inside(target, root)) {
      found.skip = SkipReason::kSymlinkOutsideRoot;
      // The same words from every walk that meets the link (a named folder, the repository).
      found.why = "symlink to " + target.generic_string() + ", outside the folder walked";
      return found;
    }
  }
  const fs::file_status status = entry.status(ec);
  if (!ec && !fs::is_regular_file(status)) {
    found.skip = SkipReason::kNotRegularFile;
    found.why = "not a regular file";
  }
  return found;
}

// Is the entry a directory (itself, not through a symlink: directory symlinks are not followed,
// which is also how a symlink loop cannot make a walk spin)?
bool is_real_directory(const fs::directory_entry& entry) {
  std::error_code ec;
  return !entry.is_symlink(ec) && entry.is_directory(ec);
}

// A symlink to a directory is neither walked nor reported.
bool is_directory_link(const fs::directory_entry& entry) {
  std::error_code ec;
  return entry.is_symlink(ec) && entry.is_directory(ec);
}

fs::path canonical_root(const fs::path& root) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  return ec ? fs::absolute(root, ec).lexically_normal() : canonical;
}

// The iterator skips a folder it may not open (skip_permission_denied) without a word: its
// manifests would be lost silently. Say so on stderr (the warnings are deduplicated).
bool readable_folder(const fs::path& folder, WalkResult& result) {
  if (::access(folder.c_str(), R_OK | X_OK) == 0) return true;
  result.warnings.push_back("skipped folder " + folder.string() + ": " + describe_errno(errno));
  return false;
}

void walk_directory(const fs::path& root, const WalkOptions& options, WalkResult& result) {
  std::vector<Found> found;
  std::error_code ec;
  const fs::path real_root = canonical_root(root);
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    result.warnings.push_back("cannot read directory " + root.string() + ": " + describe_errno(ec.value()));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      result.warnings.push_back("cannot read " + it->path().string() + ": " + describe_errno(ec.value()));
      ec.clear();
      continue;
    }
    const std::string name = it->path().filename().string();
    if (is_real_directory(*it)) {
      if (name == ".git" || name == "node_modules")
        it.disable_recursion_pending();
      else if (!readable_folder(it->path(), result))
        it.disable_recursion_pending();
      continue;
    }
    if (is_directory_link(*it)) continue;
    const std::string relative = it->path().lexically_relative(root).generic_string();
    // netlint's own config is read as the config (analysis.cpp), never as an input manifest.
    if (is_input_file_name(relative) && name != ".netlint.yaml") {
      found.push_back(examine(*it, real_root));
      skip_negative_fixture(found.back(), relative, options);
    }
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.path < b.path; });
  for (const Found& f : found) result.inputs.push_back(read_found(f, display_path(f.path), options, result));
}

}  // namespace

WalkResult walk_context(const ContextSelection& selection, const WalkOptions& options, bool reported) {
  WalkResult result;
  const GlobSet include(selection.include);
  const GlobSet exclude(selection.exclude);
  std::error_code ec;
  const fs::path root = fs::absolute(selection.root, ec).lexically_normal();
  const fs::path cwd = fs::current_path(ec);
  const fs::path real_root = canonical_root(root);
  std::vector<Found> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    result.warnings.push_back("cannot read directory " + root.string() + ": " + describe_errno(ec.value()));
    return result;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      ec.clear();
      continue;
    }
    const std::string name = it->path().filename().string();
    const std::string relative = it->path().lexically_relative(root).generic_string();
    if (is_real_directory(*it)) {
      if (name == ".git" || name == "node_modules" || exclude.covers_directory(relative))
        it.disable_recursion_pending();
      else if (!readable_folder(it->path(), result))
        it.disable_recursion_pending();
      continue;
    }
    if (is_directory_link(*it) || !is_input_file_name(relative) || name == ".netlint.yaml") continue;
    if ((!include.empty() && !include.matches(relative)) || exclude.matches(relative)) continue;
    found.push_back(examine(*it, real_root));
    // An `include` that selects the file overrides the negative-fixture skip.
    if (include.empty()) skip_negative_fixture(found.back(), relative, options);
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.path < b.path; });
  for (const Found& f : found) {
    InputText input = read_found(f, display_path(f.path.lexically_relative(cwd)), options, result);
    input.reported = reported;
    result.inputs.push_back(std::move(input));
  }
  return result;
}

bool is_negative_fixture(std::string_view relative_path) {
  for (std::string_view rest = relative_path; !rest.empty();) {
    const std::size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    if (part != "." && part != ".." && negative_token(part)) return true;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return false;
}

bool is_input_file_name(std::string_view relative_path) {
  const std::string_view name = path_basename(relative_path);
  if (name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json")) return true;
  return is_corefile_path(relative_path) || is_net_d_cni_path(relative_path);
}

// A file named on the command line (or standard input) that is Helm's rendered output becomes one
// input per template it names (source/helm_rendered.h). Files a directory walk finds are not split:
// their path decides their `clusters:` view and apply unit.
namespace {

void push_named_input(InputText input, WalkResult& result) {
  std::vector<RenderedSource> sources = input.skip ? std::vector<RenderedSource>{} : split_helm_sources(input.text);
  if (sources.empty()) {
    result.inputs.push_back(std::move(input));
    return;
  }
  for (RenderedSource& source : sources) {
    InputText part;
    part.path = source.path.empty() ? input.path : source.path;
    part.text = std::move(source.text);
    part.reported = input.reported;
    part.rendered = !source.path.empty();
    part.named = input.named;
    result.inputs.push_back(std::move(part));
  }
}

}  // namespace

WalkResult walk_inputs(const std::vector<std::string>& paths, const WalkOptions& options) {
  WalkResult result;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = path == "-" ? fs::file_status(fs::file_type::fifo) : fs::status(path, ec);
    if (fs::is_directory(status)) {
      walk_directory(path, options, result);
      continue;
    }
    // A file named on the command line is always read, whatever its name, and through a symlink:
    // naming it is the user's choice. "-" and `<(...)` pipes are read as streams; other FIFOs,
    // sockets and devices are refused before they are opened.
    InputText input;
    input.named = true;
    input.path = path != "-"                      ? display_path(path)
                 : options.stdin_filename.empty() ? path
                                                  : display_path(options.stdin_filename);
    FileRead read = read_input_file(path, options.max_file_size, /*allow_streams=*/true);
    switch (read.outcome) {
      case ReadOutcome::kRead:
        input.text = std::move(read.text);
        input.stamp = read.stamp;
        break;
      case ReadOutcome::kTooLarge:
        input.skip = SkipReason::kTooLarge;
        if (path == "-" || is_stream_path(path)) {
          result.warnings.push_back("skipped " + input.path + ": larger than --max-file-size (" +
                                    std::to_string(options.max_file_size) + " bytes)");
        }
        break;
      case ReadOutcome::kNotRegular:
      case ReadOutcome::kFailed:
        result.errors.push_back(read.error + ": " + path);
        continue;
    }
    push_named_input(std::move(input), result);
  }
  return result;
}

}  // namespace netlint
