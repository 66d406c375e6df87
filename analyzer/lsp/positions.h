// Byte offsets (netlint's positions everywhere) -> LSP positions: 0-based line and a character
// counted in UTF-16 code units, the encoding LSP 3.17 mandates unless another is negotiated.
#pragma once

#include <cstdint>
#include <string_view>

#include "analyzer/source/source_file.h"

namespace netlint::lsp {

struct Position {
  std::uint32_t line = 0;       // 0-based
  std::uint32_t character = 0;  // 0-based, UTF-16 code units
};

// `offset` is clamped to the text; the index must have been built from `text`.
Position to_position(const LineIndex& index, std::string_view text, std::uint32_t offset);

}  // namespace netlint::lsp
