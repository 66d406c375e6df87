// Test helpers for asserting positions: find a token in a test text and compare byte ranges
// with readable failure messages.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace netlint::testing {

// A half-open byte range, printable in failure messages.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Span& s) {
    return os << "[" << s.begin << "," << s.end << ")";
  }
};

// The byte offset of the `nth` occurrence (0-based) of `needle` in `text`.
inline std::uint32_t offset_of(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE_MESSAGE(at != std::string_view::npos, "not found: ", std::string(needle));
  return static_cast<std::uint32_t>(at);
}

// The span of the `nth` occurrence of `needle`: what a token written as `needle` should cover.
inline Span span_of(std::string_view text, std::string_view needle, int nth = 0) {
  const std::uint32_t at = offset_of(text, needle, nth);
  return {at, at + static_cast<std::uint32_t>(needle.size())};
}

}  // namespace netlint::testing
