#include <doctest/doctest.h>

#include <sstream>

#include "analyzer/yaml/canonical_hash.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::yaml {
namespace {

std::uint64_t hash_of(const std::string& text, std::string_view skip = {}) {
  ParseResult parsed = parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE(parsed.tree);
  return canonical_hash(root_of(*parsed.tree), skip);
}

}  // namespace

TEST_CASE("canonical hash: equal parsed trees hash equal; formatting, comments and key order do not count") {
  const auto a = hash_of("kind: Service\nmetadata: {name: web, labels: {a: '1', b: x}}\nspec: {ports: [{port: 80}]}\n");
  const auto b = hash_of(
      "# a comment\nmetadata:\n  labels:\n    b: x\n    a: '1'\n  name: web\nkind: Service\nspec:\n  ports:\n    - "
      "port: 80\n");
  CHECK(a == b);
}

TEST_CASE("canonical hash: quotedness, values, list order and nesting count") {
  const auto base = hash_of("a: {b: 80}\n");
  CHECK(base != hash_of("a: {b: \"80\"}\n"));  // a string is not a number
  CHECK(base != hash_of("a: {b: 81}\n"));
  CHECK(base != hash_of("a: {c: 80}\n"));
  CHECK(base != hash_of("b: 80\n"));
  CHECK(hash_of("l: [1, 2]\n") != hash_of("l: [2, 1]\n"));
  CHECK(hash_of("a: {b: 1}\nc: 2\n") != hash_of("a: {c: 2}\nb: 1\n"));
  CHECK(hash_of("a:\n") != hash_of("a: ''\n"));
}

TEST_CASE("canonical hash: a skipped path is left out (namespaces compare after defaulting)") {
  CHECK(hash_of("metadata: {name: a, namespace: x}\n", "metadata.namespace") ==
        hash_of("metadata: {name: a}\n", "metadata.namespace"));
  CHECK(hash_of("metadata: {name: a, namespace: x}\n") != hash_of("metadata: {name: a}\n"));
  CHECK(hash_of("metadata: {name: a}\nspec: {namespace: x}\n", "metadata.namespace") !=
        hash_of("metadata: {name: a}\n", "metadata.namespace"));
}

TEST_CASE("canonical hash: aliases count as their target, and an alias bomb stays cheap") {
  CHECK(hash_of("x: &v {a: 1}\ny: *v\n") == hash_of("x: {a: 1}\ny: {a: 1}\n"));
  std::ostringstream bomb;
  bomb << "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    bomb << 'a' << i << ": &a" << i << " [";
    for (int j = 0; j < 10; ++j) bomb << (j ? ", " : "") << "*a" << i - 1;
    bomb << "]\n";
  }
  // 10^12 nodes if expanded; memoized per anchored node it finishes at once (ctest's timeout
  // would catch a regression).
  CHECK(hash_of(bomb.str()) != 0);
}

}  // namespace netlint::yaml
