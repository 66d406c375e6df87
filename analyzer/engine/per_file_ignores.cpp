#include "analyzer/engine/per_file_ignores.h"

#include <filesystem>

namespace netlint::engine {

namespace fs = std::filesystem;

PerFileIgnores::PerFileIgnores(std::string root, std::vector<Entry> entries) : root_(std::move(root)) {
  for (Entry& e : entries) {
    if (e.codes.empty()) continue;
    entries_.push_back({GlobSet({e.glob}), std::set<std::string, std::less<>>(e.codes.begin(), e.codes.end())});
  }
}

bool PerFileIgnores::ignores(std::string_view file_path, std::string_view code) const {
  if (entries_.empty() || code == "NL0002" || file_path.empty() || file_path == "-") return false;
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(file_path), ec);
  if (ec) return false;
  const fs::path root = fs::absolute(fs::path(root_.empty() ? "." : root_), ec);
  if (ec) return false;
  const std::string relative = absolute.lexically_normal().lexically_relative(root.lexically_normal()).generic_string();
  if (relative.empty() || relative.starts_with("..")) return false;  // outside the config's folder
  for (const Compiled& e : entries_) {
    if (e.codes.count(code) != 0 && e.glob.matches(relative)) return true;
  }
  return false;
}

}  // namespace netlint::engine
