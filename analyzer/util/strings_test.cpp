#include "analyzer/util/strings.h"

#include <doctest/doctest.h>

namespace netlint {

TEST_CASE("strings: digits, trim and split") {
  CHECK(is_ascii_digit('0'));
  CHECK(is_ascii_digit('9'));
  CHECK_FALSE(is_ascii_digit('a'));
  CHECK_FALSE(is_ascii_digit('\xd9'));  // a UTF-8 byte, never a digit
  CHECK(all_ascii_digits("0123"));
  CHECK_FALSE(all_ascii_digits(""));
  CHECK_FALSE(all_ascii_digits("12a"));
  CHECK_FALSE(all_ascii_digits("-1"));

  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("\v\fx\f") == "x");
  CHECK(trim(" \t ").empty());
  CHECK(trim("").empty());
  CHECK(trim(" a\n", " \t") == "a\n");  // only the blanks asked for

  CHECK(split("a,,b", ',') == std::vector<std::string_view>{"a", "", "b"});
  CHECK(split("", ',') == std::vector<std::string_view>{""});
  CHECK(split("a,", ',') == std::vector<std::string_view>{"a", ""});
  CHECK(split("abc", ',') == std::vector<std::string_view>{"abc"});
}

}  // namespace netlint
