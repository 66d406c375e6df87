// Runs fn(i) for i in [0, count) on up to `jobs` threads. Work is handed out one index at a
// time, so one huge file does not hold back the others. Results go wherever fn writes them
// (callers use one slot per index, which keeps output order independent of scheduling).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace netlint {

template <class Fn>
void parallel_for(std::size_t count, unsigned jobs, Fn&& fn) {
  const std::size_t threads = std::min<std::size_t>(std::max(1u, jobs), count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::jthread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

}  // namespace netlint
