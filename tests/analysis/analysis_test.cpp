// Corridor comparison on an ASCII-map network; Monte Carlo percentiles of known distributions.
#include "analysis/corridor_compare.hpp"
#include "analysis/reliability.hpp"
#include "support/ascii_network.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace caravan {
namespace {

//   A=====B=====C=====D       corridor "north": A-B-C-D (rail through RU)
//   |                 |
//   E~~~~~~~~~~~~~~~~~F       corridor "middle": A-E-F-D (ferry across the sea)
//   the sea corridor "south" G: A-G-D by sea, long and slow
//   G
const testing::MapSpec kCorridors{
    .map = R"(
A=====B=====C=====D
E~~~~~~~~~~~~~~~~~F
G
)",
    .links = {{.nodes = "ABCD", .mode = "rail_1520", .speed_kmh = 60},
              {.nodes = "AE", .mode = "rail_1520", .speed_kmh = 60},
              {.nodes = "EF", .mode = "ferry", .speed_kmh = 20},
              {.nodes = "FD", .mode = "rail_1520", .speed_kmh = 60},
              {.nodes = "AG", .mode = "sea", .speed_kmh = 30, .usd_per_teu_km = 0.05, .km = 900},
              {.nodes = "GD", .mode = "sea", .speed_kmh = 30, .usd_per_teu_km = 0.05, .km = 900}},
    .transfers = {{'E', "*", "*", 24.0, 300.0},
                  {'F', "*", "*", 24.0, 300.0},
                  {'D', "*", "*", 12.0, 100.0},
                  {'A', "*", "*", 12.0, 100.0}},
    .countries = {{'B', "RU"}, {'C', "RU"}, {'E', "AZ"}, {'F', "GE"}},
    .corridors = {{"north", "ABCD"}, {"middle", "AEFD"}, {"south", "AGD"}}};

TEST(CorridorCompare, BestRouteThroughEachCorridorRanked) {
  const Network net = testing::build_map_network(kCorridors);
  Router router(net);
  const RouteRequest req{*net.find_node_id("A"), *net.find_node_id("D"), {}, {}};
  const CorridorComparison cmp = compare_corridors(router, req);
  ASSERT_TRUE(cmp.best.has_value());
  ASSERT_EQ(cmp.options.size(), 3u);
  std::vector<std::string> order;
  for (const auto& o : cmp.options) order.push_back(net.corridor(o.corridor).id);
  EXPECT_EQ(order, (std::vector<std::string>{"north", "middle", "south"}));
  EXPECT_DOUBLE_EQ(cmp.options[0].route->totals.hours.value(), 3.0); // 180 km at 60
  EXPECT_DOUBLE_EQ(cmp.options[1].route->totals.hours.value(), 10.0 / 60 + 24 + 9 + 24 + 10.0 / 60);
  EXPECT_DOUBLE_EQ(cmp.options[2].route->totals.hours.value(), 60.0); // 1800 km at 30 km/h
  // By cost the sea wins.
  RouteRequest by_cost = req;
  by_cost.costing.objective = Objective::cost;
  EXPECT_EQ(net.corridor(compare_corridors(router, by_cost).options[0].corridor).id, "south");
}

TEST(CorridorCompare, EntryAndExitAreTheCorridorNodesClosestToOriginAndDestination) {
  const Network net = testing::build_map_network(kCorridors);
  Router router(net);
  // From B (on the northern corridor) to F (on the middle one): the middle corridor is joined at A
  // and left at F; the northern one is joined at B and left at D.
  const CorridorComparison cmp =
      compare_corridors(router, {*net.find_node_id("B"), *net.find_node_id("F"), {}, {}});
  for (const auto& o : cmp.options) {
    const std::string id = net.corridor(o.corridor).id;
    if (id == "middle") {
      ASSERT_TRUE(o.route.has_value());
      EXPECT_EQ(net.node(o.entry).id, "A");
      EXPECT_EQ(net.node(o.exit).id, "F");
    }
    if (id == "north") {
      ASSERT_TRUE(o.route.has_value());
      EXPECT_EQ(net.node(o.entry).id, "B");
      EXPECT_EQ(net.node(o.exit).id, "D");
    }
  }
}

TEST(Router, ViaPointsAreVisitedInOrder) {
  const Network net = testing::build_map_network(kCorridors);
  Router router(net);
  RouteRequest req{*net.find_node_id("A"), *net.find_node_id("D"), {}, {}};
  req.costing.via = {*net.find_node_id("G")};
  const RouteOutcome out = router.route(req);
  ASSERT_TRUE(out.ok());
  std::string path;
  for (NodeId n : route_nodes(net, *out.route)) path += net.node(n).id;
  EXPECT_EQ(path, "AGD");
  req.costing.via = {*net.find_node_id("C"), *net.find_node_id("B")};
  path.clear();
  for (NodeId n : route_nodes(net, *router.route(req).route)) path += net.node(n).id;
  EXPECT_EQ(path, "ABCBCD");
}

TEST(Reliability, TriangularQuantilesMatchTheClosedForm) {
  // One link whose running time is triangular(10, 20, 60) hours.
  NetworkBuilder b;
  for (const char* id : {"a", "b"}) {
    Node n;
    n.id = id;
    n.country = "KZ";
    b.add_node(n);
  }
  Link l;
  l.id = "ab";
  l.from = NodeId(0);
  l.to = NodeId(1);
  l.duration = {Hours(10), Hours(20), Hours(60)};
  b.add_link(l);
  const Network net = std::move(b).build();
  Router router(net);
  const Route route = *router.route({NodeId(0), NodeId(1), {}, {}}).route;
  ReliabilityOptions o;
  o.samples = 20000;
  o.seed = 7;
  o.deadline = Hours(30);
  const ReliabilityResult r = simulate_transit(net, route, o);
  // Closed form: F(x) = 1 - (60 - x)^2 / (50 * 40) for x >= 20.
  EXPECT_NEAR(r.p50.value(), 60 - std::sqrt(0.5 * 2000), 0.5);
  EXPECT_NEAR(r.p90.value(), 60 - std::sqrt(0.1 * 2000), 0.5);
  EXPECT_NEAR(r.p95.value(), 60 - std::sqrt(0.05 * 2000), 0.5);
  EXPECT_NEAR(r.mean.value(), (10 + 20 + 60) / 3.0, 0.3);
  EXPECT_NEAR(*r.p_within_deadline, 1 - 900.0 / 2000.0, 0.015);
  EXPECT_GE(r.min.value(), 10.0);
  EXPECT_LE(r.max.value(), 60.0);
  // The same seed gives the same numbers; another seed different ones.
  const ReliabilityResult again = simulate_transit(net, route, o);
  EXPECT_EQ(again.p90, r.p90);
  EXPECT_EQ(again.mean, r.mean);
  o.seed = 8;
  EXPECT_NE(simulate_transit(net, route, o).mean, r.mean);
}

TEST(Reliability, FixedTimesGiveAPointMass) {
  const Network net = testing::build_map_network(kCorridors);
  Router router(net);
  const Route route = *router.route({*net.find_node_id("A"), *net.find_node_id("D"), {}, {}}).route;
  const ReliabilityResult r =
      simulate_transit(net, route, {.samples = 100, .seed = 1, .deadline = Hours(3)});
  EXPECT_DOUBLE_EQ(r.p50.value(), 3.0);
  EXPECT_DOUBLE_EQ(r.p95.value(), 3.0);
  EXPECT_DOUBLE_EQ(*r.p_within_deadline, 1.0);
}

TEST(Reliability, PercentileIsNearestRank) {
  const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(percentile_sorted(v, 50), 5);
  EXPECT_EQ(percentile_sorted(v, 90), 9);
  EXPECT_EQ(percentile_sorted(v, 95), 10);
  EXPECT_EQ(percentile_sorted(v, 100), 10);
}

} // namespace
} // namespace caravan
