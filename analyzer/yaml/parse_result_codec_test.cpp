// The parse cache's encoding of a parsed document: what is decoded is what was parsed (every
// node field, errors, keys written twice), under another FileId; damaged bytes are refused or
// decode to a tree that is safe to walk, never a crash.
#include "analyzer/yaml/parse_result_codec.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "analyzer/yaml/node_ref.h"

namespace netlint::yaml {
namespace {

ParseResult parse(const std::string& text, FileId file = 3) {
  return parse_document(text, 0, static_cast<std::uint32_t>(text.size()), file);
}

void check_same(const ParseResult& a, const ParseResult& b, FileId file) {
  REQUIRE(a.tree.has_value() == b.tree.has_value());
  if (a.tree) {
    CHECK(b.tree->file == file);
    CHECK(a.tree->root == b.tree->root);
    CHECK(a.tree->children == b.tree->children);
    REQUIRE(a.tree->nodes.size() == b.tree->nodes.size());
    for (std::size_t i = 0; i < a.tree->nodes.size(); ++i) {
      const Node &x = a.tree->nodes[i], &y = b.tree->nodes[i];
      CHECK(x.kind == y.kind);
      CHECK(x.style == y.style);
      CHECK(x.flow == y.flow);
      CHECK(x.explicit_tag == y.explicit_tag);
      CHECK(x.begin == y.begin);
      CHECK(x.end == y.end);
      CHECK(x.first_child == y.first_child);
      CHECK(x.child_count == y.child_count);
      CHECK(x.alias_target == y.alias_target);
      CHECK(x.file == y.file);
      CHECK(x.value == y.value);
      CHECK(x.tag == y.tag);
    }
  }
  REQUIRE(a.error.has_value() == b.error.has_value());
  if (a.error) {
    CHECK(a.error->offset == b.error->offset);
    CHECK(a.error->end == b.error->end);
    CHECK(a.error->too_deep == b.error->too_deep);
    CHECK(a.error->message == b.error->message);
  }
  REQUIRE(a.duplicate_keys.size() == b.duplicate_keys.size());
  for (std::size_t i = 0; i < a.duplicate_keys.size(); ++i) {
    CHECK(a.duplicate_keys[i].offset == b.duplicate_keys[i].offset);
    CHECK(a.duplicate_keys[i].message == b.duplicate_keys[i].message);
  }
}

const char* const kDocuments[] = {
    "apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: {app: 'x'}}\nspec:\n  ports: [80, \"443\"]\n",
    "base: &b {k: v, n: 1}\nuse: *b\nmerged:\n  <<: *b\n  k: w\ntagged: !!str 5\nblock: |\n  line\nfolded: >-\n  a\n",
    "a: 1\na: 2\nb: {c: 1, c: 2}\n",  // keys written twice
    "kind: [broken\n",                // a parse error
    "~\n",
    "",
};

TEST_CASE("parse result codec: a decoded parse equals the parse, under the FileId it is read for") {
  for (const char* text : kDocuments) {
    CAPTURE(text);
    const ParseResult parsed = parse(text);
    std::string bytes;
    REQUIRE(encode_parse_result(parsed, bytes));
    std::string_view in = bytes;
    ParseResult decoded;
    REQUIRE(decode_parse_result(in, 9, static_cast<std::uint32_t>(std::string_view(text).size()), decoded));
    CHECK(in.empty());
    ParseResult expected = parse(text, 9);
    check_same(expected, decoded, 9);
  }
}

TEST_CASE("parse result codec: results follow one another, and every truncation is refused") {
  std::string bytes;
  const std::string text = kDocuments[1];
  REQUIRE(encode_parse_result(parse(text), bytes));
  const std::size_t one = bytes.size();
  REQUIRE(encode_parse_result(parse(text), bytes));
  std::string_view in = bytes;
  ParseResult a, b;
  REQUIRE(decode_parse_result(in, 1, static_cast<std::uint32_t>(text.size()), a));
  CHECK(in.size() == bytes.size() - one);
  REQUIRE(decode_parse_result(in, 1, static_cast<std::uint32_t>(text.size()), b));
  CHECK(in.empty());
  for (std::size_t n = 0; n < one; ++n) {
    std::string_view prefix = std::string_view(bytes).substr(0, n);
    ParseResult out;
    CHECK_FALSE(decode_parse_result(prefix, 1, static_cast<std::uint32_t>(text.size()), out));
  }
}

TEST_CASE("parse result codec: offsets beyond the text are refused (the entry belongs to another text)") {
  const std::string text = kDocuments[0];
  std::string bytes;
  REQUIRE(encode_parse_result(parse(text), bytes));
  std::string_view in = bytes;
  ParseResult out;
  CHECK_FALSE(decode_parse_result(in, 1, static_cast<std::uint32_t>(text.size() / 2), out));
}

TEST_CASE("parse result codec: a tree with nodes of another file (a kustomize build's) is not encoded") {
  ParseResult parsed = parse(kDocuments[0]);
  parsed.tree->nodes[1].file = 7;
  std::string bytes = "kept";
  CHECK_FALSE(encode_parse_result(parsed, bytes));
  CHECK(bytes == "kept");
}

// Walks every node through NodeRef the way extraction does: must terminate on anything decoded.
std::size_t walk(const NodeRef& node, int depth) {
  if (depth > 200 || !node) return 0;
  std::size_t n = 1;
  if (node.is_map()) {
    for (std::uint32_t i = 0; i < node.size(); ++i) n += walk(node.value_at(i), depth + 1);
  } else if (node.is_sequence()) {
    for (std::uint32_t i = 0; i < node.size(); ++i) n += walk(node.item(i), depth + 1);
  }
  return n;
}

TEST_CASE("parse result codec: damaged bytes are refused or decode to a tree safe to walk") {
  const std::string text = kDocuments[1];
  std::string bytes;
  REQUIRE(encode_parse_result(parse(text), bytes));
  std::mt19937 rng(21);
  std::size_t refused = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string damaged = bytes;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) damaged[rng() % damaged.size()] = static_cast<char>(rng() & 0xFF);
    std::string_view in = damaged;
    ParseResult out;
    if (!decode_parse_result(in, 1, static_cast<std::uint32_t>(text.size()), out)) {
      ++refused;
      continue;
    }
    if (out.tree) CHECK(walk(root_of(*out.tree), 0) >= 1);
  }
  CHECK(refused > 0);
}

}  // namespace
}  // namespace netlint::yaml
