// A thread-safe memo whose entries live while successive analyses keep asking for them: each
// lookup marks its entry used, drop_unused() ends an analysis by dropping what it did not use.
// The language server keeps such memos for its lifetime (engine/kept_indexes.h), so an edit
// recomputes only what its changed texts need; a run keeps one for its own duration.
#pragma once

#include <cstddef>
#include <mutex>
#include <utility>

namespace netlint {

template <class Value>
struct KeptEntry {
  Value value;
  bool used = true;
};

// `Map` maps the key to KeptEntry<Value>: a std::map or std::unordered_map, with a transparent
// comparator or hash when lookups should not build a key. References returned by get() stay
// valid until drop_unused().
template <class Map>
class KeptMemo {
 public:
  // The entry for `key`, computed by `compute()` (under the lock) when absent.
  template <class Lookup, class Compute>
  const auto& get(const Lookup& key, Compute&& compute) {
    const std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      it = entries_.emplace(typename Map::key_type(key), typename Map::mapped_type{compute(), true}).first;
    }
    it->second.used = true;
    return it->second.value;
  }

  // Drops the entries no lookup used since the last call: the memo holds what the latest
  // analysis used, never a history.
  void drop_unused() {
    const std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
      if (!it->second.used) {
        it = entries_.erase(it);
      } else {
        it->second.used = false;
        ++it;
      }
    }
  }

  std::size_t size() const {
    const std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  mutable std::mutex mutex_;
  Map entries_;
};

}  // namespace netlint
