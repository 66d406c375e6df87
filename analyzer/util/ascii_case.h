// ASCII case mapping for names and keys (hosts, variable names, config keys): locale-free, so
// that `İ` or a Turkish locale never changes what a key matches.
#pragma once

#include <string>
#include <string_view>

namespace netlint {

inline std::string ascii_lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline std::string ascii_uppercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace netlint
