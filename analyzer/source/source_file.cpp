#include "analyzer/source/source_file.h"

#include <algorithm>

namespace netlint {

LineIndex::LineIndex(std::string_view text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // A lone CR is a line break too (old Mac files); CRLF counts once.
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}

LineColumn LineIndex::position(std::string_view text, std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());  // 1-based
  const std::uint32_t start = line_starts_[line - 1];
  LineColumn result;
  result.line = line;
  // Count code points and UTF-16 units up to the offset: a UTF-8 continuation byte
  // (10xxxxxx) never starts a code point; a 4-byte sequence needs a surrogate pair.
  for (std::uint32_t i = start; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    ++result.column;
    result.column_utf16 += (byte >= 0xF0) ? 2 : 1;
  }
  return result;
}

std::string_view LineIndex::line_text(std::string_view text, std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text.size());
  while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return text.substr(start, end - start);
}

}  // namespace netlint
