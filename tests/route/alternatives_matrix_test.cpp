// Alternatives respect their overlap and stretch bounds; matrix entries equal single queries.
#include "route/alternatives.hpp"
#include "route/matrix.hpp"
#include "support/ascii_network.hpp"
#include "support/random_network.hpp"

#include <gtest/gtest.h>

namespace caravan {
namespace {

TEST(Alternatives, ThreeDistinctRoutesAcrossALadder) {
  //   A=====B=====C=====D      three parallel lines between A and D;
  //   |                 |      the middle one is shortest
  //   E=====F=====G=====H
  //   |                 |
  //   I=====J=====K=====L
  const Network net =
      testing::build_map_network({.map = R"(
A=====B=====C=====D
E=====F=====G=====H
I=====J=====K=====L
)",
                                  .links = {{.nodes = "ABCD", .mode = "rail_1520"},
                                            {.nodes = "EFGH", .mode = "rail_1520", .km = 55},
                                            {.nodes = "IJKL", .mode = "rail_1520", .km = 65},
                                            {.nodes = "AEI", .mode = "rail_1520"},
                                            {.nodes = "DHL", .mode = "rail_1520"}}});
  Router router(net);
  const RouteRequest req{*net.find_node_id("E"), *net.find_node_id("H"), {}, {}};
  const auto alts = find_alternatives(router, req, {.k = 3});
  ASSERT_EQ(alts.size(), 3u);
  std::vector<std::string> firsts;
  for (const Route& r : alts) firsts.push_back(net.node(net.arc(r.legs[0].arcs[0]).head).id);
  EXPECT_EQ(firsts, (std::vector<std::string>{"F", "A", "I"}));
}

TEST(Alternatives, RespectOverlapAndStretchOnRandomGraphs) {
  std::mt19937 rng(9);
  int with_alternatives = 0;
  for (int graph = 0; graph < 60; ++graph) {
    const auto rn = testing::random_network(rng, 40, 140, {Mode::rail_1520, Mode::road}, false);
    Router router(rn.net);
    const AlternativesOptions o{.k = 3, .max_overlap = 0.6, .max_stretch = 1.5};
    for (int q = 0; q < 3; ++q) {
      std::uniform_int_distribution<std::uint32_t> pick(0, 39);
      const NodeId a(pick(rng)), b(pick(rng));
      if (a == b) continue;
      const RouteRequest req{a, b, {}, {}};
      const auto alts = find_alternatives(router, req, o);
      const RouteOutcome best = router.route(req);
      ASSERT_EQ(alts.empty(), !best.ok());
      if (alts.empty()) continue;
      EXPECT_DOUBLE_EQ(alts.front().totals.hours.value(), best.route->totals.hours.value());
      with_alternatives += alts.size() > 1 ? 1 : 0;
      for (std::size_t i = 0; i < alts.size(); ++i) {
        EXPECT_LE(alts[i].totals.hours.value(), 1.5 * best.route->totals.hours.value() + 1e-9);
        for (std::size_t j = 0; j < i; ++j) {
          EXPECT_LT(overlap_share(rn.net, alts[i], alts[j]), 0.6);
          EXPECT_LT(overlap_share(rn.net, alts[j], alts[i]), 0.6);
        }
      }
    }
  }
  EXPECT_GT(with_alternatives, 20);
}

TEST(Matrix, EntriesEqualSingleQueries) {
  std::mt19937 rng(21);
  const auto rn =
      testing::random_network(rng, 30, 90, {Mode::rail_1435, Mode::rail_1520, Mode::road}, true);
  std::vector<NodeId> all;
  for (std::uint32_t i = 0; i < 30; ++i) all.emplace_back(i);
  for (Objective o : {Objective::time, Objective::cost, Objective::co2, Objective::distance}) {
    Costing c;
    c.objective = o;
    const Matrix m = compute_matrix(rn.net, all, all, c, {}, 2);
    Router router(rn.net);
    for (std::size_t i = 0; i < all.size(); ++i)
      for (std::size_t j = 0; j < all.size(); ++j) {
        const auto& cell = m.cell(i, j);
        if (i == j) {
          EXPECT_FALSE(cell.has_value());
          continue;
        }
        const RouteOutcome r = router.route({all[i], all[j], c, {}});
        ASSERT_EQ(cell.has_value(), r.ok()) << i << "->" << j;
        if (r.ok()) {
          EXPECT_DOUBLE_EQ(cell->totals.get(o), r.route->totals.get(o));
          EXPECT_EQ(cell->transfers, r.route->transfers);
        }
      }
  }
}

TEST(Matrix, ReportsProgressForEveryRow) {
  std::mt19937 rng(1);
  const auto rn = testing::random_network(rng, 10, 30, {Mode::road}, false);
  std::vector<NodeId> all;
  for (std::uint32_t i = 0; i < 10; ++i) all.emplace_back(i);
  std::atomic<std::size_t> calls{0};
  compute_matrix(rn.net, all, all, {}, {}, 1, [&](std::size_t, std::size_t total) {
    EXPECT_EQ(total, 10u);
    ++calls;
  });
  EXPECT_EQ(calls.load(), 10u);
}

} // namespace
} // namespace caravan
