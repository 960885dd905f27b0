// Routing features: each case draws its network as an ASCII map and lists the expected routes.
#include "route/router.hpp"
#include "support/ascii_network.hpp"

#include <gtest/gtest.h>

#include <string>

namespace caravan {
namespace {

using testing::build_map_network;
using testing::MapSpec;

/// The result of routing between two letters, summarised for one-line assertions.
struct Got {
  std::string path;  ///< letters passed, e.g. "ABCD"; empty when no route
  std::string modes; ///< leg modes joined by '>'
  double km = 0, hours = 0, usd = 0, co2 = 0;
  int transfers = 0, borders = 0;
};

Got route(const Network& net, char from, char to, Costing costing = {}, Shipment shipment = {}) {
  Router router(net);
  RouteRequest req{*net.find_node_id(std::string(1, from)), *net.find_node_id(std::string(1, to)),
                   costing, shipment};
  const RouteOutcome out = router.route(req);
  Got g;
  if (!out.ok()) return g;
  for (NodeId n : route_nodes(net, *out.route)) g.path += net.node(n).id;
  for (const Leg& l : out.route->legs)
    g.modes += (g.modes.empty() ? "" : ">") + std::string(to_string(l.mode));
  g.km = out.route->totals.km.value();
  g.hours = out.route->totals.hours.value();
  g.usd = out.route->totals.usd.value();
  g.co2 = out.route->totals.co2.value();
  g.transfers = out.route->transfers;
  g.borders = out.route->borders;
  return g;
}

Costing by(Objective o) {
  Costing c;
  c.objective = o;
  return c;
}

TEST(RoutingFeatures, StraightLineAddsUpLinks) {
  //   A-----B---------C        - road, grid 1 char = 10 km
  const Network net =
      build_map_network({.map = R"(
A-----B---------C
)",
                         .links = {{.nodes = "ABC", .mode = "road", .speed_kmh = 50}}});
  const Got g = route(net, 'A', 'C');
  EXPECT_EQ(g.path, "ABC");
  EXPECT_DOUBLE_EQ(g.km, 160.0);
  EXPECT_DOUBLE_EQ(g.hours, 3.2);
  EXPECT_DOUBLE_EQ(g.usd, 160.0);
  EXPECT_DOUBLE_EQ(g.co2, 16.0); // 10 g/tkm x 10 t x 160 km
}

TEST(RoutingFeatures, TimeAndDistancePickDifferentRoutes) {
  //   A----B----C          - road 20 km/h (short, slow)
  //   |         |          = rail 100 km/h via D and E (long, fast)
  //   D=========E
  const Network net =
      build_map_network({.map = R"(
A----B----C
|         |
D=========E
)",
                         .links = {{.nodes = "ABC", .mode = "road", .speed_kmh = 20},
                                   {.nodes = "ADEC", .mode = "rail_1520", .speed_kmh = 100}}});
  EXPECT_EQ(route(net, 'A', 'C', by(Objective::distance)).path, "ABC");
  EXPECT_DOUBLE_EQ(route(net, 'A', 'C', by(Objective::distance)).km, 100.0);
  const Got fast = route(net, 'A', 'C', by(Objective::time));
  EXPECT_EQ(fast.path, "ADEC");
  EXPECT_DOUBLE_EQ(fast.km, 140.0);
  EXPECT_DOUBLE_EQ(fast.hours, 1.4);
}

TEST(RoutingFeatures, CostPrefersTheCheapSlowSea) {
  //   A~~~~~~~~~~B          ~ sea: 0.1 USD/TEU-km, 20 km/h
  //   |          |          = rail: 1 USD/TEU-km, 80 km/h
  //   C==========D
  const Network net = build_map_network(
      {.map = R"(
A~~~~~~~~~~B
|          |
C==========D
)",
       .links = {{.nodes = "AB", .mode = "sea", .speed_kmh = 20, .usd_per_teu_km = 0.1},
                 {.nodes = "ACDB", .mode = "rail_1520", .speed_kmh = 80, .usd_per_teu_km = 1.0}}});
  const Got cheap = route(net, 'A', 'B', by(Objective::cost));
  EXPECT_EQ(cheap.path, "AB");
  EXPECT_DOUBLE_EQ(cheap.usd, 11.0);
  const Got fast = route(net, 'A', 'B', by(Objective::time));
  EXPECT_EQ(fast.path, "ACDB");
  EXPECT_DOUBLE_EQ(fast.usd, 150.0);
}

TEST(RoutingFeatures, Co2PrefersRailOverRoad) {
  //   A-----------B        - road 100 g/tkm, 70 km/h
  //    \         /         = rail 20 g/tkm via C, longer
  //     ====C====
  const Network net = build_map_network(
      {.map = R"(
A-----------B

      C
)",
       .links = {
           {.nodes = "AB", .mode = "road", .speed_kmh = 70, .co2_g_per_tkm = 100},
           {.nodes = "ACB", .mode = "rail_1520", .speed_kmh = 40, .co2_g_per_tkm = 20, .km = 80}}});
  const Got g = route(net, 'A', 'B', by(Objective::co2));
  EXPECT_EQ(g.path, "ACB");
  EXPECT_DOUBLE_EQ(g.co2, 32.0); // 20 g x 10 t x 160 km
  EXPECT_EQ(route(net, 'A', 'B', by(Objective::time)).path, "AB");
}

TEST(RoutingFeatures, GaugeBreakIsChargedOnce) {
  //   A#####B=====C         # rail_1435 (China)   = rail_1520 (Kazakhstan)
  //   transfer at B: 1435 -> 1520, 5 h, 330 USD
  const Network net = build_map_network(
      {.map = "A#####B=====C",
       .links = {{.nodes = "AB", .mode = "rail_1435", .speed_kmh = 60, .usd_per_teu_km = 0},
                 {.nodes = "BC", .mode = "rail_1520", .speed_kmh = 60, .usd_per_teu_km = 0}},
       .transfers = {{'B', "rail_1435", "rail_1520", 5.0, 330.0}}});
  const Got g = route(net, 'A', 'C');
  EXPECT_EQ(g.path, "ABC");
  EXPECT_EQ(g.modes, "rail_1435>rail_1520");
  EXPECT_EQ(g.transfers, 1);
  EXPECT_DOUBLE_EQ(g.hours, 2.0 + 5.0);
  EXPECT_DOUBLE_EQ(g.usd, 330.0);
}

TEST(RoutingFeatures, GaugeBreakWithoutTransferRuleCannotBeSkipped) {
  //   A#####B=====C         no transfer at B: the train cannot change gauge there
  const Network net = build_map_network(
      {.map = "A#####B=====C",
       .links = {{.nodes = "AB", .mode = "rail_1435"}, {.nodes = "BC", .mode = "rail_1520"}}});
  EXPECT_EQ(route(net, 'A', 'C').path, "");
  EXPECT_EQ(route(net, 'A', 'B').path, "AB");
}

TEST(RoutingFeatures, TheFasterGaugeChangeWinsOverTheShorterTrack) {
  //        B=====          # 1435 to two border stations; B changes gauge in 30 h, C in 2 h
  //   A###/      \===D
  //       \      /
  //        C=====
  const Network net = build_map_network(
      {.map = R"(
     B
A          D
     C
)",
       .links = {{.nodes = "AB", .mode = "rail_1435", .km = 100},
                 {.nodes = "AC", .mode = "rail_1435", .km = 150},
                 {.nodes = "BD", .mode = "rail_1520", .km = 100},
                 {.nodes = "CD", .mode = "rail_1520", .km = 100}},
       .transfers = {{'B', "rail_1435", "rail_1520", 30.0}, {'C', "rail_1435", "rail_1520", 2.0}}});
  const Got g = route(net, 'A', 'D');
  EXPECT_EQ(g.path, "ACD");
  EXPECT_DOUBLE_EQ(g.hours, 3.0 + 2.0 + 2.0);
  EXPECT_EQ(route(net, 'A', 'D', by(Objective::distance)).path, "ABD");
}

TEST(RoutingFeatures, BorderDwellDependsOnDirection) {
  //   A(CN)=====B(KZ)     westbound A->B dwell 36 h, eastbound B->A 24 h
  const Network net =
      build_map_network({.map = "A=====B",
                         .links = {{.nodes = "AB", .mode = "rail_1520", .speed_kmh = 60}},
                         .borders = {{"AB", 36.0, 215.0}, {"BA", 24.0, 100.0}},
                         .countries = {{'A', "CN"}, {'B', "KZ"}}});
  const Got west = route(net, 'A', 'B');
  EXPECT_DOUBLE_EQ(west.hours, 1.0 + 36.0);
  EXPECT_DOUBLE_EQ(west.usd, 60.0 + 215.0);
  EXPECT_EQ(west.borders, 1);
  const Got east = route(net, 'B', 'A');
  EXPECT_DOUBLE_EQ(east.hours, 1.0 + 24.0);
  EXPECT_DOUBLE_EQ(east.usd, 60.0 + 100.0);
}

TEST(RoutingFeatures, ALongerRouteAvoidsACongestedBorder) {
  //   A(CN)==B(KZ)==D(KZ)     A->B border dwell 100 h
  //    \            /
  //     ==C(KZ)=====          A->C border dwell 10 h, 200 km longer
  const Network net = build_map_network(
      {.map = R"(
A===B===D
  C
)",
       .links = {{.nodes = "ABD", .mode = "rail_1520", .speed_kmh = 50, .km = 100},
                 {.nodes = "ACD", .mode = "rail_1520", .speed_kmh = 50, .km = 200}},
       .borders = {{"AB", 100.0}, {"AC", 10.0}},
       .countries = {{'A', "CN"}}});
  const Got g = route(net, 'A', 'D');
  EXPECT_EQ(g.path, "ACD");
  EXPECT_DOUBLE_EQ(g.hours, 8.0 + 10.0);
  EXPECT_EQ(g.borders, 1);
}

TEST(RoutingFeatures, FerryLegWithPortHandlingAtBothEnds) {
  //   A=====B~~~~~~~~~~C=====D      = rail, ~ Caspian ferry (fixed 800 USD per crossing)
  //   port handling at B and C: 48 h and 36 h, 300 USD each
  const Network net = build_map_network(
      {.map = "A=====B~~~~~~~~~~C=====D",
       .links = {{.nodes = "AB", .mode = "rail_1520", .speed_kmh = 60, .usd_per_teu_km = 0},
                 {.nodes = "BC",
                  .mode = "ferry",
                  .speed_kmh = 22,
                  .usd_per_teu_km = 0,
                  .usd_per_teu = 800},
                 {.nodes = "CD", .mode = "rail_1520", .speed_kmh = 60, .usd_per_teu_km = 0}},
       .transfers = {{'B', "rail_1520", "ferry", 48.0, 300.0},
                     {'C', "ferry", "rail_1520", 36.0, 300.0}},
       .countries = {{'C', "AZ"}, {'D', "AZ"}}});
  const Got g = route(net, 'A', 'D');
  EXPECT_EQ(g.modes, "rail_1520>ferry>rail_1520");
  EXPECT_EQ(g.transfers, 2);
  EXPECT_EQ(g.borders, 1);
  EXPECT_DOUBLE_EQ(g.hours, 1.0 + 48.0 + 5.0 + 36.0 + 1.0);
  EXPECT_DOUBLE_EQ(g.usd, 800.0 + 600.0);
}

TEST(RoutingFeatures, AvoidCountryTakesTheOtherWayOrNone) {
  //   A(KZ)====R(RU)====B(BY)      the short way is through Russia
  //    \                /
  //     =====G(GE)======          the long way through Georgia
  const Network net =
      build_map_network({.map = R"(
A====R====B

     G
)",
                         .links = {{.nodes = "ARB", .mode = "rail_1520"},
                                   {.nodes = "AGB", .mode = "rail_1520", .km = 200}},
                         .countries = {{'R', "RU"}, {'B', "BY"}, {'G', "GE"}}});
  EXPECT_EQ(route(net, 'A', 'B').path, "ARB");
  Costing no_ru;
  no_ru.avoid_countries = {*net.find_country("RU")};
  EXPECT_EQ(route(net, 'A', 'B', no_ru).path, "AGB");
  no_ru.avoid_countries.push_back(*net.find_country("GE"));
  EXPECT_EQ(route(net, 'A', 'B', no_ru).path, "");
}

TEST(RoutingFeatures, AvoidModeDrivesAroundTheSea) {
  //   A~~~~~~~~B      ~ ferry
  //   |        |      - road around the sea
  //   C--------D
  const Network net =
      build_map_network({.map = R"(
A~~~~~~~~B
|        |
C--------D
)",
                         .links = {{.nodes = "AB", .mode = "ferry", .speed_kmh = 30},
                                   {.nodes = "ACDB", .mode = "road", .speed_kmh = 30}}});
  EXPECT_EQ(route(net, 'A', 'B').path, "AB");
  Costing c;
  c.avoid_modes.insert(Mode::ferry);
  const Got g = route(net, 'A', 'B', c);
  EXPECT_EQ(g.path, "ACDB");
  EXPECT_DOUBLE_EQ(g.km, 130.0);
}

TEST(RoutingFeatures, MaxTransfersTradesTimeForFewerChanges) {
  //   A----B=====C----D        - road 50 km/h, = rail 100 km/h; road<->rail at B and C, 1 h each
  //   A--------------------D   the direct road A-D is 300 km
  //   grid 1 char = 10 km for the top line; the direct road's length is given
  const Network net = build_map_network(
      {.map = R"(
A----B=====C----D
)",
       .links = {{.nodes = "AB", .mode = "road", .speed_kmh = 50},
                 {.nodes = "BC", .mode = "rail_1520", .speed_kmh = 100, .km = 120},
                 {.nodes = "CD", .mode = "road", .speed_kmh = 50},
                 {.nodes = "AD", .mode = "road", .speed_kmh = 50, .km = 300}},
       .transfers = {{'B', "*", "*", 1.0}, {'C', "*", "*", 1.0}}});
  const Got two = route(net, 'A', 'D');
  EXPECT_EQ(two.path, "ABCD");
  EXPECT_EQ(two.transfers, 2);
  EXPECT_DOUBLE_EQ(two.hours, 1.0 + 1.0 + 1.2 + 1.0 + 1.0);
  Costing c;
  c.max_transfers = 1;
  const Got one = route(net, 'A', 'D', c);
  EXPECT_EQ(one.path, "AD");
  EXPECT_EQ(one.transfers, 0);
  EXPECT_DOUBLE_EQ(one.hours, 6.0);
  c.max_transfers = 0;
  EXPECT_EQ(route(net, 'A', 'D', c).path, "AD");
}

TEST(RoutingFeatures, TiesOnTimeAreBrokenByCost) {
  //     B           two routes of equal time; via C is cheaper
  //   A   D
  //     C
  const Network net = build_map_network(
      {.map = R"(
  B
A   D
  C
)",
       .links = {{.nodes = "ABD", .mode = "road", .usd_per_teu_km = 2.0, .km = 100},
                 {.nodes = "ACD", .mode = "road", .usd_per_teu_km = 1.0, .km = 100}}});
  const Got g = route(net, 'A', 'D');
  EXPECT_EQ(g.path, "ACD");
  EXPECT_DOUBLE_EQ(g.usd, 200.0);
  // And ties on cost are broken by time.
  const Network net2 = build_map_network(
      {.map = R"(
  B
A   D
  C
)",
       .links = {
           {.nodes = "ABD", .mode = "road", .speed_kmh = 100, .usd_per_teu_km = 1.0, .km = 100},
           {.nodes = "ACD", .mode = "road", .speed_kmh = 50, .usd_per_teu_km = 1.0, .km = 100}}});
  EXPECT_EQ(route(net2, 'A', 'D', by(Objective::cost)).path, "ABD");
}

TEST(RoutingFeatures, UnreachableTargetGivesNoRoute) {
  //   A=====B     C=====D      two separate lines
  const Network net = build_map_network(
      {.map = "A=====B     C=====D",
       .links = {{.nodes = "AB", .mode = "rail_1520"}, {.nodes = "CD", .mode = "rail_1520"}}});
  Router router(net);
  const RouteOutcome out = router.route({*net.find_node_id("A"), *net.find_node_id("D"), {}, {}});
  EXPECT_FALSE(out.ok());
  EXPECT_EQ(out.failure, RouteFailure::unreachable);
}

TEST(RoutingFeatures, OneWayLinksAreOneWay) {
  //   A---->B   one-way road A to B; back only the long way via C
  //    \   /
  //     -C-
  const Network net = build_map_network({.map = R"(
A-----B

   C
)",
                                         .links = {{.nodes = "AB", .mode = "road", .oneway = true},
                                                   {.nodes = "BCA", .mode = "road"}}});
  EXPECT_EQ(route(net, 'A', 'B').path, "AB");
  EXPECT_EQ(route(net, 'B', 'A').path, "BCA");
}

TEST(RoutingFeatures, PlannedLinksOpenOnlyFromTheirYear) {
  //   A=====B=====C        existing line
  //   A===========C        planned shortcut, opens 2027, 50 km
  const Network net = build_map_network({.map = "A=====B=====C",
                                         .links = {{.nodes = "ABC", .mode = "rail_1520"},
                                                   {.nodes = "AC",
                                                    .mode = "rail_1520",
                                                    .km = 50,
                                                    .status = "planned",
                                                    .open_year = 2027}}});
  EXPECT_EQ(route(net, 'A', 'C').path, "ABC");
  Costing c;
  c.year = 2026;
  EXPECT_EQ(route(net, 'A', 'C', c).path, "ABC");
  c.year = 2027;
  EXPECT_EQ(route(net, 'A', 'C', c).path, "AC");
}

TEST(RoutingFeatures, SpecificTransferRuleBeatsWildcard) {
  //   A-----B=====C     at B: any change 10 h, but road -> rail_1520 only 2 h
  const Network net =
      build_map_network({.map = "A-----B=====C",
                         .links = {{.nodes = "AB", .mode = "road", .speed_kmh = 60},
                                   {.nodes = "BC", .mode = "rail_1520", .speed_kmh = 60}},
                         .transfers = {{'B', "*", "*", 10.0}, {'B', "road", "rail_1520", 2.0}}});
  EXPECT_DOUBLE_EQ(route(net, 'A', 'C').hours, 1.0 + 2.0 + 1.0);
  EXPECT_DOUBLE_EQ(route(net, 'C', 'A').hours, 1.0 + 10.0 + 1.0);
}

TEST(RoutingFeatures, ContinuingInTheSameModeThroughATransferNodeIsFree) {
  //   A=====B=====C     B has a transfer rule, but the train does not change mode there
  const Network net =
      build_map_network({.map = "A=====B=====C",
                         .links = {{.nodes = "ABC", .mode = "rail_1520", .speed_kmh = 60}},
                         .transfers = {{'B', "*", "*", 10.0}}});
  const Got g = route(net, 'A', 'C');
  EXPECT_DOUBLE_EQ(g.hours, 2.0);
  EXPECT_EQ(g.transfers, 0);
}

TEST(RoutingFeatures, AvoidNodeDetours) {
  //   A=====B=====C
  //    \         /
  //     ====D====
  const Network net =
      build_map_network({.map = R"(
A=====B=====C

      D
)",
                         .links = {{.nodes = "ABC", .mode = "rail_1520"},
                                   {.nodes = "ADC", .mode = "rail_1520", .km = 100}}});
  Costing c;
  c.avoid_nodes = {*net.find_node_id("B")};
  EXPECT_EQ(route(net, 'A', 'C', c).path, "ADC");
}

TEST(RoutingFeatures, LegsCarryTheirCorridor) {
  //   A=====B=====C~~~~~D     corridor "north" A-B-C, corridor "sea" C-D
  const Network net = build_map_network(
      {.map = "A=====B=====C~~~~~D",
       .links = {{.nodes = "ABC", .mode = "rail_1520"}, {.nodes = "CD", .mode = "ferry"}},
       .transfers = {{'C', "*", "*", 1.0}},
       .corridors = {{"north", "ABC"}, {"sea", "CD"}}});
  Router router(net);
  const auto out = router.route({*net.find_node_id("A"), *net.find_node_id("D"), {}, {}});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out.route->legs.size(), 2u);
  EXPECT_EQ(net.corridor(out.route->legs[0].corridor).id, "north");
  EXPECT_EQ(net.corridor(out.route->legs[1].corridor).id, "sea");
}

TEST(RoutingFeatures, ShipmentSizeScalesCostAndEmissions) {
  //   A=====B      2 TEU of 14 t: cost x2, CO2 for 28 t
  const Network net =
      build_map_network({.map = "A=====B", .links = {{.nodes = "AB", .mode = "rail_1520"}}});
  Shipment s;
  s.teu = Teu(2);
  s.tonnes_per_teu = Tonnes(14);
  const Got g = route(net, 'A', 'B', {}, s);
  EXPECT_DOUBLE_EQ(g.usd, 2 * 60.0);
  EXPECT_DOUBLE_EQ(g.co2, 10.0 * 28.0 * 60.0 / 1000.0);
  EXPECT_DOUBLE_EQ(g.hours, 1.2);
}

} // namespace
} // namespace caravan
