// Internal helper of the solvers: measures convergence, keeps time, reports progress, decides
// stops.
#pragma once

#include "assign/assignment.hpp"
#include "assign/shortest_path.hpp"

#include <chrono>
#include <span>
#include <vector>

namespace caravan::assign::detail {

/// Link costs (UE or SO) for flows `x`, written into `cost` (and `derivative` when non-empty).
void compute_costs(const Network& n, Objective o, std::span<const double> x, std::span<double> cost,
                   std::span<double> derivative = {});

/// Tracks one run: elapsed time (excluding progress callbacks), history and the stop decision.
class RunMonitor {
public:
  RunMonitor(const Network& n, const Demand& d, const Options& o);
  /// Records iteration `iteration` whose flows are `x`, with costs `cost` (under the run's
  /// objective) and `shortest_cost` = sum over OD pairs of demand * shortest path cost under
  /// `cost`. Returns true when the run must stop (sets result.reason).
  bool record(int iteration, std::span<const double> x, std::span<const double> cost,
              double shortest_cost, Result& result);
  /// Same, computing the shortest paths itself.
  bool record(int iteration, std::span<const double> x, Result& result);
  [[nodiscard]] bool out_of_time() const;
  [[nodiscard]] double elapsed_s() const;
  /// Copies the flows and their travel times into the result.
  void finish(std::span<const double> x, Result& result) const;

private:
  const Network& net_;
  const Demand& demand_;
  const Options& opt_;
  std::chrono::steady_clock::time_point start_;
  double callback_s_ = 0.0;
};

Result solve_frank_wolfe(const Network& n, const Demand& d, const Options& o, bool conjugate);
Result solve_algorithm_b(const Network& n, const Demand& d, const Options& o);

} // namespace caravan::assign::detail
