// Tests of the synthetic road graph generator: determinism, size, symmetry of the road classes.
#include <gtest/gtest.h>

#include "graph/synthetic.hpp"

namespace {

using namespace caravan::graph;

TEST(SyntheticRoadGraph, SameSeedSameGraphOtherSeedOtherGraph) {
  const Graph a = generate_synthetic_road_graph(synthetic_params_for(5000, 7));
  const Graph b = generate_synthetic_road_graph(synthetic_params_for(5000, 7));
  const Graph c = generate_synthetic_road_graph(synthetic_params_for(5000, 8));
  EXPECT_EQ(a.first_out, b.first_out);
  EXPECT_EQ(a.head, b.head);
  EXPECT_EQ(a.weight, b.weight);
  EXPECT_NE(a.weight, c.weight);
}

TEST(SyntheticRoadGraph, SizeUnitsAndPositions) {
  const Graph g = generate_synthetic_road_graph(synthetic_params_for(10000, 1));
  // 100 x 100 grid; only nodes cut off by missing streets are dropped.
  EXPECT_GT(g.node_count(), 9900U);
  EXPECT_LE(g.node_count(), 10000U);
  // About two arcs per grid segment plus the fast roads: a road-like average degree.
  const double degree = static_cast<double>(g.arc_count()) / g.node_count();
  EXPECT_GT(degree, 3.2);
  EXPECT_LT(degree, 4.2);
  EXPECT_EQ(g.unit, WeightUnit::decisecond);
  ASSERT_EQ(g.x.size(), g.node_count());
  ASSERT_EQ(g.y.size(), g.node_count());
  for (Weight w : g.weight) ASSERT_GT(w, 0U);
}

TEST(SyntheticRoadGraph, RejectsDegenerateGrids) {
  SyntheticRoadParams p;
  p.columns = 1;
  EXPECT_THROW((void)generate_synthetic_road_graph(p), std::invalid_argument);
}

} // namespace
