// Where a run keeps its on-disk parse cache (util/disk_cache.h), as ruff decides its
// `.ruff_cache`: --no-cache or NETLINT_NO_CACHE (any value but "" and "0"): none;
// --cache-dir DIR, else NETLINT_CACHE_DIR; else `.netlint_cache/` in the git root (made
// self-ignoring, never through a symlink); outside a repository $XDG_CACHE_HOME/netlint, else
// ~/.cache/netlint, so a run over a read-only or shared tree writes nothing into it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "analyzer/cli/commands.h"
#include "analyzer/util/disk_cache.h"

namespace netlint::cli {

struct CacheLocation {
  std::string directory;  // empty: no cache
  bool in_repository = false;
};

CacheLocation cache_location(const LintOptions& options);

// Entries are trusted only by the netlint that wrote them: its version and the size and time of
// its executable (so a rebuilt development binary never reads its predecessor's parses).
std::string cache_identity();

inline constexpr std::uint64_t kCacheMaxBytes = std::uint64_t{512} << 20;

// The run's cache, or null (none wanted, or the directory is unusable: the run goes on uncached).
std::unique_ptr<DiskCache> open_disk_cache(const LintOptions& options);

}  // namespace netlint::cli
