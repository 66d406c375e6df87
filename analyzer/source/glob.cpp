#include "analyzer/source/glob.h"

#include <re2/re2.h>

namespace netlint {

std::string glob_to_regex(std::string_view glob) {
  std::string re;
  for (std::size_t i = 0; i < glob.size(); ++i) {
    const char c = glob[i];
    if (c == '*' && i + 1 < glob.size() && glob[i + 1] == '*') {
      const bool slash_after = i + 2 < glob.size() && glob[i + 2] == '/';
      re += slash_after ? "(?:.*/)?" : ".*";  // `**/x` also matches `x` at the top
      i += slash_after ? 2 : 1;
    } else if (c == '*') {
      re += "[^/]*";
    } else if (c == '?') {
      re += "[^/]";
    } else {
      re += RE2::QuoteMeta(std::string(1, c));
    }
  }
  return re;
}

GlobSet::GlobSet(const std::vector<std::string>& patterns) {
  for (std::string p : patterns) {
    if (p.rfind("./", 0) == 0) p.erase(0, 2);
    patterns_.push_back(std::make_unique<re2::RE2>(glob_to_regex(p)));
    if (p.size() > 3 && p.compare(p.size() - 3, 3, "/**") == 0) {
      directory_patterns_.push_back(std::make_unique<re2::RE2>(glob_to_regex(p.substr(0, p.size() - 3))));
    }
  }
}

GlobSet::~GlobSet() = default;
GlobSet::GlobSet(GlobSet&&) noexcept = default;
GlobSet& GlobSet::operator=(GlobSet&&) noexcept = default;

bool GlobSet::matches(std::string_view path) const {
  for (const auto& re : patterns_) {
    if (re2::RE2::FullMatch(path, *re)) return true;
  }
  return false;
}

bool GlobSet::covers_directory(std::string_view directory) const {
  for (const auto& re : directory_patterns_) {
    if (re2::RE2::FullMatch(directory, *re)) return true;
  }
  return false;
}

}  // namespace netlint
