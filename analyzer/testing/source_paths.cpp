#include "analyzer/testing/source_paths.h"

namespace netlint::testing {

std::string source_dir() {
  return NETLINT_SOURCE_DIR;
}

std::string netlint_binary() {
  return NETLINT_BINARY;
}

}  // namespace netlint::testing
