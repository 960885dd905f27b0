// Golden test of a regional impact on a small ASCII-map network: every pair's change, in order,
// and the report's claim line, CSV row and heatmap cells.
#include "report/impact_output.hpp"
#include "scenario/impact.hpp"
#include "support/ascii_network.hpp"

#include <gtest/gtest.h>

#include <string>

namespace caravan {
namespace {

//   A---------B---------C-----F       - road, 50 km/h, USD 1 per TEU-km
//    \___________________/ \          A-C (150 km) and C-E (50 km) are planned;
//                           E         the scenario opens them and closes C-F.
const testing::MapSpec kMap{
    .map = R"(
A---------B---------C-----F
 \___________________/ \
                        E
)",
    .links = {{.nodes = "ABC", .mode = "road", .speed_kmh = 50, .km = 100.0},
              {.nodes = "CF", .mode = "road", .speed_kmh = 50, .km = 50.0},
              {.nodes = "AC", .mode = "road", .speed_kmh = 50, .km = 150.0, .status = "planned"},
              {.nodes = "CE", .mode = "road", .speed_kmh = 50, .km = 50.0, .status = "planned"}}};

struct Expected {
  const char* from;
  const char* to;
  PairChange change;
  double hours_before; ///< -1 = unreachable
  double hours_after;
};

TEST(ImpactGolden, EveryPairInOrder) {
  const Network base = testing::build_map_network(kMap);
  Scenario s;
  s.name = "golden";
  s.projects.statuses = {LinkStatus::planned};
  LinkSelector close;
  close.node_a = "C";
  close.node_b = "F";
  s.close_links.push_back(close);
  Claim claim;
  claim.from = "A";
  claim.to = "C";
  claim.quantity = Claim::Quantity::km;
  claim.saving = 60.0;
  claim.source = "a made-up source";
  s.claims.push_back(claim);
  ScenarioSummary sum;
  const Network after = apply_scenario(base, s, &sum);
  EXPECT_EQ(sum.projects_opened, 2);
  EXPECT_EQ(sum.links_closed, 1);

  std::vector<NodeId> places;
  for (const char* n : {"A", "B", "C", "E", "F"}) places.push_back(*base.find_node_id(n));
  const Impact im = compute_impact(base, after, {places, Costing{}, Shipment{}, 1}, all_claims(s));

  using enum PairChange;
  const std::vector<Expected> expected{
      {"A", "C", better, 4, 3},           {"C", "A", better, 4, 3},
      {"A", "E", now_reachable, -1, 4},   {"A", "F", now_unreachable, 5, -1},
      {"B", "E", now_reachable, -1, 3},   {"B", "F", now_unreachable, 3, -1},
      {"C", "E", now_reachable, -1, 1},   {"C", "F", now_unreachable, 1, -1},
      {"E", "A", now_reachable, -1, 4},   {"E", "B", now_reachable, -1, 3},
      {"E", "C", now_reachable, -1, 1},   {"F", "A", now_unreachable, 5, -1},
      {"F", "B", now_unreachable, 3, -1}, {"F", "C", now_unreachable, 1, -1},
      {"A", "B", unchanged, 2, 2},        {"B", "A", unchanged, 2, 2},
      {"B", "C", unchanged, 2, 2},        {"C", "B", unchanged, 2, 2},
      {"E", "F", unchanged, -1, -1},      {"F", "E", unchanged, -1, -1},
  };
  ASSERT_EQ(im.pairs.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const PairImpact& p = im.pairs[k];
    const Expected& e = expected[k];
    SCOPED_TRACE(std::to_string(k) + ": " + e.from + "->" + e.to);
    EXPECT_EQ(base.node(places[p.i]).id, e.from);
    EXPECT_EQ(base.node(places[p.j]).id, e.to);
    EXPECT_EQ(p.change, e.change);
    EXPECT_EQ(p.before.has_value(), e.hours_before >= 0);
    EXPECT_EQ(p.after.has_value(), e.hours_after >= 0);
    if (p.before) {
      EXPECT_DOUBLE_EQ(p.before->hours.value(), e.hours_before);
    }
    if (p.after) {
      EXPECT_DOUBLE_EQ(p.after->hours.value(), e.hours_after);
    }
  }
  EXPECT_DOUBLE_EQ(im.pairs[0].delta, -1.0);
  EXPECT_DOUBLE_EQ(im.pairs[0].percent, -25.0);
  EXPECT_EQ(im.better, 2);
  EXPECT_EQ(im.worse, 0);
  EXPECT_EQ(im.now_reachable, 6);
  EXPECT_EQ(im.now_unreachable, 6);
  EXPECT_EQ(im.unchanged, 4);
  EXPECT_EQ(im.unreachable_both, 2);

  ASSERT_EQ(im.claims.size(), 1u);
  EXPECT_DOUBLE_EQ(*im.claims[0].before, 200.0);
  EXPECT_DOUBLE_EQ(*im.claims[0].after, 150.0);

  report::ImpactInfo info;
  info.scenario = "golden";
  info.title = "Golden";
  info.compared_with = "the map";
  info.places = "A, B, C, E, F";
  info.edits = sum;
  const std::string table = report::impact_to_table(base, im, info);
  EXPECT_NE(table.find("  A -> C: claimed saving 60 km; computed 200 -> 150 km (saving 50 km)\n"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("20 pairs: 2 better, 0 worse, 6 newly reachable, 6 no longer reachable, "
                       "4 unchanged, 2 unreachable in both\n"),
            std::string::npos)
      << table;
  const std::string csv = report::impact_to_csv(base, im);
  EXPECT_NE(csv.find("\nA,C,better,200.0,150.0,-50.0,4.00,3.00,-1.00,200,150,-50,time,-1.000,"
                     "-25.00\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\nE,F,unreachable in both,,,,,,,,,,time,,\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nA,E,now reachable,,200.0,,,4.00,,,200,,time,,\n"), std::string::npos)
      << csv;
  const std::string svg = report::impact_to_svg(base, im, info);
  auto count = [&](const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = svg.find(needle); p != std::string::npos; p = svg.find(needle, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(">new</text>"), 6u);
  EXPECT_EQ(count(">lost</text>"), 6u);
  EXPECT_EQ(count(">-1.0</text>"), 2u);
  const nlohmann::ordered_json j = report::impact_to_json(base, im, info);
  EXPECT_EQ(j["changed_pairs"].size(), 14u);
  EXPECT_EQ(j["before"]["hours"][0][2], 4.0);
  EXPECT_EQ(j["after"]["hours"][0][2], 3.0);
  EXPECT_EQ(j["claims"][0]["computed_saving"], 50.0);
}

} // namespace
} // namespace caravan
