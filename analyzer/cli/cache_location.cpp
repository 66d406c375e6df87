#include "analyzer/cli/cache_location.h"

#include <sys/stat.h>

#include <cstdlib>
#include <string_view>

#include "analyzer/cli/input_selection.h"

namespace netlint::cli {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

CacheLocation cache_location(const LintOptions& options) {
  if (options.no_cache) return {};
  if (const std::string off = env("NETLINT_NO_CACHE"); !off.empty() && off != "0") return {};
  if (!options.cache_dir.empty()) return {options.cache_dir, false};
  if (std::string dir = env("NETLINT_CACHE_DIR"); !dir.empty()) return {std::move(dir), false};
  if (const std::string root = git_root(); !root.empty()) return {root + "/.netlint_cache", true};
  if (const std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty() && xdg.front() == '/')
    return {xdg + "/netlint", false};
  if (const std::string home = env("HOME"); !home.empty() && home.front() == '/') {
    return {home + "/.cache/netlint", false};
  }
  return {};
}

std::string cache_identity() {
  std::string identity = std::string("netlint ") + NETLINT_VERSION;
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0) {
    identity += " exe " + std::to_string(st.st_size) + ' ' + std::to_string(st.st_mtim.tv_sec) + '.' +
                std::to_string(st.st_mtim.tv_nsec);
  }
  return identity;
}

std::unique_ptr<DiskCache> open_disk_cache(const LintOptions& options) {
  const CacheLocation where = cache_location(options);
  if (where.directory.empty()) return nullptr;
  return DiskCache::open(where.directory, cache_identity(), kCacheMaxBytes, where.in_repository);
}

}  // namespace netlint::cli
