// Seeded Monte Carlo of a route's transit time from triangular (low, typical, high) ranges.
#include "analysis/reliability.hpp"

#include "route/costing.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace caravan {

double triangular_quantile(double u, double low, double mode, double high) {
  if (high <= low) return mode;
  const double fc = (mode - low) / (high - low);
  if (u < fc) return low + std::sqrt(u * (high - low) * (mode - low));
  return high - std::sqrt((1.0 - u) * (high - low) * (high - mode));
}

double percentile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

ReliabilityResult simulate_transit(const Network& net, const Route& route,
                                   const ReliabilityOptions& o) {
  // The route's random terms; fixed ones are summed once.
  std::vector<HoursRange> ranges;
  double fixed = 0.0;
  auto add = [&](const HoursRange& r) {
    if (r.low == r.high)
      fixed += r.typical.value();
    else
      ranges.push_back(r);
  };
  for (std::size_t i = 0; i < route.legs.size(); ++i) {
    for (ArcId a : route.legs[i].arcs) {
      const Arc& arc = net.arc(a);
      add(net.link(arc.link).duration);
      if (arc.border.valid()) add(net.border(arc.border).dwell);
    }
    if (i < route.transfer_steps.size()) {
      const TransferStep& t = route.transfer_steps[i];
      const Transfer* rule = net.find_transfer(t.at, t.from_mode, t.to_mode);
      if (rule != nullptr) add(rule->duration);
    }
  }
  for (const auto* h : {&route.start_handling, &route.end_handling})
    if (h->has_value())
      if (const Transfer* rule =
              end_handling(net, (*h)->at, (*h)->to_mode, h == &route.start_handling,
                           route.objective, route.shipment))
        add(rule->duration);
  ReliabilityResult r;
  r.samples = o.samples;
  if (o.samples == 0) return r;
  std::mt19937_64 rng(o.seed);
  std::vector<double> totals(o.samples);
  for (std::size_t s = 0; s < o.samples; ++s) {
    double t = fixed;
    for (const HoursRange& h : ranges) {
      // 53 random bits -> [0, 1), identical on every platform (unlike
      // std::uniform_real_distribution).
      const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
      t += triangular_quantile(u, h.low.value(), h.typical.value(), h.high.value());
    }
    totals[s] = t;
  }
  std::sort(totals.begin(), totals.end());
  r.mean = Hours(std::accumulate(totals.begin(), totals.end(), 0.0) /
                 static_cast<double>(totals.size()));
  r.min = Hours(totals.front());
  r.max = Hours(totals.back());
  r.p50 = Hours(percentile_sorted(totals, 50));
  r.p90 = Hours(percentile_sorted(totals, 90));
  r.p95 = Hours(percentile_sorted(totals, 95));
  if (o.deadline) {
    const auto within =
        std::upper_bound(totals.begin(), totals.end(), o.deadline->value()) - totals.begin();
    r.p_within_deadline = static_cast<double>(within) / static_cast<double>(totals.size());
  }
  return r;
}

} // namespace caravan
