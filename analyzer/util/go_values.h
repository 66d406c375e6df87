// Go's value grammars, in one place: the controllers netlint models (kube-proxy, CoreDNS,
// ingress-nginx, the cloud load-balancer controllers) read their settings with Go's strconv and
// time packages, so a value is valid exactly when Go accepts it. Every function returns nullopt
// where Go returns an error (syntax or range). Callers add their own policy on top (for example
// "no negative durations"); nothing else in the tree parses these grammars.
//
// The semantics follow the Go standard library sources (go1.22):
//   src/strconv/atob.go  ParseBool
//   src/strconv/atoi.go  ParseInt, Atoi, underscoreOK
//   src/strconv/atof.go  ParseFloat (special, readFloat)
//   src/time/format.go   ParseDuration (leadingInt, leadingFraction, unitMap)
// and are tested against Go's own cases (atob_test.go, atoi_test.go, atof_test.go, time_test.go)
// in go_values_test.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace netlint {

// strconv.ParseBool: 1 t T TRUE true True are true; 0 f F FALSE false False are false.
std::optional<bool> go_parse_bool(std::string_view text);

// strconv.Atoi on a 64-bit platform: an optional sign and decimal digits within int64. No
// underscores, no base prefixes, no spaces.
std::optional<std::int64_t> go_atoi(std::string_view text);

// strconv.ParseInt(text, base, bits). base is 0 or 2..36; with base 0 the prefix picks the base
// (0x/0X hex, 0o/0O and a bare leading 0 octal, 0b/0B binary) and underscores may separate digits
// (underscoreOK). bits is 0 (= 64) or 1..64: the value must fit a signed integer of that width.
// Anything else for base or bits is an error, as in Go.
std::optional<std::int64_t> go_parse_int(std::string_view text, int base, int bits);

// strconv.ParseUint(text, base, bits): as ParseInt without a sign, up to 2^bits - 1.
std::optional<std::uint64_t> go_parse_uint(std::string_view text, int base, int bits);

// strconv.ParseFloat(text, bits), bits 64 or 32: decimal with optional exponent, hexadecimal
// with a mandatory p exponent (0x1.8p1), underscores between digits, and inf/infinity (with an
// optional sign) or nan in any case. A value that overflows the type is an error (Go returns
// ±Inf with ErrRange); underflow rounds to zero or a denormal without error.
std::optional<double> go_parse_float(std::string_view text, int bits = 64);

// time.ParseDuration, in nanoseconds: [-+]? then one or more ([0-9]*(\.[0-9]*)?unit) with at
// least one digit around the dot, or "0" alone. Units: ns, us, µs (U+00B5), μs (U+03BC), ms, s,
// m, h. No exponent ("1e3s" is an error), no spaces; beyond the int64 range is an error.
std::optional<std::int64_t> go_parse_duration(std::string_view text);

}  // namespace netlint
