// What ingress-nginx reads: every ConfigMap key and every annotation with its value type, default,
// aliases and risk, the keys and annotations removed from it, and a parser that decides whether
// a value parses for its type exactly as the controller does (knowledge/domain.md 2.1-2.4).
// One table for the ConfigMap, one for annotations; the rules and the timeout chain read them
// through the functions below, never through copies of the names.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "analyzer/diag/did_you_mean.h"

namespace netlint::rules::nginx {

enum class ValueType {
  kString,           // any text (the controller copies it into nginx.conf or reads it itself)
  kSeconds,          // Go int through mapstructure's weak typing, seconds; the template appends `s`
  kInteger,          // Go int through mapstructure (strconv.ParseInt base 0, 64 bits; "" is 0)
  kInteger32,        // the same for an int32 field
  kFloat32,          // strconv.ParseFloat(v, 32); "" is 0
  kBoolean,          // strconv.ParseBool (1 t T TRUE true True 0 f F FALSE false False); "" is false
  kDecimal,          // strconv.Atoi (base 10): keys the controller parses itself, and integer annotations
  kDecimalSeconds,   // strconv.Atoi, seconds (timeout annotations)
  kGoDuration,       // time.ParseDuration (`5s`, `1m30s`)
  kNginxTime,        // a string nginx parses as time (`240s`, `1h`, `10m`); the controller copies it
  kNginxSize,        // a string nginx parses as size (`8k`, `1m`, `0`); the controller copies it
  kSizeAnnotation,   // the annotation size validator `^(?i)\d+[bkmg]?$`
  kNumberAndSize,    // `4 8k` (large_client_header_buffers)
  kNextUpstream,     // space-separated proxy_next_upstream tokens
  kEnumeration,      // one of `values` (see EnumSpec)
  kRedirectCode,     // 301, 302, 307 or 308 (else the controller keeps 308)
  kHttpCodes,        // comma-separated HTTP codes 300-599; other items are skipped
  kWorkerProcesses,  // `auto` or a number
  kLuaSharedDicts,   // comma-separated `name: size` (size `^\d+[kKmM]?$`, at most 200m)
  kUrl,              // a URL with scheme and host (global-auth-url, global-auth-signin)
};

// Who rejects a value that does not parse, which decides what happens.
enum class Rejection {
  kController,  // the controller logs it and keeps the default (or the ConfigMap value, for annotations)
  kNginx,       // the controller copies it into nginx.conf; nginx's config test fails and no change loads
};

enum class Risk { kLowOrMedium, kHigh, kCritical };

struct KeySpec {
  std::string_view name;
  ValueType type = ValueType::kString;
  std::string_view default_value;  // as documented/NewDefault(); empty when none or computed
  // kEnumeration: the allowed values separated by `|`; how a wrong value is treated.
  std::string_view values;
  bool case_insensitive = false;
  Rejection rejection = Rejection::kController;
  std::string_view fallback;  // kEnumeration with kController: what the controller uses instead
};

struct AnnotationSpec {
  std::string_view name;  // without the prefix
  ValueType type = ValueType::kString;
  Risk risk = Risk::kLowOrMedium;
  std::string_view values;  // kEnumeration
  bool case_insensitive = false;
  std::string_view alias_of;  // an accepted alias names the annotation it stands for
};

struct Removed {
  std::string_view name;
  std::string_view version;  // the first controller release without it, e.g. "1.10.0"
  std::string_view what;     // "OpenTracing support", "global rate limiting"
};

std::span<const KeySpec> config_map_keys();
std::span<const AnnotationSpec> annotations();

const KeySpec* find_key(std::string_view name);
const AnnotationSpec* find_annotation(std::string_view name);  // aliases included
const Removed* find_removed_key(std::string_view name);
const Removed* find_removed_annotation(std::string_view name);

// Names that users write for another one (RULES.md Conventions: known confusions per rule).
std::span<const diag::KnownConfusion> key_confusions();
std::span<const diag::KnownConfusion> annotation_confusions();

// The outcome of parsing a value as the controller does.
struct Parsed {
  bool ok = false;
  // A value filled in before applying (`${TIMEOUT}`, `{{ .Values.x }}`; model/placeholder): ok
  // (never invalid) and unknown (no integer, no boolean): rules that need it stay silent.
  bool placeholder = false;
  std::optional<std::int64_t> integer;  // integer and seconds types (and decimal ones)
  std::optional<bool> boolean;          // kBoolean
  std::string expected;                 // when !ok: what the type wants, e.g. "an integer number of seconds"
  Rejection rejection = Rejection::kController;
};

Parsed parse_key_value(const KeySpec& key, std::string_view value);
Parsed parse_annotation_value(const AnnotationSpec& annotation, std::string_view value);

// Go's strconv.ParseInt(text, 0, bits) after mapstructure's weak typing ("" is 0); nullopt when
// it fails. Go's other grammars: util/go_values.h.
std::optional<std::int64_t> parse_go_int(std::string_view text, int bits);

// A readable list of an enumeration's values: "Critical, High, Medium or Low".
std::string describe_values(std::string_view values);

}  // namespace netlint::rules::nginx
