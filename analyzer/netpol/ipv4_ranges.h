// IPv4 address ranges for the connectivity report's external peers (netpol-analyzer prints the
// IPv4 space cut at every ipBlock boundary; IPv6 ipBlocks have no external peer there).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/model/object_meta.h"

namespace netlint::netpol {

std::string ipv4_str(std::uint32_t address);
// First and last address of an IPv4 CIDR; nullopt for IPv6 or what does not parse.
std::optional<std::pair<std::uint32_t, std::uint32_t>> ipv4_range(std::string_view cidr);
// The addresses of an ipBlock (cidr minus every except) as merged ranges; empty for IPv6 or
// what does not parse. Its range boundaries are where the external peers are cut: two excepts
// that touch (10.0.0.0/9 and 10.128.0.0/9) cut once, as netpol-analyzer's disjoint blocks do.
std::vector<std::pair<std::uint32_t, std::uint32_t>> ipv4_block_ranges(std::string_view cidr,
                                                                       const std::vector<model::Text>& except);
// True when [low, high] lies inside `cidr` and outside every `except` (the pieces are cut at
// every boundary, so a piece is either inside or outside each range).
bool ipv4_block_contains(std::string_view cidr, const std::vector<model::Text>& except, std::uint32_t low,
                         std::uint32_t high);

}  // namespace netlint::netpol
