// Least-cost routing on the state graph (node x arriving mode) with Dijkstra.
#pragma once

#include "core/network.hpp"
#include "route/costing.hpp"
#include "route/route.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace caravan {

struct RouteRequest {
  NodeId from;
  NodeId to;
  Costing costing;
  Shipment shipment;
};

/// Why no route was returned.
enum class RouteFailure : std::uint8_t {
  unreachable,       ///< no path satisfies the constraints
  endpoint_excluded, ///< origin or destination lies in an avoided country or is an avoided node
};

/// Which search answered a request (see routing_engine.hpp).
enum class RouteEngine : std::uint8_t { dijkstra, contraction_hierarchy };

/// "dijkstra" or "ch".
std::string_view to_string(RouteEngine e);

struct RouteOutcome {
  std::optional<Route> route;
  RouteFailure failure = RouteFailure::unreachable;
  RouteEngine engine = RouteEngine::dijkstra;
  [[nodiscard]] bool ok() const { return route.has_value(); }
};

/// A reusable query object over an immutable Network. It owns its scratch memory, so use one per
/// thread. States are (node, arriving mode[, transfers used][, via points passed]); a mode change
/// at a node costs the node's matching transfer and is impossible without one, so gauge breaks,
/// handling and border dwell are charged exactly once. Ties on the objective are broken by time
/// (or, when minimising time, by cost), then deterministically by state order.
class Router {
public:
  explicit Router(const Network& net);

  /// The best route from req.from to req.to.
  RouteOutcome route(const RouteRequest& req);

  /// One-to-all: settles every state reachable from `from`; then route_to() gives the best route to
  /// any node (req.to is ignored). Valid until the next search on this object.
  void tree(const RouteRequest& req);
  [[nodiscard]] std::optional<Route> route_to(NodeId to) const;

  [[nodiscard]] const Network& network() const { return *net_; }

  /// Number of states settled by the last search (for benchmarks).
  [[nodiscard]] std::size_t settled() const { return settled_; }

private:
  struct Label {
    double primary;
    double secondary;
  };
  /// Runs Dijkstra; stops at req.to unless `to_all`. Returns the settled target state or kNone.
  std::uint32_t search(const RouteRequest& req, bool to_all);
  [[nodiscard]] std::uint32_t best_final_state(NodeId v) const;
  [[nodiscard]] Route assemble(std::uint32_t state) const;

  const Network* net_;
  std::vector<Label> dist_;
  std::vector<std::uint32_t> pred_state_;
  std::vector<ArcId> pred_arc_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t epoch_ = 0;
  std::size_t settled_ = 0;
  // Shape of the last search's state space.
  std::uint32_t layers_ = 1;
  std::uint32_t phases_ = 1;
  std::uint32_t final_state_ = 0;
  NodeId from_;
  Objective objective_ = Objective::time;
  Shipment shipment_;
  bool excluded_ = false;
};

} // namespace caravan
