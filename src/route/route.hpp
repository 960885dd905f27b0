// A route result: totals and the per-leg breakdown, so that front ends never recompute.
#pragma once

#include "core/ids.hpp"
#include "core/mode.hpp"
#include "route/costing.hpp"

#include <optional>
#include <string>
#include <vector>

namespace caravan {

/// A maximal run of consecutive links in one mode. Hours include border dwell on its links.
struct Leg {
  NodeId from;
  NodeId to;
  Mode mode = Mode::road;
  Totals totals;
  Hours border_hours;  ///< of totals.hours, the part spent at borders
  int borders = 0;     ///< national borders crossed within the leg
  CorridorId corridor; ///< the corridor covering most of the leg's km (invalid if none)
  std::vector<CorridorId> corridors; ///< every corridor the leg touches, in order of first use
  std::vector<ArcId> arcs;
};

/// A change of mode or gauge between two legs.
struct TransferStep {
  NodeId at;
  Mode from_mode = Mode::road;
  Mode to_mode = Mode::road;
  Totals totals;
};

struct Route {
  NodeId from;
  NodeId to;
  Objective objective = Objective::time;
  Shipment shipment;
  Totals totals;
  int transfers = 0;
  int borders = 0;
  std::vector<Leg> legs;
  std::vector<TransferStep>
      transfer_steps; ///< transfer_steps[i] sits between legs[i] and legs[i+1]
  /// Port handling when the route starts or ends on a ship (from_mode == to_mode == the ship's
  /// mode).
  std::optional<TransferStep> start_handling;
  std::optional<TransferStep> end_handling;
};

/// Every node the route passes, in order, origin and destination included.
std::vector<NodeId> route_nodes(const Network& net, const Route& r);

/// Builds the Route (legs, transfers, totals) for a sequence of arcs from `from` to `to`.
Route make_route(const Network& net, NodeId from, NodeId to, const std::vector<ArcId>& arcs,
                 Objective objective, const Shipment& shipment);

} // namespace caravan
