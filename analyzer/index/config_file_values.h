// The key/value pairs of a configuration file a pod reads from a mounted ConfigMap, by file
// type (from the file name's extension): Java `.properties`, dotenv `.env`, `.yaml`/`.yml`,
// `.json`, and `.ini`/`.conf` (`key = value`, `key: value`, `key value` directives, as in INI,
// HCL, nginx or redis files). Values are decoded as the file's reader would; each remembers
// where it is written in the file, so positions inside it map back when it is written as is.
// Files that do not parse give what could be read (YAML/JSON: nothing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/util/kept_memo.h"

namespace netlint {
class DiskCache;  // util/disk_cache.h
}  // namespace netlint

namespace netlint::index {

enum class ConfigFileType : std::uint8_t { kNone, kProperties, kEnv, kYaml, kJson, kIni };

// The type of a file by its name (`/etc/app/application.properties`, `.env`, `nginx.conf`).
ConfigFileType config_file_type(std::string_view path);

struct ConfigValue {
  std::string key;         // YAML/JSON: the map keys down to the value, joined with `.`
  std::string value;       // decoded
  std::size_t offset = 0;  // where the value starts in the file text
  bool exact = false;      // the value is written byte for byte at `offset`
};

std::vector<ConfigValue> config_file_values(std::string_view text, ConfigFileType type);

// The values of each ConfigMap file parsed once, however many containers mount it (issue 21:
// re-parsing per container was 9% of a large run), and, when the cache outlives one reference
// index (the language server keeps one for its lifetime, issue 22), once for as long as the text
// is unchanged: an edit elsewhere re-reads no ConfigMap file (parsing them was over half of an
// edit's analysis). Keyed by the text itself, so an entry is exactly what config_file_values
// gives. Thread-safe; returned references stay valid until drop_unused.
class ConfigFileValuesCache {
 public:
  // `disk`: the on-disk cache (util/disk_cache.h), which keeps the values of YAML and JSON files
  // between runs (parsed by yaml-cpp, they cost far more than reading an entry); may be null.
  explicit ConfigFileValuesCache(DiskCache* disk = nullptr) : disk_(disk) {}
  void set_disk_cache(DiskCache* disk) { disk_ = disk; }

  const std::vector<ConfigValue>& values(const std::string& text, ConfigFileType type);
  // Drops the entries no lookup used since the last call (util/kept_memo.h).
  void drop_unused() { memo_.drop_unused(); }
  std::size_t size() const { return memo_.size(); }

 private:
  // (text, type) against (string_view, type): looked up without copying the text.
  struct KeyLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      if (a.second != b.second) return a.second < b.second;
      return std::string_view(a.first) < std::string_view(b.first);
    }
  };
  std::vector<ConfigValue> compute(const std::string& text, ConfigFileType type) const;

  KeptMemo<std::map<std::pair<std::string, ConfigFileType>, KeptEntry<std::vector<ConfigValue>>, KeyLess>> memo_;
  DiskCache* disk_ = nullptr;
};
}  // namespace netlint::index
