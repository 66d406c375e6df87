#include "analyzer/index/config_file_values_codec.h"

#include "analyzer/util/field_count.h"
#include "analyzer/util/little_endian.h"

namespace netlint::index {
namespace {

static_assert(util::field_count<ConfigValue>() == 4, "ConfigValue changed: update its codec and kConfigValuesSchema");

void put(std::string& out, std::uint64_t v) {
  util::append_le(out, v, 8);
}

bool get(std::string_view& in, std::uint64_t& v) {
  return util::read_le(in, v, 8);
}

void put_string(std::string& out, const std::string& s) {
  put(out, s.size());
  out += s;
}

bool get_string(std::string_view& in, std::string& s) {
  std::uint64_t n = 0;
  if (!get(in, n) || n > in.size()) return false;
  s.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

}  // namespace

void encode_config_values(const std::vector<ConfigValue>& values, std::string& out) {
  put(out, kConfigValuesSchema);
  put(out, values.size());
  for (const ConfigValue& v : values) {
    put_string(out, v.key);
    put_string(out, v.value);
    put(out, v.offset);
    put(out, v.exact ? 1 : 0);
  }
}

bool decode_config_values(std::string_view in, std::size_t text_size, std::vector<ConfigValue>& out) {
  std::uint64_t schema = 0, count = 0;
  // Each value takes at least 32 bytes: a count past the rest is damage, never an allocation.
  if (!get(in, schema) || schema != kConfigValuesSchema || !get(in, count) || count > in.size() / 32) return false;
  out.resize(count);
  for (ConfigValue& v : out) {
    std::uint64_t offset = 0, exact = 0;
    if (!get_string(in, v.key) || !get_string(in, v.value) || !get(in, offset) || !get(in, exact)) return false;
    if (offset > text_size || exact > 1) return false;
    v.offset = offset;
    v.exact = exact == 1;
  }
  return in.empty();
}

}  // namespace netlint::index
