// Where the tests find the source tree and the netlint binary. Only source_paths.cpp is compiled
// with the two paths (CMake), so every other test object is the same in any checkout: ccache
// shares it between checkouts, which keeps the scaffolder's test (tools/new_rule_test.py, a
// build of a scratch copy of the tree) cheap.
#pragma once

#include <string>

namespace netlint::testing {

std::string source_dir();      // the checkout the test binary was built from
std::string netlint_binary();  // the netlint executable built beside it

}  // namespace netlint::testing
