// The YAML 1.1 typing kubectl applies (go-yaml v2), placeholders, port names, and the NL0004
// checks on parsed nodes.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "analyzer/model/field_checks.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::model {
namespace {

YamlType type_of(std::string_view plain) {
  return resolve_plain(plain).type;
}

// Parses `text` and returns the problems `check` records on its root mapping.
template <class Check>
Problems check_on(const std::string& text, Check check) {
  auto parsed = yaml::parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE(parsed.tree);
  Problems out;
  check(yaml::root_of(*parsed.tree), out);
  return out;
}

}  // namespace

TEST_CASE("field types: plain scalars resolve as go-yaml v2 (kubectl) resolves them") {
  SUBCASE("YAML 1.1 booleans, nulls and special floats") {
    for (const char* word : {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"}) {
      CAPTURE(word);
      CHECK(type_of(word) == YamlType::kBool);
      CHECK(resolve_plain(word).boolean);
    }
    for (const char* word : {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"}) {
      CAPTURE(word);
      CHECK(type_of(word) == YamlType::kBool);
      CHECK_FALSE(resolve_plain(word).boolean);
    }
    for (const char* word : {"", "~", "null", "Null", "NULL"}) CHECK(type_of(word) == YamlType::kNull);
    CHECK(std::isinf(resolve_plain(".inf").number));
    CHECK(resolve_plain("-.Inf").number < 0);
    CHECK(std::isnan(resolve_plain(".NaN").number));
  }
  SUBCASE("integers: Go's ParseInt with base prefixes, after dropping underscores") {
    const std::pair<const char*, double> cases[] = {
        {"0", 0},
        {"17", 17},
        {"-5", -5},
        {"+5", 5},
        {"0x1F", 31},
        {"0X1f", 31},
        {"0o17", 15},
        {"017", 15},
        {"0b101", 5},
        {"-0x10", -16},
        {"1_000", 1000},
        {"1__0", 10},
        {"1_", 1},
        {"9223372036854775807", 9223372036854775807.0},
        {"18446744073709551615", 18446744073709551615.0},
        {"-9223372036854775808", -9223372036854775808.0},
    };
    for (const auto& entry : cases) {  // no structured binding: clang 14 cannot capture one in CAPTURE
      const char* text = entry.first;
      const double value = entry.second;
      CAPTURE(text);
      const Resolved r = resolve_plain(text);
      CHECK(r.type == YamlType::kInt);
      CHECK(r.number == value);
    }
  }
  SUBCASE("floats: go-yaml's yamlStyleFloat, which needs no dot (080 and 1e3 are numbers)") {
    const std::pair<const char*, double> cases[] = {
        {"1.10", 1.1},
        {"080", 80},
        {"08.5", 8.5},
        {"1e3", 1000},
        {".5", 0.5},
        {"1.", 1},
        {"+.5", 0.5},
        {"-1.5e-3", -0.0015},
        {"99999999999999999999", 1e20},
        {"+18446744073709551615", 18446744073709551615.0},
        {"1e-400", 0},
    };
    for (const auto& entry : cases) {  // no structured binding: clang 14 cannot capture one in CAPTURE
      const char* text = entry.first;
      const double value = entry.second;
      CAPTURE(text);
      const Resolved r = resolve_plain(text);
      CHECK(r.type == YamlType::kFloat);
      CHECK(r.number == doctest::Approx(value));
    }
  }
  SUBCASE("strings: everything else, timestamps and sexagesimals included") {
    for (const char* text : {"1.2.3", "2024-01-01", "2001-12-14t21:59:43.10-05:00",
                             "1:30",  "0x",         "0o",
                             "0b",    "0b2",        "0x1G",
                             "1e",    "e3",         ".e3",
                             ".",     "+",          "-",
                             "_1",    "yes please", "yEs",
                             "v1.10", "1e400",      "0xFFFFFFFFFFFFFFFFFF",
                             "<<",    "~x",         ".Nan",
                             "nan",   "inf"}) {
      CAPTURE(text);
      CHECK(type_of(text) == YamlType::kString);
    }
  }
}

TEST_CASE("field types: quoting, block scalars and tags") {
  const std::string text =
      "plain: 1.10\n"
      "double: \"1.10\"\n"
      "single: '1.10'\n"
      "block: |\n  1.10\n"
      "str: !!str 1.10\n"
      "int: !!int \"5\"\n"
      "float: !!float 5\n"
      "custom: !thing 5\n"
      "empty:\n"
      "map: {a: 1}\n"
      "list: [1]\n";
  auto parsed = yaml::parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE(parsed.tree);
  const yaml::NodeRef root = yaml::root_of(*parsed.tree);
  CHECK(resolve(root.get("plain")).type == YamlType::kFloat);
  CHECK(resolve(root.get("double")).type == YamlType::kString);
  CHECK(resolve(root.get("single")).type == YamlType::kString);
  CHECK(resolve(root.get("block")).type == YamlType::kString);
  CHECK(resolve(root.get("str")).type == YamlType::kString);
  CHECK(resolve(root.get("int")).type == YamlType::kInt);
  CHECK(resolve(root.get("float")).type == YamlType::kFloat);
  CHECK(resolve(root.get("custom")).type == YamlType::kString);
  CHECK(resolve(root.get("empty")).type == YamlType::kNull);
  CHECK(resolve(root.get("map")).type == YamlType::kMap);
  CHECK(resolve(root.get("list")).type == YamlType::kSequence);
  CHECK(resolve(root.get("absent")).type == YamlType::kAbsent);
}

TEST_CASE("field types: placeholders and port names") {
  for (const char* text : {"__PORT__", "__PILLAR__DNS__SERVER__", "x__A1__y", "__PILLAR__LOCAL__DNS__,__X__"}) {
    CAPTURE(text);
    CHECK(has_placeholder(text));
  }
  for (const char* text : {"__port__", "__", "____", "a_b", "_A_", "__A_", "$(PORT)"}) {
    CAPTURE(text);
    CHECK_FALSE(has_placeholder(text));
  }
  for (const char* name : {"http", "a", "h2c", "http-metrics", "abcdefghijklmno", "1a"}) {
    CAPTURE(name);
    CHECK(port_name_problem(name).empty());
  }
  CHECK(port_name_problem("abcdefghijklmnop") == "has 16 characters, more than the 15 allowed");
  CHECK(port_name_problem("Http") == "may contain only lowercase letters (a-z), digits and '-'");
  CHECK(port_name_problem("http_port") == "may contain only lowercase letters (a-z), digits and '-'");
  CHECK(port_name_problem("8080") == "must contain at least one letter (a-z)");
  CHECK(port_name_problem("a--b") == "must not contain consecutive hyphens");
  CHECK(port_name_problem("-a") == "must not begin or end with a hyphen");
  CHECK(port_name_problem("a-") == "must not begin or end with a hyphen");
}

TEST_CASE("field checks: messages and anchors") {
  SUBCASE("a string map anchors scalars on the value and collections on their key") {
    const std::string text = "labels:\n  a: 1.10\n  b: {c: d}\n  ok: \"1\"\n  empty:\n";
    const Problems p = check_on(
        text, [](const yaml::NodeRef& root, Problems& out) { check_string_map(root.find("labels"), "label", out); });
    REQUIRE(p.size() == 2);
    CHECK(p[0].kind == InputProblemKind::kInvalidField);
    CHECK(p[0].message == "label value 1.10 is a number in YAML, but label values must be strings; quote it: \"1.10\"");
    CHECK(p[0].range.begin == text.find("1.10"));
    CHECK(p[0].range.end == text.find("1.10") + 4);
    CHECK(p[1].message == "value of label b is a map, but label values must be strings");
    CHECK(p[1].range.begin == text.find("b:"));
    CHECK(p[1].range.end == text.find("b:") + 1);
  }
  SUBCASE("ports") {
    const std::string text = "a: 80.0\nb: 1e3\nc: 0\nd: 65535\ne: \"http\"\nf: '8080'\ng: .nan\nh: __P__\ni: 0x10000\n";
    const Problems p = check_on(text, [](const yaml::NodeRef& root, Problems& out) {
      for (const char* key : {"a", "b", "d"}) check_port(root.find(key), PortField::kPort, key, out);
      check_port(root.find("c"), PortField::kNodePort, "c", out);
      check_port(root.find("e"), PortField::kNumberOrName, "e", out);
      check_port(root.find("f"), PortField::kNumberOrName, "f", out);
      check_port(root.find("g"), PortField::kPort, "g", out);
      check_port(root.find("h"), PortField::kPort, "h", out);
      check_port(root.find("i"), PortField::kPort, "i", out);
    });
    REQUIRE(p.size() == 4);
    CHECK(p[0].message ==
          "f \"8080\" is a string, and a port name must contain a letter; remove the quotes to use port number 8080");
    CHECK(p[1].message == "g .nan is not a whole number; it must be an integer from 1 to 65535");
    CHECK(p[2].kind == InputProblemKind::kPlaceholder);  // h: a placeholder is marked, never NL0004
    CHECK(p[3].message == "i 0x10000 is out of range; ports are 1-65535");
  }
  SUBCASE("booleans, protocols and string lists") {
    const std::string text =
        "a: \"false\"\nb: 1\nc: Yes\nd: \"maybe\"\np: Udp\nq: HTTP\nargs: [--x, 1, {--y: z}, \"2\"]\n";
    const Problems p = check_on(text, [](const yaml::NodeRef& root, Problems& out) {
      for (const char* key : {"a", "b", "c", "d"}) check_boolean(root.find(key), key, out);
      check_protocol(root.find("p"), out);
      check_protocol(root.find("q"), out);
      check_string_list(root.find("args"), "args item", "args must be strings", out);
    });
    REQUIRE(p.size() == 7);
    CHECK(p[0].message == "a \"false\" is a string, but it must be a boolean; remove the quotes: false");
    CHECK(p[1].message == "b 1 is a number in YAML, but it must be true or false");
    CHECK(p[2].message == "d \"maybe\" is a string, but it must be true or false");
    CHECK(p[3].message == "protocol Udp is not valid; protocols are case-sensitive: write UDP");
    CHECK(p[4].message == "protocol HTTP is not valid; use TCP, UDP or SCTP");
    CHECK(p[4].help == "an application protocol such as HTTP or gRPC goes into appProtocol");
    CHECK(p[5].message == "args item 1 is a number in YAML, but args must be strings; quote it: \"1\"");
    CHECK(p[6].message == "args item is a map, but args must be strings");
    CHECK(p[6].range.begin == text.find("--y"));
    CHECK_FALSE(p[6].help.empty());
  }
}

}  // namespace netlint::model
