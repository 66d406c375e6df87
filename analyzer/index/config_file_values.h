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
// re-parsing per container was 9% of a large run). Keyed by the address of the text, which the
// model keeps in place while the reference index is built. Not thread-safe: one per build.
class ConfigFileValuesCache {
 public:
  const std::vector<ConfigValue>& values(const std::string& text, ConfigFileType type);

 private:
  std::map<std::pair<const std::string*, ConfigFileType>, std::vector<ConfigValue>> parsed_;
};

}  // namespace netlint::index
