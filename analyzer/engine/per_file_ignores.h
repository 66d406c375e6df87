// `per-file-ignores` of .netlint.yaml (RULES.md "Rule groups and selection"): findings of some
// codes are suppressed in the files a glob matches. They match the finding's anchor file only and
// act as suppressions: applied after precedence, so a loser silenced by an ignored winner stays
// silent. NL0002 (a rule failed) is never ignored.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/source/glob.h"

namespace netlint::engine {

class PerFileIgnores {
 public:
  struct Entry {
    std::string glob;             // relative to the root, as written
    std::set<std::string> codes;  // resolved from codes, names, groups and prefixes
  };
  // `root`: the config's folder, which the globs are relative to.
  PerFileIgnores(std::string root, std::vector<Entry> entries);

  bool empty() const noexcept { return entries_.empty(); }
  // Whether a finding of `code` anchored in `file_path` (as the model names it) is suppressed.
  bool ignores(std::string_view file_path, std::string_view code) const;

 private:
  struct Compiled {
    GlobSet glob;
    std::set<std::string, std::less<>> codes;
  };
  std::string root_;  // absolute and normal; empty when it could not be made absolute
  std::vector<Compiled> entries_;
};

}  // namespace netlint::engine
