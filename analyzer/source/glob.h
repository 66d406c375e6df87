// Path globs as .netlint.yaml writes them (relative to the config's folder): `*` and `?` stay
// within one path segment, `**` spans segments (`deploy/**`, `**/testdata/**`).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace netlint {

class GlobSet {
 public:
  explicit GlobSet(const std::vector<std::string>& patterns);
  ~GlobSet();
  GlobSet(GlobSet&&) noexcept;
  GlobSet& operator=(GlobSet&&) noexcept;

  bool empty() const noexcept { return patterns_.empty(); }
  // `path` is relative, with forward slashes.
  bool matches(std::string_view path) const;
  // True when every path under `directory` matches (a pattern `dir/**` covers it): the walk
  // can skip the directory without reading it.
  bool covers_directory(std::string_view directory) const;

 private:
  std::vector<std::unique_ptr<re2::RE2>> patterns_;
  std::vector<std::unique_ptr<re2::RE2>> directory_patterns_;  // the `dir/**` patterns, as `dir`
};

// The RE2 syntax of one glob (exposed for tests).
std::string glob_to_regex(std::string_view glob);

}  // namespace netlint
