#include "analyzer/util/display_text.h"

#include <fmt/format.h>

namespace netlint {
namespace {

bool needs_escape(char32_t c) {
  if (c == '\t') return false;
  if (c < 0x20 || c == 0x7F) return true;
  if (c >= 0x80 && c <= 0x9F) return true;  // C1 controls
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 ||
         c == 0x2029;  // bidi, separators
}

}  // namespace

std::string printable_code_point(const utf8::CodePoint& c, std::string_view bytes) {
  if (!c.valid) {
    std::string out;
    for (char b : bytes.substr(0, c.length))
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(b)));
    return out;
  }
  if (!needs_escape(c.value)) {
    std::string out;
    utf8::append(out, c.value);
    return out;
  }
  switch (c.value) {
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case 0x1B:
      return "\\e";
    default:
      break;
  }
  if (c.value < 0x80) return fmt::format("\\x{:02x}", static_cast<unsigned>(c.value));
  return fmt::format("\\u{:04x}", static_cast<unsigned>(c.value));
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const utf8::CodePoint c = utf8::decode(text, i);
    if (c.valid && !needs_escape(c.value))
      out.append(text.substr(i, c.length));
    else
      out += printable_code_point(c, text.substr(i, c.length));
    i += c.length;
  }
  return out;
}

}  // namespace netlint
