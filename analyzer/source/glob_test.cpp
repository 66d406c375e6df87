#include <doctest/doctest.h>

#include "analyzer/source/glob.h"

namespace netlint {

TEST_CASE("globs: * within a segment, ** across segments, directories covered by dir/**") {
  const GlobSet set({"deploy/**", "*.json", "**/testdata/**", "k8s/?/app.yaml"});
  CHECK(set.matches("deploy/a.yaml"));
  CHECK(set.matches("deploy/x/y/z.yaml"));
  CHECK(!set.matches("deployment/a.yaml"));
  CHECK(set.matches("a.json"));
  CHECK(!set.matches("dir/a.json"));  // * stays in its segment
  CHECK(set.matches("testdata/x.yaml"));
  CHECK(set.matches("a/b/testdata/c/d.yaml"));
  CHECK(set.matches("k8s/1/app.yaml"));
  CHECK(!set.matches("k8s/12/app.yaml"));
  CHECK(set.covers_directory("deploy"));
  CHECK(set.covers_directory("x/testdata"));
  CHECK(!set.covers_directory("k8s"));
  CHECK(GlobSet({"./build/**"}).matches("build/bench/x.yaml"));
  CHECK(glob_to_regex("a.b") == "a\\.b");
  CHECK(GlobSet({}).empty());
}

}  // namespace netlint
