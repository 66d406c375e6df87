// The edit that rewrites one YAML scalar: kept in its style, quoted when YAML would read the new
// value as something else, and refused when the bytes are not a simple spelling of the value.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "analyzer/model/scalar_edit.h"

namespace netlint::model {
namespace {

// The text after applying the edit for the first occurrence of `written` in `text`.
std::optional<std::string> rewrite(const std::string& text, const std::string& written, const std::string& old_value,
                                   const std::string& new_value) {
  const std::size_t at = text.find(written);
  REQUIRE(at != std::string::npos);
  const SourceRange range{0, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + written.size())};
  const std::optional<diag::Edit> edit = scalar_edit(text, range, old_value, new_value);
  if (!edit) return std::nullopt;
  std::string out = text;
  out.replace(edit->range.begin, edit->range.end - edit->range.begin, edit->replacement);
  return out;
}

}  // namespace

TEST_CASE("scalar_edit keeps the scalar's style") {
  CHECK(rewrite("app: order-service\n", "order-service", "order-service", "orders-service") == "app: orders-service\n");
  CHECK(rewrite("app: \"order-service\"\n", "\"order-service\"", "order-service", "orders-service") ==
        "app: \"orders-service\"\n");
  CHECK(rewrite("app: 'order-service'\n", "'order-service'", "order-service", "orders-service") ==
        "app: 'orders-service'\n");
  // A range that holds the bare text between quotes keeps the quotes around it.
  CHECK(rewrite("app: \"order-service\"\n", "order-service", "order-service", "it's") == "app: \"it's\"\n");
  CHECK(rewrite("app: 'order-service'\n", "order-service", "order-service", "it's") == "app: 'it''s'\n");
}

TEST_CASE("scalar_edit quotes a plain value YAML would read as something else") {
  CHECK(rewrite("version: v1.10x\n", "v1.10x", "v1.10x", "1.10") == "version: \"1.10\"\n");
  CHECK(rewrite("enabled: yess\n", "yess", "yess", "yes") == "enabled: \"yes\"\n");
  CHECK(rewrite("name: web\n", "web", "web", "a: b") == "name: \"a: b\"\n");
  CHECK(rewrite("name: web\n", "web", "web", "#web") == "name: \"#web\"\n");
  CHECK(rewrite("name: web\n", "web", "web", "say \"hi\"") == "name: say \"hi\"\n");
  CHECK(rewrite("name: web\n", "web", "web", "- \"hi\"") == "name: \"- \\\"hi\\\"\"\n");
}

TEST_CASE("scalar_edit refuses bytes that are not a simple spelling of the old value") {
  // An escape, a value a transformer wrote elsewhere, a block scalar: never guess.
  CHECK_FALSE(rewrite("app: \"a\\tb\"\n", "\"a\\tb\"", "a\tb", "ab"));
  CHECK_FALSE(rewrite("namePrefix: shop-\n", "shop-", "shop-web", "shop-api"));
  CHECK_FALSE(rewrite("data: |\n  web\n", "|\n  web\n", "web\n", "api\n"));
}

TEST_CASE("plain_scalar_safe") {
  CHECK(plain_scalar_safe("orders-service"));
  CHECK(plain_scalar_safe("nginx.ingress.kubernetes.io/rewrite-target"));
  CHECK(plain_scalar_safe("10.0.0.0/8"));
  for (const char* bad : {"",   "true", "on", "8080", "1.10", "null", "~",  "- x", "a: b", "x #y", "[a]", "{a}", "*a",
                          "&a", "!a",   "|",  ">",    "'a",   "\"a",  "%a", "@a",  "`a",   "a,b",  " a",  "a "}) {
    CAPTURE(bad);
    CHECK_FALSE(plain_scalar_safe(bad));
  }
}

}  // namespace netlint::model
