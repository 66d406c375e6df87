// The document splitter: where one document of a stream ends and the next begins.
#include <doctest/doctest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/testing/text_offsets.h"
#include "analyzer/yaml/document_splitter.h"

namespace netlint::yaml {
namespace {

using testing::offset_of;
using testing::Span;
using testing::span_of;

std::vector<Span> split(std::string_view text, std::uint32_t base = 0) {
  std::vector<Span> out;
  for (const DocumentSpan& d : split_documents(text, base)) out.push_back({d.begin, d.end});
  return out;
}

std::uint32_t size_of(std::string_view text) {
  return static_cast<std::uint32_t>(text.size());
}

}  // namespace

TEST_CASE("splitter: a stream without markers is one document") {
  const std::string text = "a: 1\nb: 2\n";
  CHECK(split(text) == std::vector<Span>{{0, size_of(text)}});
  // No trailing line break.
  CHECK(split("a: 1") == std::vector<Span>{{0, 4}});
}

TEST_CASE("splitter: `---` starts a document, and its span includes the marker line") {
  const std::string text = "---\na: 1\n---\nb: 2\n";
  const auto second = offset_of(text, "---", 1);
  CHECK(split(text) == std::vector<Span>{{0, second}, {second, size_of(text)}});
  // Content before the first marker is a document of its own.
  const std::string bare_first = "a: 1\n---\nb: 2\n";
  CHECK(split(bare_first) == std::vector<Span>{{0, 5}, {5, size_of(bare_first)}});
}

TEST_CASE("splitter: `--- ` with content on the same line") {
  const std::string text = "--- {a: 1}\n--- |\n  text\n---   # only a comment\n--- !!map\nb: 2\n";
  const auto m1 = offset_of(text, "--- |");
  const auto m2 = offset_of(text, "---   #");
  const auto m3 = offset_of(text, "--- !!map");
  // The third document holds only a comment and is dropped.
  CHECK(split(text) == std::vector<Span>{{0, m1}, {m1, m2}, {m3, size_of(text)}});
}

TEST_CASE("splitter: `...` ends a document") {
  const std::string text = "a: 1\n...\nb: 2\n";
  CHECK(split(text) == std::vector<Span>{{0, 5}, {9, size_of(text)}});
  // `...` then `---`: nothing between them, so no empty document.
  const std::string then_marker = "a: 1\n...\n---\nb: 2\n";
  CHECK(split(then_marker) == std::vector<Span>{{0, 5}, {9, size_of(then_marker)}});
  // A final `...` leaves nothing after it.
  CHECK(split("a: 1\n...\n") == std::vector<Span>{{0, 5}});
  // `... # comment` is a marker too.
  CHECK(split("a: 1\n... # end\n") == std::vector<Span>{{0, 5}});
}

TEST_CASE("splitter: documents with only comments, blanks or directives are dropped") {
  const std::string text = "# header comment\n\n---\n# just a comment\n   \n---\n---\na: 1\n";
  const auto last = offset_of(text, "---", 2);
  CHECK(split(text) == std::vector<Span>{{last, size_of(text)}});
  // A directive belongs to the document after it; the directive-only span is dropped.
  const std::string directive = "%YAML 1.1\n---\na: 1\n";
  CHECK(split(directive) == std::vector<Span>{{10, size_of(directive)}});
  CHECK(split("").empty());
  CHECK(split("---\n").empty());
  CHECK(split("a: 1\n---").size() == 1);  // a final marker without a line break
}

TEST_CASE("splitter: only column-0 markers followed by a blank or the line end split") {
  // `---` indented inside a block scalar is content.
  const std::string block = "data:\n  corefile: |\n    ---\n    more\n---\nb: 2\n";
  const auto marker = offset_of(block, "\n---") + 1;
  CHECK(split(block) == std::vector<Span>{{0, marker}, {marker, size_of(block)}});
  // `----`, `---x` and `...x` are plain text, not markers.
  CHECK(split("a: |\n----\n---x\n...x\n").size() == 1);
  // A marker followed by a tab.
  CHECK(split("a: 1\n---\tb\n").size() == 2);
}

TEST_CASE("splitter: CRLF line endings") {
  const std::string text = "a: 1\r\n---\r\nb: 2\r\n...\r\nc: 3\r\n---\r\n# comment\r\n";
  const auto m1 = offset_of(text, "---");
  const auto dots = offset_of(text, "...");
  CHECK(split(text) == std::vector<Span>{{0, m1}, {m1, dots}, {dots + 5, offset_of(text, "---", 1)}});
}

TEST_CASE("splitter: the base offset is added to every span") {
  // The loader splits after a byte-order mark and passes its length as the base.
  const std::string text = "a: 1\n---\nb: 2\n";
  CHECK(split(text, 3) == std::vector<Span>{{3, 8}, {8, 3 + size_of(text)}});
}

}  // namespace netlint::yaml
