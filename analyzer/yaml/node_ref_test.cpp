// NodeRef navigation: lookups, merge keys (`<<`), aliases, and the bounds that keep alias
// cycles and merge bombs cheap.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "analyzer/testing/text_offsets.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::yaml {
namespace {

using testing::offset_of;
using testing::Span;
using testing::span_of;

Tree parse(std::string_view text) {
  ParseResult result = parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE_MESSAGE(!result.error, "unexpected parse error: ", (result.error ? result.error->message : ""));
  REQUIRE(result.tree);
  return std::move(*result.tree);
}

// A hand-built tree of `count` aliases, each pointing at the next; the last one points at a
// scalar, or with `cycle` back at the first alias.
Tree alias_chain(std::uint32_t count, bool cycle) {
  Tree tree;
  tree.file = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    Node alias;
    alias.kind = NodeKind::kAlias;
    alias.alias_target = i + 1;
    tree.nodes.push_back(alias);
  }
  if (cycle) {
    tree.nodes.back().alias_target = 0;
  } else {
    Node scalar;
    scalar.kind = NodeKind::kScalar;
    scalar.value = "end";
    tree.nodes.push_back(scalar);
  }
  tree.root = 0;
  return tree;
}

}  // namespace

TEST_CASE("node ref: get, find and children") {
  const std::string text =
      "metadata:\n"
      "  name: web\n"
      "  labels: {app: web}\n"
      "ports: [80, \"443\"]\n"
      "empty:\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);
  REQUIRE(root.is_map());
  CHECK(root.size() == 3);

  // get() returns the value; find() also the key, for anchoring on keys.
  CHECK(root.get("metadata").get("name").scalar() == "web");
  const NodeRef::Entry labels = root.get("metadata").find("labels");
  REQUIRE(labels);
  CHECK(labels.key.scalar() == "labels");
  CHECK(labels.key.range().begin == offset_of(text, "labels"));
  CHECK(labels.value.is_map());
  CHECK(labels.value.get("app").scalar() == "web");

  // Missing keys, lookups on non-maps and out-of-range children are invalid refs, never UB.
  CHECK_FALSE(root.get("missing"));
  CHECK_FALSE(root.find("missing"));
  CHECK_FALSE(root.get("metadata").get("name").get("x"));
  CHECK_FALSE(root.get("missing").get("deeper").get("still"));
  CHECK_FALSE(NodeRef().get("x"));
  CHECK(NodeRef().size() == 0);
  CHECK(NodeRef().scalar().empty());
  CHECK_FALSE(NodeRef().range().valid());
  CHECK_FALSE(root.item(0));    // a map has no items
  CHECK_FALSE(root.key_at(3));  // only 3 entries
  CHECK_FALSE(root.value_at(99));

  // Key order and entries.
  CHECK(root.key_at(0).scalar() == "metadata");
  CHECK(root.key_at(1).scalar() == "ports");
  CHECK(root.value_at(2).is_null());
  CHECK(root.get("empty").is_null());  // present, but null: valid and not a scalar
  CHECK(root.get("empty"));
  CHECK_FALSE(root.get("empty").is_scalar());

  // Sequences.
  const NodeRef ports = root.get("ports");
  REQUIRE(ports.is_sequence());
  CHECK(ports.size() == 2);
  CHECK(ports.item(0).scalar() == "80");
  CHECK_FALSE(ports.item(0).quoted());
  CHECK(ports.item(1).quoted());
  CHECK_FALSE(ports.item(2));
  CHECK_FALSE(ports.key_at(0));   // a sequence has no keys
  CHECK(ports.scalar().empty());  // scalar() of a collection is empty
}

TEST_CASE("node ref: merge keys") {
  const std::string text =
      "base: &base\n"
      "  port: 80\n"
      "  protocol: TCP\n"
      "extra: &extra\n"
      "  port: 8080\n"
      "  name: http\n"
      "merged:\n"
      "  <<: *base\n"
      "  protocol: UDP\n"
      "explicit_after_merge:\n"
      "  <<: *base\n"
      "  port: 9090\n"
      "list:\n"
      "  <<: [*extra, *base]\n"
      "inline:\n"
      "  <<: {port: 1}\n"
      "quoted:\n"
      "  \"<<\": *base\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);

  // `<<: *base` supplies the keys the map does not write; explicit keys win.
  const NodeRef merged = root.get("merged");
  CHECK(merged.get("port").scalar() == "80");
  CHECK(merged.get("protocol").scalar() == "UDP");
  // The entry found through a merge is the anchored map's: its range is in `base`.
  const NodeRef::Entry port = merged.find("port");
  CHECK(port.key.range().begin == offset_of(text, "port: 80"));
  CHECK(port.value.range().begin == offset_of(text, "80"));

  // An explicit key wins even when written after the merge key.
  CHECK(root.get("explicit_after_merge").get("port").scalar() == "9090");
  CHECK(root.get("explicit_after_merge").get("protocol").scalar() == "TCP");

  // A list of merges: the first map that has the key wins.
  const NodeRef list = root.get("list");
  CHECK(list.get("port").scalar() == "8080");
  CHECK(list.get("name").scalar() == "http");
  CHECK(list.get("protocol").scalar() == "TCP");
  CHECK_FALSE(list.get("missing"));

  // A merge of an inline map works too.
  CHECK(root.get("inline").get("port").scalar() == "1");

  // A quoted "<<" is an ordinary key, not a merge.
  CHECK_FALSE(root.get("quoted").get("port"));
  CHECK(root.get("quoted").get("<<").is_map());

  // size() counts written entries only: the merge key is one entry.
  CHECK(merged.size() == 2);
}

TEST_CASE("node ref: aliases resolve to the anchored node") {
  const std::string text =
      "a: &a value\n"
      "b: *a\n"
      "m: &m {x: &x 1}\n"
      "n: *m\n"
      "y: *x\n"
      "s: [*a, *m]\n";
  const Tree tree = parse(text);
  const NodeRef root = root_of(tree);
  CHECK(root.get("b").scalar() == "value");
  CHECK(root.get("b").id() == root.get("a").id());
  // The resolved node's range is the anchored one's, not the alias's.
  CHECK(root.get("b").range().begin == offset_of(text, "value"));
  CHECK(root.get("n").get("x").scalar() == "1");
  CHECK(root.get("y").id() == root.get("m").get("x").id());
  CHECK(root.get("s").item(0).scalar() == "value");
  CHECK(root.get("s").item(1).get("x").scalar() == "1");
  // An alias is never seen as such through NodeRef.
  for (std::uint32_t i = 0; i < root.size(); ++i) CHECK(root.value_at(i).node().kind != NodeKind::kAlias);
}

TEST_CASE("node ref: alias chains are followed up to kMaxAliasHops") {
  // The builder never produces an alias to an alias (YAML cannot anchor an alias), so these
  // trees are built by hand: they stand for corrupted or adversarial input.
  SUBCASE("a chain of exactly kMaxAliasHops aliases resolves") {
    const Tree tree = alias_chain(NodeRef::kMaxAliasHops, false);
    const NodeRef ref = root_of(tree);
    REQUIRE(ref);
    CHECK(ref.scalar() == "end");
  }
  SUBCASE("one more is cut off") {
    const Tree tree = alias_chain(NodeRef::kMaxAliasHops + 1, false);
    CHECK_FALSE(root_of(tree));
  }
  SUBCASE("a cycle of aliases is an invalid ref, not a hang") {
    const Tree tree = alias_chain(3, true);
    const NodeRef ref = root_of(tree);
    CHECK_FALSE(ref);
    CHECK_FALSE(ref.get("x"));
    CHECK(ref.size() == 0);
  }
  SUBCASE("an alias to nothing is an invalid ref") {
    Tree tree = alias_chain(1, false);
    tree.nodes[0].alias_target = kNoNode;
    CHECK_FALSE(root_of(tree));
  }
}

TEST_CASE("node ref: self-referencing structures stay bounded") {
  // The parser rejects an alias inside its own anchor's node (tree builder tests); a tree built
  // another way may still hold such a cycle, and navigation must stay bounded on it. The cycles
  // are made by pointing a parsed alias at its own container.
  SUBCASE("a map that merges itself") {
    Tree tree = parse("n: &n {}\nm: {<<: *n, a: 1}\n");
    const NodeRef m = root_of(tree).get("m");
    REQUIRE(m.is_map());
    const NodeId merge = tree.children[m.node().first_child + 1];  // the alias node itself
    REQUIRE(tree.nodes[merge].kind == NodeKind::kAlias);
    tree.nodes[merge].alias_target = m.id();
    const NodeRef looped = root_of(tree).get("m");
    CHECK(looped.get("a").scalar() == "1");
    CHECK_FALSE(looped.get("missing"));  // the merge search gives up after its budget
    CHECK(looped.get("<<").id() == looped.id());
  }
  SUBCASE("a sequence that contains itself") {
    Tree tree = parse("x: &x []\ns: [leaf, *x]\n");
    const NodeRef parsed = root_of(tree).get("s");
    const NodeId alias = tree.children[parsed.node().first_child + 1];
    REQUIRE(tree.nodes[alias].kind == NodeKind::kAlias);
    tree.nodes[alias].alias_target = parsed.id();
    NodeRef s = root_of(tree).get("s");
    for (int i = 0; i < 1000; ++i) s = s.item(1);  // each step is one hop
    CHECK(s.item(0).scalar() == "leaf");
  }
  SUBCASE("a merge bomb: a missing key is not searched 10^9 times") {
    // m0 has one key; each mK merges ten copies of m(K-1).
    std::string text = "m0: &m0 {x: 1}\n";
    for (char level = '1'; level <= '9'; ++level) {
      text.append("m").append(1, level).append(": &m").append(1, level).append(" {<<: [");
      for (int i = 0; i < 10; ++i) text.append(i == 0 ? "*m" : ", *m").append(1, static_cast<char>(level - 1));
      text.append("]}\n");
    }
    const Tree tree = parse(text);
    const NodeRef m9 = root_of(tree).get("m9");
    // Unbounded, this lookup visits 10^9 maps and ctest's timeout ends the run; bounded, it returns.
    // (No clock: a timing threshold fails on a loaded machine, not on a regression.)
    CHECK_FALSE(m9.get("missing"));
    // A key reachable within the budget (nine merges deep, first branch each time) is found.
    CHECK(m9.get("x").scalar() == "1");
  }
}

}  // namespace netlint::yaml
