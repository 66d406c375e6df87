#include "analyzer/netpol/ipv4_ranges.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzer/util/cidr.h"

namespace netlint::netpol {

std::string ipv4_str(std::uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 0xFF, (a >> 8) & 0xFF, a & 0xFF);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> ipv4_range(std::string_view text) {
  const auto cidr = parse_cidr(text);
  if (!cidr || cidr->v6) return std::nullopt;
  const std::uint32_t base = (std::uint32_t{cidr->address[0]} << 24) | (std::uint32_t{cidr->address[1]} << 16) |
                             (std::uint32_t{cidr->address[2]} << 8) | std::uint32_t{cidr->address[3]};
  const std::uint64_t size = std::uint64_t{1} << (32 - cidr->prefix);
  return std::pair{base, static_cast<std::uint32_t>(base + size - 1)};
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> ipv4_block_ranges(std::string_view cidr,
                                                                       const std::vector<model::Text>& except) {
  const auto range = ipv4_range(cidr);
  if (!range) return {};
  // Subtract the excepts in address order from the one range (64-bit to step past the end).
  std::vector<std::pair<std::uint64_t, std::uint64_t>> cuts;
  for (const model::Text& e : except) {
    if (const auto cut = ipv4_range(e.value)) cuts.emplace_back(cut->first, cut->second);
  }
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  std::uint64_t next = range->first;
  for (const auto& [low, high] : cuts) {
    if (high < next || low > range->second) continue;
    if (low > next) out.emplace_back(static_cast<std::uint32_t>(next), static_cast<std::uint32_t>(low - 1));
    next = std::max(next, high + 1);
  }
  if (next <= range->second) out.emplace_back(static_cast<std::uint32_t>(next), range->second);
  return out;
}

bool ipv4_block_contains(std::string_view cidr, const std::vector<model::Text>& except, std::uint32_t low,
                         std::uint32_t high) {
  const auto range = ipv4_range(cidr);
  if (!range || low < range->first || high > range->second) return false;
  for (const model::Text& e : except) {
    const auto cut = ipv4_range(e.value);
    if (cut && low <= cut->second && high >= cut->first) return false;
  }
  return true;
}

}  // namespace netlint::netpol
