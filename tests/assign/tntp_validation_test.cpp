// Validation on the TNTP benchmark networks in ../shared/data/tntp: relative gap reached,
// objective vs the best-known value and the largest link-flow difference vs the `_flow` file.
#include "assign/assignment.hpp"
#include "formats/tntp_assign.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

using namespace caravan;

namespace {

const std::filesystem::path kTntp = std::filesystem::path(CARAVAN_SHARED_DATA_DIR) / "tntp";

struct Case {
  const char* name; ///< directory and file prefix
  double toll_factor = 0.0;
  double distance_factor = 0.0;
  std::optional<double> best_objective; ///< from the network's README (scaled to our units)
  double gap;                           ///< relative gap to reach
  double objective_tol;                 ///< |obj - best| / best
  double flow_tol;                      ///< max |x - best| / max best flow, on compared links
  bool sanitizer_ok;                    ///< small enough for the ASan+UBSan build
};

std::ostream& operator<<(std::ostream& os, const Case& c) {
  return os << c.name;
}

// Objectives from each network's README; SiouxFalls' README states it in units of 1e5 (its trip
// table is in vehicles, the README objective in 100,000 vehicle-minutes).
// ChicagoSketch: the best-known flows are for time + 0.02 toll + 0.04 length and the original
// (not doubled) trip table (see ../shared/data/tntp/README.md).
const Case kCases[] = {
    {"SiouxFalls", 0, 0, 42.31335287107440e5, 1e-10, 1e-10, 1e-6, true},
    {"Anaheim", 0, 0, std::nullopt, 1e-10, 0, 1e-6, true},
    {"Barcelona", 0, 0, 1265654.92203176, 1e-10, 1e-10, 1e-6, true},
    {"Winnipeg", 0, 0, 827911.494629963, 1e-10, 1e-10, 1e-6, false},
    {"ChicagoSketch", 0.02, 0.04, 17313018.7387477, 1e-10, 1e-10, 1e-6, false},
};

class TntpValidation : public ::testing::TestWithParam<Case> {};

TEST_P(TntpValidation, MatchesBestKnownFlows) {
  const Case& c = GetParam();
  const auto base = kTntp / c.name / c.name;
  const tntp::Paths p = tntp::paths_for(base);
  if (!std::filesystem::exists(p.net) || !std::filesystem::exists(p.trips) ||
      !std::filesystem::exists(p.flow))
    GTEST_SKIP() << "shared TNTP data absent: " << p.net.parent_path()
                 << " (../shared/data/tntp beside the repository)";
  if (CARAVAN_SANITIZER_BUILD && !c.sanitizer_ok)
    GTEST_SKIP() << c.name
                 << " runs in the Release build only: under ASan+UBSan it would take minutes "
                    "of the CI budget; SiouxFalls, Anaheim and Barcelona cover the same code";

  const tntp::AssignmentInput in =
      tntp::load_assignment(base, tntp::CostWeights{c.toll_factor, c.distance_factor});
  assign::Options o;
  o.algorithm = assign::Algorithm::algorithm_b;
  o.stop.relative_gap = c.gap;
  o.stop.max_iterations = 200;
  o.stop.time_limit_s = 120;
  const assign::Result r = assign::assign(in.network, in.demand, o);
  EXPECT_EQ(r.reason, assign::StopReason::converged);
  EXPECT_LE(r.relative_gap, c.gap);

  // The flow file lists the links in net-file order.
  const tntp::Flows best = tntp::read_flows_file(p.flow);
  ASSERT_EQ(best.links.size(), in.spec_of_file_link.size());
  const auto& net = in.network;
  double max_best = 0.0, max_diff = 0.0;
  std::size_t compared = 0;
  for (std::size_t i = 0; i < best.links.size(); ++i) {
    const std::uint32_t spec = in.spec_of_file_link[i];
    ASSERT_NE(spec, assign::kNone);
    const assign::LinkIndex a = net.link_of_input()[spec];
    ASSERT_EQ(best.links[i].tail, net.tail()[a] + 1) << "flow file line " << i + 2;
    ASSERT_EQ(best.links[i].head, net.head()[a] + 1) << "flow file line " << i + 2;
    max_best = std::max(max_best, best.links[i].volume);
    // UE link flows are unique only where the cost strictly increases with flow.
    if (!(net.alpha()[a] > 0.0 && net.free_flow_time()[a] > 0.0 && net.power()[a] > 0.0)) continue;
    ++compared;
    max_diff = std::max(max_diff, std::abs(r.flow[a] - best.links[i].volume));
  }
  const double rel_diff = max_diff / max_best;
  std::printf("%-14s gap %.3e  iterations %d  %.2f s  objective %.10f  best %s  "
              "max flow diff %.3e of %.0f (%zu links compared)\n",
              c.name, r.relative_gap, r.iterations, r.elapsed_s, r.beckmann,
              c.best_objective ? std::to_string(*c.best_objective).c_str() : "-", rel_diff,
              max_best, compared);
  RecordProperty("relative_gap", std::to_string(r.relative_gap));
  RecordProperty("objective", std::to_string(r.beckmann));
  RecordProperty("max_flow_diff_share", std::to_string(rel_diff));
  if (c.best_objective) {
    EXPECT_NEAR(r.beckmann, *c.best_objective, c.objective_tol * *c.best_objective);
  }
  EXPECT_LE(rel_diff, c.flow_tol);
}

INSTANTIATE_TEST_SUITE_P(Networks, TntpValidation, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

// TNTP's Braess example: 6 trips split 2/2/2 over the three paths (link order of the file).
TEST(TntpBraessFile, SolvesToTheKnownSplit) {
  const auto base = kTntp / "Braess-Example" / "Braess";
  if (!std::filesystem::exists(tntp::paths_for(base).net))
    GTEST_SKIP() << "shared TNTP data absent: " << base.parent_path();
  const tntp::AssignmentInput in = tntp::load_assignment(base);
  assign::Options o;
  o.stop.relative_gap = 1e-12;
  const assign::Result r = assign::assign(in.network, in.demand, o);
  const double expected[] = {4, 2, 2, 2, 4};
  for (std::size_t i = 0; i < 5; ++i)
    EXPECT_NEAR(r.flow[in.network.link_of_input()[in.spec_of_file_link[i]]], expected[i], 1e-6);
}

// Algorithm B's parallel parts (initial trees, bush topology) combine their results in bush order:
// the flows are the same bit for bit with one thread or two.
TEST(TntpAlgorithmB, SameFlowsWithOneOrTwoThreads) {
  const auto base = kTntp / "SiouxFalls" / "SiouxFalls";
  if (!std::filesystem::exists(tntp::paths_for(base).net))
    GTEST_SKIP() << "shared TNTP data absent: " << base.parent_path();
  const tntp::AssignmentInput in = tntp::load_assignment(base);
  assign::Options o;
  o.stop.relative_gap = 1e-10;
  o.threads = 1;
  const assign::Result one = assign::assign(in.network, in.demand, o);
  o.threads = 2;
  const assign::Result two = assign::assign(in.network, in.demand, o);
  EXPECT_EQ(one.iterations, two.iterations);
  EXPECT_EQ(one.relative_gap, two.relative_gap);
  ASSERT_EQ(one.flow.size(), two.flow.size());
  for (std::size_t a = 0; a < one.flow.size(); ++a) EXPECT_EQ(one.flow[a], two.flow[a]) << a;
}

} // namespace
