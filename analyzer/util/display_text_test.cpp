#include "analyzer/util/display_text.h"

#include <doctest/doctest.h>

#include "analyzer/util/utf8.h"

namespace netlint {

TEST_CASE("printable: controls that drive a terminal or start a CI log line are escaped") {
  CHECK(printable("plain text, tabs\tand UTF-8 caf\xc3\xa9 \xe2\x9c\x93") ==
        "plain text, tabs\tand UTF-8 caf\xc3\xa9 \xe2\x9c\x93");
  CHECK(printable("a\nb\r\n") == "a\\nb\\r\\n");
  CHECK(printable("\x1b]0;title\x07") == "\\e]0;title\\x07");  // OSC: set the window title
  CHECK(printable("\x1b[31mred") == "\\e[31mred");
  CHECK(printable("x\n::error file=a.yaml::injected") == "x\\n::error file=a.yaml::injected");
  CHECK(printable(std::string("nul\0byte", 8)) == "nul\\x00byte");
  CHECK(printable("del\x7f") == "del\\x7f");
  CHECK(printable("csi\xc2\x9b") == "csi\\u009b");  // C1 CSI, encoded as UTF-8
  CHECK(printable("rtl\xe2\x80\xae"
                  "evil") == "rtl\\u202eevil");             // right-to-left override
  CHECK(printable("latin1 caf\xe9") == "latin1 caf\\xe9");  // not UTF-8: the byte, escaped
  CHECK(printable("cut \xe2\x9c") == "cut \\xe2\\x9c");
}

TEST_CASE("utf8: strict decoding and replacement of invalid bytes") {
  CHECK(utf8::decode("\xc3\xa9", 0).value == 0xE9);
  CHECK(utf8::decode("\xf0\x9f\x98\x80", 0).length == 4);
  CHECK_FALSE(utf8::decode("\xc0\xaf", 0).valid);          // overlong '/'
  CHECK_FALSE(utf8::decode("\xed\xa0\x80", 0).valid);      // a surrogate
  CHECK_FALSE(utf8::decode("\xf4\x90\x80\x80", 0).valid);  // above U+10FFFF
  CHECK_FALSE(utf8::decode("\x80", 0).valid);
  CHECK(utf8::replace_invalid("caf\xe9!") == "caf\xef\xbf\xbd!");
  CHECK(utf8::replace_invalid("ok \xe2\x9c\x93") == "ok \xe2\x9c\x93");
  std::string out;
  utf8::append(out, 0x1F600);
  CHECK(out == "\xf0\x9f\x98\x80");
}

}  // namespace netlint
