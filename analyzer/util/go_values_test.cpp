// The cases come from Go's own tests (src/strconv/atob_test.go, atoi_test.go, atof_test.go and
// src/time/time_test.go parseDurationTests/parseDurationErrorTests), rewritten as tables here.
#include "analyzer/util/go_values.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace netlint {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::optional<std::int64_t> kIntError = std::nullopt;

struct IntCase {
  std::string_view in;
  int base;
  int bits;
  std::optional<std::int64_t> want;
};

struct DurationCase {
  std::string_view in;
  std::optional<std::int64_t> want;
};

constexpr std::int64_t kNs = 1;
constexpr std::int64_t kUs = 1000 * kNs;
constexpr std::int64_t kMs = 1000 * kUs;
constexpr std::int64_t kS = 1000 * kMs;
constexpr std::int64_t kMinute = 60 * kS;
constexpr std::int64_t kH = 60 * kMinute;

}  // namespace

TEST_CASE("go_parse_bool: strconv.ParseBool's table") {
  for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"}) CHECK(go_parse_bool(t) == true);
  for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"}) CHECK(go_parse_bool(f) == false);
  for (std::string_view bad : {"", "asdf", "yes", "on", "tRUE", "fALSE", " true", "true ", "2"})
    CHECK_FALSE(go_parse_bool(bad));
}

TEST_CASE("go_atoi: strconv.Atoi, decimal only, int64 range") {
  const DurationCase cases[] = {
      {"", kIntError},
      {"0", 0},
      {"-0", 0},
      {"+0", 0},
      {"1", 1},
      {"-1", -1},
      {"+1", 1},
      {"12345", 12345},
      {"-12345", -12345},
      {"012345", 12345},  // base 10: a leading zero is just a zero
      {"-012345", -12345},
      {"98765432100", 98765432100},
      {"9223372036854775807", kMax},
      {"-9223372036854775807", -kMax},
      {"9223372036854775808", kIntError},
      {"-9223372036854775808", kMin},
      {"-9223372036854775809", kIntError},
      {"99999999999999999999999", kIntError},
      {"-1_2_3_4_5", kIntError},  // underscores only with base 0
      {"-_12345", kIntError},
      {"_12345", kIntError},
      {"1__2345", kIntError},
      {"12345_", kIntError},
      {"123%45", kIntError},
      {"0x10", kIntError},
      {" 1", kIntError},
      {"1 ", kIntError},
      {"+", kIntError},
      {"-", kIntError},
      {"+-1", kIntError},
      {"1.0", kIntError},
  };
  for (const DurationCase& c : cases) {
    CAPTURE(c.in);
    CHECK(go_atoi(c.in) == c.want);
  }
}

TEST_CASE("go_parse_int: strconv.ParseInt with bases and bit sizes") {
  const IntCase cases[] = {
      // base 0: the prefix decides, underscores between digits allowed
      {"0", 0, 64, 0},
      {"-0", 0, 64, 0},
      {"1", 0, 64, 1},
      {"-1", 0, 64, -1},
      {"12345", 0, 64, 12345},
      {"-12345", 0, 64, -12345},
      {"012345", 0, 64, 012345},
      {"-012345", 0, 64, -012345},
      {"0x12345", 0, 64, 0x12345},
      {"-0X12345", 0, 64, -0x12345},
      {"12345x", 0, 64, kIntError},
      {"-12345x", 0, 64, kIntError},
      {"98765432100", 0, 64, 98765432100},
      {"9223372036854775807", 0, 64, kMax},
      {"-9223372036854775808", 0, 64, kMin},
      {"9223372036854775808", 0, 64, kIntError},
      {"-9223372036854775809", 0, 64, kIntError},
      {"0b1010", 0, 64, 10},
      {"0B1010", 0, 64, 10},
      {"0o17", 0, 64, 15},
      {"0O17", 0, 64, 15},
      {"017", 0, 64, 15},
      {"08", 0, 64, kIntError},  // octal has no 8
      {"0b2", 0, 64, kIntError},
      {"0x", 0, 64, kIntError},
      {"0b", 0, 64, kIntError},
      {"0x_1_2_3_4_5", 0, 64, 0x12345},
      {"-0x_1_2_3_4_5", 0, 64, -0x12345},
      {"0_1_2_3_4_5", 0, 64, 012345},
      {"-_0x12345", 0, 64, kIntError},
      {"_-0x12345", 0, 64, kIntError},
      {"_0x12345", 0, 64, kIntError},
      {"0x__12345", 0, 64, kIntError},
      {"0x1__2345", 0, 64, kIntError},
      {"0x1234__5", 0, 64, kIntError},
      {"0x12345_", 0, 64, kIntError},
      {"1__2345", 0, 64, kIntError},
      {"1_2345", 0, 64, 12345},
      {"0x_", 0, 64, kIntError},
      {"", 0, 64, kIntError},
      // explicit bases
      {"g", 16, 64, kIntError},
      {"10", 16, 64, 16},
      {"-10", 16, 64, -16},
      {"7fffffffffffffff", 16, 64, kMax},
      {"8000000000000000", 16, 64, kIntError},
      {"1010", 2, 64, 10},
      {"z", 36, 64, 35},
      {"1_0", 10, 64, kIntError},
      {"0x10", 16, 64, kIntError},  // a prefix is only read with base 0
      {"1", 1, 64, kIntError},      // invalid base
      {"1", 37, 64, kIntError},
      // bit sizes
      {"2147483647", 10, 32, 2147483647},
      {"-2147483648", 10, 32, -2147483648LL},
      {"2147483648", 10, 32, kIntError},
      {"-2147483649", 10, 32, kIntError},
      {"127", 10, 8, 127},
      {"128", 10, 8, kIntError},
      {"-128", 10, 8, -128},
      {"9223372036854775807", 10, 0, kMax},  // 0 is int's size, 64
      {"1", 10, 65, kIntError},
      {"1", 10, -1, kIntError},
  };
  for (const IntCase& c : cases) {
    CAPTURE(c.in);
    CAPTURE(c.base);
    CAPTURE(c.bits);
    CHECK(go_parse_int(c.in, c.base, c.bits) == c.want);
  }
}

TEST_CASE("go_parse_uint: strconv.ParseUint, no sign, up to 2^bits - 1") {
  CHECK(go_parse_uint("18446744073709551615", 10, 64) == std::numeric_limits<std::uint64_t>::max());
  CHECK_FALSE(go_parse_uint("18446744073709551616", 10, 64));
  CHECK(go_parse_uint("0xFFFFFFFFFFFFFFFF", 0, 64) == std::numeric_limits<std::uint64_t>::max());
  CHECK(go_parse_uint("255", 10, 8) == 255u);
  CHECK_FALSE(go_parse_uint("256", 10, 8));
  CHECK_FALSE(go_parse_uint("+1", 10, 64));
  CHECK_FALSE(go_parse_uint("-1", 10, 64));
  CHECK_FALSE(go_parse_uint("", 10, 64));
  CHECK(go_parse_uint("1_000", 0, 64) == 1000u);
  CHECK_FALSE(go_parse_uint("1_000", 10, 64));
  CHECK_FALSE(go_parse_uint("1", 10, 65));
}

TEST_CASE("go_parse_float: strconv.ParseFloat(s, 64)") {
  struct Case {
    std::string_view in;
    std::optional<double> want;
  };
  const double inf = std::numeric_limits<double>::infinity();
  const Case cases[] = {
      {"", std::nullopt},
      {"1", 1},
      {"+1", 1},
      {"1x", std::nullopt},
      {"1.1.", std::nullopt},
      {"1e23", 1e23},
      {"1E23", 1e23},
      {"100000000000000000000000", 1e23},
      {"1e-100", 1e-100},
      {"123456700", 1.234567e+08},
      {"99999999999999974834176", 9.999999999999997e+22},
      {"-1", -1},
      {"-0.1", -0.1},
      {"-0", 0},
      {"1e-20", 1e-20},
      {"625e-3", 0.625},
      {"1.", 1},
      {".5", 0.5},
      {".", std::nullopt},
      {"1e", std::nullopt},
      {"1e-", std::nullopt},
      {".e-1", std::nullopt},
      {std::string_view("1\x00.2", 4), std::nullopt},
      // hexadecimal: the p exponent is required
      {"0x1p0", 1},
      {"0x1p1", 2},
      {"0x1p-1", 0.5},
      {"0x1ep-1", 15},
      {"-0x1ep-1", -15},
      {"-0x1_ep-1", -15},
      {"0x1p-200", 6.223015277861142e-61},
      {"0x1p200", 1.6069380442589903e+60},
      {"0x1fFe2.p0", 131042},
      {"0x1fFe2.P0", 131042},
      {"-0x2p3", -16},
      {"0x0.fp4", 15},
      {"0x0.fp0", 0.9375},
      {"0x1e2", std::nullopt},
      {"1p2", std::nullopt},
      {"0x", std::nullopt},
      {"0x1.0", std::nullopt},
      // zeros
      {"0", 0},
      {"0e0", 0},
      {"-0e0", 0},
      {"+0e0", 0},
      {"0e-0", 0},
      {"0x0p0", 0},
      // ranges: overflow is an error, underflow rounds to zero
      {"1e308", 1e308},
      {"2e308", std::nullopt},
      {"1e309", std::nullopt},
      {"-1e309", std::nullopt},
      {"1.7976931348623157e308", 1.7976931348623157e308},
      {"-1.7976931348623157e308", -1.7976931348623157e308},
      {"1.7976931348623159e308", std::nullopt},
      {"1e-350", 0},
      {"1e-4294967296", 0},
      {"1e+4294967296", std::nullopt},
      {"4e-324", 5e-324},
      {"2e-324", 0},
      // special values
      {"inf", inf},
      {"-Inf", -inf},
      {"+INF", inf},
      {"infinity", inf},
      {"-Infinity", -inf},
      {"+INFINITY", inf},
      {"infi", std::nullopt},
      {"infinityx", std::nullopt},
      {"in", std::nullopt},
      // underscores between digits only
      {"1_23.50_0_0e+1_2", 1.235e+14},
      {"-_123.5e+12", std::nullopt},
      {"+_123.5e+12", std::nullopt},
      {"_123.5e+12", std::nullopt},
      {"1__23.5e+12", std::nullopt},
      {"123_.5e+12", std::nullopt},
      {"123._5e+12", std::nullopt},
      {"123.5_e+12", std::nullopt},
      {"123.5__0e+12", std::nullopt},
      {"123.5e_+12", std::nullopt},
      {"123.5e+_12", std::nullopt},
      {"123.5e_-12", std::nullopt},
      {"123.5e-_12", std::nullopt},
      {"123.5e+1__2", std::nullopt},
      {"123.5e+12_", std::nullopt},
      {"0x_1_2.3_4_5p+1_2", 74565},
      {"-_0x12.345p+12", std::nullopt},
      {"+_0x12.345p+12", std::nullopt},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    const std::optional<double> got = go_parse_float(c.in);
    REQUIRE(got.has_value() == c.want.has_value());
    if (got) CHECK(*got == *c.want);
  }
  for (std::string_view nan : {"nan", "NaN", "NAN"}) {
    CAPTURE(nan);
    const std::optional<double> got = go_parse_float(nan);
    REQUIRE(got);
    CHECK(std::isnan(*got));
  }
  CHECK_FALSE(go_parse_float("+nan"));  // special() takes a sign for infinity only
  CHECK_FALSE(go_parse_float("-NaN"));
  CHECK_FALSE(go_parse_float("1", 16));
}

TEST_CASE("go_parse_float: strconv.ParseFloat(s, 32) checks float32's range") {
  CHECK(go_parse_float("1.000000059604644775390625", 32) == 1.0);
  CHECK(go_parse_float("3.4028234663852886e38", 32) == static_cast<double>(std::numeric_limits<float>::max()));
  CHECK(go_parse_float("1e38", 32) == static_cast<double>(1e38f));
  CHECK_FALSE(go_parse_float("3.5e38", 32));
  CHECK_FALSE(go_parse_float("-1e39", 32));
  CHECK(go_parse_float("1e39", 64) == 1e39);
  CHECK(go_parse_float("1e-46", 32) == 0.0);
}

TEST_CASE("go_parse_duration: time.ParseDuration's tables") {
  const DurationCase cases[] = {
      // simple
      {"0", 0},
      {"5s", 5 * kS},
      {"30s", 30 * kS},
      {"1478s", 1478 * kS},
      // sign
      {"-5s", -5 * kS},
      {"+5s", 5 * kS},
      {"-0", 0},
      {"+0", 0},
      // decimal
      {"5.0s", 5 * kS},
      {"5.6s", 5 * kS + 600 * kMs},
      {"5.s", 5 * kS},
      {".5s", 500 * kMs},
      {"1.0s", 1 * kS},
      {"1.00s", 1 * kS},
      {"1.004s", 1 * kS + 4 * kMs},
      {"1.0040s", 1 * kS + 4 * kMs},
      {"100.00100s", 100 * kS + 1 * kMs},
      // units
      {"10ns", 10 * kNs},
      {"11us", 11 * kUs},
      {"12\xC2\xB5s", 12 * kUs},  // U+00B5
      {"12\xCE\xBCs", 12 * kUs},  // U+03BC
      {"13ms", 13 * kMs},
      {"14s", 14 * kS},
      {"15m", 15 * kMinute},
      {"16h", 16 * kH},
      // composite
      {"3h30m", 3 * kH + 30 * kMinute},
      {"10.5s4m", 4 * kMinute + 10 * kS + 500 * kMs},
      {"-2m3.4s", -(2 * kMinute + 3 * kS + 400 * kMs)},
      {"1h2m3s4ms5us6ns", 1 * kH + 2 * kMinute + 3 * kS + 4 * kMs + 5 * kUs + 6 * kNs},
      {"39h9m14.425s", 39 * kH + 9 * kMinute + 14 * kS + 425 * kMs},
      // large values and precision
      {"52763797000ns", 52763797000 * kNs},
      {"0.3333333333333333333h", 20 * kMinute},  // more than 9 digits after the dot
      {"9007199254740993ns", (std::int64_t{1} << 53) + 1},
      {"9223372036854775807ns", kMax},
      {"9223372036854775.807us", kMax},
      {"9223372036s854ms775us807ns", kMax},
      {"-9223372036854775808ns", kMin},
      {"-9223372036854775.808us", kMin},
      {"-9223372036s854ms775us808ns", kMin},
      {"-2562047h47m16.854775808s", kMin},
      {"0.100000000000000000000h", 6 * kMinute},
      {"0.830103483285477580700h", 49 * kMinute + 48 * kS + 372539827 * kNs},
      // errors
      {"", std::nullopt},
      {"3", std::nullopt},
      {"-", std::nullopt},
      {"s", std::nullopt},
      {".", std::nullopt},
      {"-.", std::nullopt},
      {".s", std::nullopt},
      {"+.s", std::nullopt},
      {"1d", std::nullopt},
      {"\x85\x85", std::nullopt},
      {"\xff"
       "ff",
       std::nullopt},
      {"hello \xff"
       "ff world",
       std::nullopt},
      {"\xEF\xBF\xBD", std::nullopt},  // U+FFFD
      {"1e3s", std::nullopt},          // no exponents
      {"1.2.3s", std::nullopt},
      {"1 s", std::nullopt},
      {" 1s", std::nullopt},
      {"1s ", std::nullopt},
      {"1sm", std::nullopt},
      {"1S", std::nullopt},
      {"--1s", std::nullopt},
      // overflow
      {"9223372036854775810ns", std::nullopt},
      {"9223372036854775808ns", std::nullopt},
      {"-9223372036854775809ns", std::nullopt},
      {"9223372036854776us", std::nullopt},
      {"3000000h", std::nullopt},
      {"9223372036854775.808us", std::nullopt},
      {"9223372036854ms775us808ns", std::nullopt},
      {"9223372036854775808ns9223372036854775808ns", std::nullopt},  // no uint64 wrap-around
  };
  for (const DurationCase& c : cases) {
    CAPTURE(c.in);
    CHECK(go_parse_duration(c.in) == c.want);
  }
}

}  // namespace netlint
