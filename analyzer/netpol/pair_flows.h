// Every workload pair's flow (what `netlint connectivity` lists) without evaluating each pair:
// a flow depends only on the classes of its two ends (policy_engine.h), so it is computed once
// per (source class, destination class) and shared by all pairs of those classes. At 5,000
// workloads (25 million pairs) there are far fewer class pairs than pairs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include "analyzer/netpol/conn_set.h"
#include "analyzer/netpol/policy_engine.h"

namespace netlint::netpol {

// Not thread-safe: one per thread (it fills its cache as pairs are asked for).
class PairFlows {
 public:
  // At most `max_cached` class pairs are remembered; then the cache starts over. Class pairs
  // can be as many as pairs (a policy per workload), and `connectivity` must stay bounded by
  // the model, not by its output.
  explicit PairFlows(const PolicyEngine& engine, std::size_t max_cached = std::size_t{1} << 16);

  // engine.between(src, dst); the reference stays valid until the next call.
  const Flow& between(std::uint32_t src_workload, std::uint32_t dst_workload);

 private:
  const PolicyEngine& engine_;
  std::uint64_t destination_classes_ = 0;
  std::size_t max_cached_;
  std::unordered_map<std::uint64_t, Flow> cache_;  // source class x destination class -> flow
};

}  // namespace netlint::netpol
