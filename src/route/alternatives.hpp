// Meaningfully different alternative routes by iterative link penalties, with overlap and stretch
// bounds.
#pragma once

#include "core/network.hpp"
#include "route/router.hpp"

#include <vector>

namespace caravan {

struct AlternativesOptions {
  std::size_t k = 3; ///< routes wanted, the best included
  double max_overlap =
      0.6; ///< an alternative shares less than this share of its km with each better route
  double max_stretch = 1.5;    ///< and costs at most this multiple of the best route's objective
  double penalty_factor = 1.5; ///< multiplier applied to the links of every route found, per round
  int max_rounds = 16;
};

/// Shared km of `a` with `b` (links in common, either direction) divided by the km of `a`.
double overlap_share(const Network& net, const Route& a, const Route& b);

/// Up to k routes: the best, then routes found by penalising the links already used, kept when they
/// satisfy the overlap and stretch bounds. Ordered by the true objective (without penalties).
std::vector<Route> find_alternatives(Router& router, const RouteRequest& req,
                                     const AlternativesOptions& options = {});

} // namespace caravan
