// kustomize's two path spellings (kustomize/field_path.h).
#include "analyzer/kustomize/field_path.h"

#include <doctest/doctest.h>

namespace netlint::kustomize {

TEST_CASE("fieldPaths split on dots outside brackets; [k=v], *, and indexes are steps of their own") {
  const auto steps = parse_field_path("spec.template.spec.containers.[name=a.b].env.*.value.[x.y/z].0");
  REQUIRE(steps.size() == 10);
  CHECK(steps[3].key == "containers");
  CHECK(steps[4].kind == PathStep::Kind::kMatch);
  CHECK(steps[4].key == "name");
  CHECK(steps[4].value == "a.b");
  CHECK(steps[6].kind == PathStep::Kind::kAny);
  CHECK(steps[7].key == "value");
  CHECK(steps[8].kind == PathStep::Kind::kKey);
  CHECK(steps[8].key == "x.y/z");
  CHECK(parse_field_path("a.0").back().kind == PathStep::Kind::kIndex);
  CHECK(parse_field_spec_path("/spec//selector/").size() == 2);
}

TEST_CASE("a fieldSpec step goes through every sequence item; create makes the missing maps") {
  Doc root = Doc::map({});
  Doc& list = root.set("items", Doc::sequence({}), {});
  list.items.push_back(Doc::map({}));
  list.items.push_back(Doc::map({}));
  list.items[0].set("a", Doc::scalar("1", {}), {});
  std::size_t seen =
      visit_path(root, parse_field_spec_path("items/a"), [](Doc& d) { d = Doc::scalar(std::string(1, 'x'), {}); });
  CHECK(seen == 1);
  CHECK(root.get("items")->items[0].get("a")->value == "x");
  seen = visit_path(
      root, parse_field_spec_path("items/b/c"), [](Doc&) {}, SourceRange{});
  CHECK(seen == 2);
  CHECK(root.get("items")->items[1].at({"b", "c"}) != nullptr);
  CHECK(visit_path(root, parse_field_path("items.[a=x].a"), [](Doc&) {}) == 1);
  CHECK(visit_path(root, parse_field_path("items.1.b"), [](Doc&) {}) == 1);
  CHECK(visit_path(root, parse_field_path("items.5.b"), [](Doc&) {}) == 0);
}

}  // namespace netlint::kustomize
