#include "analyzer/facts/version.h"

#include <charconv>

namespace netlint::facts {
namespace {

// Reads digits at `at`; false when there are none.
bool read_number(std::string_view text, std::size_t& at, int& out) {
  const char* begin = text.data() + at;
  const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), out);
  if (ec != std::errc() || end == begin) return false;
  at += static_cast<std::size_t>(end - begin);
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
