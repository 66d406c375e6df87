// UTF-8 decoding, strict as RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
// One home for the reporters that must never pass invalid bytes on (JSON, terminals).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace netlint::utf8 {

struct CodePoint {
  char32_t value = 0;
  // Bytes taken. For an invalid sequence, its maximal subpart (the lead byte and the continuation
  // bytes that fit it before the first that does not, at least 1): each subpart is one U+FFFD, as
  // the WHATWG/Unicode decoders replace it (and GitHub's fingerprints count it).
  std::uint32_t length = 1;
  bool valid = false;
};

// The code point starting at byte `at` (< text.size()).
CodePoint decode(std::string_view text, std::size_t at);

// Appends `c` encoded as UTF-8.
void append(std::string& out, char32_t c);

// `text` with every byte that is not part of a valid sequence replaced by U+FFFD.
std::string replace_invalid(std::string_view text);

}  // namespace netlint::utf8
