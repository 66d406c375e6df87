// Parses one YAML document (a span of a file produced by split_documents) into a Tree.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "analyzer/yaml/tree.h"

namespace netlint::yaml {

struct ParseError {
  std::uint32_t offset = 0;  // absolute byte offset of the error
  std::string message;       // yaml-cpp's message, e.g. "illegal map value"
  bool too_deep = false;     // nesting beyond yaml-cpp's recursion limit (DepthGuard<500>)
  std::uint32_t end = 0;     // where the offending token ends, when known (a duplicate key)
};

struct ParseResult {
  std::optional<Tree> tree;  // absent for an empty document or on error
  std::optional<ParseError> error;
  // Keys written twice in one mapping (at the later key). kubectl's reader rejects such a
  // document ("mapping key already defined"); the tree keeps the last value, as lenient readers
  // (yaml.v2, Helm) do, so the rest of the document is still analyzed.
  std::vector<ParseError> duplicate_keys;
};

// `file_text` is the whole file; [begin, end) the document. Marks are offset to file positions.
ParseResult parse_document(std::string_view file_text, std::uint32_t begin, std::uint32_t end, FileId file);

// Computes where a scalar token that starts at `begin` ends (exclusive), from its style and its
// processed value: quoted scalars end after their closing quote, plain ones after their text
// (a multi-line plain scalar after its first line), block scalars after their header's
// indicators (`|`, `>-`, `|2+`; a comment on the header line is not part of the token).
std::uint32_t scalar_token_end(std::string_view file_text, std::uint32_t begin, ScalarStyle style,
                               std::string_view value);

}  // namespace netlint::yaml
