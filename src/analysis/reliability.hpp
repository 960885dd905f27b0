// Transit-time reliability of a route by seeded Monte Carlo over its links', transfers' and
// borders' ranges.
#pragma once

#include "core/network.hpp"
#include "route/route.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace caravan {

struct ReliabilityOptions {
  std::size_t samples = 10'000;
  std::uint64_t seed = 1;
  std::optional<Hours> deadline; ///< report P(transit <= deadline)
};

struct ReliabilityResult {
  std::size_t samples = 0;
  Hours mean, min, max;
  Hours p50, p90, p95;
  std::optional<double> p_within_deadline;
};

/// Samples one value from a triangular distribution with the given low, mode and high, from a
/// uniform u in [0, 1) (inverse CDF).
double triangular_quantile(double u, double low, double mode, double high);

/// Each running time, border dwell and transfer time of `route` is drawn independently from a
/// triangular distribution with (low, typical, high) as its minimum, mode and maximum (a fixed
/// value when the data gives no range); the route itself is fixed. The same seed gives the same
/// numbers on every machine (std::mt19937_64 and the inverse CDF).
ReliabilityResult simulate_transit(const Network& net, const Route& route,
                                   const ReliabilityOptions& options = {});

/// Nearest-rank percentile (0 < p <= 100) of sorted values.
double percentile_sorted(const std::vector<double>& sorted, double p);

} // namespace caravan
