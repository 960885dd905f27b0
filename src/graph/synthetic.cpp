// Synthetic road graph generator: perturbed grid, local streets, collectors, arterials, motorways.
#include "graph/synthetic.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace caravan::graph {

namespace {

/// SplitMix64: a tiny, fully specified generator, so that a seed gives the same graph with every
/// compiler and standard library (std:: distributions are not portable).
class SplitMix64 {
public:
  explicit SplitMix64(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }
  /// Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }

private:
  std::uint64_t s_;
};

enum RoadClass { kLocal = 0, kCollector = 1, kArterial = 2, kMotorway = 3 };
constexpr double kSpeedKmh[] = {30.0, 50.0, 80.0, 120.0};
/// Roads are not straight: length = straight-line distance times this factor per class.
constexpr double kDetour[] = {1.15, 1.08, 1.05, 1.03};

} // namespace

SyntheticRoadParams synthetic_params_for(std::uint32_t nodes, std::uint64_t seed) {
  SyntheticRoadParams p;
  const auto side = static_cast<std::uint32_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
  p.columns = side;
  p.rows = (nodes + side - 1) / side;
  p.seed = seed;
  return p;
}

Graph generate_synthetic_road_graph(const SyntheticRoadParams& p) {
  if (p.columns < 2 || p.rows < 2)
    throw std::invalid_argument("synthetic graph needs >= 2x2 nodes");
  if (static_cast<std::uint64_t>(p.columns) * p.rows >= 0xFFFFFFF0ULL) {
    throw std::invalid_argument("synthetic graph too large for 32-bit node ids");
  }
  SplitMix64 rng(p.seed);
  const std::uint32_t n = p.columns * p.rows;
  std::vector<double> x(n);
  std::vector<double> y(n);
  for (std::uint32_t r = 0; r < p.rows; ++r) {
    for (std::uint32_t c = 0; c < p.columns; ++c) {
      const std::uint32_t v = r * p.columns + c;
      x[v] = (c + p.jitter * (2.0 * rng.uniform() - 1.0)) * p.spacing_m;
      y[v] = (r + p.jitter * (2.0 * rng.uniform() - 1.0)) * p.spacing_m;
    }
  }
  std::vector<Arc> arcs;
  arcs.reserve(static_cast<std::size_t>(n) * 4 + n / 2);
  // Adds a road between u and v of class k; travel time in deciseconds, speed varied by +-15 %.
  auto add_road = [&](std::uint32_t u, std::uint32_t v, int k, bool both_ways) {
    const double dx = x[u] - x[v];
    const double dy = y[u] - y[v];
    const double length_m = std::sqrt(dx * dx + dy * dy) * kDetour[k];
    const double speed = kSpeedKmh[k] * (0.85 + 0.3 * rng.uniform());
    const auto w = static_cast<Weight>(std::lround(std::max(1.0, length_m / (speed / 3.6) * 10.0)));
    const bool forward = !both_ways ? rng.uniform() < 0.5 : true;
    if (both_ways || forward) arcs.push_back({u, v, w});
    if (both_ways || !forward) arcs.push_back({v, u, w});
  };
  auto line_class = [&](std::uint32_t line) {
    if (p.motorway_every > 0 && line % p.motorway_every == p.motorway_every / 2) return kMotorway;
    if (p.arterial_every > 0 && line % p.arterial_every == p.arterial_every / 2) return kArterial;
    if (p.collector_every > 0 && line % p.collector_every == p.collector_every / 2)
      return kCollector;
    return kLocal;
  };
  // Grid segments: collector rows/columns (and the local network under arterials and motorways,
  // which are separate carriageways) get collector or local class.
  for (std::uint32_t r = 0; r < p.rows; ++r) {
    for (std::uint32_t c = 0; c < p.columns; ++c) {
      const std::uint32_t v = r * p.columns + c;
      for (int dir = 0; dir < 2; ++dir) {
        const bool horizontal = dir == 0;
        if (horizontal ? c + 1 >= p.columns : r + 1 >= p.rows) continue;
        const std::uint32_t w = horizontal ? v + 1 : v + p.columns;
        const int k = line_class(horizontal ? r : c) == kLocal ? kLocal : kCollector;
        if (k == kLocal && rng.uniform() < p.local_drop) continue;
        const bool one_way = k == kLocal && rng.uniform() < p.one_way;
        add_road(v, w, k, !one_way);
      }
    }
  }
  // Arterials and motorways: fast roads along their lines with junctions every `exit` nodes.
  for (int k : {kArterial, kMotorway}) {
    const std::uint32_t every = k == kArterial ? p.arterial_every : p.motorway_every;
    const std::uint32_t exit =
        std::max<std::uint32_t>(1, k == kArterial ? p.arterial_exit : p.motorway_exit);
    if (every == 0) continue;
    for (std::uint32_t r = 0; r < p.rows; ++r) {
      if (line_class(r) != k) continue;
      for (std::uint32_t c = 0; c + exit < p.columns; c += exit) {
        add_road(r * p.columns + c, r * p.columns + c + exit, k, true);
      }
    }
    for (std::uint32_t c = 0; c < p.columns; ++c) {
      if (line_class(c) != k) continue;
      for (std::uint32_t r = 0; r + exit < p.rows; r += exit) {
        add_road(r * p.columns + c, (r + exit) * p.columns + c, k, true);
      }
    }
  }
  Graph g = build_graph(n, std::move(arcs), WeightUnit::decisecond);
  g.x = std::move(x);
  g.y = std::move(y);
  return largest_weak_component(g);
}

} // namespace caravan::graph
