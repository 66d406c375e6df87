// Pins down what yaml-cpp's marks give once the tree builder has turned them into byte ranges:
// keys, plain/quoted/block scalars, flow collections, properties (anchors and tags), nulls,
// multi-byte text, CRLF, documents after the first, parse errors, deep nesting and alias bombs.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>

#include "analyzer/testing/source_paths.h"
#include "analyzer/testing/text_offsets.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::yaml {
namespace {

using testing::offset_of;
using testing::Span;
using testing::span_of;

// A zero-width span at `offset`.
Span point(std::uint32_t offset) {
  return {offset, offset};
}

Span span(const NodeRef& node) {
  REQUIRE(node);
  return {node.node().begin, node.node().end};
}

// The value node stored under `key`, before NodeRef resolves an alias.
const Node& raw_value(const Tree& tree, const NodeRef& map, std::string_view key) {
  REQUIRE(map.is_map());
  for (std::uint32_t i = 0; i < map.size(); ++i) {
    if (map.key_at(i).scalar() == key) return tree.node(tree.children[map.node().first_child + 2 * i + 1]);
  }
  FAIL("no key ", std::string(key));
  return tree.node(0);
}

// Parses all of `text` as one document; the test fails if it does not parse.
Tree parse(std::string_view text) {
  ParseResult result = parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE_MESSAGE(!result.error, "unexpected parse error: ", (result.error ? result.error->message : ""));
  REQUIRE(result.tree);
  return std::move(*result.tree);
}

ParseError parse_error(std::string_view text, std::uint32_t begin = 0) {
  ParseResult result = parse_document(text, begin, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE(result.error);
  CHECK_FALSE(result.tree);
  return *result.error;
}

}  // namespace

TEST_CASE("tree builder: map keys and plain scalars span exactly their text") {
  const std::string text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web   # trailing comment\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);
  REQUIRE(root.is_map());
  CHECK(root.size() == 3);

  const auto kind = root.find("kind");
  CHECK(span(kind.key) == span_of(text, "kind"));
  CHECK(span(kind.value) == span_of(text, "Service"));
  CHECK(kind.value.scalar() == "Service");
  CHECK(kind.value.style() == ScalarStyle::kPlain);
  CHECK_FALSE(kind.value.quoted());
  CHECK_FALSE(kind.value.node().explicit_tag);

  // Blanks and the comment after a plain scalar are not part of it.
  const NodeRef name = root.get("metadata").get("name");
  CHECK(span(name) == span_of(text, "web"));

  // A block mapping starts at its first key and ends where its last value ends.
  CHECK(span(root.get("metadata")) == Span{offset_of(text, "name"), offset_of(text, "web") + 3});
  CHECK(span(root) == Span{0, offset_of(text, "web") + 3});

  // The range is also what NodeRef::range() hands to the model, with the file id.
  const SourceRange range = name.range();
  CHECK(range.file == 0);
  CHECK(range.begin == offset_of(text, "web"));
  CHECK(range.end == offset_of(text, "web") + 3);
}

TEST_CASE("tree builder: quoted scalars span their quotes, values are unescaped") {
  const std::string text =
      "single: 'it''s'\n"
      "double: \"a\\\"b\\n\\u00e9\"\n"
      "empty: ''\n"
      "'quoted key': 1\n"
      "backslash: \"ends in \\\\\"\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);

  const NodeRef single = root.get("single");
  CHECK(span(single) == span_of(text, "'it''s'"));
  CHECK(single.scalar() == "it's");
  CHECK(single.style() == ScalarStyle::kSingleQuoted);
  CHECK(single.quoted());

  const NodeRef dbl = root.get("double");
  CHECK(span(dbl) == span_of(text, "\"a\\\"b\\n\\u00e9\""));
  CHECK(dbl.scalar() == "a\"b\n\xC3\xA9");
  CHECK(dbl.style() == ScalarStyle::kDoubleQuoted);

  const NodeRef empty = root.get("empty");
  CHECK(span(empty) == Span{offset_of(text, "empty: ''") + 7, offset_of(text, "empty: ''") + 9});
  CHECK(empty.scalar().empty());
  CHECK(empty.is_scalar());

  // A quoted key is found by its value and spans its quotes.
  const auto quoted_key = root.find("quoted key");
  CHECK(span(quoted_key.key) == span_of(text, "'quoted key'"));
  CHECK(quoted_key.key.style() == ScalarStyle::kSingleQuoted);

  // An escaped backslash before the closing quote does not escape the quote.
  CHECK(span(root.get("backslash")) == span_of(text, "\"ends in \\\\\""));
  CHECK(root.get("backslash").scalar() == "ends in \\");
}

TEST_CASE("tree builder: block scalars span their header, starting at the indicator") {
  const std::string text =
      "literal: |\n"
      "  line1\n"
      "  line2\n"
      "folded: >-\n"
      "  a\n"
      "  b\n"
      "kept: |2+ # a comment is not part of the token\n"
      "    x\n"
      "after: y\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);

  const NodeRef literal = root.get("literal");
  CHECK(span(literal) == span_of(text, "|"));
  CHECK(literal.style() == ScalarStyle::kLiteral);
  CHECK(literal.scalar() == "line1\nline2\n");
  CHECK(literal.quoted());  // not plain: never YAML-1.1-typed as a number or boolean

  const NodeRef folded = root.get("folded");
  CHECK(span(folded) == span_of(text, ">-"));
  CHECK(folded.style() == ScalarStyle::kFolded);
  CHECK(folded.scalar() == "a b");

  const NodeRef kept = root.get("kept");
  CHECK(span(kept) == span_of(text, "|2+"));
  CHECK(kept.scalar() == "  x\n");

  // The content lines are not mistaken for keys.
  CHECK(span(root.find("after").key) == span_of(text, "after"));
}

TEST_CASE("tree builder: multi-line scalars") {
  const std::string text = "plain: first\n  second\nquoted: \"x\n  y\"\nnext: 1\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);
  // A multi-line plain scalar spans its first line (its visible extent on the key's line).
  CHECK(root.get("plain").scalar() == "first second");
  CHECK(span(root.get("plain")) == span_of(text, "first"));
  // A multi-line quoted scalar spans up to its closing quote.
  CHECK(root.get("quoted").scalar() == "x y");
  CHECK(span(root.get("quoted")) == span_of(text, "\"x\n  y\""));
}

TEST_CASE("tree builder: flow maps and sequences span their brackets") {
  const std::string text =
      "labels: {app: web, tier: \"x\"}\n"
      "list: [a, \"b\", 3]\n"
      "empty_map: {}\n"
      "empty_list: [ ]\n"
      "nested: [ [1], {k: v} ]  # comment\n"
      "trailing: { a: 1 , }\n"
      "commented: [a, # ] in a comment\n"
      "  b ]\n"
      "pair: [a: 1, b]\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);

  const NodeRef labels = root.get("labels");
  REQUIRE(labels.is_map());
  CHECK(labels.node().flow);
  CHECK(span(labels) == span_of(text, "{app: web, tier: \"x\"}"));
  CHECK(span(labels.find("app").key) == span_of(text, "app"));
  CHECK(span(labels.get("app")) == span_of(text, "web"));
  CHECK(span(labels.get("tier")) == span_of(text, "\"x\""));
  CHECK(labels.get("tier").style() == ScalarStyle::kDoubleQuoted);

  const NodeRef list = root.get("list");
  REQUIRE(list.is_sequence());
  CHECK(list.node().flow);
  CHECK(span(list) == span_of(text, "[a, \"b\", 3]"));
  CHECK(list.size() == 3);
  CHECK(span(list.item(1)) == span_of(text, "\"b\""));
  CHECK(span(list.item(2)) == Span{offset_of(text, "3]"), offset_of(text, "3]") + 1});

  CHECK(span(root.get("empty_map")) == span_of(text, "{}"));
  CHECK(root.get("empty_map").size() == 0);
  CHECK(span(root.get("empty_list")) == span_of(text, "[ ]"));

  const NodeRef nested = root.get("nested");
  CHECK(span(nested) == span_of(text, "[ [1], {k: v} ]"));
  CHECK(span(nested.item(0)) == span_of(text, "[1]"));
  CHECK(span(nested.item(1)) == span_of(text, "{k: v}"));

  CHECK(span(root.get("trailing")) == span_of(text, "{ a: 1 , }"));
  // A bracket inside a comment does not close the sequence.
  CHECK(span(root.get("commented")) == span_of(text, "[a, # ] in a comment\n  b ]"));
  CHECK(root.get("commented").size() == 2);

  // `[a: 1]` holds a single-pair mapping: flow style, but no braces to span.
  const NodeRef pair = root.get("pair");
  CHECK(span(pair) == span_of(text, "[a: 1, b]"));
  REQUIRE(pair.item(0).is_map());
  CHECK(span(pair.item(0)) == Span{offset_of(text, "[a: 1") + 1, offset_of(text, "[a: 1") + 5});
}

TEST_CASE("tree builder: anchored and tagged nodes start at their value") {
  const std::string text =
      "anchored: &a value\n"
      "tagged: !!str 80\n"
      "both: &b !!str 443\n"
      "custom: !custom x\n"
      "alias: *a\n"
      "base: &base\n"
      "  port: 80\n"
      "tagmap: !!map # comment\n"
      "  k: v\n"
      "seq: &s\n"
      "  - item\n"
      "later: &l !!str\n"
      "  on the next line\n"
      "flowmap: &f {x: 1}\n"
      "empty_block: !!str |\n"
      "empty_plain: !!str\n"
      "empty_quoted: !!str\n"
      "  \"\"\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);

  const NodeRef anchored = root.get("anchored");
  CHECK(span(anchored) == span_of(text, "value"));
  CHECK_FALSE(anchored.node().explicit_tag);

  // `!!str 80`: the range is the value, explicit_tag is set and the tag is resolved.
  const NodeRef tagged = root.get("tagged");
  CHECK(span(tagged) == span_of(text, "80"));
  CHECK(tagged.node().explicit_tag);
  CHECK(tagged.node().tag == "tag:yaml.org,2002:str");
  CHECK(tagged.style() == ScalarStyle::kPlain);

  CHECK(span(root.get("both")) == span_of(text, "443"));
  CHECK(root.get("both").node().explicit_tag);
  CHECK(span(root.get("custom")) == Span{offset_of(text, "!custom x") + 8, offset_of(text, "!custom x") + 9});
  CHECK(root.get("custom").node().tag == "!custom");

  // An alias node spans `*a`; NodeRef resolves it to the anchored node.
  const Node& alias_node = raw_value(tree, root, "alias");
  CHECK(alias_node.kind == NodeKind::kAlias);
  CHECK(Span{alias_node.begin, alias_node.end} == span_of(text, "*a"));
  CHECK(root.get("alias").id() == anchored.id());

  // An anchored or tagged block collection on the following lines starts at its first entry,
  // not at the line break or comment after its properties.
  CHECK(span(root.get("base")) == span_of(text, "port: 80"));
  CHECK(span(root.get("tagmap")) == span_of(text, "k: v"));
  CHECK(root.get("tagmap").node().explicit_tag);
  CHECK(span(root.get("seq")) == span_of(text, "- item"));
  CHECK(span(root.get("later")) == span_of(text, "on the next line"));
  CHECK(root.get("later").scalar() == "on the next line");
  CHECK(span(root.get("flowmap")) == span_of(text, "{x: 1}"));

  // Empty tagged scalars: a block header on the same line is the token; with nothing after the
  // tag, the node is zero-width right after it (the next line is the next key); an empty quoted
  // string on the next line is found there.
  CHECK(span(root.get("empty_block")) ==
        Span{offset_of(text, "|\nempty_plain"), offset_of(text, "|\nempty_plain") + 1});
  CHECK(root.get("empty_block").style() == ScalarStyle::kLiteral);
  CHECK(span(root.get("empty_plain")) == point(offset_of(text, "empty_plain: !!str") + 18));
  CHECK(root.get("empty_plain").scalar().empty());
  CHECK(span(root.get("empty_quoted")) == span_of(text, "\"\""));
  CHECK(root.get("empty_quoted").style() == ScalarStyle::kDoubleQuoted);
}

TEST_CASE("tree builder: null values") {
  const std::string text =
      "empty:\n"
      "tilde: ~\n"
      "word: null\n"
      "commented:   # nothing here\n"
      "\n"
      "  # nor here\n"
      "list:\n"
      "- \n"
      "- x\n"
      "flow: {a: }\n"
      "anchored: &n\n"
      "tagged: !!null\n"
      "last: \n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);

  // `key:` with nothing after it: a zero-width null right after the colon (yaml-cpp's mark is
  // the next key, a line below).
  const NodeRef empty = root.get("empty");
  CHECK(empty.is_null());
  CHECK(span(empty) == point(offset_of(text, "empty:") + 6));
  CHECK(empty.node().value.empty());

  CHECK(root.get("tilde").is_null());
  CHECK(span(root.get("tilde")) == span_of(text, "~"));
  CHECK(root.get("tilde").node().value == "~");
  CHECK(root.get("word").is_null());
  CHECK(span(root.get("word")) == span_of(text, "null"));

  // Blank lines and comments between the colon and the next key are skipped.
  CHECK(span(root.get("commented")) == point(offset_of(text, "commented:") + 10));

  // An empty sequence item sits right after its dash.
  const NodeRef list = root.get("list");
  REQUIRE(list.size() == 2);
  CHECK(list.item(0).is_null());
  CHECK(span(list.item(0)) == point(offset_of(text, "- \n") + 1));

  // In a flow mapping.
  CHECK(root.get("flow").get("a").is_null());
  CHECK(span(root.get("flow").get("a")) == point(offset_of(text, "{a:") + 3));

  // With properties but no value: right after the properties.
  CHECK(root.get("anchored").is_null());
  CHECK(span(root.get("anchored")) == point(offset_of(text, "&n") + 2));
  // yaml-cpp reports `!!null` as a tagged scalar; the builder makes it the null it is.
  const NodeRef tagged = root.get("tagged");
  CHECK(tagged.is_null());
  CHECK(tagged.node().explicit_tag);
  CHECK(span(tagged) == point(offset_of(text, "!!null") + 6));

  // At the end of the document too.
  CHECK(span(root.get("last")) == point(offset_of(text, "last:") + 5));
}

TEST_CASE("tree builder: multi-byte UTF-8 before a scalar gives byte offsets") {
  // "näme" is 5 bytes, the emoji 4 bytes: offsets count bytes, not characters.
  const std::string text = "n\xC3\xA4me: \xF0\x9F\x98\x80 x\nz: \"\xC3\xA9\"\nafter: v\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);
  CHECK(span(root.find("n\xC3\xA4me").key) == Span{0, 5});
  CHECK(span(root.get("n\xC3\xA4me")) == Span{7, 13});
  CHECK(root.get("n\xC3\xA4me").scalar() == "\xF0\x9F\x98\x80 x");
  CHECK(span(root.get("z")) == span_of(text, "\"\xC3\xA9\""));
  CHECK(span(root.get("after")) == Span{offset_of(text, "after: v") + 7, offset_of(text, "after: v") + 8});
}

TEST_CASE("tree builder: CRLF line endings keep offsets exact") {
  const std::string text =
      "a: 1\r\nb: \"x\"\r\nc: |\r\n  t\r\nx: &x plain text\r\nd: &m\r\n  e: *x\r\nn:\r\nf: [1, 2]\r\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);
  CHECK(span(root.get("a")) == span_of(text, "1"));
  CHECK(span(root.get("b")) == span_of(text, "\"x\""));
  CHECK(span(root.get("c")) == span_of(text, "|"));  // the header stops before the CR
  CHECK(root.get("c").scalar() == "t\n");            // yaml-cpp normalises the break
  CHECK(span(root.get("d")) == span_of(text, "e: *x"));
  // An alias ends before the CR.
  const Node& alias = raw_value(tree, root.get("d"), "e");
  CHECK(alias.kind == NodeKind::kAlias);
  CHECK(Span{alias.begin, alias.end} == span_of(text, "*x"));
  CHECK(span(root.get("x")) == span_of(text, "plain text"));
  CHECK(span(root.get("n")) == point(offset_of(text, "n:") + 2));
  CHECK(span(root.get("f")) == span_of(text, "[1, 2]"));
}

TEST_CASE("tree builder: a later document of a file has absolute offsets") {
  const std::string text = "kind: First\n---\nkind: Second\nname: web\n";
  const auto begin = offset_of(text, "---");
  ParseResult result = parse_document(text, begin, static_cast<std::uint32_t>(text.size()), 7);
  REQUIRE(result.tree);
  CHECK(result.tree->file == 7);
  const NodeRef root = root_of(*result.tree);
  CHECK(span(root.get("kind")) == span_of(text, "Second"));
  CHECK(span(root.get("name")) == span_of(text, "web"));
  CHECK(root.get("name").range().file == 7);

  // The first document ends before the marker: nothing of the second is read.
  result = parse_document(text, 0, begin, 7);
  REQUIRE(result.tree);
  CHECK(root_of(*result.tree).size() == 1);
  CHECK(span(root_of(*result.tree).get("kind")) == span_of(text, "First"));
}

TEST_CASE("tree builder: a byte-order mark at the start of a span is skipped") {
  // yaml-cpp drops a BOM from its marks; the builder skips it so offsets stay file offsets.
  const std::string text =
      "\xEF\xBB\xBF"
      "a: 1\n";
  const Tree tree = parse(text);
  CHECK(span(root_of(tree).find("a").key) == Span{3, 4});
  CHECK(span(root_of(tree).get("a")) == Span{6, 7});
}

TEST_CASE("tree builder: a syntax error is reported inside its document") {
  // A key indented less than its siblings ends the mapping early: yaml-cpp points at it.
  const std::string bad_indent = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n labels: x\n";
  ParseError error = parse_error(bad_indent);
  CHECK(error.offset == offset_of(bad_indent, "labels"));
  CHECK(error.message == "end of map not found");
  CHECK_FALSE(error.too_deep);

  // Indented more: the colon after `labels` is the illegal map value.
  const std::string over_indent = "metadata:\n  name: web\n    labels: x\n";
  error = parse_error(over_indent);
  CHECK(error.offset == offset_of(over_indent, ": x"));
  CHECK(error.message == "illegal map value");

  // The same error in a later document has an absolute offset inside that document.
  const std::string two_docs = "a: 1\n---\n" + bad_indent;
  const auto second = offset_of(two_docs, "---");
  error = parse_error(two_docs, second);
  CHECK(error.offset == offset_of(two_docs, "labels"));
  CHECK(error.offset > second);
  CHECK(error.offset < two_docs.size());

  // An unclosed flow sequence: the error is within the document, never past its end.
  const std::string unclosed = "a: [1, 2\n";
  error = parse_error(unclosed);
  CHECK(error.offset <= unclosed.size());
  CHECK(error.message == "end of sequence flow not found");
}

TEST_CASE("tree builder: an unterminated quoted scalar is an error") {
  // yaml-cpp 0.7 reports "illegal EOF in scalar" only when no line break precedes the end of
  // the input; a document span always ends with one, and the rest of the document would be
  // swallowed into the scalar. The builder rejects it at the opening quote.
  for (const std::string& text : {std::string("a: \"unterminated\nb: 3\n"), std::string("a: 'unterminated\nb: 3\n"),
                                  std::string("a: \"escaped close\\\"\n")}) {
    CAPTURE(text);
    const ParseError error = parse_error(text);
    CHECK(error.offset == 3);
    CHECK(error.message == "illegal EOF in scalar");
  }
  // A lone quote at the end: yaml-cpp reads it as " " (or "" without the line break).
  CHECK(parse_error("a: 1\nb: \"\n").offset == 8);
  // Without the final line break yaml-cpp throws by itself, marking the end of the input.
  const ParseError at_eof = parse_error("a: \"x");
  CHECK(at_eof.offset == 5);
  CHECK(at_eof.message == "illegal EOF in scalar");
  // A document cut before the next `---` is checked against its own end, not the file's.
  const std::string file = "a: \"open\n---\nb: \"closed\"\n";
  ParseResult result = parse_document(file, 0, offset_of(file, "---"), 0);
  REQUIRE(result.error);
  CHECK(result.error->offset == 3);
}

TEST_CASE("tree builder: nesting beyond yaml-cpp's limit is a too_deep error, not a crash") {
  SUBCASE("20,000 nested flow sequences") {
    const std::string text = std::string(20000, '[') + std::string(20000, ']') + "\n";
    const ParseError error = parse_error(text);
    CHECK(error.too_deep);
    // Points where nesting got too deep (yaml-cpp's own mark is where its scanner stopped).
    CHECK(error.offset > 400);
    CHECK(error.offset < 600);
    CHECK(text[error.offset] == '[');
  }
  SUBCASE("unclosed, under a key") {
    const std::string text = "a: " + std::string(20000, '[') + "\n";
    const ParseError error = parse_error(text);
    CHECK(error.too_deep);
    CHECK(error.offset < text.size());
    CHECK(text[error.offset] == '[');
  }
  SUBCASE("nested flow maps") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "{a: ";
    const ParseError error = parse_error(text);
    CHECK(error.too_deep);
    CHECK(text[error.offset] == '{');
  }
  SUBCASE("400 levels still parse") {
    const std::string text = std::string(400, '[') + std::string(400, ']') + "\n";
    const Tree tree = parse(text);
    CHECK(tree.nodes.size() == 400);
    CHECK(span(root_of(tree)) == Span{0, 800});
  }
}

TEST_CASE("tree builder: an alias bomb stays a small tree, and navigating it is bounded") {
  // "Billion laughs": ten levels of ten aliases each would expand to 10^10 scalars.
  std::string text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char level = '1'; level <= '9'; ++level) {
    // lN: &lN [*lM, *lM, ...] with M = N - 1
    text.append("l").append(1, level).append(": &l").append(1, level).append(" [");
    for (int i = 0; i < 10; ++i) text.append(i == 0 ? "*l" : ", *l").append(1, static_cast<char>(level - 1));
    text.append("]\n");
  }
  const Tree tree = parse(text);
  // Root + 10 keys + 10 sequences of 10 items: aliases are nodes, never expansions. The node count
  // is the bound (an expansion would make 10^10 nodes); no clock, which fails only on loaded machines.
  CHECK(tree.nodes.size() == 121);

  // Walking down the last level follows one alias per step.
  NodeRef node = root_of(tree).get("l9");
  for (int level = 9; level > 0; --level) {
    REQUIRE(node.is_sequence());
    CHECK(node.size() == 10);
    node = node.item(9);
  }
  REQUIRE(node.is_sequence());
  CHECK(node.item(9).scalar() == "lol");
  CHECK(span(node.item(9)) == span_of(text, "lol", 9));
}

TEST_CASE("tree builder: an alias inside its own anchored node is a parse error, as kubectl reports it") {
  // yaml-cpp registers the anchor when the collection starts, so `*a` inside it refers to the
  // collection itself: a node that contains itself. kubectl refuses it ("anchor 'a' value contains
  // itself"); a tree with such a cycle sent every recursive walk (the canonical hash) into a stack
  // overflow.
  for (const std::string text : {"a: &a [x, *a]\n", "data: &a {k: *a}\n", "a: &a\n  b:\n    - c: *a\n"}) {
    CAPTURE(text);
    const ParseResult parsed = parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
    REQUIRE(parsed.error);
    CHECK(parsed.error->message.find("would contain itself") != std::string::npos);
    CHECK(parsed.error->offset == testing::offset_of(text, "*a"));
  }
  // An alias to a node that is already closed is fine, also when used inside a sibling.
  const std::string fine = "a: &a [x]\nb: {c: *a}\n";
  const ParseResult parsed = parse_document(fine, 0, static_cast<std::uint32_t>(fine.size()), 0);
  CHECK_FALSE(parsed.error);
}

TEST_CASE("tree builder: scalar_token_end") {
  const std::string text = "x: \"a\\\"b\" 'c''d' plain  |2- # c\n";
  CHECK(scalar_token_end(text, offset_of(text, "\"a"), ScalarStyle::kDoubleQuoted, "a\"b") == offset_of(text, " 'c"));
  CHECK(scalar_token_end(text, offset_of(text, "'c"), ScalarStyle::kSingleQuoted, "c'd") == offset_of(text, " plain"));
  CHECK(scalar_token_end(text, offset_of(text, "plain"), ScalarStyle::kPlain, "plain") == offset_of(text, "plain") + 5);
  CHECK(scalar_token_end(text, offset_of(text, "|2-"), ScalarStyle::kLiteral, "") == offset_of(text, "|2-") + 3);
}

}  // namespace netlint::yaml

namespace netlint::yaml {

TEST_CASE("tree builder: a mapping or list as a mapping key is a parse error, as kubectl reports it") {
  // yaml-cpp accepts `{{cell}}` (a flow map whose key is a flow map); Kubernetes' reader says
  // "invalid map key". Unfilled template placeholders must therefore not become objects.
  const std::string text = "metadata:\n  name: etcd-{{cell}}\nspec:\n  selector:\n    cell: {{cell}}\n";
  const ParseResult parsed = parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE(parsed.error);
  CHECK(parsed.error->message.find("invalid map key") != std::string::npos);
  CHECK(parsed.error->offset == testing::offset_of(text, "{cell}", 1));  // the inner map of `cell: {{cell}}`
  const std::string list_key = "? [a, b]\n: value\n";
  CHECK(parse_document(list_key, 0, static_cast<std::uint32_t>(list_key.size()), 0).error);
  const std::string fine = "a: {b: c}\n";
  CHECK(!parse_document(fine, 0, static_cast<std::uint32_t>(fine.size()), 0).error);
}

TEST_CASE("tree builder: a key written twice in one mapping is recorded, and the last value is kept") {
  // kubectl's reader rejects such a document ("mapping key already defined"); lenient readers
  // keep the last value. The tree does the latter, and the loader reports NL0001.
  for (const std::string text :
       {"a: 1\na: 2\n", "m: {x: 1, y: 2, x: 2}\n", "l:\n- name: a\n  image: x\n  image: 2\n", "'a': 1\na: 2\n"}) {
    CAPTURE(text);
    const ParseResult parsed = parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
    REQUIRE_FALSE(parsed.error);
    REQUIRE(parsed.duplicate_keys.size() == 1);
    CHECK(parsed.duplicate_keys[0].message.find("already defined") != std::string::npos);
  }
  const std::string later = "a: 1\nb: 2\na: 3\n";
  const ParseResult parsed = parse_document(later, 0, static_cast<std::uint32_t>(later.size()), 0);
  REQUIRE(parsed.duplicate_keys.size() == 1);
  CHECK(parsed.duplicate_keys[0].offset == testing::offset_of(later, "a: 3"));  // the later key
  CHECK(parsed.duplicate_keys[0].end == testing::offset_of(later, "a: 3") + 1);
  const NodeRef root = root_of(*parsed.tree);
  CHECK(root.size() == 2);
  CHECK(root.get("a").scalar() == "3");  // the last value, as lenient readers keep it
  CHECK(root.get("b").scalar() == "2");
  // Merge keys may repeat; the same key in sibling mappings is no duplicate.
  for (const std::string fine : {"a: &a {x: 1}\nb: &b {y: 1}\nm: {<<: *a, <<: *b}\n", "- {a: 1}\n- {a: 2}\n"}) {
    CAPTURE(fine);
    const ParseResult ok = parse_document(fine, 0, static_cast<std::uint32_t>(fine.size()), 0);
    CHECK_FALSE(ok.error);
    CHECK(ok.duplicate_keys.empty());
  }
}

TEST_CASE("tree builder: every node range stays inside the text, even where yaml-cpp's marks run past it") {
  // Found by the parse_result_codec fuzzer: a NUL byte in a comment made yaml-cpp report a
  // scalar 11 bytes past the document's end, and scalar_token_end threw std::out_of_range.
  std::ifstream in(testing::source_dir() + "/tools/fuzz/crashes/parse_result_codec/nul-in-comment-mark-past-end",
                   std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(text.size() > 300);
  for (const DocumentSpan& span : split_documents(text)) {
    const ParseResult parsed = parse_document(text, span.begin, span.end, 0);
    if (!parsed.tree) continue;
    for (const Node& node : parsed.tree->nodes) {
      CHECK(node.begin <= node.end);
      CHECK(node.end <= span.end);
    }
  }
}

}  // namespace netlint::yaml
