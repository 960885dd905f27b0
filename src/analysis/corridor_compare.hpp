// Side-by-side comparison of the corridors that connect two places: the best route through each.
#pragma once

#include "core/network.hpp"
#include "route/router.hpp"

#include <optional>
#include <vector>

namespace caravan {

struct CorridorOption {
  CorridorId corridor;
  std::optional<Route> route; ///< empty when no route through this corridor connects the places
};

struct CorridorComparison {
  std::optional<Route> best;          ///< the best route with no corridor constraint
  std::vector<CorridorOption> options; ///< ranked by the objective; corridors that do not connect last
};

/// The links that characterise each corridor: its links that belong to no other corridor (or all of
/// its links when it shares every one), indexed [corridor][link] as 0/1.
std::vector<std::vector<std::uint8_t>> distinctive_links(const Network& net);

/// For every corridor, the best route from req.from to req.to that uses at least one of the
/// corridor's distinctive links and none of the other corridors' distinctive links (so the Middle
/// Corridor option crosses the Caspian and the Northern one runs through Russia), ranked by
/// req.costing.objective.
CorridorComparison compare_corridors(Router& router, const RouteRequest& req);

} // namespace caravan
