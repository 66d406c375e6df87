// A directory of byte strings keyed by the content they were derived from (the on-disk parse
// cache of issue 21, as ruff's `.ruff_cache`): an entry is named by SHA-256 of the content and
// of the writer's identity (netlint's version and build), so a changed text or another netlint
// never finds it. Made for concurrent runs: entries are written to a temporary file and renamed
// (readers see a whole entry or none), and a second run writing the same entry writes the same
// bytes. An entry holds its identity, the content's size and a checksum of its payload: one
// that is truncated, damaged or foreign is a miss and is written again, never an error. The
// size is bounded: when a run added entries and the directory exceeds its budget, the entries
// used longest ago go (reading an entry refreshes its time at most once an hour).
//
// Nothing here fails a run: a directory that cannot be created or written just caches nothing.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace netlint {

class DiskCache {
 public:
  struct Stats {
    std::size_t hits = 0;
    std::size_t misses = 0;
    std::size_t rejected = 0;  // entries found but damaged or foreign (counted as misses too)
    std::size_t written = 0;
    std::size_t evicted = 0;
  };

  // `implicit`: a directory netlint chose (the git root's `.netlint_cache`), refused when it is a
  // symlink, so a repository cannot point netlint's writes elsewhere; it gets a `.gitignore`
  // and a `CACHEDIR.TAG`. Null when the directory cannot be used.
  static std::unique_ptr<DiskCache> open(const std::string& directory, std::string identity, std::uint64_t max_bytes,
                                         bool implicit);

  // The payload stored for `content`, or nullopt. Thread-safe.
  std::optional<std::string> find(std::string_view content);
  // Stores `payload` for `content`, replacing what is there. Thread-safe; failures are ignored.
  void store(std::string_view content, std::string_view payload);
  // Ends a run: evicts the oldest entries when this run wrote some and the directory is over
  // its budget.
  void finish();

  Stats stats() const;
  const std::string& directory() const { return directory_; }

  // The entry file for `content` (tests damage it on purpose).
  std::string entry_path(std::string_view content) const;

 private:
  DiskCache(std::string directory, std::string identity, std::uint64_t max_bytes);

  std::string directory_;
  std::string identity_;
  std::uint64_t max_bytes_;
  std::atomic<std::size_t> hits_{0}, misses_{0}, rejected_{0}, written_{0}, evicted_{0};
};

}  // namespace netlint
