// Static traffic assignment: options, stop criteria, per-iteration progress and the result.
#pragma once

#include "assign/bpr.hpp"
#include "assign/network.hpp"

#include <functional>
#include <limits>
#include <string_view>
#include <vector>

namespace caravan::assign {

enum class Algorithm {
  frank_wolfe,           ///< the reference: all-or-nothing direction, exact line search
  conjugate_frank_wolfe, ///< Mitradjieva & Lindberg (2013) conjugate directions
  algorithm_b,           ///< Dial (2006) bush-based, the production solver
};
std::string_view to_string(Algorithm a);
std::string_view to_string(Objective o);

/// When to stop: whichever of the three comes first.
struct StopCriteria {
  double relative_gap = 1e-8;
  int max_iterations = 10000;
  double time_limit_s = std::numeric_limits<double>::infinity();
};

/// Convergence state after one iteration. The gaps are measured against shortest paths over the
/// whole network (not just the bushes), so they are comparable across algorithms.
struct IterationReport {
  int iteration = 0;
  double relative_gap = 0.0;        ///< (sum x c - sum d * sp) / sum x c
  double average_excess_cost = 0.0; ///< (sum x c - sum d * sp) / sum d
  double objective = 0.0;           ///< Beckmann (UE) or total cost sum x t(x) (SO)
  double elapsed_s = 0.0;           ///< since the start of `assign`, excluding the callback
};

struct Options {
  Objective objective = Objective::user_equilibrium;
  Algorithm algorithm = Algorithm::algorithm_b;
  StopCriteria stop;
  /// Called after every iteration (and once for the initial all-or-nothing load, iteration 0).
  std::function<void(const IterationReport&)> progress;
  /// Checked between iterations; returning true stops the run (reason `cancelled`).
  std::function<bool()> cancel;
  /// Worker threads for shortest-path trees; 0 = TBB's default.
  int threads = 0;
};

enum class StopReason { converged, iteration_limit, time_limit, cancelled };
std::string_view to_string(StopReason r);

struct Result {
  std::vector<double> flow; ///< per stored link (Network order)
  std::vector<double> time; ///< t(x) per stored link (incl. fixed generalized cost)
  double relative_gap = 0.0;
  double average_excess_cost = 0.0;
  double beckmann = 0.0;   ///< sum of integrals of t (the UE objective)
  double total_cost = 0.0; ///< sum x t(x) (the SO objective)
  int iterations = 0;
  double elapsed_s = 0.0;
  StopReason reason = StopReason::converged;
  std::vector<IterationReport> history;
};

/// Solves the static assignment of `demand` on `network`. Throws AssignError when a zone with
/// demand cannot reach its destination.
Result assign(const Network& network, const Demand& demand, const Options& options);

/// Convergence measures of a given flow vector (UE or SO costs); used by the solvers and tests.
struct Evaluation {
  double relative_gap = 0.0;
  double average_excess_cost = 0.0;
  double objective = 0.0;
  double beckmann = 0.0;
  double total_cost = 0.0;
};
Evaluation evaluate(const Network& network, const Demand& demand, Objective objective,
                    const std::vector<double>& flow, int threads = 0);

} // namespace caravan::assign
