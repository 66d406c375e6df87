#include "analyzer/engine/per_file_ignores.h"
#include "analyzer/engine/engine_codes.h"
#include "analyzer/util/repo_path.h"

#include <filesystem>

namespace netlint::engine {

namespace fs = std::filesystem;

PerFileIgnores::PerFileIgnores(std::string root, std::vector<Entry> entries) {
  // The root made absolute once, not per finding.
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(root.empty() ? "." : root), ec);
  root_ = ec ? std::string() : absolute.lexically_normal().generic_string();
  // "/repo/." normalises to "/repo/": without the slash it compares element by element.
  while (root_.size() > 1 && root_.ends_with('/')) root_.pop_back();
  for (Entry& e : entries) {
    if (e.codes.empty()) continue;
    entries_.push_back({GlobSet({e.glob}), std::set<std::string, std::less<>>(e.codes.begin(), e.codes.end())});
  }
}

bool PerFileIgnores::ignores(std::string_view file_path, std::string_view code) const {
  if (entries_.empty() || code == kInternalErrorCode || file_path.empty() || file_path == "-") return false;
  if (root_.empty()) return false;
  const RootRelative p = relative_to_root(file_path, root_, Symlinks::kKeep);
  if (!p.inside) return false;  // outside the config's folder
  for (const Compiled& e : entries_) {
    if (e.codes.count(code) != 0 && e.glob.matches(p.relative)) return true;
  }
  return false;
}

}  // namespace netlint::engine
