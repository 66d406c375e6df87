#include "analyzer/loader/text_encoding.h"

#include <cstdint>

#include "analyzer/util/utf8.h"

namespace netlint {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

std::uint32_t unit(const std::string& text, std::size_t at, std::size_t width, bool little) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const auto byte = static_cast<unsigned char>(text[at + (little ? width - 1 - i : i)]);
    value = (value << 8) | byte;
  }
  return value;
}

std::string decode_utf16(const std::string& text, std::size_t from, bool little) {
  std::string out;
  out.reserve(text.size() / 2);
  std::size_t i = from;
  for (; i + 1 < text.size(); i += 2) {
    const std::uint32_t u = unit(text, i, 2, little);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < text.size()) {
      const std::uint32_t low = unit(text, i + 2, 2, little);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        utf8::append(out, static_cast<char32_t>(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)));
        i += 2;
        continue;
      }
    }
    utf8::append(out, u >= 0xD800 && u <= 0xDFFF ? kReplacement : static_cast<char32_t>(u));
  }
  if (i < text.size()) utf8::append(out, kReplacement);  // an odd trailing byte
  return out;
}

std::string decode_utf32(const std::string& text, std::size_t from, bool little) {
  std::string out;
  out.reserve(text.size() / 4);
  std::size_t i = from;
  for (; i + 3 < text.size(); i += 4) {
    const std::uint32_t u = unit(text, i, 4, little);
    const bool valid = u <= 0x10FFFF && !(u >= 0xD800 && u <= 0xDFFF);
    utf8::append(out, valid ? static_cast<char32_t>(u) : kReplacement);
  }
  if (i < text.size()) utf8::append(out, kReplacement);
  return out;
}

bool ascii_letter_or_mark(char c) {
  return c != 0 && static_cast<unsigned char>(c) < 0x80;
}

}  // namespace

const char* encoding_name(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::kUtf8:
      return "UTF-8";
    case SourceEncoding::kUtf16Le:
      return "UTF-16LE";
    case SourceEncoding::kUtf16Be:
      return "UTF-16BE";
    case SourceEncoding::kUtf32Le:
      return "UTF-32LE";
    case SourceEncoding::kUtf32Be:
      return "UTF-32BE";
  }
  return "?";
}

SourceEncoding detect_encoding(const std::string& text) {
  const auto starts = [&](std::string_view prefix) { return text.compare(0, prefix.size(), prefix) == 0; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\x00\x00"sv)) return SourceEncoding::kUtf32Le;
  if (starts("\x00\x00\xFE\xFF"sv)) return SourceEncoding::kUtf32Be;
  if (starts("\xFF\xFE"sv)) return SourceEncoding::kUtf16Le;
  if (starts("\xFE\xFF"sv)) return SourceEncoding::kUtf16Be;
  if (text.size() >= 4) {
    if (ascii_letter_or_mark(text[0]) && text[1] == 0 && ascii_letter_or_mark(text[2]) && text[3] == 0)
      return SourceEncoding::kUtf16Le;
    if (text[0] == 0 && ascii_letter_or_mark(text[1]) && text[2] == 0 && ascii_letter_or_mark(text[3]))
      return SourceEncoding::kUtf16Be;
  }
  return SourceEncoding::kUtf8;
}

SourceEncoding normalise_text(std::string& text) {
  const SourceEncoding encoding = detect_encoding(text);
  // UTF-16 may come without its mark (detected by its NULs); the mark is two bytes when present.
  const bool bom = !text.empty() && static_cast<unsigned char>(text[0]) >= 0xFE;
  switch (encoding) {
    case SourceEncoding::kUtf8:
      break;
    case SourceEncoding::kUtf16Le:
      text = decode_utf16(text, bom ? 2 : 0, true);
      break;
    case SourceEncoding::kUtf16Be:
      text = decode_utf16(text, bom ? 2 : 0, false);
      break;
    case SourceEncoding::kUtf32Le:
      text = decode_utf32(text, 4, true);
      break;
    case SourceEncoding::kUtf32Be:
      text = decode_utf32(text, 4, false);
      break;
  }
  for (std::size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1)) {
    if (i + 1 == text.size() || text[i + 1] != '\n') text[i] = '\n';
  }
  return encoding;
}

}  // namespace netlint
