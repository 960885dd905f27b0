// The Pareto front equals brute-force enumeration of state-simple paths on small random graphs.
#include "route/pareto.hpp"
#include "support/random_network.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>

namespace caravan {
namespace {

using Vec = std::array<double, 3>;

/// Every path from `from` to `to` that never repeats a (node, arriving mode) state, as (h, usd,
/// co2).
void enumerate(const Network& net, NodeId v, int mode_in, NodeId to, Vec acc,
               std::set<std::pair<std::uint32_t, int>>& seen, std::vector<Vec>& out) {
  const Shipment s;
  if (v == to) {
    // Port handling where the path ends on a ship (time picks the rule, as in the front's routes).
    if (const Transfer* h =
            end_handling(net, to, static_cast<Mode>(mode_in), false, Objective::time, s)) {
      const Totals t = transfer_totals(*h, s);
      acc[0] += t.hours.value();
      acc[1] += t.usd.value();
    }
    out.push_back(acc);
    return;
  }
  for (std::uint32_t ai = net.first_out(v); ai < net.end_out(v); ++ai) {
    const Arc& a = net.arc(ArcId(ai));
    const Link& l = net.link(a.link);
    Totals step = arc_totals(net, a, s);
    const int mode_out = static_cast<int>(l.mode);
    if (mode_in < 0) {
      if (const Transfer* h = end_handling(net, v, l.mode, true, Objective::time, s))
        step += transfer_totals(*h, s);
    } else if (mode_in != mode_out) {
      const Transfer* t = net.find_transfer(v, static_cast<Mode>(mode_in), l.mode);
      if (!t) continue;
      step += transfer_totals(*t, s);
    }
    const auto key = std::make_pair(a.head.index(), mode_out);
    if (seen.contains(key)) continue;
    seen.insert(key);
    enumerate(net, a.head, mode_out, to,
              {acc[0] + step.hours.value(), acc[1] + step.usd.value(), acc[2] + step.co2.value()},
              seen, out);
    seen.erase(key);
  }
}

std::vector<Vec> non_dominated(std::vector<Vec> all) {
  std::vector<Vec> out;
  for (const Vec& a : all) {
    bool dominated = false;
    for (const Vec& b : all) {
      const bool weakly = b[0] <= a[0] && b[1] <= a[1] && b[2] <= a[2];
      const bool strictly = b[0] < a[0] || b[1] < a[1] || b[2] < a[2];
      dominated = dominated || (weakly && strictly);
    }
    if (!dominated && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Pareto, FrontEqualsBruteForceOnRandomGraphs) {
  std::mt19937 rng(42);
  const std::vector<Mode> modes{Mode::rail_1435, Mode::rail_1520, Mode::road, Mode::ferry};
  int compared = 0, fronts_with_several = 0;
  for (int graph = 0; graph < 150; ++graph) {
    std::uniform_int_distribution<int> size(3, 7);
    const int n = size(rng);
    const auto rn = testing::random_network(rng, n, n + 4, modes, true);
    ParetoRouter pr(rn.net);
    const NodeId from(0), to(static_cast<std::uint32_t>(n - 1));
    std::set<std::pair<std::uint32_t, int>> seen{{from.index(), -1}};
    std::vector<Vec> all;
    enumerate(rn.net, from, -1, to, {0, 0, 0}, seen, all);
    const std::vector<Vec> expected = non_dominated(all);
    const ParetoFront front = pr.run({from, to, {}, {}});
    std::vector<Vec> got;
    for (const Route& r : front.routes)
      got.push_back({r.totals.hours.value(), r.totals.usd.value(), r.totals.co2.value()});
    std::sort(got.begin(), got.end());
    ASSERT_EQ(got.size(), expected.size()) << "graph " << graph;
    for (std::size_t i = 0; i < got.size(); ++i)
      for (int k = 0; k < 3; ++k)
        EXPECT_NEAR(got[i][k], expected[i][k], 1e-9 * std::max(1.0, expected[i][k]));
    ++compared;
    fronts_with_several += got.size() > 1 ? 1 : 0;
  }
  EXPECT_EQ(compared, 150);
  EXPECT_GT(fronts_with_several, 20); // the test exercises real trade-offs, not just single routes
}

TEST(Pareto, EveryFrontRouteIsValidAndTheFastestIsFirst) {
  std::mt19937 rng(5);
  const auto rn =
      testing::random_network(rng, 25, 80, {Mode::rail_1520, Mode::road, Mode::ferry}, true);
  ParetoRouter pr(rn.net);
  Router router(rn.net);
  for (std::uint32_t t = 1; t < 25; ++t) {
    const ParetoFront f = pr.run({NodeId(0), NodeId(t), {}, {}});
    const RouteOutcome fastest = router.route({NodeId(0), NodeId(t), {}, {}});
    ASSERT_EQ(f.routes.empty(), !fastest.ok());
    if (f.routes.empty()) continue;
    EXPECT_NEAR(f.routes.front().totals.hours.value(), fastest.route->totals.hours.value(), 1e-9);
    for (std::size_t i = 1; i < f.routes.size(); ++i)
      EXPECT_LE(f.routes[i - 1].totals.hours.value(), f.routes[i].totals.hours.value());
  }
}

} // namespace
} // namespace caravan
