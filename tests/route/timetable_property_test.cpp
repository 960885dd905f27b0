// Property tests of departure-time routing on random networks with random timetables: the
// time-dependent Dijkstra equals a brute-force simulation (label-correcting relaxation of every
// arc until nothing changes), and leaving later never arrives earlier (FIFO).
#include "route/arc_filter.hpp"
#include "route/timetable_router.hpp"
#include "support/random_network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace caravan {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kModesPerNode = kModeCount + 1;

Timetable random_timetable(std::mt19937& rng, const Network& net) {
  std::bernoulli_distribution timetabled(0.5), when_full(0.25), second(0.3);
  std::uniform_int_distribution<int> hour(0, 167), count(1, 3), cutoff(0, 4), headway(6, 200);
  std::uniform_real_distribution<double> transit(1.0, 60.0);
  std::vector<Service> services;
  for (std::size_t a = 0; a < net.arc_count(); ++a) {
    if (!timetabled(rng)) continue;
    const Arc& arc = net.arc(ArcId(static_cast<std::uint32_t>(a)));
    const int n = second(rng) ? 2 : 1; // sometimes two services on one arc
    for (int k = 0; k < n; ++k) {
      Service s;
      s.id = "s" + std::to_string(services.size());
      s.link = arc.link;
      s.from = arc.tail;
      s.to = arc.head;
      s.mode = net.link(arc.link).mode;
      if (when_full(rng)) {
        const double h = headway(rng);
        s.headway = HoursRange{Hours(h), Hours(h), Hours(h)};
      } else {
        for (int i = count(rng); i > 0; --i) s.weekly_utc_h.push_back(hour(rng));
        std::sort(s.weekly_utc_h.begin(), s.weekly_utc_h.end());
        s.weekly_utc_h.erase(std::unique(s.weekly_utc_h.begin(), s.weekly_utc_h.end()),
                             s.weekly_utc_h.end());
      }
      s.transit = HoursRange::exactly(Hours(std::round(transit(rng))));
      s.cutoff = Hours(cutoff(rng));
      services.push_back(std::move(s));
    }
  }
  return Timetable(net, std::move(services));
}

/// Earliest arrival at every node by relaxing every arc from every state until a fixed point.
std::vector<double> simulate(const Network& net, const Timetable& tt, NodeId from, double depart) {
  const Costing costing;
  const Shipment shipment;
  const ArcFilter filter(net, costing);
  const std::size_t n = net.node_count();
  std::vector<double> at(n * kModesPerNode, kInf);
  at[from.index() * kModesPerNode + kModeCount] = depart;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t s = 0; s < at.size(); ++s) {
      if (at[s] == kInf) continue;
      const NodeId u(static_cast<std::uint32_t>(s / kModesPerNode));
      for (std::uint32_t a = net.first_out(u); a < net.end_out(u); ++a) {
        if (!filter.usable(net.arc(ArcId(a)))) continue;
        TimedStep step;
        Usd usd;
        if (!timed_step(net, tt, ArcId(a), static_cast<std::uint32_t>(s % kModesPerNode), at[s],
                        shipment, false, step, usd))
          continue;
        const std::size_t ns = net.arc(ArcId(a)).head.index() * kModesPerNode +
                               static_cast<std::size_t>(net.link(net.arc(ArcId(a)).link).mode);
        if (step.arrive < at[ns] - 1e-9) {
          at[ns] = step.arrive;
          changed = true;
        }
      }
    }
  }
  std::vector<double> best(n, kInf);
  for (std::size_t v = 0; v < n; ++v)
    for (std::uint32_t m = 0; m < kModeCount; ++m) {
      double t = at[v * kModesPerNode + m];
      if (t == kInf) continue;
      if (const Transfer* h = end_handling(net, NodeId(static_cast<std::uint32_t>(v)),
                                           static_cast<Mode>(m), false, Objective::time, shipment))
        t += h->duration.typical.value();
      best[v] = std::min(best[v], t);
    }
  best[from.index()] = depart;
  return best;
}

TEST(TimetableProperty, EarliestArrivalEqualsSimulationAndIsFifo) {
  std::mt19937 rng(20);
  const std::vector<Mode> modes{Mode::rail_1520, Mode::road, Mode::ferry};
  const double monday = static_cast<double>(days_from_civil(2026, 3, 2)) * 24.0;
  std::uniform_real_distribution<double> offset(0.0, 2 * kHoursPerWeek);
  int compared = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const auto rn = testing::random_network(rng, 9, 16, modes, trial % 2 == 0);
    const Network& net = rn.net;
    const Timetable tt = random_timetable(rng, net);
    TimetableRouter router(net, tt);
    const NodeId from(static_cast<std::uint32_t>(trial % net.node_count()));
    std::vector<double> departs;
    for (int k = 0; k < 6; ++k) departs.push_back(monday + std::round(offset(rng) * 4) / 4);
    std::sort(departs.begin(), departs.end());
    std::vector<double> previous(net.node_count(), -kInf);
    for (double t : departs) {
      const std::vector<double> ref = simulate(net, tt, from, t);
      router.tree({from, from, {}, {}}, t);
      for (std::uint32_t v = 0; v < net.node_count(); ++v) {
        const auto got = router.arrival(NodeId(v));
        SCOPED_TRACE("trial " + std::to_string(trial) + " node " + std::to_string(v));
        if (ref[v] == kInf) {
          EXPECT_FALSE(got.has_value());
          continue;
        }
        ASSERT_TRUE(got.has_value());
        EXPECT_NEAR(*got, ref[v], 1e-6);
        EXPECT_GE(*got, previous[v] - 1e-6) << "left later, arrived earlier";
        previous[v] = *got;
        ++compared;
        // The assembled route replays to the same arrival.
        if (NodeId(v) != from) {
          const auto r = router.route_to(NodeId(v));
          ASSERT_TRUE(r.has_value());
          EXPECT_NEAR(r->arrive, *got, 1e-6);
          const TimedOutcome one = router.route({from, NodeId(v), {}, {}}, t);
          ASSERT_TRUE(one.ok());
          EXPECT_NEAR(one.route->arrive, *got, 1e-6);
          router.tree({from, from, {}, {}}, t);
        }
      }
    }
  }
  EXPECT_GT(compared, 500);
}

TEST(TimetableProperty, NextDepartureIsFifoAndNeverBeforeReady) {
  Service s;
  s.weekly_utc_h = {1.5, 50.0, 167.75};
  double prev = -kInf;
  for (double t = 0; t < 3 * kHoursPerWeek; t += 0.25) {
    const auto d = next_departure(s, t);
    ASSERT_TRUE(d.has_value());
    EXPECT_GE(d->depart, t);
    EXPECT_LT(d->depart - t, kHoursPerWeek);
    EXPECT_GE(d->depart, prev);
    prev = d->depart;
  }
}

} // namespace
} // namespace caravan
