#include "analyzer/netpol/pair_flows.h"

namespace netlint::netpol {

PairFlows::PairFlows(const PolicyEngine& engine, std::size_t max_cached)
    : engine_(engine),
      destination_classes_(engine.pair_class_counts().second),
      max_cached_(max_cached == 0 ? 1 : max_cached) {}

const Flow& PairFlows::between(std::uint32_t src, std::uint32_t dst) {
  const std::uint64_t slot =
      std::uint64_t{engine_.source_class(src)} * destination_classes_ + engine_.destination_class(dst);
  if (const auto it = cache_.find(slot); it != cache_.end()) return it->second;
  if (cache_.size() >= max_cached_) cache_.clear();
  return cache_.emplace(slot, engine_.between(src, dst)).first->second;
}

}  // namespace netlint::netpol
