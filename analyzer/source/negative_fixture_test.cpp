// Negative fixtures (RULES.md "Negative fixtures"): which relative paths are test inputs written
// to fail. Only the first `-`/`_`/`.`-delimited token of a name counts.
#include <doctest/doctest.h>

#include "analyzer/source/file_walker.h"

namespace netlint {
namespace {

TEST_CASE("negative fixtures: first token of the base name or a folder") {
  for (const char* path :
       {"invalid.yaml", "bad-policy.yaml", "bad_netpols/policy.yaml", "examples/validationTransformer/invalid.yaml",
        "testdata/invalid/invalid-ingress-action.yaml", "Malformed.Service.yaml", "BAD.yml", "a/bad/b/c.yaml"}) {
    CAPTURE(path);
    CHECK(is_negative_fixture(path));
  }
  for (const char* path :
       {"gateway-httproute-broken-plugin-fallback.yaml", "badger.yaml", "not-invalid.yaml", "invalidation/x.yaml",
        "good.yaml", "deploy/base/web.yaml", "./web.yaml", "rules/my-bad.yaml", "bads/x.yaml"}) {
    CAPTURE(path);
    CHECK_FALSE(is_negative_fixture(path));
  }
}

}  // namespace
}  // namespace netlint
