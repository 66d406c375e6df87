#include "analyzer/util/cidr.h"

#include <doctest/doctest.h>

namespace netlint {
namespace {

Cidr cidr(std::string_view text) {
  const auto c = parse_cidr(text);
  REQUIRE_MESSAGE(c.has_value(), text);
  return *c;
}

}  // namespace

TEST_CASE("cidr: parse_ip reads an address as Go's net.ParseIP, the grammar before a CIDR's '/'") {
  const auto v4 = parse_ip("10.96.0.10");
  REQUIRE(v4);
  CHECK(!v4->v6);
  CHECK(v4->bytes[0] == 10);
  CHECK(v4->bytes[3] == 10);
  const auto v6 = parse_ip("fd00::a");
  REQUIRE(v6);
  CHECK(v6->v6);
  CHECK(v6->bytes[15] == 0xa);
  CHECK(parse_ip("::ffff:192.0.2.1"));
  CHECK(parse_ip("::"));
  for (const char* bad : {"", "10.0.0", "256.1.1.1", "010.0.0.1", "10.0.0.1/8", "1:2", ":::", "fe80::1%eth0",
                          "1:2:3:4:5:6:7:8:9", "cafe", " 10.0.0.1"}) {
    CAPTURE(bad);
    CHECK(!parse_ip(bad));
  }
}

TEST_CASE("cidr: IPv4 parse, mask and print") {
  CHECK(cidr("10.244.0.0/16").str() == "10.244.0.0/16");
  CHECK(cidr("10.244.0.0/16").canonical);
  const Cidr host_bits = cidr("10.244.1.7/16");
  CHECK(host_bits.str() == "10.244.0.0/16");
  CHECK_FALSE(host_bits.canonical);
  CHECK(cidr("0.0.0.0/0").size() == 4294967296ULL);
  CHECK(cidr("192.168.1.0/24").size() == 256);
  CHECK(cidr("10.1.2.3/32").size() == 1);
  CHECK(cidr("10.1.2.255/25").str() == "10.1.2.128/25");
  for (std::string_view bad : {"10.0.0.0", "10.0.0.0/33", "10.0.0/8", "10.0.0.0.0/8", "256.0.0.0/8", "010.0.0.0/8",
                               "10.0.0.0/", "10.0.0.0/x", "a.b.c.d/8", "", "/8", "10.0.0.0/-1"}) {
    CHECK_MESSAGE(!parse_cidr(bad).has_value(), bad);
  }
}

TEST_CASE("cidr: IPv6 parse, mask and print") {
  CHECK(cidr("fd00::/104").str() == "fd00::/104");
  CHECK(cidr("fd00::/104").v6);
  CHECK(cidr("2001:db8:0:0:1:0:0:1/128").str() == "2001:db8::1:0:0:1/128");  // first longest run
  CHECK(cidr("2001:0db8:0000:0000:0000:0000:0000:0000/32").str() == "2001:db8::/32");
  CHECK(cidr("::/0").str() == "::/0");
  CHECK(cidr("::1/128").str() == "::1/128");
  CHECK(cidr("1::/16").str() == "1::/16");
  CHECK(cidr("1:2:3:4:5:6:7::/128").str() == "1:2:3:4:5:6:7:0/128");
  CHECK(cidr("::ffff:10.0.0.1/128").str() == "::ffff:a00:1/128");
  CHECK(cidr("fd00::abcd/104").str() == "fd00::/104");
  CHECK_FALSE(cidr("fd00::abcd/104").canonical);
  CHECK(cidr("fd00::/120").size() == 256);
  CHECK(cidr("fd00::/64").size() == UINT64_MAX);
  CHECK(cidr("fd00::/65").size() == (std::uint64_t{1} << 63));
  for (std::string_view bad : {"fd00::", "fd00::/129", "1::2::3/64", "1:2:3:4:5:6:7:8:9/64", "1:2:3:4:5:6:7::8/64",
                               "12345::/16", "g::/16", "1:/16", ":1/16", "fe80::1%eth0/64", "::1.2.3/96"}) {
    CHECK_MESSAGE(!parse_cidr(bad).has_value(), bad);
  }
}

TEST_CASE("cidr: contains and overlaps within one family") {
  const Cidr pods = cidr("192.168.0.0/16");
  const Cidr nodes = cidr("192.168.1.0/24");
  CHECK(contains(pods, nodes));
  CHECK_FALSE(contains(nodes, pods));
  CHECK(overlaps(pods, nodes));
  CHECK(overlaps(nodes, pods));
  CHECK(contains(pods, pods));
  CHECK_FALSE(overlaps(cidr("10.244.0.0/16"), cidr("10.245.0.0/16")));
  CHECK(overlaps(cidr("10.0.0.0/8"), cidr("10.96.0.0/12")));
  CHECK_FALSE(overlaps(cidr("10.96.0.0/12"), cidr("10.112.0.0/12")));
  CHECK(contains(cidr("0.0.0.0/0"), cidr("255.255.255.255/32")));
  // Prefixes that are not byte-aligned.
  CHECK(contains(cidr("10.96.0.0/12"), cidr("10.111.255.0/24")));
  CHECK_FALSE(contains(cidr("10.96.0.0/12"), cidr("10.112.0.0/24")));
  // IPv6.
  CHECK(contains(cidr("fd00::/104"), cidr("fd00::ff:0/120")));
  CHECK_FALSE(contains(cidr("fd00::/104"), cidr("fd00::100:0:0/120")));
  CHECK(contains(cidr("fd00::/8"), cidr("fdff:ffff::/32")));
  CHECK_FALSE(contains(cidr("fd00::/9"), cidr("fdff:ffff::/32")));
  // Families never overlap, even where the bytes agree.
  CHECK_FALSE(overlaps(cidr("0.0.0.0/0"), cidr("::/0")));
  CHECK_FALSE(contains(cidr("::/0"), cidr("10.0.0.0/8")));
}

TEST_CASE("cidr: lists for dual-stack values") {
  const auto list = parse_cidr_list("10.244.0.0/16, fd00:10:244::/56");
  REQUIRE(list.has_value());
  REQUIRE(list->size() == 2);
  CHECK_FALSE((*list)[0].v6);
  CHECK((*list)[1].v6);
  CHECK((*list)[1].str() == "fd00:10:244::/56");
  CHECK_FALSE(parse_cidr_list("10.244.0.0/16,oops").has_value());
  CHECK_FALSE(parse_cidr_list(" , ").has_value());
}

}  // namespace netlint
