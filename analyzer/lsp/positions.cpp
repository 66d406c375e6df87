#include "analyzer/lsp/positions.h"

#include <algorithm>

namespace netlint::lsp {

Position to_position(const LineIndex& index, std::string_view text, std::uint32_t offset) {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const LineColumn at = index.position(text, offset);
  return Position{at.line - 1, at.column_utf16 - 1};
}

}  // namespace netlint::lsp
