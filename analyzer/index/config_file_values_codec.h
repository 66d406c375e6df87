// The values of one mounted ConfigMap file as bytes, for the on-disk cache (issue 21): parsing
// the YAML and JSON files pods mount was half of a warm pre-commit run's instructions at 10,000
// objects once the manifests' own objects were cached. Decoding checks every length and offset
// against the input and the text; anything that does not read back whole is a miss.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/index/config_file_values.h"

namespace netlint::index {

inline constexpr std::uint32_t kConfigValuesSchema = 1;

void encode_config_values(const std::vector<ConfigValue>& values, std::string& out);
// Values of a file of `text_size` bytes; false on anything but a whole encoding.
bool decode_config_values(std::string_view in, std::size_t text_size, std::vector<ConfigValue>& out);

}  // namespace netlint::index
