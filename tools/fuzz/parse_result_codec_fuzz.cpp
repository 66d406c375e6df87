// libFuzzer target: the on-disk parse cache's encoding of parsed documents
// (yaml/parse_result_codec). The input is read two ways: as YAML, whose first document's parse
// must encode and decode to the same tree; and as a damaged cache entry, which must be refused
// or decode to a tree whose every node can be walked within the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/parse_result_codec.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

std::size_t walk(const netlint::yaml::NodeRef& node, std::uint32_t text_size, int depth) {
  if (depth > 600 || !node) return 0;
  require(node.node().end <= text_size);
  std::size_t n = 1;
  if (node.is_map()) {
    for (std::uint32_t i = 0; i < node.size(); ++i) n += walk(node.value_at(i), text_size, depth + 1);
  } else if (node.is_sequence()) {
    for (std::uint32_t i = 0; i < node.size(); ++i) n += walk(node.item(i), text_size, depth + 1);
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace netlint::yaml;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto text_size = static_cast<std::uint32_t>(size);
  const auto spans = split_documents(text);
  if (!spans.empty()) {
    const ParseResult parsed = parse_document(text, spans[0].begin, spans[0].end, 0);
    std::string bytes;
    if (encode_parse_result(parsed, bytes)) {
      std::string_view in = bytes;
      ParseResult decoded;
      require(decode_parse_result(in, 0, text_size, decoded));
      require(in.empty());
      require(decoded.tree.has_value() == parsed.tree.has_value());
      if (parsed.tree) {
        require(decoded.tree->nodes.size() == parsed.tree->nodes.size());
        require(decoded.tree->children == parsed.tree->children);
        for (std::size_t i = 0; i < parsed.tree->nodes.size(); ++i) {
          require(decoded.tree->nodes[i].value == parsed.tree->nodes[i].value);
          require(decoded.tree->nodes[i].begin == parsed.tree->nodes[i].begin);
          require(decoded.tree->nodes[i].end == parsed.tree->nodes[i].end);
        }
      }
      require(decoded.error.has_value() == parsed.error.has_value());
      require(decoded.duplicate_keys.size() == parsed.duplicate_keys.size());
    }
  }
  std::string_view entry = text;
  ParseResult damaged;
  if (decode_parse_result(entry, 0, text_size, damaged) && damaged.tree) walk(root_of(*damaged.tree), text_size, 0);
  return 0;
}
