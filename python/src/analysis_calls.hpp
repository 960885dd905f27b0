// The Python module's analysis calls beyond a single route: Pareto fronts, alternatives, transit
// reliability, scenario impact and freight assignment, each as the CLI's subcommand runs it.
#pragma once

#include "network_handle.hpp"
#include "request_args.hpp"

#include "scenario/scenario.hpp"

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <vector>

namespace caravan::py {

namespace pyb = pybind11;

/// Every non-dominated route over (time, cost, CO2): {"routes": [route dicts], "truncated",
/// "labels"}.
pyb::dict pareto_call(const NetworkHandle& h, const std::string& frm, const std::string& to,
                      const RequestArgs& a, std::size_t max_labels);

/// Up to k different routes, best first: a list of route dicts.
pyb::list alternatives_call(const NetworkHandle& h, const std::string& frm, const std::string& to,
                            const RequestArgs& a, std::size_t k, double max_overlap,
                            double max_stretch);

/// The best route and its Monte Carlo transit-time distribution (`caravan route --reliability`).
pyb::dict reliability_call(const NetworkHandle& h, const std::string& frm, const std::string& to,
                           const RequestArgs& a, std::size_t samples, std::uint64_t seed,
                           std::optional<double> deadline_days);

/// What `scenario` changes between every pair of `places` against `base` (or the network as it
/// is), as `caravan impact`: pairs, counts, claims and the before/after matrices.
pyb::dict impact_call(const NetworkHandle& h, const Scenario& scenario,
                      const std::optional<Scenario>& base, const std::vector<NodeId>& places,
                      const RequestArgs& a, unsigned threads);

/// The keywords of a freight assignment (`caravan assign --network --demand`).
struct AssignArgs {
  std::string objective = "ue";
  std::string by = "time";
  double gap = 1e-6;
  double time_limit_s = 0.0;
  int max_iterations = 100000;
  double teu_per_train = 100.0;
  double tonnes_per_teu = 10.0;
  double teu_per_vehicle = 1.0;
  double value_of_time = 1.0;
  double bpr_alpha = 0.15;
  double bpr_power = 4.0;
  double binding = 0.9;
  std::optional<int> year;
  int threads = 0;
};

/// One demand row as given from Python: places by name, TEU per day; `where` names it in errors.
struct DemandArg {
  std::string where;
  std::string from;
  std::string to;
  double teu_per_day = 0.0;
};

/// Assigns TEU demand on the network: links, corridor shares, binding capacities, convergence.
/// Ctrl-C stops it between iterations.
pyb::dict assign_call(const NetworkHandle& h, const std::vector<DemandArg>& demand,
                      const AssignArgs& a);

} // namespace caravan::py
