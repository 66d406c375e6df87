#include "analyzer/source/helm_rendered.h"

#include <algorithm>
#include <unordered_map>

namespace netlint {
namespace {

constexpr std::string_view kSourcePrefix = "# Source: ";

// The line starting at `at`, without its line break.
std::string_view line_at(std::string_view text, std::size_t at) {
  const std::size_t end = text.find('\n', at);
  std::string_view line = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

bool document_marker(std::string_view line) {
  return line == "---" || line.starts_with("--- ") || line.starts_with("---\t");
}

}  // namespace

std::vector<RenderedSource> split_helm_sources(std::string_view text) {
  // Documents: split at `---` lines; each keeps its marker so the joined text parses the same.
  struct Document {
    std::string_view source;
    std::string_view text;
  };
  std::vector<Document> documents;
  bool any_source = false;
  std::size_t start = 0;
  std::string_view source;
  bool at_document_start = true;
  for (std::size_t at = 0; at < text.size();) {
    const std::string_view line = line_at(text, at);
    const std::size_t next =
        std::min(text.size(), at + line.size() + (text.substr(at + line.size()).starts_with("\r\n") ? 2 : 1));
    if (document_marker(line) && at != 0) {
      documents.push_back({source, text.substr(start, at - start)});
      start = at;
      source = {};
      at_document_start = true;
    } else if (at_document_start && line.starts_with(kSourcePrefix)) {
      // Helm writes it first in the document, right after `---`.
      source = line.substr(kSourcePrefix.size());
      while (!source.empty() && (source.back() == ' ' || source.back() == '\t')) source.remove_suffix(1);
      any_source = any_source || !source.empty();
      at_document_start = false;
    } else if (!document_marker(line)) {
      at_document_start = at_document_start && (line.empty() || line.starts_with('#'));
    }
    at = next;
  }
  if (start < text.size()) documents.push_back({source, text.substr(start)});
  if (!any_source) return {};

  // Sources in order of first appearance, found by name (a chart renders hundreds of templates).
  std::vector<RenderedSource> out;
  std::unordered_map<std::string_view, std::size_t> index_of;
  for (const Document& d : documents) {
    const auto [slot, added] = index_of.try_emplace(d.source, out.size());
    if (added) out.push_back(RenderedSource{std::string(d.source), {}});
    std::string& joined = out[slot->second].text;
    joined += d.text;
    if (!joined.empty() && joined.back() != '\n') joined += '\n';
  }
  return out;
}

}  // namespace netlint
