// What parsing and extracting one file produced, kept between loads so that a file whose text
// did not change is not parsed again (issue 22: the language server re-analyses the workspace on
// every edit and must re-parse only the edited buffer). Keyed by the file's path, its FileId (the
// SourceRanges inside name it), the extract options and a hash of its text; what depends on the
// other files (kustomize namespaces and labels, skips) is applied after, so it is never stale.
//
// The language server keeps one for its lifetime; the command line's on-disk cache (issue 21)
// is meant to sit behind the same find/store, keyed by the same ParseKey.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/extract.h"

namespace netlint {

// One file's documents as parsed and extracted, before anything from other files is applied.
struct ParsedFile {
  std::vector<model::DocumentObjects> documents;
  std::uint32_t document_count = 0;
};

struct ParseKey {
  std::string path;
  FileId file = 0;
  std::string default_namespace;  // model::ExtractOptions
  std::uint64_t text_hash = 0;    // content_hash of the text as the loader reads it
  std::size_t text_size = 0;
};

// 64-bit hash of a file's text (with its length, the content key: two texts of one length with
// one hash are taken as equal).
std::uint64_t content_hash(std::string_view text);

class ParseCache {
 public:
  struct Stats {
    std::size_t hits = 0;
    std::size_t misses = 0;
  };

  // The file's parse from an earlier load, or null. Thread-safe (the loader parses in parallel).
  std::shared_ptr<const ParsedFile> find(const ParseKey& key);
  void store(const ParseKey& key, std::shared_ptr<const ParsedFile> parsed);

  // A load starts: counts restart. When it ends, entries it did not use are dropped, so the
  // cache holds one parse per file of the latest load, never a history.
  void begin_load();
  void end_load();
  Stats last_load() const;
  std::size_t size() const;

 private:
  struct Entry {
    ParseKey key;
    std::shared_ptr<const ParsedFile> parsed;
    std::uint64_t generation = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> by_path_;
  std::uint64_t generation_ = 0;
  Stats stats_;
};

}  // namespace netlint
