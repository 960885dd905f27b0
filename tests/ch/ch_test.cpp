// Contraction hierarchy tests: distances equal Dijkstra's on random pairs, paths valid,
// many-to-many equals single queries.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "formats/dimacs.hpp"
#include "formats/tntp_graph.hpp"
#include "graph/dijkstra.hpp"
#include "graph/synthetic.hpp"
#include "route/ch/ch.hpp"
#include "route/ch/ch_query.hpp"
#include "route/ch/many_to_many.hpp"

namespace {

using caravan::NodeId;
using namespace caravan::graph;
using namespace caravan::route;

const std::filesystem::path kShared = CARAVAN_SHARED_DATA_DIR;
/// Random pairs per graph: 10,000 (the bar); fewer in the ~10x slower sanitizer build.
constexpr int kPairs = CARAVAN_SANITIZER_BUILD ? 1000 : 10000;

/// Checks that `path` runs from s to t over arcs of g and that its cheapest-arc weight is `dist`.
::testing::AssertionResult valid_path(const Graph& g, const std::vector<NodeId>& path, NodeId s,
                                      NodeId t, Weight dist) {
  if (dist == kInfWeight) {
    return path.empty() ? ::testing::AssertionSuccess()
                        : ::testing::AssertionFailure() << "path for an unreachable target";
  }
  if (path.empty() || path.front() != s || path.back() != t) {
    return ::testing::AssertionFailure() << "path does not run from s to t";
  }
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    const Weight w = g.arc_weight(path[i], path[i + 1]);
    if (w == kInfWeight) {
      return ::testing::AssertionFailure() << "no arc " << path[i].v << "->" << path[i + 1].v;
    }
    sum += w;
  }
  if (sum != dist)
    return ::testing::AssertionFailure() << "path weighs " << sum << ", not " << dist;
  return ::testing::AssertionSuccess();
}

/// Both query methods, explicitly (the default `automatic` picks one of them).
constexpr ChQueryMethod kMethods[] = {ChQueryMethod::sweep, ChQueryMethod::dijkstra};

/// Both methods with no core table, a core of two nodes, and the automatic core (on the tiny
/// graphs below that is every node: queries then go through the table alone).
constexpr std::pair<ChQueryMethod, std::uint32_t> kMethodsAndCores[] = {
    {ChQueryMethod::sweep, 0},
    {ChQueryMethod::dijkstra, 0},
    {ChQueryMethod::sweep, 2},
    {ChQueryMethod::dijkstra, 2},
    {ChQueryMethod::sweep, ChBuildOptions::kAutomaticCoreSize},
    {ChQueryMethod::dijkstra, ChBuildOptions::kAutomaticCoreSize}};

ChBuildOptions with_core(std::uint32_t core_size) {
  ChBuildOptions o;
  o.core_size = core_size;
  return o;
}

/// CH distances and unpacked paths, with both query methods, against Dijkstra on `pairs` random
/// pairs: pairs / 100 random sources, each with 100 random targets, so that one full Dijkstra
/// serves 100 pairs.
void expect_ch_equals_dijkstra(const Graph& g, int pairs, std::uint64_t seed,
                               const ChBuildOptions& options = {}) {
  const ContractionHierarchy ch = build_contraction_hierarchy(g, options);
  ASSERT_EQ(ch.node_count(), g.node_count());
  ChQuery sweep(ch, ChQueryMethod::sweep);
  ChQuery bidirectional(ch, ChQueryMethod::dijkstra);
  ASSERT_EQ(sweep.method(), ChQueryMethod::sweep);
  ASSERT_EQ(bidirectional.method(), ChQueryMethod::dijkstra);
  DijkstraQuery dij(g);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint32_t> node(0, g.node_count() - 1);
  int reachable = 0;
  for (int i = 0; i < pairs / 100; ++i) {
    const NodeId s(node(rng));
    const std::vector<Weight> expected = dij.distances_from(s);
    for (int j = 0; j < 100; ++j) {
      const NodeId t(node(rng));
      for (ChQuery* q : {&sweep, &bidirectional}) {
        const Weight got = q->distance(s, t);
        ASSERT_EQ(got, expected[t.index()])
            << "pair " << s.v << " -> " << t.v << (q == &sweep ? " (sweep)" : " (dijkstra)");
        // Unpacking is cheap relative to the checks above; do it on every tenth pair.
        if (j % 10 == 0) {
          ASSERT_TRUE(valid_path(g, q->node_path(), s, t, got))
              << s.v << "->" << t.v << (q == &sweep ? " (sweep)" : " (dijkstra)");
        }
      }
      if (expected[t.index()] != kInfWeight) ++reachable;
    }
  }
  // The graphs are road networks: most random pairs must be connected, or the test proves little.
  EXPECT_GT(reachable, pairs / 2);
}

/// A random strongly connected-ish directed graph with zero weights and parallel arcs, the cases
/// that road graphs rarely have but readers may deliver.
Graph random_graph(std::uint32_t n, std::uint32_t extra_arcs, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint32_t> node(0, n - 1);
  std::uniform_int_distribution<Weight> weight(0, 50);
  std::vector<Arc> arcs;
  for (std::uint32_t v = 0; v < n; ++v) arcs.push_back({v, (v + 1) % n, weight(rng) + 1});
  for (std::uint32_t i = 0; i < extra_arcs; ++i)
    arcs.push_back({node(rng), node(rng), weight(rng)});
  return build_graph(n, std::move(arcs));
}

TEST(ContractionHierarchy, HandMadeDiamondAndShortcutUnpacking) {
  // 0 -> 1 -> 2 -> 3 is cheaper than 0 -> 3; 4 is unreachable from the rest.
  const Graph g =
      build_graph(5, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {0, 3, 5}, {3, 0, 2}, {4, 0, 1}});
  for (const auto& [method, core] : kMethodsAndCores) {
    const ContractionHierarchy ch = build_contraction_hierarchy(g, with_core(core));
    ChQuery q(ch, method);
    EXPECT_EQ(q.distance(NodeId(0), NodeId(3)), 3U);
    EXPECT_EQ(q.node_path(), (std::vector<NodeId>{NodeId(0), NodeId(1), NodeId(2), NodeId(3)}));
    EXPECT_EQ(q.distance(NodeId(3), NodeId(2)), 4U);
    EXPECT_EQ(q.distance(NodeId(4), NodeId(3)), 4U);
    EXPECT_EQ(q.distance(NodeId(0), NodeId(4)), kInfWeight);
    EXPECT_TRUE(q.node_path().empty());
    EXPECT_EQ(q.distance(NodeId(2), NodeId(2)), 0U);
    EXPECT_EQ(q.node_path(), std::vector<NodeId>{NodeId(2)});
  }
}

TEST(ContractionHierarchy, AutomaticMethodFollowsTheSearchSpace) {
  // A small hierarchy has a small upward search space: the sweep is chosen.
  const Graph g = generate_synthetic_road_graph(synthetic_params_for(2000, 4));
  const ContractionHierarchy ch = build_contraction_hierarchy(g);
  const ChSearchSpace space = ch.upward_search_space();
  EXPECT_GE(space.nodes, 1.0);
  EXPECT_LE(space.nodes, static_cast<double>(g.node_count()));
  EXPECT_GE(space.arcs, space.nodes - 1.0);
  EXPECT_LT(space.arcs, ChQuery::kSweepMaxArcs);
  EXPECT_EQ(ChQuery(ch).method(), ChQueryMethod::sweep);
  EXPECT_EQ(ChQuery(ch, ChQueryMethod::dijkstra).method(), ChQueryMethod::dijkstra);
}

TEST(ContractionHierarchy, MultipleSourcesAndTargets) {
  const Graph g = build_graph(4, {{0, 1, 10}, {1, 2, 10}, {2, 3, 10}, {3, 0, 10}});
  for (const auto& [method, core] : kMethodsAndCores) {
    const ContractionHierarchy ch = build_contraction_hierarchy(g, with_core(core));
    ChQuery q(ch, method);
    q.reset().add_source(NodeId(0), 7).add_source(NodeId(2), 0).add_target(NodeId(1), 0).run();
    EXPECT_EQ(q.distance(), 17U); // from 0 (7 + 10); from 2 it is 20
    EXPECT_EQ(q.node_path(), (std::vector<NodeId>{NodeId(0), NodeId(1)}));
    // Targets with initial weights: to 3 (+1) or to 1 (+25); from 2 via 3 is 10 + 1.
    q.reset().add_source(NodeId(2)).add_target(NodeId(1), 25).add_target(NodeId(3), 1).run();
    EXPECT_EQ(q.distance(), 11U);
    EXPECT_EQ(q.node_path(), (std::vector<NodeId>{NodeId(2), NodeId(3)}));
  }
}

TEST(ContractionHierarchy, EqualsDijkstraOnRandomGraphsWithZeroWeightsAndParallelArcs) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const std::uint32_t n = CARAVAN_SANITIZER_BUILD ? 300 : 500;
    expect_ch_equals_dijkstra(random_graph(n, 2 * n, seed), kPairs / 4, seed);
  }
}

TEST(ContractionHierarchy, EqualsDijkstraOnSyntheticRoadGraphs) {
  for (std::uint64_t seed = 1; seed <= 2; ++seed) {
    const std::uint32_t nodes = CARAVAN_SANITIZER_BUILD ? 4000 : 20000;
    expect_ch_equals_dijkstra(generate_synthetic_road_graph(synthetic_params_for(nodes, seed)),
                              kPairs, seed);
  }
}

TEST(ContractionHierarchy, CoreTablesOfEverySizeGiveDijkstraDistancesAndValidPaths) {
  // No core, a core of one node, small and large cores, and the whole graph as the core (every
  // query then goes through the table and core_path alone).
  const Graph random = random_graph(300, 600, 7);
  const Graph road = generate_synthetic_road_graph(synthetic_params_for(3000, 6));
  for (const std::uint32_t core : {0U, 1U, 2U, 17U, 100U, 300U, 1000U}) {
    SCOPED_TRACE("core size " + std::to_string(core));
    ChBuildOptions options;
    options.core_size = core;
    expect_ch_equals_dijkstra(random, kPairs / 10, core + 1, options);
    expect_ch_equals_dijkstra(road, kPairs / 10, core + 2, options);
    const ContractionHierarchy ch = build_contraction_hierarchy(random, options);
    EXPECT_EQ(ch.node_count() - ch.core_begin(), std::min(core, random.node_count()));
  }
}

TEST(ContractionHierarchy, AutomaticCoreIsTheSquareRootOfTheArcCount) {
  const Graph g = generate_synthetic_road_graph(synthetic_params_for(20000, 8));
  const ContractionHierarchy ch = build_contraction_hierarchy(g);
  const double arcs = static_cast<double>(ch.forward().head.size() + ch.backward().head.size());
  EXPECT_EQ(ch.node_count() - ch.core_begin(), static_cast<std::uint32_t>(std::sqrt(arcs)));
  // Every core distance is the graph's.
  DijkstraQuery dij(g);
  for (std::uint32_t a = ch.core_begin(); a < ch.node_count(); a += 37) {
    const std::vector<Weight> expected = dij.distances_from(ch.node_at_rank(a));
    for (std::uint32_t b = ch.core_begin(); b < ch.node_count(); ++b) {
      ASSERT_EQ(ch.core_distance(a, b), expected[ch.node_at_rank(b).index()]) << a << "," << b;
    }
  }
  // The sweep skips the core, so it scans fewer arcs than the whole upward space.
  EXPECT_LT(ch.upward_search_space().arcs_below_core, ch.upward_search_space().arcs);
}

TEST(ContractionHierarchy, SequentialAndParallelBuildsGiveTheSameDistances) {
  const Graph g = generate_synthetic_road_graph(synthetic_params_for(3000, 5));
  ChBuildOptions sequential;
  sequential.parallel = false;
  const ContractionHierarchy a = build_contraction_hierarchy(g, sequential);
  const ContractionHierarchy b = build_contraction_hierarchy(g);
  ChQuery qa(a);
  ChQuery qb(b);
  for (std::uint32_t s = 0; s < g.node_count(); s += 97) {
    for (std::uint32_t t = 0; t < g.node_count(); t += 89) {
      ASSERT_EQ(qa.distance(NodeId(s), NodeId(t)), qb.distance(NodeId(s), NodeId(t)));
    }
  }
}

TEST(ContractionHierarchy, ReportsProgressInEveryPhase) {
  const Graph g = generate_synthetic_road_graph(synthetic_params_for(2000, 3));
  ChBuildOptions options;
  std::vector<std::string> phases;
  std::uint32_t last_done = 0;
  options.progress = [&](const ChBuildProgress& p) {
    if (phases.empty() || phases.back() != p.phase) phases.emplace_back(p.phase);
    if (p.phase == "contraction") {
      EXPECT_GE(p.done, last_done);
      last_done = p.done;
    }
  };
  (void)build_contraction_hierarchy(g, options);
  EXPECT_EQ(phases, (std::vector<std::string>{"priorities", "contraction", "index"}));
  EXPECT_EQ(last_done, g.node_count());
}

TEST(ManyToMany, EqualsSingleQueries) {
  const Graph g = generate_synthetic_road_graph(synthetic_params_for(6000, 11));
  const ContractionHierarchy ch = build_contraction_hierarchy(g);
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<std::uint32_t> node(0, g.node_count() - 1);
  std::vector<NodeId> sources;
  std::vector<NodeId> targets;
  for (int i = 0; i < 40; ++i) sources.emplace_back(node(rng));
  for (int i = 0; i < 55; ++i) targets.emplace_back(node(rng));
  targets.push_back(sources[0]); // a pair with s == t
  ChQuery q(ch);
  for (bool parallel : {false, true}) {
    const DistanceTable table = many_to_many(ch, sources, targets, {.parallel = parallel});
    ASSERT_EQ(table.rows, sources.size());
    ASSERT_EQ(table.columns, targets.size());
    for (std::uint32_t i = 0; i < sources.size(); ++i) {
      for (std::uint32_t j = 0; j < targets.size(); ++j) {
        ASSERT_EQ(table.at(i, j), q.distance(sources[i], targets[j])) << i << "," << j;
      }
    }
    EXPECT_EQ(table.at(0, static_cast<std::uint32_t>(targets.size() - 1)), 0U);
  }
}

TEST(ManyToMany, RandomGraphWithUnreachablePairs) {
  // Two disjoint cycles: half the table is unreachable.
  const Graph g =
      build_graph(6, {{0, 1, 3}, {1, 2, 3}, {2, 0, 3}, {3, 4, 1}, {4, 5, 1}, {5, 3, 1}});
  const ContractionHierarchy ch = build_contraction_hierarchy(g);
  const std::vector<NodeId> nodes{NodeId(0), NodeId(2), NodeId(4)};
  const DistanceTable t = many_to_many(ch, nodes, nodes);
  EXPECT_EQ(t.weights,
            (std::vector<Weight>{0, 6, kInfWeight, 3, 0, kInfWeight, kInfWeight, kInfWeight, 0}));
}

class SharedRoadGraph : public ::testing::TestWithParam<const char*> {};

TEST_P(SharedRoadGraph, ChEqualsDijkstraOnRandomPairs) {
  const std::filesystem::path file = kShared / GetParam();
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " absent (../shared/data not here)";
  const Graph g = file.extension() == ".gr" ? caravan::formats::read_dimacs_graph(file)
                                            : caravan::formats::read_tntp_graph(file);
  expect_ch_equals_dijkstra(g, kPairs, 42);
}

INSTANTIATE_TEST_SUITE_P(Real, SharedRoadGraph,
                         ::testing::Values("dimacs/rome99.gr",
                                           "tntp/ChicagoRegional/ChicagoRegional_net.tntp",
                                           "tntp/Philadelphia/Philadelphia_net.tntp",
                                           "tntp/Berlin-Center/berlin-center_net.tntp",
                                           "tntp/Austin/Austin_net.tntp"),
                         [](const auto& info) {
                           std::string name = std::filesystem::path(info.param).stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

} // namespace
