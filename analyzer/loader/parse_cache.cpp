#include "analyzer/loader/parse_cache.h"

#include <functional>

namespace netlint {

std::uint64_t content_hash(std::string_view text) {
  // libstdc++'s hash of a string is 64-bit MurmurHash2 (several GB/s): hashing a 10,000-object
  // workspace costs a few milliseconds, against seconds to parse it.
  return static_cast<std::uint64_t>(std::hash<std::string_view>{}(text));
}

namespace {

bool same(const ParseKey& a, const ParseKey& b) {
  return a.file == b.file && a.text_hash == b.text_hash && a.text_size == b.text_size && a.path == b.path &&
         a.default_namespace == b.default_namespace;
}

}  // namespace

std::shared_ptr<const ParsedFile> ParseCache::find(const ParseKey& key) {
  const std::lock_guard lock(mutex_);
  const auto it = by_path_.find(key.path);
  if (it == by_path_.end() || !same(it->second.key, key)) {
    ++stats_.misses;
    return nullptr;
  }
  it->second.generation = generation_;
  ++stats_.hits;
  return it->second.parsed;
}

void ParseCache::store(const ParseKey& key, std::shared_ptr<const ParsedFile> parsed) {
  const std::lock_guard lock(mutex_);
  by_path_.insert_or_assign(key.path, Entry{key, std::move(parsed), generation_});
}

void ParseCache::begin_load() {
  const std::lock_guard lock(mutex_);
  ++generation_;
  stats_ = {};
}

void ParseCache::end_load() {
  const std::lock_guard lock(mutex_);
  std::erase_if(by_path_, [this](const auto& entry) { return entry.second.generation != generation_; });
}

ParseCache::Stats ParseCache::last_load() const {
  const std::lock_guard lock(mutex_);
  return stats_;
}

std::size_t ParseCache::size() const {
  const std::lock_guard lock(mutex_);
  return by_path_.size();
}

}  // namespace netlint
