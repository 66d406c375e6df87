// The YAML parses of one file's documents, in order, through the on-disk parse cache (issue 21):
// read from the cache when it holds an entry for this exact text, else parsed by yaml-cpp and,
// once the file is done, stored. One document is decoded or encoded at a time, so memory still
// follows the largest document plus the file's entry, never every tree of the file at once.
//
// A plain file's extracted objects replace its parses in the cache (loader/file_objects_entry.h):
// parses are kept for the resource files of kustomize builds (the builds extract the trees) and
// for files whose objects cannot be encoded. Nothing but the text decides a parse entry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/util/disk_cache.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint {

class DocumentParses {
 public:
  // `spans` are the file's documents (yaml::split_documents); `cache` may be null (parse all);
  // `key` is the text's (DiskCache::key).
  DocumentParses(std::string_view text, FileId file, const std::vector<yaml::DocumentSpan>& spans, DiskCache* cache,
                 DiskCache::Key key);
  DocumentParses(const DocumentParses&) = delete;
  DocumentParses& operator=(const DocumentParses&) = delete;

  // The parse of document `d`; documents are asked for in order, each once, or skipped.
  yaml::ParseResult parse(std::uint32_t d);
  // Document `d` is not parsed (not text): it keeps its place in the entry.
  void skip(std::uint32_t d);
  // After the last document: stores the file's entry when it was parsed here (or the entry read
  // was damaged, which is then written again), unless `store` is false (the caller cached what
  // it made of the parses instead).
  void finish(bool store = true);

  // Files larger than this are not cached: their entry would double the peak memory of a run
  // over one huge stream, and such a file is rarely what a hook or an editor re-reads.
  static constexpr std::size_t kMaxCachedText = std::size_t{32} << 20;

 private:
  bool read_next(yaml::ParseResult& out);
  yaml::ParseResult fresh(std::uint32_t d) const;
  void encode(const yaml::ParseResult& parsed);
  void damaged();

  std::string_view text_;
  FileId file_;
  const std::vector<yaml::DocumentSpan>& spans_;
  DiskCache* cache_;
  DiskCache::Key key_;
  std::optional<std::string> entry_;  // the cached entry being read
  std::string_view unread_;           // what is left of it
  std::string written_;               // the entry being written (when parsing)
  std::vector<bool> skipped_;         // per document seen: skipped (not text)
  bool writing_ = false;
  bool rewrite_ = false;  // the entry read was damaged: parse every document again to replace it
};

}  // namespace netlint
