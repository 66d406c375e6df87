// Small ASCII string helpers that many files had their own copy of. Locale-free: a manifest's
// bytes mean the same under any locale. Case mapping lives in ascii_case.h; suffix and prefix
// tests are std::string_view::ends_with/starts_with (C++20).
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

namespace netlint {

constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Not empty and only 0-9.
constexpr bool all_ascii_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

// The blanks trim() strips unless told otherwise: C's isspace in the "C" locale.
inline constexpr std::string_view kAsciiSpace = " \t\n\r\f\v";

// C's isspace in the "C" locale, whatever the process locale.
constexpr bool is_ascii_space(char c) {
  return kAsciiSpace.find(c) != std::string_view::npos;
}

// `text` without leading and trailing characters from `blanks`.
constexpr std::string_view trim(std::string_view text, std::string_view blanks = kAsciiSpace) {
  const std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

// The pieces between separators, empty ones included: "a,,b" is {"a", "", "b"}, "" is {""}.
inline std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> items;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    items.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return items;
    start = at + 1;
  }
}

}  // namespace netlint
