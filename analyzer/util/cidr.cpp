#include "analyzer/util/cidr.h"

#include <fmt/format.h>

#include <limits>

#include "analyzer/util/strings.h"

namespace netlint {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Dotted decimal into out[0..3]; Go rejects leading zeros ("010") since 1.17.
bool parse_v4(std::string_view text, std::uint8_t* out) {
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (text.empty() || text.front() != '.') return false;
      text.remove_prefix(1);
    }
    std::size_t n = 0;
    int value = 0;
    while (n < text.size() && is_ascii_digit(text[n]) && n < 4) {
      value = value * 10 + (text[n] - '0');
      ++n;
    }
    if (n == 0 || n > 3 || value > 255 || (n > 1 && text[0] == '0')) return false;
    out[part] = static_cast<std::uint8_t>(value);
    text.remove_prefix(n);
  }
  return text.empty();
}

bool parse_v6(std::string_view text, std::uint8_t* out) {
  std::array<std::uint8_t, 16> bytes{};
  int filled = 0;  // bytes written
  int gap = -1;    // byte index where `::` stands
  if (text.starts_with("::")) {
    gap = 0;
    text.remove_prefix(2);
  }
  while (!text.empty()) {
    // A trailing dotted IPv4 part fills the last 4 bytes.
    const std::size_t colon = text.find(':');
    const std::string_view group = text.substr(0, colon);
    if (colon == std::string_view::npos && group.find('.') != std::string_view::npos) {
      if (filled + 4 > 16 || !parse_v4(group, bytes.data() + filled)) return false;
      filled += 4;
      text = {};
      break;
    }
    if (group.empty() || group.size() > 4 || filled + 2 > 16) return false;
    int value = 0;
    for (char c : group) {
      const int h = hex_value(c);
      if (h < 0) return false;
      value = value * 16 + h;
    }
    bytes[static_cast<std::size_t>(filled)] = static_cast<std::uint8_t>(value >> 8);
    bytes[static_cast<std::size_t>(filled) + 1] = static_cast<std::uint8_t>(value & 0xff);
    filled += 2;
    if (colon == std::string_view::npos) {
      text = {};
      break;
    }
    text.remove_prefix(colon + 1);
    if (text.starts_with(":")) {
      if (gap >= 0) return false;  // two `::`
      gap = filled;
      text.remove_prefix(1);
    } else if (text.empty()) {
      return false;  // a trailing single colon
    }
  }
  if (gap < 0) {
    if (filled != 16) return false;
  } else {
    if (filled >= 16) return false;  // `::` must stand for at least one group
    const int tail = filled - gap;
    for (int i = 0; i < tail; ++i) {
      out[16 - tail + i] = bytes[static_cast<std::size_t>(gap + i)];
    }
    for (int i = 0; i < gap; ++i) out[i] = bytes[static_cast<std::size_t>(i)];
    for (int i = gap; i < 16 - tail; ++i) out[i] = 0;
    return true;
  }
  for (int i = 0; i < 16; ++i) out[i] = bytes[static_cast<std::size_t>(i)];
  return true;
}

// Clears the bits after `prefix`; returns whether any was set.
bool mask(std::array<std::uint8_t, 16>& address, int prefix, int bits) {
  bool had_host_bits = false;
  for (int i = 0; i < bits / 8; ++i) {
    const int keep = std::min(8, std::max(0, prefix - i * 8));
    const auto m = static_cast<std::uint8_t>(keep == 0 ? 0 : (0xff << (8 - keep)) & 0xff);
    const std::size_t at = static_cast<std::size_t>(i);
    if ((address[at] & ~m & 0xff) != 0) had_host_bits = true;
    address[at] = static_cast<std::uint8_t>(address[at] & m);
  }
  return had_host_bits;
}

// True when `a` and `b` agree on the first `prefix` bits.
bool same_prefix(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, int prefix) {
  for (int i = 0; i * 8 < prefix; ++i) {
    const int keep = std::min(8, prefix - i * 8);
    const auto m = static_cast<std::uint8_t>((0xff << (8 - keep)) & 0xff);
    const std::size_t at = static_cast<std::size_t>(i);
    if ((a[at] & m) != (b[at] & m)) return false;
  }
  return true;
}

}  // namespace

std::uint64_t Cidr::size() const noexcept {
  const int host = bits() - prefix;
  if (host >= 64) return std::numeric_limits<std::uint64_t>::max();
  return std::uint64_t{1} << host;
}

std::string Cidr::str() const {
  if (!v6) return fmt::format("{}.{}.{}.{}/{}", address[0], address[1], address[2], address[3], prefix);
  // RFC 5952: the longest run (at least two) of zero groups becomes `::`, the first on a tie.
  std::array<int, 8> groups{};
  for (std::size_t i = 0; i < 8; ++i) groups[i] = address[2 * i] << 8 | address[2 * i + 1];
  int best_start = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (groups[static_cast<std::size_t>(i)] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[static_cast<std::size_t>(j)] == 0) ++j;
    if (j - i > best_len && j - i >= 2) {
      best_start = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && !out.ends_with(":")) out += ':';
    out += fmt::format("{:x}", groups[static_cast<std::size_t>(i)]);
  }
  return fmt::format("{}/{}", out, prefix);
}

std::optional<IpAddress> parse_ip(std::string_view text) {
  IpAddress ip;
  ip.v6 = text.find(':') != std::string_view::npos;
  if (ip.v6 ? !parse_v6(text, ip.bytes.data()) : !parse_v4(text, ip.bytes.data())) return std::nullopt;
  return ip;
}

std::optional<Cidr> parse_cidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::optional<IpAddress> ip = parse_ip(text.substr(0, slash));
  if (!ip) return std::nullopt;
  const std::string_view length = text.substr(slash + 1);
  Cidr c;
  c.v6 = ip->v6;
  c.address = ip->bytes;
  if (length.empty() || length.size() > 3 || (length.size() > 1 && length[0] == '0')) return std::nullopt;
  int prefix = 0;
  for (char ch : length) {
    if (!is_ascii_digit(ch)) return std::nullopt;
    prefix = prefix * 10 + (ch - '0');
  }
  if (prefix > c.bits()) return std::nullopt;
  c.prefix = prefix;
  c.canonical = !mask(c.address, prefix, c.bits());
  return c;
}

std::optional<std::vector<Cidr>> parse_cidr_list(std::string_view text) {
  std::vector<Cidr> out;
  for (;;) {
    const std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) {
      auto c = parse_cidr(item);
      if (!c) return std::nullopt;
      out.push_back(*c);
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

bool contains(const Cidr& outer, const Cidr& inner) noexcept {
  return outer.v6 == inner.v6 && outer.prefix <= inner.prefix &&
         same_prefix(outer.address, inner.address, outer.prefix);
}

bool overlaps(const Cidr& a, const Cidr& b) noexcept {
  return contains(a, b) || contains(b, a);
}

}  // namespace netlint
