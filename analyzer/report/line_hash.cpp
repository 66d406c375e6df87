#include "analyzer/report/line_hash.h"

#include <array>
#include <unordered_map>

#include <fmt/format.h>

#include "analyzer/util/utf8.h"

namespace netlint::report {
namespace {

constexpr std::uint16_t kReplacement = 0xFFFD;

}  // namespace

std::vector<std::uint16_t> utf16_units(std::string_view utf8_text) {
  std::vector<std::uint16_t> units;
  units.reserve(utf8_text.size());
  for (std::size_t i = 0; i < utf8_text.size();) {
    const utf8::CodePoint d = utf8::decode(utf8_text, i);
    i += d.length;
    if (!d.valid) {
      units.push_back(kReplacement);  // one per maximal subpart, as codeql-action's decoder
      continue;
    }
    if (d.value >= 0x10000) {
      const char32_t v = d.value - 0x10000;
      units.push_back(static_cast<std::uint16_t>(0xD800 + (v >> 10)));
      units.push_back(static_cast<std::uint16_t>(0xDC00 + (v & 0x3FF)));
    } else {
      units.push_back(static_cast<std::uint16_t>(d.value));
    }
  }
  return units;
}

std::vector<std::string> line_hashes(std::string_view utf8_text) {
  // A port of codeql-action's hash(): a rolling polynomial hash, mod 2^64, over the last
  // kBlockSize units that are not spaces or tabs, with CR and CRLF read as LF.
  constexpr std::size_t kBlockSize = 100;
  constexpr std::uint64_t kMod = 37;
  const std::uint64_t first_mod = [] {
    std::uint64_t p = 1;
    for (std::size_t k = 0; k < kBlockSize; ++k) p *= kMod;  // wraps mod 2^64 by design
    return p;
  }();
  constexpr std::int64_t kNoLine = -1;

  std::array<std::uint64_t, kBlockSize> window{};
  std::array<std::int64_t, kBlockSize> line_numbers;
  line_numbers.fill(kNoLine);
  std::uint64_t hash = 0;
  std::size_t index = 0;
  std::int64_t line = 0;
  bool at_line_start = true;
  bool prev_cr = false;
  std::unordered_map<std::uint64_t, int> seen;
  std::vector<std::string> out;

  const auto emit = [&] {
    const int count = ++seen[hash];
    const auto line_index = static_cast<std::size_t>(line_numbers[index] - 1);
    if (out.size() <= line_index) out.resize(line_index + 1);
    out[line_index] = fmt::format("{:x}:{}", hash, count);
    line_numbers[index] = kNoLine;
  };
  const auto update = [&](std::uint64_t unit) {
    const std::uint64_t leaving = window[index];
    window[index] = unit;
    hash = kMod * hash + unit - first_mod * leaving;
    index = (index + 1) % kBlockSize;
  };
  const auto process = [&](std::uint64_t unit) {
    if (unit == ' ' || unit == '\t' || (prev_cr && unit == '\n')) {
      prev_cr = false;
      return;
    }
    if (unit == '\r') {
      unit = '\n';
      prev_cr = true;
    } else {
      prev_cr = false;
    }
    if (line_numbers[index] != kNoLine) emit();
    if (at_line_start) {
      at_line_start = false;
      line_numbers[index] = ++line;
    }
    if (unit == '\n') at_line_start = true;
    update(unit);
  };

  for (const std::uint16_t unit : utf16_units(utf8_text)) process(unit);
  process(65535);  // the end-of-file marker starts one more line
  for (std::size_t k = 0; k < kBlockSize; ++k) {
    if (line_numbers[index] != kNoLine) emit();
    update(0);
  }
  return out;
}

}  // namespace netlint::report
