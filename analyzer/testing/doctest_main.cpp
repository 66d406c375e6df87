// The doctest main, alone in its translation unit (it is slow to compile).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <string>

int main(int argc, char** argv) {
  // The netlint runs of the tests keep their on-disk parse cache out of the source tree (their
  // git root) when ctest has not named one (CMakeLists.txt sets NETLINT_CACHE_DIR).
  const std::string cache =
      (std::filesystem::temp_directory_path() / ("netlint-test-cache-" + std::to_string(::getuid()))).string();
  ::setenv("NETLINT_CACHE_DIR", cache.c_str(), 0);
  return doctest::Context(argc, argv).run();
}
