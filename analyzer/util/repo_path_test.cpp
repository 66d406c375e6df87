#include "analyzer/util/repo_path.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace netlint {

TEST_CASE("relative_to_root: inside, the root itself, climbing out, the working directory as root") {
  const RootRelative inside = relative_to_root("/repo/deploy/../a/b.yaml", "/repo/", Symlinks::kKeep);
  CHECK(inside.relative == "a/b.yaml");
  CHECK(inside.absolute == "/repo/a/b.yaml");
  CHECK(inside.inside);
  CHECK_FALSE(relative_to_root("/repo", "/repo", Symlinks::kKeep).inside);  // the root itself
  const RootRelative outside = relative_to_root("/other/x.yaml", "/repo", Symlinks::kKeep);
  CHECK(outside.relative == "../other/x.yaml");  // baselines keep the climb
  CHECK_FALSE(outside.inside);
  CHECK(relative_to_root("..x/y.yaml", "", Symlinks::kKeep).inside);  // a name starting with dots is inside
  const std::string cwd = std::filesystem::current_path().generic_string();
  CHECK(relative_to_root("x/./y.yaml", "", Symlinks::kKeep).absolute == cwd + "/x/y.yaml");
}

TEST_CASE("repo_path: relative inside the root, absolute outside it") {
  CHECK(repo_path("/repo-that-is-not-there/a.yaml", "/repo-that-is-not-there").path == "a.yaml");
  const RepoPath outside = repo_path("/elsewhere-not-there/a.yaml", "/repo-that-is-not-there");
  CHECK(outside.path == "/elsewhere-not-there/a.yaml");
  CHECK_FALSE(outside.inside);
}

}  // namespace netlint
