// Mapping positions inside scalar values back to the YAML text.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "analyzer/index/scalar_positions.h"

namespace netlint::index {
namespace {

// The scalar whose token starts at `token` in `file` and is `token_length` long, with `value`.
model::Text scalar(std::string_view file, std::string_view token, std::size_t token_length, std::string value) {
  const auto begin = static_cast<std::uint32_t>(file.find(token));
  return model::Text{std::move(value), SourceRange{0, begin, begin + static_cast<std::uint32_t>(token_length)}};
}

// The file text at the mapped range of `needle` inside the value; empty when not mapped.
std::string mapped(std::string_view file, const model::Text& s, std::string_view needle) {
  const std::size_t at = s.value.find(needle);
  REQUIRE(at != std::string::npos);
  const auto range = scalar_value_range(s, file, at, needle.size());
  if (!range) return {};
  CHECK(range->file == 0);
  std::ostringstream out;
  out << file.substr(range->begin, range->end - range->begin) << '@' << range->begin;
  return out.str();
}

}  // namespace

TEST_SUITE("references: positions") {
  TEST_CASE("single-line plain and quoted scalars map; escapes and folding do not") {
    const std::string file =
        "a: http://orders:80/x\nb: \"http://orders:80\"\nc: 'it''s orders'\nd: \"tab\\torders\"\n"
        "e: first\n  orders line\n";
    const model::Text a = scalar(file, "http://orders:80/x", 18, "http://orders:80/x");
    CHECK(mapped(file, a, "orders") == "orders@10");
    const model::Text b = scalar(file, "\"http://orders:80\"", 18, "http://orders:80");
    CHECK(mapped(file, b, "orders") == "orders@33");
    CHECK(mapped(file, scalar(file, "'it''s", 15, "it's orders"), "orders").empty());
    CHECK(mapped(file, scalar(file, "\"tab", 14, "tab\torders"), "orders").empty());
    CHECK(mapped(file, scalar(file, "first", 5, "first orders line"), "orders").empty());
    CHECK(!scalar_value_range(model::Text{"x", {}}, file, 0, 1));  // no position
  }

  TEST_CASE("literal blocks map line by line, less the block's indentation") {
    const std::string file =
        "data:\n  app.properties: |-   # comment\n    a=1\n\n    db.url=jdbc:postgresql://db:5432/x\n"
        "      nested=http://orders:80\n  other: x\n";
    const model::Text block =
        scalar(file, "|-", 2, "a=1\n\ndb.url=jdbc:postgresql://db:5432/x\n  nested=http://orders:80");
    CHECK(mapped(file, block, "db:5432") == "db:5432@77");
    CHECK(mapped(file, block, "orders") == "orders@107");
    CHECK(mapped(file, block, "a=1") == "a=1@43");
    CHECK(mapped(file, block, "1\n").empty());  // spans a line break
  }

  TEST_CASE("CRLF line ends, explicit indentation, folded blocks and changed lines") {
    const std::string crlf = "k: |\r\n  host=db\r\n  url=http://orders\r\n";
    CHECK(mapped(crlf, scalar(crlf, "|", 1, "host=db\nurl=http://orders\n"), "orders") == "orders@30");
    const std::string explicit_indent = "k: |2\n   host=db\n";
    CHECK(mapped(explicit_indent, scalar(explicit_indent, "|2", 2, " host=db\n"), "db").empty());
    const std::string folded = "k: >\n  host=db\n";
    CHECK(mapped(folded, scalar(folded, ">", 1, "host=db\n"), "db").empty());
    const std::string changed = "k: |\n  host=db\n";
    CHECK(mapped(changed, scalar(changed, "|", 1, "host=xx\n"), "xx").empty());
  }

  TEST_CASE("source bytes: what the mapping reads, so a kept mapping is keyed on them") {
    const std::string file =
        "data:\n  app.properties: |-\n    a=1\n\n    url=http://orders:80\n  other: x\n  flow: 'http://db:5432'\n";
    const model::Text block = scalar(file, "|-", 2, "a=1\n\nurl=http://orders:80");
    CHECK(scalar_source_bytes(block, file) == "|-\n    a=1\n\n    url=http://orders:80\n");
    CHECK(scalar_source_bytes(scalar(file, "'http", 16, "http://db:5432"), file) == "'http://db:5432'");
    CHECK(scalar_source_bytes(model::Text{"x", {}}, file).empty());  // no position
    // The block's last line is the last one the mapping reads: the same block elsewhere maps alike.
    const std::string moved = "# moved\n" + file.substr(0, file.find("  other")) + "  other: y\n";
    const model::Text moved_block = scalar(moved, "|-", 2, block.value);
    CHECK(scalar_source_bytes(moved_block, moved) == scalar_source_bytes(block, file));
    CHECK(mapped(moved, moved_block, "orders") == "orders@59");
    CHECK(mapped(file, block, "orders") == "orders@51");
  }
}

}  // namespace netlint::index
