#include "analyzer/netpol/pair_flows.h"

namespace netlint::netpol {
namespace {
// 64 MB of slots at most; the classes are usually far fewer (what the policies can tell apart).
constexpr std::size_t kDenseLimit = std::size_t{1} << 24;
}  // namespace

PairFlows::PairFlows(const PolicyEngine& engine) : engine_(engine) {
  const auto counts = engine.pair_class_counts();
  destination_classes_ = counts.second;
  const std::size_t pairs = static_cast<std::size_t>(counts.first) * counts.second;
  if (pairs <= kDenseLimit) slots_.assign(pairs, 0);
}

const Flow& PairFlows::between(std::uint32_t src, std::uint32_t dst) {
  const std::size_t slot =
      static_cast<std::size_t>(engine_.source_class(src)) * destination_classes_ + engine_.destination_class(dst);
  std::uint32_t& entry = slots_.empty() ? sparse_[slot] : slots_[slot];
  if (entry == 0) {
    flows_.push_back(engine_.between(src, dst));
    entry = static_cast<std::uint32_t>(flows_.size());
  }
  return flows_[entry - 1];
}

}  // namespace netlint::netpol
