// BPR link performance functions: travel cost, its derivative and integral, and marginal cost.
#pragma once

#include "assign/network.hpp"

#include <cmath>

namespace caravan::assign {

/// Which equilibrium to compute: Wardrop user equilibrium (each traveller minimises own cost)
/// or system optimum (total cost minimised; travellers follow marginal costs).
enum class Objective { user_equilibrium, system_optimum };

namespace bpr {

/// r^p with the common integer powers done by multiplication.
inline double pow_ratio(double r, double p) {
  if (p == 4.0) {
    const double r2 = r * r;
    return r2 * r2;
  }
  if (p == 1.0) return r;
  if (p == 0.0) return 1.0;
  if (p == 2.0) return r * r;
  if (p == 3.0) return r * r * r;
  if (p == 5.0) {
    const double r2 = r * r;
    return r2 * r2 * r;
  }
  return r > 0.0 ? std::pow(r, p) : 0.0;
}

/// Travel cost t(x) = fixed + fft * (1 + alpha * (x/cap)^power).
inline double time(const Network& n, LinkIndex a, double x) {
  const double r = x / n.capacity()[a];
  return n.fixed_cost()[a] +
         n.free_flow_time()[a] * (1.0 + n.alpha()[a] * pow_ratio(r, n.power()[a]));
}

/// dt/dx.
inline double time_derivative(const Network& n, LinkIndex a, double x) {
  const double p = n.power()[a];
  if (p == 0.0) return 0.0;
  const double cap = n.capacity()[a];
  const double r = x / cap;
  if (p < 1.0 && r <= 0.0) return 0.0;
  return n.free_flow_time()[a] * n.alpha()[a] * p / cap * pow_ratio(r, p - 1.0);
}

/// Integral of t from 0 to x (the link's term of the Beckmann objective).
inline double time_integral(const Network& n, LinkIndex a, double x) {
  const double cap = n.capacity()[a];
  const double p = n.power()[a];
  const double r = x / cap;
  return (n.fixed_cost()[a] + n.free_flow_time()[a]) * x +
         n.free_flow_time()[a] * n.alpha()[a] * cap / (p + 1.0) * pow_ratio(r, p + 1.0);
}

/// The cost travellers respond to: t(x) for UE, the marginal cost t(x) + x t'(x) for SO.
inline double cost(Objective o, const Network& n, LinkIndex a, double x) {
  if (o == Objective::user_equilibrium) return time(n, a, x);
  return time(n, a, x) + x * time_derivative(n, a, x);
}

/// d cost / dx: t'(x) for UE, 2 t'(x) + x t''(x) for SO.
inline double cost_derivative(Objective o, const Network& n, LinkIndex a, double x) {
  const double d1 = time_derivative(n, a, x);
  if (o == Objective::user_equilibrium) return d1;
  // x t''(x) = (p - 1) t'(x) for BPR, so 2 t' + x t'' = (p + 1) t'.
  return (n.power()[a] + 1.0) * d1;
}

/// The link's term of the objective being minimised: the Beckmann integral for UE, the total
/// cost x t(x) for SO. Its derivative is `cost`.
inline double objective_term(Objective o, const Network& n, LinkIndex a, double x) {
  if (o == Objective::user_equilibrium) return time_integral(n, a, x);
  return x * time(n, a, x);
}

} // namespace bpr
} // namespace caravan::assign
