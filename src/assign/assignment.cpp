// Assignment entry point, convergence measures and the Frank-Wolfe / conjugate Frank-Wolfe solvers.
#include "assign/assignment.hpp"

#include "assign/run_monitor.hpp"

#include <algorithm>
#include <cmath>

namespace caravan::assign {

std::string_view to_string(Algorithm a) {
  switch (a) {
  case Algorithm::frank_wolfe:
    return "frank-wolfe";
  case Algorithm::conjugate_frank_wolfe:
    return "conjugate-frank-wolfe";
  case Algorithm::algorithm_b:
    return "algorithm-b";
  }
  return "?";
}

std::string_view to_string(Objective o) {
  return o == Objective::user_equilibrium ? "user-equilibrium" : "system-optimum";
}

std::string_view to_string(StopReason r) {
  switch (r) {
  case StopReason::converged:
    return "converged";
  case StopReason::iteration_limit:
    return "iteration limit";
  case StopReason::time_limit:
    return "time limit";
  case StopReason::cancelled:
    return "cancelled";
  }
  return "?";
}

namespace detail {

void compute_costs(const Network& n, Objective o, std::span<const double> x, std::span<double> cost,
                   std::span<double> derivative) {
  for (LinkIndex a = 0; a < n.num_links(); ++a) {
    cost[a] = bpr::cost(o, n, a, x[a]);
    if (!derivative.empty()) derivative[a] = bpr::cost_derivative(o, n, a, x[a]);
  }
}

namespace {
struct Totals {
  double beckmann = 0.0, total_cost = 0.0, xc = 0.0;
};
Totals totals(const Network& n, std::span<const double> x, std::span<const double> cost) {
  Totals t;
  for (LinkIndex a = 0; a < n.num_links(); ++a) {
    t.beckmann += bpr::time_integral(n, a, x[a]);
    t.total_cost += x[a] * bpr::time(n, a, x[a]);
    t.xc += x[a] * cost[a];
  }
  return t;
}
} // namespace

RunMonitor::RunMonitor(const Network& n, const Demand& d, const Options& o)
    : net_(n), demand_(d), opt_(o), start_(std::chrono::steady_clock::now()) {}

double RunMonitor::elapsed_s() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() -
         callback_s_;
}

bool RunMonitor::out_of_time() const {
  return elapsed_s() >= opt_.stop.time_limit_s;
}

bool RunMonitor::record(int iteration, std::span<const double> x, std::span<const double> cost,
                        double shortest_cost, Result& result) {
  const Totals t = totals(net_, x, cost);
  IterationReport rep;
  rep.iteration = iteration;
  const double excess = std::max(0.0, t.xc - shortest_cost);
  rep.relative_gap = t.xc > 0.0 ? excess / t.xc : 0.0;
  rep.average_excess_cost = demand_.total() > 0.0 ? excess / demand_.total() : 0.0;
  rep.objective = opt_.objective == Objective::user_equilibrium ? t.beckmann : t.total_cost;
  rep.elapsed_s = elapsed_s();
  result.iterations = iteration;
  result.relative_gap = rep.relative_gap;
  result.average_excess_cost = rep.average_excess_cost;
  result.beckmann = t.beckmann;
  result.total_cost = t.total_cost;
  result.elapsed_s = rep.elapsed_s;
  result.history.push_back(rep);
  if (opt_.progress) {
    const auto t0 = std::chrono::steady_clock::now();
    opt_.progress(rep);
    callback_s_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  if (rep.relative_gap <= opt_.stop.relative_gap) {
    result.reason = StopReason::converged;
    return true;
  }
  if (iteration >= opt_.stop.max_iterations) {
    result.reason = StopReason::iteration_limit;
    return true;
  }
  if (rep.elapsed_s >= opt_.stop.time_limit_s) {
    result.reason = StopReason::time_limit;
    return true;
  }
  if (opt_.cancel && opt_.cancel()) {
    result.reason = StopReason::cancelled;
    return true;
  }
  return false;
}

bool RunMonitor::record(int iteration, std::span<const double> x, Result& result) {
  std::vector<double> cost(net_.num_links());
  compute_costs(net_, opt_.objective, x, cost);
  const AllOrNothing aon = all_or_nothing(net_, demand_, cost, opt_.threads);
  return record(iteration, x, cost, aon.shortest_cost, result);
}

void RunMonitor::finish(std::span<const double> x, Result& result) const {
  result.flow.assign(x.begin(), x.end());
  result.time.resize(net_.num_links());
  for (LinkIndex a = 0; a < net_.num_links(); ++a) result.time[a] = bpr::time(net_, a, x[a]);
}

Result solve_frank_wolfe(const Network& n, const Demand& d, const Options& o, bool conjugate) {
  RunMonitor mon(n, d, o);
  Result result;
  const std::size_t m = n.num_links();
  std::vector<double> x(m, 0.0), cost(m), der(m), dir(m), s_prev;
  compute_costs(n, o.objective, x, cost);
  x = all_or_nothing(n, d, cost, o.threads).flow;
  for (int it = 0;; ++it) {
    compute_costs(n, o.objective, x, cost, der);
    AllOrNothing y = all_or_nothing(n, d, cost, o.threads);
    if (mon.record(it, x, cost, y.shortest_cost, result)) break;
    // Direction: towards the all-or-nothing flows, or (conjugate) towards a combination of them
    // with the previous target that is conjugate to the previous direction under the Hessian.
    std::vector<double>& target = y.flow;
    if (conjugate && !s_prev.empty()) {
      double num = 0.0, den = 0.0;
      for (std::size_t a = 0; a < m; ++a) {
        const double u = (s_prev[a] - x[a]) * der[a];
        num += u * (y.flow[a] - x[a]);
        den += u * (y.flow[a] - s_prev[a]);
      }
      double alpha = den != 0.0 ? num / den : 0.0;
      if (!(alpha >= 0.0)) alpha = 0.0;
      alpha = std::min(alpha, 0.99);
      for (std::size_t a = 0; a < m; ++a) target[a] = alpha * s_prev[a] + (1.0 - alpha) * y.flow[a];
    }
    for (std::size_t a = 0; a < m; ++a) dir[a] = target[a] - x[a];
    // Exact line search on the objective: bisection on its derivative along `dir`.
    auto slope = [&](double lambda) {
      double g = 0.0;
      for (LinkIndex a = 0; a < m; ++a)
        if (dir[a] != 0.0) g += dir[a] * bpr::cost(o.objective, n, a, x[a] + lambda * dir[a]);
      return g;
    };
    double lo = 0.0, hi = 1.0, lambda = 1.0;
    if (slope(1.0) > 0.0) {
      for (int k = 0; k < 60 && hi - lo > 1e-16; ++k) {
        const double mid = 0.5 * (lo + hi);
        (slope(mid) > 0.0 ? hi : lo) = mid;
      }
      lambda = 0.5 * (lo + hi);
    }
    for (std::size_t a = 0; a < m; ++a) x[a] = std::max(0.0, x[a] + lambda * dir[a]);
    if (conjugate) s_prev = std::move(target);
  }
  mon.finish(x, result);
  return result;
}

} // namespace detail

Evaluation evaluate(const Network& network, const Demand& demand, Objective objective,
                    const std::vector<double>& flow, int threads) {
  if (flow.size() != network.num_links()) throw AssignError("flow vector has the wrong size");
  std::vector<double> cost(network.num_links());
  detail::compute_costs(network, objective, flow, cost);
  const AllOrNothing aon = all_or_nothing(network, demand, cost, threads);
  Evaluation e;
  double xc = 0.0;
  for (LinkIndex a = 0; a < network.num_links(); ++a) {
    e.beckmann += bpr::time_integral(network, a, flow[a]);
    e.total_cost += flow[a] * bpr::time(network, a, flow[a]);
    xc += flow[a] * cost[a];
  }
  const double excess = xc - aon.shortest_cost;
  e.relative_gap = xc > 0.0 ? excess / xc : 0.0;
  e.average_excess_cost = demand.total() > 0.0 ? excess / demand.total() : 0.0;
  e.objective = objective == Objective::user_equilibrium ? e.beckmann : e.total_cost;
  return e;
}

Result assign(const Network& network, const Demand& demand, const Options& options) {
  if (demand.num_zones() > network.num_zones())
    throw AssignError("demand has more zones than the network");
  if (!(options.stop.relative_gap >= 0.0)) throw AssignError("relative gap must be >= 0");
  if (!(options.stop.time_limit_s >= 0.0)) throw AssignError("time limit must be >= 0");
  if (options.stop.max_iterations < 0) throw AssignError("iteration limit must be >= 0");
  switch (options.algorithm) {
  case Algorithm::frank_wolfe:
    return detail::solve_frank_wolfe(network, demand, options, false);
  case Algorithm::conjugate_frank_wolfe:
    return detail::solve_frank_wolfe(network, demand, options, true);
  case Algorithm::algorithm_b:
    return detail::solve_algorithm_b(network, demand, options);
  }
  throw AssignError("unknown algorithm");
}

} // namespace caravan::assign
