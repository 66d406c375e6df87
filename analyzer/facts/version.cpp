#include "analyzer/facts/version.h"

#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::facts {
namespace {

// Reads an int at `at` (an optional '-' and digits, as std::from_chars read it); false when
// there are no digits or the number does not fit.
bool read_number(std::string_view text, std::size_t& at, int& out) {
  std::size_t end = at < text.size() && text[at] == '-' ? at + 1 : at;
  const std::size_t digits = end;
  while (end < text.size() && is_ascii_digit(text[end])) ++end;
  if (end == digits) return false;
  const std::optional<std::int64_t> value = go_parse_int(text.substr(at, end - at), 10, 32);
  if (!value) return false;
  out = static_cast<int>(*value);
  at = end;
  return true;
}

}  // namespace

std::optional<Version> parse_version(std::string_view text) {
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V')) text.remove_prefix(1);
  Version v;
  std::size_t at = 0;
  if (!read_number(text, at, v.major) || at >= text.size() || text[at] != '.') return std::nullopt;
  ++at;
  if (!read_number(text, at, v.minor)) return std::nullopt;
  if (at < text.size() && text[at] == '.') {
    ++at;
    if (!read_number(text, at, v.patch)) v.patch = 0;
  }
  return v;
}

Version kubernetes_version(const ClusterFacts& facts) {
  if (facts.kubernetes_version.usable()) {
    if (auto v = parse_version(facts.kubernetes_version.value)) return *v;
  }
  return *parse_version(NewestVersions::kubernetes);
}

}  // namespace netlint::facts
