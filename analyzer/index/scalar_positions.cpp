#include "analyzer/index/scalar_positions.h"

#include <algorithm>

namespace netlint::index {
namespace {

SourceRange range_at(const SourceRange& scalar, std::size_t begin, std::size_t length) {
  return {scalar.file, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + length)};
}

std::optional<SourceRange> literal_block_range(const model::Text& scalar, std::string_view file_text,
                                               std::size_t offset, std::size_t length) {
  const std::string& value = scalar.value;
  const std::size_t header_end = scalar.range.end;
  for (std::size_t i = scalar.range.begin + 1; i < header_end; ++i) {
    if (file_text[i] >= '0' && file_text[i] <= '9') return std::nullopt;  // `|2`: explicit indentation
  }
  // The value's line and column.
  const std::size_t previous_break = offset == 0 ? std::string::npos : value.rfind('\n', offset - 1);
  const std::size_t value_line_begin = previous_break == std::string::npos ? 0 : previous_break + 1;
  const std::size_t column = offset - value_line_begin;
  std::size_t line_index = 0;
  for (std::size_t i = 0; i < value_line_begin; ++i) {
    if (value[i] == '\n') ++line_index;
  }
  std::size_t value_line_end = value.find('\n', value_line_begin);
  if (value_line_end == std::string::npos) value_line_end = value.size();
  if (offset + length > value_line_end) return std::nullopt;
  const std::string_view value_line =
      std::string_view(value).substr(value_line_begin, value_line_end - value_line_begin);

  // The file's lines after the header.
  std::size_t pos = file_text.find('\n', header_end);
  if (pos == std::string_view::npos) return std::nullopt;
  const std::size_t content_begin = pos + 1;
  std::size_t indent = 0;
  for (std::size_t p = content_begin; p < file_text.size();) {  // the first non-blank line's indentation
    std::size_t spaces = 0;
    while (p + spaces < file_text.size() && file_text[p + spaces] == ' ') ++spaces;
    const std::size_t after = p + spaces;
    if (after < file_text.size() && file_text[after] != '\n' && file_text[after] != '\r') {
      indent = spaces;
      break;
    }
    const std::size_t nl = file_text.find('\n', p);
    if (nl == std::string_view::npos) return std::nullopt;
    p = nl + 1;
  }
  if (indent == 0) return std::nullopt;
  std::size_t file_line = content_begin;
  for (std::size_t i = 0; i < line_index; ++i) {
    const std::size_t nl = file_text.find('\n', file_line);
    if (nl == std::string_view::npos) return std::nullopt;
    file_line = nl + 1;
  }
  std::size_t file_line_end = file_text.find('\n', file_line);
  if (file_line_end == std::string_view::npos) file_line_end = file_text.size();
  if (file_line_end > file_line && file_text[file_line_end - 1] == '\r') --file_line_end;
  if (file_line + indent > file_line_end) return std::nullopt;
  if (file_text.substr(file_line + indent, file_line_end - file_line - indent) != value_line) return std::nullopt;
  return range_at(scalar.range, file_line + indent + column, length);
}

}  // namespace

std::optional<SourceRange> scalar_value_range(const model::Text& scalar, std::string_view file_text, std::size_t offset,
                                              std::size_t length) {
  const SourceRange& r = scalar.range;
  const std::string& value = scalar.value;
  if (!r.valid() || r.begin >= r.end || r.end > file_text.size() || offset + length > value.size()) return std::nullopt;
  const char first = file_text[r.begin];
  if (first == '|') return literal_block_range(scalar, file_text, offset, length);
  if (first == '>') return std::nullopt;
  const std::size_t quote = first == '"' || first == '\'' ? 1 : 0;
  if (r.end - r.begin != value.size() + 2 * quote) return std::nullopt;
  if (file_text.substr(r.begin + quote, value.size()) != value) return std::nullopt;
  return range_at(r, r.begin + quote + offset, length);
}

std::string_view scalar_source_bytes(const model::Text& scalar, std::string_view file_text) {
  const SourceRange& r = scalar.range;
  if (!r.valid() || r.begin >= r.end || r.end > file_text.size()) return {};
  if (file_text[r.begin] != '|') return file_text.substr(r.begin, r.end - r.begin);
  // The header line, then one line per line of the value (literal_block_range reads the first
  // non-blank one for the indentation, and the value's line i for its position).
  const std::size_t lines = static_cast<std::size_t>(std::count(scalar.value.begin(), scalar.value.end(), '\n')) + 1;
  std::size_t end = r.end;
  for (std::size_t i = 0; i <= lines && end < file_text.size(); ++i) {
    const std::size_t nl = file_text.find('\n', end);
    end = nl == std::string_view::npos ? file_text.size() : nl + 1;
  }
  return file_text.substr(r.begin, end - r.begin);
}

}  // namespace netlint::index
