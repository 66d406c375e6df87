// Splits a YAML stream into its documents at column-0 `---` and `...` markers, so that each
// document is parsed alone: one broken document never loses its siblings, and a huge stream is
// never held as one parse tree (yaml-cpp's LoadAll keeps every document alive until it returns).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace netlint::yaml {

struct DocumentSpan {
  std::uint32_t begin = 0;  // byte offset in the file (includes a leading `---` line if any)
  std::uint32_t end = 0;
};

// Returns the documents of `text` that hold anything besides blank lines, comments and
// directives. `text` must not include a byte-order mark (the caller skips it and offsets).
std::vector<DocumentSpan> split_documents(std::string_view text, std::uint32_t base_offset = 0);

}  // namespace netlint::yaml
