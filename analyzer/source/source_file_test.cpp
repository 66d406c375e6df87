#include <doctest/doctest.h>

#include "analyzer/source/source_file.h"

namespace netlint {

TEST_CASE("LineIndex: 1-based lines, code-point and UTF-16 columns") {
  const std::string text = "a: 1\nnäme: \xF0\x9F\x98\x80x\r\nlast";
  const LineIndex index(text);
  CHECK(index.line_count() == 3);
  auto p = index.position(text, 0);
  CHECK(p.line == 1);
  CHECK(p.column == 1);
  // "x" after "näme: " and an emoji (4 bytes, 1 code point, 2 UTF-16 units).
  const auto x = static_cast<std::uint32_t>(text.find('x'));
  p = index.position(text, x);
  CHECK(p.line == 2);
  CHECK(p.column == 8);
  CHECK(p.column_utf16 == 9);
  CHECK(index.line_text(text, 2) == "näme: \xF0\x9F\x98\x80x");  // CRLF stripped
  p = index.position(text, static_cast<std::uint32_t>(text.find("last")));
  CHECK(p.line == 3);
  CHECK(p.column == 1);
}

}  // namespace netlint
