// Reach: the places it lists are exactly those whose single-route earliest arrival is within the
// budget (with and without timetables), and its links and day bands are consistent.
#include "formats/builtin_networks.hpp"
#include "formats/services_csv.hpp"
#include "report/reach_output.hpp"
#include "route/reach.hpp"
#include "route/router.hpp"
#include "support/random_network.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace caravan {
namespace {

struct Eurasia {
  Network net;
  Timetable tt;
};

const Eurasia& eurasia() {
  static const Eurasia e = [] {
    const auto files = *formats::builtin_network("eurasia");
    Network net = formats::parse_network(files).network;
    Timetable tt = formats::parse_services(files, net);
    return Eurasia{std::move(net), std::move(tt)};
  }();
  return e;
}

/// Node -> hours of the places reach() lists.
std::map<std::uint32_t, double> listed(const ReachResult& r) {
  std::map<std::uint32_t, double> out;
  for (const auto& p : r.places) out[p.node.index()] = p.hours.value();
  return out;
}

void expect_constant_model_reach(const Network& net, NodeId from, double budget_h) {
  const Timetable none;
  RouteRequest req{from, from, {}, {}};
  const ReachResult r = reach(net, none, req, 0.0, Hours(budget_h));
  const auto got = listed(r);
  Router router(net);
  std::size_t within = 0;
  for (std::uint32_t v = 0; v < net.node_count(); ++v) {
    if (NodeId(v) == from) continue;
    const RouteOutcome o = router.route({from, NodeId(v), {}, {}});
    const bool in = o.ok() && o.route->totals.hours.value() <= budget_h + 1e-9;
    SCOPED_TRACE(net.node(NodeId(v)).id);
    EXPECT_EQ(got.contains(v), in);
    if (in) {
      ++within;
      EXPECT_NEAR(got.at(v), o.route->totals.hours.value(), 1e-6);
    }
  }
  EXPECT_EQ(got.size(), within);
}

void expect_timed_reach(const Network& net, const Timetable& tt, NodeId from, double depart,
                        double budget_h) {
  RouteRequest req{from, from, {}, {}};
  const ReachResult r = reach(net, tt, req, depart, Hours(budget_h));
  const auto got = listed(r);
  TimetableRouter router(net, tt);
  std::size_t within = 0;
  for (std::uint32_t v = 0; v < net.node_count(); ++v) {
    if (NodeId(v) == from) continue;
    const TimedOutcome o = router.route({from, NodeId(v), {}, {}}, depart);
    const bool in = o.ok() && o.route->hours().value() <= budget_h + 1e-9;
    SCOPED_TRACE(net.node(NodeId(v)).id);
    EXPECT_EQ(got.contains(v), in);
    if (in) {
      ++within;
      EXPECT_NEAR(got.at(v), o.route->hours().value(), 1e-6);
    }
  }
  EXPECT_EQ(got.size(), within);
  // Every listed place's route runs on reached links travelled whole; cut links end past the
  // budget.
  std::map<std::uint32_t, double> fraction;
  for (const auto& a : r.arcs) {
    fraction[a.arc.index()] = a.fraction;
    EXPECT_LT(a.depart.value(), budget_h);
    if (a.fraction < 1.0) {
      EXPECT_GT(a.arrive.value(), budget_h);
    }
  }
  for (const auto& p : r.places)
    for (const auto& s : p.route.steps) {
      ASSERT_TRUE(fraction.contains(s.arc.index()));
      EXPECT_DOUBLE_EQ(fraction[s.arc.index()], 1.0);
    }
}

TEST(Reach, EurasiaConstantModelEqualsSingleRoutesWithinTheBudget) {
  const Network& net = eurasia().net;
  for (const char* from : {"kz_altynkol", "kz_aktau", "ge_poti"})
    expect_constant_model_reach(net, *net.find_node_id(from), 240.0);
}

TEST(Reach, EurasiaWithTimetablesEqualsTimedSingleRoutes) {
  const Network& net = eurasia().net;
  const double tuesday = *parse_datetime("2026-03-03T08:00");
  for (const char* from : {"kz_altynkol", "kz_kuryk", "ge_poti"})
    for (double days : {3.0, 10.0, 20.0})
      expect_timed_reach(net, eurasia().tt, *net.find_node_id(from), tuesday, days * 24.0);
}

TEST(Reach, RandomNetworksEqualSingleRoutes) {
  std::mt19937 rng(7);
  const std::vector<Mode> modes{Mode::rail_1520, Mode::road, Mode::ferry};
  for (int trial = 0; trial < 20; ++trial) {
    const auto rn = testing::random_network(rng, 12, 24, modes, true);
    const NodeId from(static_cast<std::uint32_t>(trial % rn.net.node_count()));
    std::uniform_real_distribution<double> budget(1.0, 100.0);
    expect_constant_model_reach(rn.net, from, budget(rng));
  }
}

TEST(Reach, GeoJsonHasLinksPlacesAndABandHullEach) {
  const Network& net = eurasia().net;
  const RouteRequest req{*net.find_node_id("kz_altynkol"), {}, {}, {}};
  const ReachResult r =
      reach(net, eurasia().tt, req, *parse_datetime("2026-03-03T08:00"), Hours(10 * 24.0));
  report::ReachOutputOptions o;
  o.timed = true;
  const auto g = report::reach_to_geojson(net, r, o);
  std::map<std::string, int> kinds;
  std::set<std::string> bands;
  int cut = 0;
  for (const auto& f : g["features"]) {
    ++kinds[f["properties"]["kind"].get<std::string>()];
    if (f["properties"]["kind"] == "band") bands.insert(f["properties"]["band"]);
    if (f["properties"]["kind"] == "link" && f["properties"]["cut"] == true) ++cut;
  }
  EXPECT_EQ(kinds["place"], static_cast<int>(r.places.size()));
  EXPECT_EQ(kinds["link"], static_cast<int>(r.arcs.size()));
  EXPECT_GT(cut, 0);
  EXPECT_EQ(bands, (std::set<std::string>{"0-3", "3-7", "7-14"}));
  EXPECT_EQ(report::day_band(2.5, o.band_days), "0-3");
  EXPECT_EQ(report::day_band(7.0, o.band_days), "3-7");
  EXPECT_EQ(report::day_band(20.0, o.band_days), ">14");
}

} // namespace
} // namespace caravan
