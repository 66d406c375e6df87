// Each pod's references kept between analyses (issue 22): the language server re-analyses the
// workspace on every edit, and extracting every pod's references was a quarter of an edit's
// instructions on the 10,000-object benchmark, though an edit changes one file's pods at most.
// A pod's entry is keyed by everything the extractor reads (write_extraction_key: the pod's
// fields with their positions and source bytes, the ConfigMaps it names, by content id) and the
// classifier (the view's namespaces and cluster domain, by content id), so a kept entry is
// exactly what extraction would give. Thread-safe; what an analysis did not use is dropped.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/index/references.h"
#include "analyzer/util/kept_memo.h"

namespace netlint::index {

class KeptReferences {
 public:
  using Kept = std::shared_ptr<const std::vector<Reference>>;

  // A number standing for `content` (a ConfigMap's or a classifier's key): equal numbers mean
  // equal contents, as long as both were asked for since the last drop_unused (a content
  // dropped and seen again gets a new number, so an entry keyed by the old one is never hit).
  std::uint64_t content_id(const std::string& content);
  // The references kept under `key`, else `extract()`'s, kept.
  Kept references(const std::string& key, const std::function<std::vector<Reference>()>& extract);

  // Drops the entries no lookup used since the last call (util/kept_memo.h).
  void drop_unused();
  std::size_t size() const { return pods_.size(); }

 private:
  KeptMemo<std::unordered_map<std::string, KeptEntry<std::uint64_t>>> ids_;
  std::uint64_t next_id_ = 0;  // under ids_'s lock (content_id computes there)
  KeptMemo<std::unordered_map<std::string, KeptEntry<Kept>>> pods_;
};

}  // namespace netlint::index
