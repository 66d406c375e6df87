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
// A file read from disk is not hashed again while it stays as it was (as ruff and git trust their
// indexes): the cache keeps, per path, the file's stamp when it was read and its content digest
// (util/file_stamp.h), in one entry of its own, and takes the digest when the stamp is unchanged
// and was recorded clearly after the file's last change. Concurrent runs each write the whole
// table merged with what they find on disk; a lost update only means hashing again.
//
// Nothing here fails a run: a directory that cannot be created or written just caches nothing.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzer/util/file_stamp.h"

namespace netlint {

class DiskCache {
 public:
  struct Stats {
    std::size_t hits = 0;
    std::size_t misses = 0;
    std::size_t rejected = 0;  // entries found but damaged or foreign (counted as misses too)
    std::size_t written = 0;
    std::size_t evicted = 0;
    std::size_t trusted = 0;  // contents known by their file's stamp, not hashed
  };

  // What an entry is named by: the content's SHA-256 (hex) and its size, and what else the
  // payload was derived from (empty for a parse; for extracted objects, the schema, path and
  // settings), so one content can have several entries.
  struct Key {
    std::string digest;
    std::uint64_t size = 0;
    std::string variant = {};
  };

  // `implicit`: a directory netlint chose (the git root's `.netlint_cache`), refused when it is a
  // symlink, so a repository cannot point netlint's writes elsewhere; it gets a `.gitignore`
  // and a `CACHEDIR.TAG`. Null when the directory cannot be used.
  static std::unique_ptr<DiskCache> open(const std::string& directory, std::string identity, std::uint64_t max_bytes,
                                         bool implicit);

  // The key of `content`, hashed.
  static Key key(std::string_view content);
  // The key of a file's text as read with `stamp` from `path`: the digest recorded for the path
  // when the file is still as it was then and was settled (FileStamp::settled), else hashed
  // and recorded. Thread-safe.
  Key key(std::string_view content, std::string_view path, const std::optional<FileStamp>& stamp);

  // The payload stored for the content, or nullopt. Thread-safe.
  std::optional<std::string> find(const Key& key);
  std::optional<std::string> find(std::string_view content) { return find(key(content)); }
  // Stores `payload` for the content, replacing what is there. Thread-safe; failures are ignored.
  void store(const Key& key, std::string_view payload);
  void store(std::string_view content, std::string_view payload) { store(key(content), payload); }
  // Ends a run: writes the file stamps this run recorded, then evicts the oldest entries when
  // this run wrote some and the directory is over its budget.
  void finish();

  Stats stats() const;
  const std::string& directory() const { return directory_; }

  // The entry file for `content` (tests damage it on purpose), and the one holding file stamps.
  std::string entry_path(std::string_view content) const { return entry_path(key(content)); }
  std::string entry_path(const Key& key) const;
  std::string stamps_path() const;

  // At most this many paths keep a stamp; the ones read longest ago go first.
  static constexpr std::size_t kMaxStampedFiles = std::size_t{1} << 18;

 private:
  struct Stamped {
    FileStamp stamp;
    std::string digest;
    bool recorded = false;  // by this run
  };
  using StampTable = std::unordered_map<std::string, Stamped>;

  DiskCache(std::string directory, std::string identity, std::uint64_t max_bytes);
  std::string path_for(const std::string& name_input) const;
  // An entry file's payload; nullopt when there is none, or (counted as rejected) when it is
  // damaged or another writer's.
  std::optional<std::string> read_file(const std::string& path, std::uint64_t content_size);
  bool write_file(const std::string& path, std::uint64_t content_size, std::string_view payload);
  StampTable read_stamps();
  void write_stamps();

  std::string directory_;
  std::string identity_;
  std::uint64_t max_bytes_;
  std::string working_directory_;  // relative paths are stamped as absolute ones
  std::atomic<std::size_t> hits_{0}, misses_{0}, rejected_{0}, written_{0}, evicted_{0}, trusted_{0};
  std::mutex stamps_mutex_;
  std::optional<StampTable> stamps_;  // read on first use
  bool stamps_changed_ = false;
};

}  // namespace netlint
