// primaryLocationLineHash: every vector of shared/knowledge/integrations.md 1.2 (produced by a
// port checked against codeql-action's TypeScript under node), plus agreement with LineIndex on
// what a line is.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzer/report/line_hash.h"
#include "analyzer/source/source_file.h"

namespace netlint::report {
namespace {

using Hashes = std::vector<std::string>;

TEST_CASE("line hash: the NetworkPolicy vector") {
  const std::string text =
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-all\nspec:\n"
      "  podSelector: {}\n  ingress:\n  - {}\n";
  CHECK(line_hashes(text) == Hashes{"e707b3af31357e04:1", "226f78e38ff11117:1", "c0104bf50168a5b7:1",
                                    "aab4a1ef9736880e:1", "e46f69c90a9010e8:1", "dbee3bf11fac46f1:1",
                                    "1e73341fd810b5f1:1", "5510aa24cc92790a:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("line hash: CRLF, blank lines, indentation and a repeated line") {
  CHECK(line_hashes("a: 1\r\nb:   2\n\n\n  c: 3\nc: 3\n") ==
        Hashes{"1b28605522b66f99:1", "b01071bfc63aec63:1", "7bf925fb4e3139ab:1", "f2e2574c4dfcc34d:1",
               "229678014667a7b7:1", "7a750de74cc456dd:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("line hash: a BOM is a unit, an emoji two, a tab is skipped, CRLF at the end") {
  CHECK(line_hashes("\xef\xbb\xbf"
                    "a: \"\xf0\x9f\x98\x80\"\n\tb: 2\r\n") ==
        Hashes{"fc9ff9ec1b3c2988:1", "5d56533273a3bbdb:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("line hash: no final newline, and the empty file") {
  CHECK(line_hashes("x: 1") == Hashes{"e40eb21f96ce03d6:1"});
  CHECK(line_hashes("") == Hashes{"c129715d7a2bc9a3:1"});
}

TEST_CASE("line hash: one hash per line LineIndex counts, CR alone and CRLF alike") {
  for (const std::string text : {"a\rb\r\nc\n", "a\n\n", "\r\r\n", "  \n \t", "x"}) {
    CAPTURE(text);
    CHECK(line_hashes(text).size() == LineIndex(text).line_count());
  }
  // A lone CR reads as LF: the same hashes as the LF file.
  CHECK(line_hashes("a: 1\rb: 2\r") == line_hashes("a: 1\nb: 2\n"));
  CHECK(line_hashes("a: 1\r\nb: 2\r\n") == line_hashes("a: 1\nb: 2\n"));
  // Spaces never count; other characters do.
  CHECK(line_hashes("a:1\n") == line_hashes("  a : 1\n"));
  CHECK(line_hashes("a:1\n") != line_hashes("a:2\n"));
}

TEST_CASE("line hash: UTF-16 units, with U+FFFD for invalid UTF-8") {
  CHECK(utf16_units("a\xc3\xa9") == std::vector<std::uint16_t>{'a', 0xE9});
  CHECK(utf16_units("\xf0\x9f\x98\x80") == std::vector<std::uint16_t>{0xD83D, 0xDE00});
  CHECK(utf16_units("\xe2\x82\xac") == std::vector<std::uint16_t>{0x20AC});
  // A lone continuation byte, a truncated sequence, an overlong form, a surrogate in UTF-8.
  CHECK(utf16_units("\x80z") == std::vector<std::uint16_t>{0xFFFD, 'z'});
  CHECK(utf16_units("\xe2\x82z") == std::vector<std::uint16_t>{0xFFFD, 'z'});
  CHECK(utf16_units("\xc0\xaf") == std::vector<std::uint16_t>{0xFFFD, 0xFFFD});
  CHECK(utf16_units("\xed\xa0\x80") == std::vector<std::uint16_t>{0xFFFD, 0xFFFD, 0xFFFD});
  CHECK(utf16_units("\xf0\x9f\x98") == std::vector<std::uint16_t>{0xFFFD});
}

}  // namespace
}  // namespace netlint::report
