// Timing and summary helpers shared by the benchmark drivers in this directory.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <numeric>
#include <vector>

namespace caravan::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

inline double us_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

/// Mean, median and 99th percentile (the sample at index size * 99 / 100 of the sorted times) of a
/// set of query times in microseconds.
struct Stats {
  double mean_us = 0;
  double p50_us = 0;
  double p99_us = 0;
};

inline Stats stats_of(std::vector<double> us) {
  Stats s;
  if (us.empty()) return s;
  s.mean_us = std::accumulate(us.begin(), us.end(), 0.0) / static_cast<double>(us.size());
  std::sort(us.begin(), us.end());
  s.p50_us = us[us.size() / 2];
  s.p99_us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  return s;
}

} // namespace caravan::bench
