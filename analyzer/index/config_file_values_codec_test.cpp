// Mounted files' values through the on-disk cache: what a second run reads is what parsing
// gives (every field), only YAML and JSON files are stored, and a damaged or truncated entry is
// recomputed, never an error.
#include "analyzer/index/config_file_values_codec.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "analyzer/util/disk_cache.h"

namespace netlint::index {
namespace {
namespace fs = std::filesystem;

std::string describe(const std::vector<ConfigValue>& values) {
  std::string out;
  for (const ConfigValue& v : values) {
    out += v.key + '=' + v.value + '@' + std::to_string(v.offset) + (v.exact ? "" : "~") + ';';
  }
  return out;
}

struct CacheDir {
  fs::path path;
  CacheDir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("netlint-config-values-cache-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  }
  ~CacheDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::unique_ptr<DiskCache> open() const { return DiskCache::open(path.string(), "test", 1 << 30, false); }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(path)) {
      if (e.is_regular_file()) out.push_back(e.path());
    }
    return out;
  }
};

const std::string kYaml = "server:\n  port: 8080\n  host: \"db.shop.svc\"\nlist: [a, 'b']\nblock: |\n  text\n";

TEST_CASE("config file values codec: decoded values are the parsed ones; prefixes are refused") {
  const std::vector<ConfigValue> parsed = config_file_values(kYaml, ConfigFileType::kYaml);
  REQUIRE(parsed.size() == 5);
  std::string bytes;
  encode_config_values(parsed, bytes);
  std::vector<ConfigValue> decoded;
  REQUIRE(decode_config_values(bytes, kYaml.size(), decoded));
  CHECK(describe(decoded) == describe(parsed));
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    std::vector<ConfigValue> part;
    CHECK_FALSE(decode_config_values(std::string_view(bytes).substr(0, n), kYaml.size(), part));
  }
  CHECK_FALSE(decode_config_values(bytes + "x", kYaml.size(), decoded));
  CHECK_FALSE(decode_config_values(bytes, 3, decoded));  // an offset past the text
}

TEST_CASE("config file values: a second run reads YAML and JSON files' values from the disk cache") {
  CacheDir dir;
  const std::string json = R"({"db": {"url": "postgres://db:5432"}})";
  const std::string properties = "db.url=postgres://db:5432\n";
  const std::string expected_yaml = describe(config_file_values(kYaml, ConfigFileType::kYaml));
  {
    auto disk = dir.open();
    ConfigFileValuesCache cold(disk.get());
    CHECK(describe(cold.values(kYaml, ConfigFileType::kYaml)) == expected_yaml);
    cold.values(json, ConfigFileType::kJson);
    cold.values(properties, ConfigFileType::kProperties);  // read faster than an entry: not stored
    CHECK(disk->stats().written == 2);
  }
  REQUIRE(dir.entries().size() == 2);
  {
    auto disk = dir.open();
    ConfigFileValuesCache warm(disk.get());
    CHECK(describe(warm.values(kYaml, ConfigFileType::kYaml)) == expected_yaml);
    CHECK(describe(warm.values(json, ConfigFileType::kJson)) ==
          describe(config_file_values(json, ConfigFileType::kJson)));
    CHECK(disk->stats().hits == 2);
    CHECK(disk->stats().written == 0);
  }
  for (const fs::path& entry : dir.entries()) fs::resize_file(entry, fs::file_size(entry) - 1);
  {
    auto disk = dir.open();
    ConfigFileValuesCache damaged(disk.get());
    CHECK(describe(damaged.values(kYaml, ConfigFileType::kYaml)) == expected_yaml);
    CHECK(disk->stats().rejected == 1);
    CHECK(disk->stats().written == 1);  // written again
  }
}

}  // namespace
}  // namespace netlint::index
