#include "rules/networkpolicy/isolating_policy.h"

#include <fmt/format.h>

namespace netlint::rules {

std::optional<std::uint32_t> broadest_isolating(const engine::View& view,
                                                const std::vector<std::pair<std::uint32_t, index::Tri>>& isolating) {
  std::optional<std::uint32_t> best;
  for (const auto& [policy, t] : isolating) {
    if (t != index::Tri::kYes) continue;
    if (!best) best = policy;
    if (view.model().network_policies[policy].pod_selector.empty()) return policy;
  }
  return best;
}

SourceRange policy_anchor(const model::NetworkPolicy& policy) {
  return policy.meta.name.range.valid() ? policy.meta.name.range : policy.meta.object_range;
}

std::string workload_list(const netpol::PolicyEngine& engine, const std::vector<std::uint32_t>& workloads) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < workloads.size() && i < 3; ++i)
    shown.push_back(engine.workloads()[workloads[i]].display());
  std::string out = fmt::format("{}", fmt::join(shown, ", "));
  if (workloads.size() > 3) out += fmt::format(" and {} more", workloads.size() - 3);
  return out;
}

}  // namespace netlint::rules
