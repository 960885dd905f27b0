// Freight assignment on ASCII-map networks with closed-form equilibria, and the demand reader.
#include "assign/freight.hpp"
#include "assign/shortest_path.hpp"
#include "formats/csv_network.hpp"
#include "formats/freight_demand.hpp"
#include "formats/parse_error.hpp"
#include "route/router.hpp"
#include "support/ascii_network.hpp"

#include "support/eurasia_network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

namespace caravan {
namespace {

using testing::MapSpec;

// Two corridors from A to D, both broad gauge out of A:
//
//       B             north: A=B=D   A-B 500 km at 50 km/h (10 h), 10 trains/day = 1,000 TEU/day;
//     //  \\                 B-D 50 km (1 h) + 2 h border dwell B->D (D is in China)
//    A      D          south: A=C  400 km (8 h) rail 1520, gauge change at C (19 h),
//     \\  //                  C-D 500 km (10 h) rail 1435; no capacity: 37 h whatever the flow
//       C
//
// North at zero flow: 13 h, of which 10 h congest: t = 10 (1 + 0.15 (x/1000)^4) + 3.
// UE with 3,000 TEU/day: 10 (1 + 0.15 r^4) + 3 = 37 -> r^4 = 16 -> 2,000 on north, 1,000 south.
// SO: marginal cost 10 (1 + 0.75 r^4) + 3 = 37 -> r^4 = 3.2 -> 1000 * 3.2^(1/4) on north.
constexpr const char* kMap = R"(
      B
    //  \\
   A      D
    \\  //
      C
)";

MapSpec two_corridors(bool gauge_change_at_c = true) {
  MapSpec s;
  s.map = kMap;
  s.grid_km = 50.0;
  s.links = {{.nodes = "AB",
              .mode = "rail_1520",
              .km = 500.0,
              .capacity = 10.0,
              .capacity_unit = "trains_per_day"},
             {.nodes = "BD", .mode = "rail_1520", .km = 50.0},
             {.nodes = "AC", .mode = "rail_1520", .km = 400.0},
             {.nodes = "CD", .mode = "rail_1435", .km = 500.0}};
  if (gauge_change_at_c) {
    s.transfers.push_back({'C', "rail_1520", "rail_1435", 19.0});
    s.transfers.push_back({'C', "rail_1435", "rail_1520", 19.0});
  }
  s.borders.push_back({"BD", 2.0});
  s.countries['D'] = "CN";
  s.corridors = {{"north", "ABD"}, {"south", "ACD"}};
  return s;
}

assign::Options tight(assign::Objective o = assign::Objective::user_equilibrium) {
  assign::Options opt;
  opt.objective = o;
  opt.stop.relative_gap = 1e-12;
  opt.stop.max_iterations = 1000;
  return opt;
}

NodeId node(const Network& net, const char* id) {
  return *net.find_node_id(id);
}

double arc_flow(const Network& net, const freight::FreightResult& r, const char* from,
                const char* to) {
  for (const auto& l : r.loads) {
    const Arc& a = net.arc(l.arc);
    if (a.tail == node(net, from) && a.head == node(net, to)) return l.teu_per_day;
  }
  return 0.0;
}

TEST(FreightAssignment, CapacitatedCorridorUserEquilibriumMatchesClosedForm) {
  const Network net = testing::build_map_network(two_corridors());
  const std::vector<freight::OdFlow> demand{{node(net, "A"), node(net, "D"), 3000.0}};
  const freight::FreightResult r = freight::assign_freight(net, demand, {}, tight());
  EXPECT_LE(r.solution.relative_gap, 1e-10);
  EXPECT_NEAR(arc_flow(net, r, "A", "B"), 2000.0, 1e-4);
  EXPECT_NEAR(arc_flow(net, r, "B", "D"), 2000.0, 1e-4);
  EXPECT_NEAR(arc_flow(net, r, "A", "C"), 1000.0, 1e-4);
  EXPECT_NEAR(arc_flow(net, r, "C", "D"), 1000.0, 1e-4);
  EXPECT_DOUBLE_EQ(r.total_teu_per_day, 3000.0);

  // A-B is the one binding capacity: 2,000 / 1,000 TEU/day, 10 h -> 10 (1 + 0.15 * 16) = 34 h.
  ASSERT_EQ(r.binding.size(), 1u);
  const Arc& ab = net.arc(r.binding[0].arc);
  EXPECT_EQ(net.node(ab.tail).id, "A");
  EXPECT_EQ(net.node(ab.head).id, "B");
  EXPECT_DOUBLE_EQ(r.binding[0].capacity_teu_per_day, 1000.0);
  EXPECT_NEAR(r.binding[0].ratio(), 2.0, 1e-7);
  EXPECT_NEAR(r.binding[0].free_flow_hours, 10.0, 1e-12);
  EXPECT_NEAR(r.binding[0].congested_hours, 34.0, 1e-5);

  // Corridor shares: north 2,000 x 550 km, south 1,000 x 900 km of 2.0e6 TEU-km/day.
  ASSERT_EQ(r.shares.size(), 2u);
  EXPECT_EQ(net.corridor(r.shares[0].corridor).id, "north");
  EXPECT_NEAR(r.shares[0].teu_per_day, 2000.0, 1e-4);
  EXPECT_NEAR(r.shares[0].teu_km_per_day, 2000.0 * 550.0, 0.1);
  EXPECT_NEAR(r.shares[0].share_of_teu_km, 0.55, 1e-7);
  EXPECT_EQ(net.corridor(r.shares[1].corridor).id, "south");
  EXPECT_NEAR(r.shares[1].teu_km_per_day, 1000.0 * 900.0, 0.1);
  EXPECT_NEAR(r.shares[1].share_of_teu_km, 0.45, 1e-7);
  EXPECT_NEAR(r.total_teu_km_per_day, 2.0e6, 0.1);
}

TEST(FreightAssignment, SystemOptimumFollowsMarginalCosts) {
  const Network net = testing::build_map_network(two_corridors());
  const std::vector<freight::OdFlow> demand{{node(net, "A"), node(net, "D"), 3000.0}};
  const freight::FreightResult r =
      freight::assign_freight(net, demand, {}, tight(assign::Objective::system_optimum));
  const double north = 1000.0 * std::pow(3.2, 0.25);
  EXPECT_NEAR(arc_flow(net, r, "A", "B"), north, 1e-4);
  EXPECT_NEAR(arc_flow(net, r, "C", "D"), 3000.0 - north, 1e-4);
}

TEST(FreightAssignment, UncongestedWhenDemandIsLow) {
  // 1,500 TEU/day: north costs 10 (1 + 0.15 * 1.5^4) + 3 = 20.6 h < 37 h, so it takes all.
  const Network net = testing::build_map_network(two_corridors());
  const std::vector<freight::OdFlow> demand{{node(net, "A"), node(net, "D"), 1500.0}};
  const freight::FreightResult r = freight::assign_freight(net, demand, {}, tight());
  EXPECT_NEAR(arc_flow(net, r, "A", "B"), 1500.0, 1e-9);
  EXPECT_EQ(arc_flow(net, r, "C", "D"), 0.0);
  ASSERT_EQ(r.binding.size(), 1u); // 1.5 >= 0.9
  EXPECT_NEAR(r.binding[0].congested_hours, 10.0 * (1.0 + 0.15 * std::pow(1.5, 4.0)), 1e-9);
}

TEST(FreightAssignment, GaugeBreakWithoutTransferCannotBeSkipped) {
  // Without a transfer rule at C the south corridor is closed: all 3,000 TEU take north.
  const Network net = testing::build_map_network(two_corridors(false));
  const std::vector<freight::OdFlow> demand{{node(net, "A"), node(net, "D"), 3000.0}};
  const freight::FreightResult r = freight::assign_freight(net, demand, {}, tight());
  EXPECT_NEAR(arc_flow(net, r, "A", "B"), 3000.0, 1e-9);
  EXPECT_EQ(arc_flow(net, r, "A", "C"), 0.0);
  EXPECT_EQ(arc_flow(net, r, "C", "D"), 0.0);
}

TEST(FreightAssignment, TransferIsChargedOnceAndOnlyOnGaugeChange) {
  // A 20 h transfer at C makes south 38 h: UE then needs 10 (1 + 0.15 r^4) + 3 = 38,
  // r^4 = 50/3 (the transfer counted once; twice would give 57 h and r^4 = 82/3).
  MapSpec s = two_corridors();
  for (auto& t : s.transfers) t.hours = 20.0;
  const Network net = testing::build_map_network(s);
  const std::vector<freight::OdFlow> demand{{node(net, "A"), node(net, "D"), 3000.0}};
  const freight::FreightResult r = freight::assign_freight(net, demand, {}, tight());
  EXPECT_NEAR(arc_flow(net, r, "A", "B"), 1000.0 * std::pow(50.0 / 3.0, 0.25), 1e-4);
}

TEST(FreightAssignment, CapacityUnitsConvertToTeuPerDay) {
  freight::FreightOptions o;
  o.teu_per_train = 100.0;
  o.tonnes_per_teu = 10.0;
  o.teu_per_vehicle = 1.0;
  Link l;
  l.capacity = 60.0;
  l.capacity_unit = CapacityUnit::trains_per_day;
  EXPECT_DOUBLE_EQ(freight::capacity_teu_per_day(l, o), 6000.0);
  l.capacity = 244.0;
  l.capacity_unit = CapacityUnit::teu_per_day;
  EXPECT_DOUBLE_EQ(freight::capacity_teu_per_day(l, o), 244.0);
  l.capacity = 3650000.0;
  l.capacity_unit = CapacityUnit::tonnes_per_year;
  EXPECT_DOUBLE_EQ(freight::capacity_teu_per_day(l, o), 1000.0);
  l.capacity = 50.0;
  l.capacity_unit = CapacityUnit::vehicles_per_hour;
  EXPECT_DOUBLE_EQ(freight::capacity_teu_per_day(l, o), 1200.0);
  l.capacity = 0.0;
  l.capacity_unit = CapacityUnit::none;
  EXPECT_DOUBLE_EQ(freight::capacity_teu_per_day(l, o), 0.0);
}

TEST(FreightDemandReader, ReadsPerYearAndPerDay) {
  const formats::DemandFile y = formats::parse_demand(
      "# comment\nfrom,to,teu_per_year,note\nA,D,36500,x\nB,C,730,\n", "d.csv");
  EXPECT_EQ(y.volume_column, "teu_per_year");
  ASSERT_EQ(y.rows.size(), 2u);
  EXPECT_EQ(y.rows[0].from, "A");
  EXPECT_EQ(y.rows[0].to, "D");
  EXPECT_EQ(y.rows[0].line, 3u);
  EXPECT_DOUBLE_EQ(y.rows[0].teu_per_day, 100.0);
  EXPECT_DOUBLE_EQ(y.rows[1].teu_per_day, 2.0);
  const formats::DemandFile d = formats::parse_demand("from,to,teu_per_day\nA,D,12.5\n", "d.csv");
  EXPECT_DOUBLE_EQ(d.rows[0].teu_per_day, 12.5);
}

TEST(FreightDemandReader, ErrorsNameFileLineAndField) {
  auto message = [](const char* text) {
    try {
      formats::parse_demand(text, "d.csv");
    } catch (const formats::ParseError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("from,to,teu_per_day\nA,D,12\nA,,3\n"), "d.csv:3: field 'to': missing value");
  EXPECT_NE(message("from,to,teu_per_day\nA,D,-1\n").find("d.csv:2: field 'teu_per_day'"),
            std::string::npos);
  EXPECT_NE(message("from,to\nA,D\n").find("missing column 'teu_per_year'"), std::string::npos);
  EXPECT_NE(message("from,to,teu_per_day,teu_per_year\nA,D,1,1\n").find("not both"),
            std::string::npos);
}

TEST(FreightAssignment, FreeFlowPathsOnEurasiaEqualTheRoutersRoutes) {
  // The assignment network is the router's state graph: at zero flow, the cheapest path from every
  // zone to every other costs what `caravan route` finds (by time and by cost, with transfers,
  // gauge changes, border dwell and port handling).
  const Network& net = testing::eurasia_network();
  for (const Objective by : {Objective::time, Objective::cost}) {
    freight::FreightOptions o;
    o.by = by;
    o.value_of_time_usd_per_teu_h = 0.0; // cost = USD only, as the router's --by cost
    const freight::FreightNetwork fn = freight::build_freight_network(net, o);
    const assign::Network& an = fn.network;
    std::vector<double> cost(an.num_links());
    for (assign::LinkIndex a = 0; a < an.num_links(); ++a)
      cost[a] = an.fixed_cost()[a] + an.free_flow_time()[a];
    assign::ShortestPathTree tree(an);
    Router router(net);
    int compared = 0;
    for (const char* from : {"cn_xian", "kz_dostyk", "kz_aktau", "de_duisburg", "uz_tashkent"}) {
      const NodeId f = *net.find_node_id(from);
      tree.run(f.index(), cost);
      RouteRequest req;
      req.from = f;
      req.costing.objective = by;
      router.tree(req);
      for (std::uint32_t v = 0; v < net.node_count(); ++v) {
        if (v == f.index()) continue;
        const auto route = router.route_to(NodeId(v));
        const double d = tree.dist()[v];
        if (!route) {
          EXPECT_FALSE(std::isfinite(d)) << from << " -> " << net.node(NodeId(v)).id;
          continue;
        }
        const double want =
            by == Objective::time ? route->totals.hours.value() : route->totals.usd.value();
        EXPECT_NEAR(d, want, 1e-9 * std::max(1.0, want))
            << from << " -> " << net.node(NodeId(v)).id << " by " << to_string(by);
        ++compared;
      }
    }
    EXPECT_GT(compared, 400);
  }
}

} // namespace
} // namespace caravan
