#include "analyzer/report/line_hash.h"

#include <array>
#include <unordered_map>

#include <fmt/format.h>

namespace netlint::report {
namespace {

constexpr std::uint16_t kReplacement = 0xFFFD;

// The number of bytes of a well-formed UTF-8 sequence starting at `i`, and its code point;
// 0 when the bytes at `i` are not one (then the caller emits U+FFFD for the maximal invalid prefix).
struct Decoded {
  std::size_t length = 0;      // 0: invalid
  std::size_t consumed = 1;    // bytes to skip when invalid (the maximal subpart, at least 1)
  char32_t code_point = 0;
};

Decoded decode(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {1, 1, b0};
  std::size_t need = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte (WHATWG UTF-8 decoder)
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {};
  }
  std::size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= s.size()) return {0, k, 0};
    const unsigned char b = byte(i + k);
    const unsigned char low = k == 1 ? lo : 0x80, high = k == 1 ? hi : 0xBF;
    if (b < low || b > high) return {0, k, 0};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return {need + 1, need + 1, cp};
}

}  // namespace

std::vector<std::uint16_t> utf16_units(std::string_view utf8_text) {
  std::vector<std::uint16_t> units;
  units.reserve(utf8_text.size());
  for (std::size_t i = 0; i < utf8_text.size();) {
    const Decoded d = decode(utf8_text, i);
    if (d.length == 0) {
      units.push_back(kReplacement);
      i += d.consumed;
      continue;
    }
    i += d.length;
    if (d.code_point >= 0x10000) {
      const char32_t v = d.code_point - 0x10000;
      units.push_back(static_cast<std::uint16_t>(0xD800 + (v >> 10)));
      units.push_back(static_cast<std::uint16_t>(0xDC00 + (v & 0x3FF)));
    } else {
      units.push_back(static_cast<std::uint16_t>(d.code_point));
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
