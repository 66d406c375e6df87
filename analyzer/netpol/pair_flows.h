// Every workload pair's flow (what `netlint connectivity` lists) without evaluating each pair:
// a flow depends only on the classes of its two ends (policy_engine.h), so it is computed once
// per (source class, destination class) and shared by all pairs of those classes. At 5,000
// workloads (25 million pairs) there are far fewer class pairs than pairs.
#pragma once

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <vector>

#include "analyzer/netpol/conn_set.h"
#include "analyzer/netpol/policy_engine.h"

namespace netlint::netpol {

// Not thread-safe: one per thread (it fills its cache as pairs are asked for).
class PairFlows {
 public:
  explicit PairFlows(const PolicyEngine& engine);

  // engine.between(src, dst); the reference stays valid while this object lives.
  const Flow& between(std::uint32_t src_workload, std::uint32_t dst_workload);

 private:
  const PolicyEngine& engine_;
  std::uint32_t destination_classes_ = 0;
  // (source class, destination class) -> index into flows_ + 1 (0: not computed yet): a table
  // while it is small, a hash map beyond (classes as many as workloads: one class pair per pair).
  std::vector<std::uint32_t> slots_;
  std::unordered_map<std::uint64_t, std::uint32_t> sparse_;
  std::deque<Flow> flows_;            // a deque: references to earlier entries survive growth
};

}  // namespace netlint::netpol
