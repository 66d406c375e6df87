#include "analyzer/yaml/document_splitter.h"

namespace netlint::yaml {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// YAML lets every document of a stream start with a byte-order mark (a document prefix), as
// files concatenated from editors that write one have it; the marker after it still counts.
std::string_view without_bom(std::string_view line) {
  return line.substr(0, 3) == kBom ? line.substr(3) : line;
}

bool is_marker(std::string_view line, std::string_view marker) {
  line = without_bom(line);
  if (line.substr(0, 3) != marker) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r' || line[3] == '\n';
}

// True when the span holds YAML content rather than only blank lines, comments, directives
// (`%YAML`) and the document start marker itself.
bool has_content(std::string_view chunk) {
  std::size_t pos = 0;
  while (pos < chunk.size()) {
    std::size_t eol = chunk.find('\n', pos);
    if (eol == std::string_view::npos) eol = chunk.size();
    std::string_view line = without_bom(chunk.substr(pos, eol - pos));
    if (is_marker(line, "---"))
      line.remove_prefix(3);
    else if (!line.empty() && line[0] == '%')
      line = {};
    const auto first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return true;
    pos = eol + 1;
  }
  return false;
}

}  // namespace

std::vector<DocumentSpan> split_documents(std::string_view text, std::uint32_t base_offset) {
  std::vector<DocumentSpan> out;
  std::size_t doc_begin = 0;
  auto flush = [&](std::size_t end) {
    if (end > doc_begin && has_content(text.substr(doc_begin, end - doc_begin))) {
      out.push_back(
          {static_cast<std::uint32_t>(base_offset + doc_begin), static_cast<std::uint32_t>(base_offset + end)});
    }
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    const std::size_t next = (eol == std::string_view::npos) ? text.size() : eol + 1;
    const std::string_view line = text.substr(pos, next - pos);
    if (is_marker(line, "---")) {
      flush(pos);
      doc_begin = pos;
      // A bare marker line followed by a line that starts with a byte-order mark: the document
      // starts at the mark, which the parser skips at a span's start.
      const std::string_view rest = without_bom(line).substr(3);
      if (rest.find_first_not_of(" \t\r\n") == std::string_view::npos && text.substr(next, 3) == kBom) doc_begin = next;
    } else if (is_marker(line, "...")) {
      flush(pos);
      doc_begin = next;  // what follows `...` is a bare document only if it has content
    }
    pos = next;
  }
  flush(text.size());
  return out;
}

}  // namespace netlint::yaml
