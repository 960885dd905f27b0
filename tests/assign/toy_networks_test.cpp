// Closed-form equilibria on networks written here: two routes, Braess, first-thru-node, SO vs UE.
#include "assign/assignment.hpp"
#include "assign/shortest_path.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace caravan::assign;

namespace {

const Algorithm kAlgorithms[] = {Algorithm::frank_wolfe, Algorithm::conjugate_frank_wolfe,
                                 Algorithm::algorithm_b};

/// t(x) = a + b x as a BPR link with power 1: fft = a, alpha * fft / capacity = b.
LinkSpec linear(NodeIndex from, NodeIndex to, double a, double b) {
  LinkSpec l;
  l.tail = from;
  l.head = to;
  l.free_flow_time = a;
  l.capacity = 1.0;
  l.alpha = b / a;
  l.power = 1.0;
  return l;
}

Options options(Algorithm alg, Objective obj, double gap = 1e-10) {
  Options o;
  o.algorithm = alg;
  o.objective = obj;
  o.stop.relative_gap = gap;
  o.stop.max_iterations = alg == Algorithm::algorithm_b ? 200 : 20000;
  return o;
}

/// The flow on the stored link that was input link `i`.
double flow_of(const Network& n, const Result& r, std::size_t i) {
  return r.flow[n.link_of_input()[i]];
}

class TwoRoutes : public ::testing::TestWithParam<Algorithm> {};

// Route 1: t = 10 + x, route 2: t = 20 + 0.5 x, demand 40.
// UE: 10 + x1 = 20 + 0.5 (40 - x1)  =>  x1 = x2 = 20, both cost 30; Beckmann 400 + 500 = 900.
// SO: 10 + 2 x1 = 20 + (40 - x1)     =>  x1 = 50/3, x2 = 70/3; total cost 3550/3.
TEST_P(TwoRoutes, UserEquilibriumMatchesClosedForm) {
  const Network n = Network::build(2, 2, 0, {linear(0, 1, 10, 1), linear(0, 1, 20, 0.5)});
  const Demand d = Demand::build(2, {{0, 1, 40.0}});
  const Result r = assign(n, d, options(GetParam(), Objective::user_equilibrium));
  EXPECT_EQ(r.reason, StopReason::converged);
  EXPECT_NEAR(flow_of(n, r, 0), 20.0, 1e-6);
  EXPECT_NEAR(flow_of(n, r, 1), 20.0, 1e-6);
  EXPECT_NEAR(r.beckmann, 900.0, 1e-6);
  EXPECT_NEAR(r.total_cost, 1200.0, 1e-5);
  EXPECT_NEAR(r.time[n.link_of_input()[0]], 30.0, 1e-6);
}

TEST_P(TwoRoutes, SystemOptimumMatchesClosedForm) {
  const Network n = Network::build(2, 2, 0, {linear(0, 1, 10, 1), linear(0, 1, 20, 0.5)});
  const Demand d = Demand::build(2, {{0, 1, 40.0}});
  const Result r = assign(n, d, options(GetParam(), Objective::system_optimum));
  EXPECT_EQ(r.reason, StopReason::converged);
  EXPECT_NEAR(flow_of(n, r, 0), 50.0 / 3.0, 1e-6);
  EXPECT_NEAR(flow_of(n, r, 1), 70.0 / 3.0, 1e-6);
  EXPECT_NEAR(r.total_cost, 3550.0 / 3.0, 1e-6);
  EXPECT_LT(r.total_cost, 1200.0); // the system optimum beats the user equilibrium
}

INSTANTIATE_TEST_SUITE_P(Algorithms, TwoRoutes, ::testing::ValuesIn(kAlgorithms));

class Braess : public ::testing::TestWithParam<Algorithm> {};

// Braess (1968): s=0, t=1, a=2, b=3, demand 6.
// s->a 10x, s->b 50+x, a->t 50+x, b->t 10x, bridge a->b 10+x.
// 10x is written as 1e-8 + 10x (as in TNTP's Braess_net), which moves the answer by < 1e-8.
Network braess_network(bool with_bridge) {
  std::vector<LinkSpec> l = {linear(0, 2, 1e-8, 10), linear(0, 3, 50, 1), linear(2, 1, 50, 1),
                             linear(3, 1, 1e-8, 10)};
  if (with_bridge) l.push_back(linear(2, 3, 10, 1));
  return Network::build(4, 2, 0, l);
}

// UE with the bridge: 2 on each of the three paths, every path costs 92 (vs 83 without it).
TEST_P(Braess, UserEquilibriumShowsTheParadox) {
  const Demand d = Demand::build(2, {{0, 1, 6.0}});
  const Network with = braess_network(true);
  const Result r = assign(with, d, options(GetParam(), Objective::user_equilibrium, 1e-9));
  EXPECT_EQ(r.reason, StopReason::converged);
  const double expected[] = {4, 2, 2, 4, 2};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(flow_of(with, r, i), expected[i], 1e-5) << i;
  EXPECT_NEAR(r.total_cost, 6 * 92.0, 1e-4);

  const Network without = braess_network(false);
  const Result r0 = assign(without, d, options(GetParam(), Objective::user_equilibrium, 1e-9));
  for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(flow_of(without, r0, i), 3.0, 1e-5) << i;
  EXPECT_NEAR(r0.total_cost, 6 * 83.0, 1e-4);
}

// SO with the bridge: the bridge stays empty (marginal cost via bridge 130 > 116), total 498.
// Plain Frank-Wolfe converges sublinearly here (it zigzags towards the empty bridge), so it is
// asked for a gap of 1e-4 and the flows to 5e-2; the others for 1e-9 and 1e-5.
TEST_P(Braess, SystemOptimumLeavesTheBridgeEmpty) {
  const Demand d = Demand::build(2, {{0, 1, 6.0}});
  const Network n = braess_network(true);
  const bool plain_fw = GetParam() == Algorithm::frank_wolfe;
  const Result r =
      assign(n, d, options(GetParam(), Objective::system_optimum, plain_fw ? 1e-4 : 1e-9));
  EXPECT_EQ(r.reason, StopReason::converged);
  const double expected[] = {3, 3, 3, 3, 0};
  const double tol = plain_fw ? 5e-2 : 1e-5;
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(flow_of(n, r, i), expected[i], tol) << i;
  EXPECT_NEAR(r.total_cost, 498.0, plain_fw ? 1e-4 * 498 : 1e-9 * 498);
}

INSTANTIATE_TEST_SUITE_P(Algorithms, Braess, ::testing::ValuesIn(kAlgorithms));

// Zones 0, 1, 2 may not be passed through (FIRST THRU NODE = 3): the cheap path 0->2->1 via
// zone 2 is forbidden, so all 10 units use 0->3->1.
TEST(FirstThruNode, ZonesAreNotPassedThrough) {
  const Network n = Network::build(
      4, 3, 3,
      {linear(0, 2, 1, 0.01), linear(2, 1, 1, 0.01), linear(0, 3, 5, 0.01), linear(3, 1, 5, 0.01)});
  const Demand d = Demand::build(3, {{0, 1, 10.0}, {0, 2, 1.0}});
  for (Algorithm alg : kAlgorithms) {
    const Result r = assign(n, d, options(alg, Objective::user_equilibrium));
    EXPECT_NEAR(flow_of(n, r, 0), 1.0, 1e-9) << to_string(alg);
    EXPECT_NEAR(flow_of(n, r, 1), 0.0, 1e-9) << to_string(alg);
    EXPECT_NEAR(flow_of(n, r, 2), 10.0, 1e-9) << to_string(alg);
    EXPECT_NEAR(flow_of(n, r, 3), 10.0, 1e-9) << to_string(alg);
  }
}

TEST(Assign, UnreachableDestinationIsAnError) {
  const Network n = Network::build(3, 3, 0, {linear(0, 1, 1, 1)});
  const Demand d = Demand::build(3, {{0, 2, 1.0}});
  for (Algorithm alg : kAlgorithms) {
    try {
      (void)assign(n, d, options(alg, Objective::user_equilibrium));
      ADD_FAILURE() << "no error for " << to_string(alg);
    } catch (const AssignError& e) {
      EXPECT_STREQ(e.what(), "zone 3 cannot be reached from zone 1");
    }
  }
}

TEST(Assign, UnreachablePairsCanBeDropped) {
  const Network n = Network::build(3, 3, 0, {linear(0, 1, 1, 1)});
  const Demand d = Demand::build(3, {{0, 2, 1.5}, {0, 1, 2.0}, {2, 0, 1.0}});
  const ReachableDemand r = drop_unreachable(n, d);
  EXPECT_EQ(r.dropped_pairs, 2u);
  EXPECT_DOUBLE_EQ(r.dropped_flow, 2.5);
  EXPECT_DOUBLE_EQ(r.demand.total(), 2.0);
  const Result res =
      assign(n, r.demand, options(Algorithm::algorithm_b, Objective::user_equilibrium));
  EXPECT_DOUBLE_EQ(res.flow[0], 2.0);
}

TEST(Assign, InvalidInputsAreRejected) {
  EXPECT_THROW(Network::build(2, 2, 0, {linear(0, 5, 1, 1)}), AssignError);
  LinkSpec neg = linear(0, 1, 1, 1);
  neg.alpha = -1;
  EXPECT_THROW(Network::build(2, 2, 0, {neg}), AssignError);
  EXPECT_THROW(Demand::build(2, {{0, 2, 1.0}}), AssignError);
  EXPECT_THROW(Demand::build(2, {{0, 1, -1.0}}), AssignError);
}

TEST(Assign, StopsAtTheIterationLimitAndReportsProgress) {
  // Three power-4 routes: Frank-Wolfe needs many iterations here.
  std::vector<LinkSpec> routes = {linear(0, 1, 10, 1), linear(0, 1, 20, 0.5), linear(0, 1, 15, 1)};
  for (LinkSpec& l : routes) {
    l.alpha = 0.15;
    l.power = 4;
    l.capacity = 10;
  }
  const Network n = Network::build(2, 2, 0, routes);
  const Demand d = Demand::build(2, {{0, 1, 40.0}});
  Options o = options(Algorithm::frank_wolfe, Objective::user_equilibrium, 0.0);
  o.stop.max_iterations = 5;
  std::vector<IterationReport> seen;
  o.progress = [&](const IterationReport& r) { seen.push_back(r); };
  const Result r = assign(n, d, o);
  EXPECT_EQ(r.reason, StopReason::iteration_limit);
  EXPECT_EQ(r.iterations, 5);
  ASSERT_EQ(seen.size(), 6u); // iteration 0 (all-or-nothing) .. 5
  EXPECT_EQ(seen.front().iteration, 0);
  // All-or-nothing puts 40 on route 1: t = 10 (1 + 0.15 * 4^4) = 394, others at free flow 15
  // and 20: gap = (40 * 394 - 40 * 15) / (40 * 394) = 379 / 394, excess per trip 379.
  EXPECT_NEAR(seen.front().relative_gap, 379.0 / 394.0, 1e-12);
  EXPECT_NEAR(seen.front().average_excess_cost, 379.0, 1e-9);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_LE(seen[i].objective, seen[i - 1].objective);
}

TEST(Assign, StopsAtTheTimeLimitAndWhenCancelled) {
  const Network n = Network::build(2, 2, 0, {linear(0, 1, 10, 1), linear(0, 1, 20, 0.5)});
  const Demand d = Demand::build(2, {{0, 1, 40.0}});
  Options o = options(Algorithm::frank_wolfe, Objective::user_equilibrium, 0.0);
  o.stop.time_limit_s = 0.0;
  EXPECT_EQ(assign(n, d, o).reason, StopReason::time_limit);
  o.stop.time_limit_s = 1e9;
  o.cancel = [] { return true; };
  EXPECT_EQ(assign(n, d, o).reason, StopReason::cancelled);
}

TEST(Evaluate, GapOfAKnownFlow) {
  const Network n = Network::build(2, 2, 0, {linear(0, 1, 10, 1), linear(0, 1, 20, 0.5)});
  const Demand d = Demand::build(2, {{0, 1, 40.0}});
  // x1 = 30, x2 = 10: costs 40 and 25; sum x c = 1450, shortest 40 * 25 = 1000.
  std::vector<double> x(2);
  x[n.link_of_input()[0]] = 30;
  x[n.link_of_input()[1]] = 10;
  const Evaluation e = evaluate(n, d, Objective::user_equilibrium, x);
  EXPECT_NEAR(e.relative_gap, 450.0 / 1450.0, 1e-14);
  EXPECT_NEAR(e.average_excess_cost, 450.0 / 40.0, 1e-12);
  EXPECT_NEAR(e.beckmann, 300 + 450 + 200 + 25, 1e-12);
}

// A random grid with BPR power-4 links: every solver reaches the same objective; Algorithm B
// reaches a relative gap of 1e-10.
TEST(RandomGrid, SolversAgree) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.5, 2.0);
  const int side = CARAVAN_SANITIZER_BUILD ? 5 : 7;
  const auto id = [&](int r, int c) { return static_cast<NodeIndex>(r * side + c); };
  std::vector<LinkSpec> links;
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      auto add = [&](NodeIndex a, NodeIndex b) {
        LinkSpec l;
        l.tail = a;
        l.head = b;
        l.free_flow_time = u(rng);
        l.capacity = 50 * u(rng);
        l.alpha = 0.15;
        l.power = 4;
        links.push_back(l);
      };
      if (c + 1 < side) {
        add(id(r, c), id(r, c + 1));
        add(id(r, c + 1), id(r, c));
      }
      if (r + 1 < side) {
        add(id(r, c), id(r + 1, c));
        add(id(r + 1, c), id(r, c));
      }
    }
  const std::uint32_t zones = static_cast<std::uint32_t>(side * side);
  const Network n = Network::build(zones, zones, 0, links);
  std::vector<Demand::Entry> e;
  for (NodeIndex o = 0; o < zones; o += 3)
    for (NodeIndex t = 1; t < zones; t += 4) e.push_back({o, t, 10 * u(rng)});
  const Demand d = Demand::build(zones, e);
  Options ob = options(Algorithm::algorithm_b, Objective::user_equilibrium, 1e-10);
  const Result rb = assign(n, d, ob);
  EXPECT_EQ(rb.reason, StopReason::converged);
  EXPECT_LE(rb.relative_gap, 1e-10);
  for (Algorithm alg : {Algorithm::frank_wolfe, Algorithm::conjugate_frank_wolfe}) {
    const double gap = alg == Algorithm::frank_wolfe ? 1e-4 : 1e-5;
    Options o = options(alg, Objective::user_equilibrium, gap);
    const Result r = assign(n, d, o);
    EXPECT_EQ(r.reason, StopReason::converged) << to_string(alg);
    // Beckmann(x) - Beckmann(x*) <= gap * sum x c (convexity), so the objectives agree.
    EXPECT_NEAR(r.beckmann, rb.beckmann, gap * rb.total_cost) << to_string(alg);
    EXPECT_GE(r.beckmann, rb.beckmann - 1e-9 * rb.beckmann) << to_string(alg);
  }
  // Independent check of B's answer.
  const Evaluation ev = evaluate(n, d, Objective::user_equilibrium, rb.flow);
  EXPECT_LE(ev.relative_gap, 1e-10);
}

} // namespace
