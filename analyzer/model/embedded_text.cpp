#include "analyzer/model/embedded_text.h"

#include <algorithm>

namespace netlint::model {
namespace {

std::vector<std::uint32_t> line_starts(std::string_view text) {
  std::vector<std::uint32_t> starts{0};
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

std::uint32_t leading_spaces(std::string_view line) {
  std::uint32_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

}  // namespace

EmbeddedText EmbeddedText::whole_file(FileId file, std::string_view text) {
  EmbeddedText e;
  e.text_ = text;
  e.file_ = file;
  e.anchor_ = SourceRange{file, 0, 0};
  e.exact_ = true;
  e.line_begin_ = {0};
  e.parent_begin_ = {0};
  return e;
}

EmbeddedText EmbeddedText::config_map_value(const ConfigMapEntry& entry, std::string_view file_text) {
  // Not exact: the ConfigMap key, unless the value was written in another file than its key (a
  // kustomize patch replaced it, inline in a kustomization): then where the value was written.
  const bool written_elsewhere = entry.value.range.valid() && entry.value.range.file != entry.key.range.file;
  return scalar(entry.value.value, entry.value.range, written_elsewhere ? entry.value.range : entry.key.range,
                file_text);
}

EmbeddedText EmbeddedText::scalar(std::string_view value_text, SourceRange token, SourceRange anchor,
                                  std::string_view file_text) {
  EmbeddedText e;
  e.text_ = value_text;
  e.file_ = token.file;
  e.anchor_ = anchor;
  if (!token.valid() || token.end > file_text.size()) return e;
  const std::string_view value = e.text_;

  // A value whose token is its text byte for byte (a kustomize generator's source file or env
  // line, read whole) maps linearly.
  if (token.end - token.begin == value.size() && file_text.substr(token.begin, value.size()) == value) {
    e.exact_ = true;
    e.line_begin_ = {0};
    e.parent_begin_ = {token.begin};
    return e;
  }
  if (value.find('\n') == std::string_view::npos) {
    // A single-line scalar maps exactly when its bytes are written as they read.
    const char first = token.begin < file_text.size() ? file_text[token.begin] : '\0';
    const std::uint32_t start = (first == '"' || first == '\'') ? token.begin + 1 : token.begin;
    if (file_text.substr(start, value.size()) == value && first != '|' && first != '>') {
      e.exact_ = true;
      e.line_begin_ = {0};
      e.parent_begin_ = {start};
    }
    return e;
  }
  // Multi-line: only a literal block scalar without an explicit indentation indicator keeps
  // every byte in place (folding and escapes change them).
  const std::string_view header = file_text.substr(token.begin, token.end - token.begin);
  if (header.empty() || header[0] != '|' || header.find_first_of("0123456789") != std::string_view::npos) return e;
  const std::size_t header_line_end = file_text.find('\n', token.end);
  if (header_line_end == std::string_view::npos) return e;
  std::vector<std::uint32_t> parent_lines;  // starts of the content lines in the file
  for (std::size_t at = header_line_end + 1; at <= file_text.size();) {
    parent_lines.push_back(static_cast<std::uint32_t>(at));
    const std::size_t next = file_text.find('\n', at);
    if (next == std::string_view::npos) break;
    at = next + 1;
  }
  const std::vector<std::uint32_t> value_lines = line_starts(value);
  if (parent_lines.size() < value_lines.size()) return e;
  // The block's indentation is that of its first non-blank line.
  std::uint32_t indent = 0;
  for (std::size_t i = 0; i < value_lines.size(); ++i) {
    const std::size_t next = file_text.find('\n', parent_lines[i]);
    const std::string_view line = file_text.substr(
        parent_lines[i], next == std::string_view::npos ? std::string_view::npos : next - parent_lines[i]);
    if (line.find_first_not_of(" \r") != std::string_view::npos) {
      indent = leading_spaces(line);
      break;
    }
  }
  std::vector<std::uint32_t> parent_begin;
  parent_begin.reserve(value_lines.size());
  for (std::size_t i = 0; i < value_lines.size(); ++i) {
    const std::uint32_t vb = value_lines[i];
    const std::uint32_t ve =
        i + 1 < value_lines.size() ? value_lines[i + 1] - 1 : static_cast<std::uint32_t>(value.size());
    const std::string_view value_line = value.substr(vb, ve - vb);
    const std::size_t next = file_text.find('\n', parent_lines[i]);
    const std::string_view line = file_text.substr(
        parent_lines[i], next == std::string_view::npos ? std::string_view::npos : next - parent_lines[i]);
    const std::uint32_t skip = std::min(indent, leading_spaces(line));
    // Safety: the content must read back byte for byte, else positions would be wrong.
    if (line.substr(skip, value_line.size()) != value_line) return e;
    parent_begin.push_back(parent_lines[i] + skip);
  }
  e.exact_ = true;
  e.line_begin_ = value_lines;
  e.parent_begin_ = std::move(parent_begin);
  return e;
}

std::uint32_t EmbeddedText::map_offset(std::uint32_t offset) const {
  const auto it = std::upper_bound(line_begin_.begin(), line_begin_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_begin_.begin()) - 1;
  return parent_begin_[line] + (offset - line_begin_[line]);
}

SourceRange EmbeddedText::map(std::uint32_t begin, std::uint32_t end) const {
  if (!exact_ || line_begin_.empty()) return anchor_;
  begin = std::min<std::uint32_t>(begin, static_cast<std::uint32_t>(text_.size()));
  end = std::clamp<std::uint32_t>(end, begin, static_cast<std::uint32_t>(text_.size()));
  // An end at the start of a line belongs to the line before (its line break).
  const std::uint32_t mapped_begin = map_offset(begin);
  const std::uint32_t mapped_end = end == begin ? mapped_begin : map_offset(end - 1) + 1;
  return SourceRange{file_, mapped_begin, mapped_end};
}

}  // namespace netlint::model
