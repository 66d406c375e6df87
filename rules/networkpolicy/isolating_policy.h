// What findings about blocked flows share (NL2005, NL2006, NL2014, NL2016, NL2018): the policy
// they sit on (among those that surely isolate a workload, the one the user extends) and how they
// name the workloads involved.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/netpol/policy_engine.h"

namespace netlint::rules {

// One with an empty podSelector (a namespace-wide default deny) first, else the first in the
// view; nullopt when no policy surely isolates it.
std::optional<std::uint32_t> broadest_isolating(const engine::View& view,
                                                const std::vector<std::pair<std::uint32_t, index::Tri>>& isolating);

// Where such a finding points: the policy's metadata.name, else the whole object.
SourceRange policy_anchor(const model::NetworkPolicy& policy);

// "ns/a[Deployment], ns/b[Deployment], ns/c[Deployment] and 4 more" (engine workload indexes).
std::string workload_list(const netpol::PolicyEngine& engine, const std::vector<std::uint32_t>& workloads);

}  // namespace netlint::rules
