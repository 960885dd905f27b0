// Earliest arrival for a departure time: time-dependent Dijkstra on the state graph (node x
// arriving mode), where a timetabled arc (one with services, core/timetable.hpp) is boarded on its
// next sailing instead of after the constant transfer time. Every arc's arrival is a FIFO function
// of the time it is entered (leaving later never arrives earlier), so label-setting is exact.
#pragma once

#include "core/timetable.hpp"
#include "route/router.hpp"

#include <optional>
#include <string>
#include <vector>

namespace caravan {

/// One arc of a timed route: when the cargo reaches its tail, when it leaves and arrives, and why
/// it waited.
struct TimedStep {
  ArcId arc;
  EpochHours at_tail = 0; ///< cargo at the tail node (after the previous arc)
  EpochHours depart = 0;  ///< leaves the tail
  EpochHours arrive = 0;  ///< reaches the head (border dwell included)
  Hours wait;             ///< depart - at_tail: transfer, handling or waiting for a sailing
  const Service* service = nullptr; ///< the service taken, when the arc is timetabled
  bool expected = false;            ///< the service sails when full (depart is the expected time)
  std::string why;                  ///< "next sailing Thu 14:00 (+04:00) ..." or the transfer
};

/// A route with its schedule. `route` carries the path and the constant-model legs and totals;
/// `steps` (one per arc, in order) and `arrive` are the timed answer.
struct TimedRoute {
  Route route;
  EpochHours depart = 0;
  EpochHours arrive = 0; ///< at the destination, after port handling when ending on a ship
  Hours end_handling;    ///< of arrive, the alighting handling at the destination
  std::vector<TimedStep> steps;
  [[nodiscard]] Hours hours() const { return Hours(arrive - depart); }
};

struct TimedOutcome {
  std::optional<TimedRoute> route;
  RouteFailure failure = RouteFailure::unreachable;
  [[nodiscard]] bool ok() const { return route.has_value(); }
};

/// Reusable query object (one per thread) over a network and its timetable. Minimises the arrival
/// time (ties by cost); the request's objective, max_transfers, via and link_penalty are not used
/// (callers refuse them), its avoid lists, modes and year are.
class TimetableRouter {
public:
  TimetableRouter(const Network& net, const Timetable& tt);

  /// Earliest arrival at req.to leaving req.from at `depart`.
  TimedOutcome route(const RouteRequest& req, EpochHours depart);

  /// One-to-all from req.from leaving at `depart`; then arrival() and route_to() answer for any
  /// node until the next search on this object.
  void tree(const RouteRequest& req, EpochHours depart);
  /// Earliest arrival at `v` (with alighting handling), or nullopt when unreachable.
  [[nodiscard]] std::optional<EpochHours> arrival(NodeId v) const;
  [[nodiscard]] std::optional<TimedRoute> route_to(NodeId v) const;

  /// One arc of the best routes of the last tree() to every reached node, with its times.
  struct TreeArc {
    ArcId arc;
    EpochHours at_tail = 0;
    EpochHours depart = 0;
    EpochHours arrive = 0;
  };
  /// Every arc of those routes once (the search tree, restricted to the nodes' best states).
  [[nodiscard]] std::vector<TreeArc> tree_arcs() const;

  [[nodiscard]] std::size_t settled() const { return settled_; }

private:
  struct Label {
    double time; ///< absolute arrival (EpochHours)
    double usd;
  };
  std::uint32_t search(const RouteRequest& req, EpochHours depart, bool to_all);
  [[nodiscard]] std::uint32_t best_state(NodeId v, double* at) const;
  [[nodiscard]] TimedRoute assemble(std::uint32_t state) const;

  const Network* net_;
  const Timetable* tt_;
  std::vector<Label> dist_;
  std::vector<std::uint32_t> pred_state_;
  std::vector<ArcId> pred_arc_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t epoch_ = 0;
  std::size_t settled_ = 0;
  NodeId from_;
  EpochHours depart_ = 0;
  Shipment shipment_;
  bool excluded_ = false;
};

/// The timing of entering arc `a` at `t` having arrived at its tail in `mode_in` (kModeCount =
/// the route starts here): shared by the search and by route assembly, so both agree. Returns
/// false when the arc cannot be taken (no transfer rule for the mode change, or no sailing left).
/// `explain` fills out.why (the search leaves it empty).
bool timed_step(const Network& net, const Timetable& tt, ArcId a, std::uint32_t mode_in,
                EpochHours t, const Shipment& shipment, bool explain, TimedStep& out, Usd& usd);

} // namespace caravan
