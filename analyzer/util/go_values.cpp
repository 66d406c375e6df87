#include "analyzer/util/go_values.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "analyzer/util/strings.h"

namespace netlint {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_hex_letter(char c) {
  return lower(c) >= 'a' && lower(c) <= 'f';
}

// strconv's underscoreOK: underscores only between digits, or between a base prefix and a digit.
bool underscore_ok(std::string_view s) {
  char saw = '^';  // ^ start, 0 a digit or base prefix, _ an underscore, ! anything else
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    if (is_ascii_digit(s[i]) || (hex && is_hex_letter(s[i]))) {
      saw = '0';
      continue;
    }
    if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

// strconv.ParseUint's loop; `bits` already checked. nullopt on syntax and range errors alike.
std::optional<std::uint64_t> parse_uint(std::string_view s, int base, int bits) {
  if (s.empty()) return std::nullopt;
  const bool base0 = base == 0;
  const std::string_view s0 = s;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && lower(s[1]) == 'b')
        base = 2, s.remove_prefix(2);
      else if (s.size() >= 3 && lower(s[1]) == 'o')
        base = 8, s.remove_prefix(2);
      else if (s.size() >= 3 && lower(s[1]) == 'x')
        base = 16, s.remove_prefix(2);
      else
        base = 8, s.remove_prefix(1);
    }
  } else if (base < 2 || base > 36) {
    return std::nullopt;
  }
  const std::uint64_t max = bits == 64 ? std::numeric_limits<std::uint64_t>::max() : (std::uint64_t{1} << bits) - 1;
  const auto ubase = static_cast<std::uint64_t>(base);
  bool underscores = false;
  std::uint64_t n = 0;
  for (const char c : s) {
    std::uint64_t d = 0;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    }
    if (is_ascii_digit(c))
      d = static_cast<std::uint64_t>(c - '0');
    else if (lower(c) >= 'a' && lower(c) <= 'z')
      d = static_cast<std::uint64_t>(lower(c) - 'a' + 10);
    else
      return std::nullopt;
    if (d >= ubase) return std::nullopt;
    if (n > (max - d) / ubase) return std::nullopt;
    n = n * ubase + d;
  }
  if (underscores && !underscore_ok(s0)) return std::nullopt;
  return n;
}

// strconv's special(): inf, +inf, -infinity, NaN ... the whole text, or nullopt.
std::optional<double> special(std::string_view s) {
  double sign = 1.0;
  bool signed_text = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1.0 : 1.0;
    signed_text = true;
    s.remove_prefix(1);
  }
  std::string word;
  for (const char c : s) word += lower(c);
  if (word == "inf" || word == "infinity") return sign * std::numeric_limits<double>::infinity();
  if (!signed_text && word == "nan") return std::numeric_limits<double>::quiet_NaN();  // Go takes no sign on NaN
  return std::nullopt;
}

// Whether `s` has readFloat's shape: [+-] mantissa (decimal, or 0x hex) [exponent], with the
// exponent mandatory for hex, and underscores only where underscoreOK allows them.
bool float_syntax(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool underscores = false;
  bool saw_dot = false;
  bool saw_digits = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
    } else if (is_ascii_digit(c) || (hex && is_hex_letter(c))) {
      saw_digits = true;
    } else {
      break;
    }
  }
  if (!saw_digits) return false;
  if (i < s.size() && lower(s[i]) == (hex ? 'p' : 'e')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || !is_ascii_digit(s[i])) return false;
    for (; i < s.size() && (is_ascii_digit(s[i]) || s[i] == '_'); ++i) {
      if (s[i] == '_') underscores = true;
    }
  } else if (hex) {
    return false;
  }
  return i == s.size() && (!underscores || underscore_ok(s));
}

struct DurationUnit {
  std::string_view name;
  std::uint64_t nanoseconds;
};
constexpr DurationUnit kDurationUnits[] = {
    {"ns", 1},
    {"us", 1'000},
    {"\xC2\xB5s", 1'000},  // U+00B5 micro sign
    {"\xCE\xBCs", 1'000},  // U+03BC Greek small letter mu
    {"ms", 1'000'000},
    {"s", 1'000'000'000},
    {"m", 60'000'000'000},
    {"h", 3'600'000'000'000},
};

}  // namespace

std::optional<bool> go_parse_bool(std::string_view t) {
  if (t == "1" || t == "t" || t == "T" || t == "TRUE" || t == "true" || t == "True") return true;
  if (t == "0" || t == "f" || t == "F" || t == "FALSE" || t == "false" || t == "False") return false;
  return std::nullopt;
}

std::optional<std::int64_t> go_atoi(std::string_view text) {
  return go_parse_int(text, 10, 64);
}

std::optional<std::uint64_t> go_parse_uint(std::string_view text, int base, int bits) {
  if (bits == 0) bits = 64;
  if (bits < 1 || bits > 64) return std::nullopt;
  return parse_uint(text, base, bits);
}

std::optional<std::int64_t> go_parse_int(std::string_view text, int base, int bits) {
  if (bits == 0) bits = 64;
  if (bits < 1 || bits > 64 || text.empty()) return std::nullopt;
  std::string_view s = text;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const std::optional<std::uint64_t> magnitude = parse_uint(s, base, bits);
  if (!magnitude) return std::nullopt;
  const std::uint64_t cutoff = std::uint64_t{1} << (bits - 1);
  if (negative ? *magnitude > cutoff : *magnitude >= cutoff) return std::nullopt;
  if (!negative) return static_cast<std::int64_t>(*magnitude);
  if (*magnitude == cutoff)
    return bits == 64 ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(cutoff);
  return -static_cast<std::int64_t>(*magnitude);
}

std::optional<double> go_parse_float(std::string_view text, int bits) {
  if (bits != 32 && bits != 64) return std::nullopt;
  if (const std::optional<double> value = special(text)) return value;
  if (!float_syntax(text)) return std::nullopt;
  // The shape is Go's; the rounding is the C library's (strtod/strtof are correctly rounded in
  // glibc and read hex floats), on the text without its underscores. The "C" locale is in force:
  // netlint never calls setlocale, so the decimal point is '.'.
  std::string clean;
  for (const char c : text) {
    if (c != '_') clean += c;
  }
  char* end = nullptr;
  errno = 0;
  const double value =
      bits == 32 ? static_cast<double>(std::strtof(clean.c_str(), &end)) : std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size()) return std::nullopt;
  if (errno == ERANGE && std::isinf(value)) return std::nullopt;  // overflow; underflow is no error in Go
  return value;
}

std::optional<std::int64_t> go_parse_duration(std::string_view s) {
  constexpr std::uint64_t kLimit = std::uint64_t{1} << 63;  // the magnitude of the most negative Duration
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  std::uint64_t total = 0;
  while (!s.empty()) {
    if (s[0] != '.' && !is_ascii_digit(s[0])) return std::nullopt;
    // leadingInt: the integer part, failing past 1<<63.
    std::uint64_t whole = 0;
    std::size_t i = 0;
    for (; i < s.size() && is_ascii_digit(s[i]); ++i) {
      if (whole > kLimit / 10) return std::nullopt;
      whole = whole * 10 + static_cast<std::uint64_t>(s[i] - '0');
      if (whole > kLimit) return std::nullopt;
    }
    const bool pre = i > 0;
    s.remove_prefix(i);
    // leadingFraction: digits past what fits are read but ignored.
    std::uint64_t fraction = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      for (i = 0; i < s.size() && is_ascii_digit(s[i]); ++i) {
        if (overflow) continue;
        if (fraction > (kLimit - 1) / 10) {
          overflow = true;
          continue;
        }
        const std::uint64_t next = fraction * 10 + static_cast<std::uint64_t>(s[i] - '0');
        if (next > kLimit) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      post = i > 0;
      s.remove_prefix(i);
    }
    if (!pre && !post) return std::nullopt;  // "." or ".s"
    // The unit: everything up to the next number.
    for (i = 0; i < s.size() && s[i] != '.' && !is_ascii_digit(s[i]); ++i) {}
    if (i == 0) return std::nullopt;  // missing unit ("3")
    const std::string_view name = s.substr(0, i);
    s.remove_prefix(i);
    std::uint64_t unit = 0;
    for (const DurationUnit& u : kDurationUnits) {
      if (u.name == name) unit = u.nanoseconds;
    }
    if (unit == 0) return std::nullopt;  // unknown unit ("1d", "1e3s")
    if (whole > kLimit / unit) return std::nullopt;
    whole *= unit;
    if (fraction > 0) {
      // fraction / scale < 1, so this product stays below `unit`.
      whole += static_cast<std::uint64_t>(static_cast<double>(fraction) * (static_cast<double>(unit) / scale));
      if (whole > kLimit) return std::nullopt;
    }
    // Go adds first and compares after; checking first also rules out uint64 wrap-around.
    if (whole > kLimit - total) return std::nullopt;
    total += whole;
  }
  if (negative) return total == kLimit ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(total);
  if (total > kLimit - 1) return std::nullopt;
  return static_cast<std::int64_t>(total);
}

}  // namespace netlint
