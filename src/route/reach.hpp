// Reach: every place that can be reached from an origin within a time budget, and the links on
// the way (cut where the budget runs out), from one one-to-all earliest-arrival search.
#pragma once

#include "route/timetable_router.hpp"

#include <vector>

namespace caravan {

struct ReachPlace {
  NodeId node;
  Hours hours;       ///< from departure to arrival (with alighting handling)
  EpochHours arrive; ///< absolute
  TimedRoute route;  ///< the earliest-arrival route
};

/// A link direction on the reach tree: `fraction` of it (from its tail) is travelled within the
/// budget; 1 when the cargo gets to its head in time.
struct ReachedArc {
  ArcId arc;
  Hours depart; ///< hours after departure at which the cargo leaves the tail
  Hours arrive; ///< hours after departure at which it would reach the head
  double fraction = 1.0;
};

struct ReachResult {
  NodeId from;
  EpochHours depart = 0;
  Hours budget;
  std::vector<ReachPlace> places; ///< within the budget, by arrival (the origin not included)
  std::vector<ReachedArc> arcs;   ///< started within the budget, by departure
};

/// Places reachable from req.from within `budget` leaving at `depart`, with the network's
/// services `tt` (pass an empty Timetable for the constant model: the hours then equal Router's
/// time-objective routes). The request's avoid lists, modes and year apply.
ReachResult reach(const Network& net, const Timetable& tt, const RouteRequest& req,
                  EpochHours depart, Hours budget);

} // namespace caravan
