// Side-by-side comparison of the corridors that connect two places: the best route through each.
#pragma once

#include "core/network.hpp"
#include "route/router.hpp"

#include <optional>
#include <vector>

namespace caravan {

struct CorridorOption {
  CorridorId corridor;
  std::optional<Route> route; ///< empty when the corridor does not serve these places
  NodeId entry;               ///< where the route joins the corridor (invalid when no route)
  NodeId exit;                ///< where it leaves it
  double share = 0.0;         ///< of the route's km, the part along the corridor
};

struct CompareOptions {
  /// A corridor serves the pair only when the route runs along it for at least this share of its
  /// km.
  double min_share = 0.25;
};

struct CorridorComparison {
  std::optional<Route> best; ///< the best route with no corridor constraint
  std::vector<CorridorOption>
      options; ///< ranked by the objective; corridors that do not serve last
};

/// For every corridor, the route that joins the corridor at the corridor node closest to the origin
/// (by the objective), follows the corridor's node sequence (in either direction) to the corridor
/// node closest to the destination, and goes on to the destination. A corridor whose closest nodes
/// to origin and destination coincide, that cannot be reached, or along which the route runs for
/// less than `min_share` of its km, does not serve the pair. Options are ranked by
/// req.costing.objective.
CorridorComparison compare_corridors(Router& router, const RouteRequest& req,
                                     const CompareOptions& options = {});

} // namespace caravan
