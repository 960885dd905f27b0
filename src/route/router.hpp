// Least-cost routing on the state graph (node x arriving mode) with Dijkstra.
#pragma once

#include "core/network.hpp"
#include "route/costing.hpp"
#include "route/route.hpp"

#include <optional>
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

struct RouteOutcome {
  std::optional<Route> route;
  RouteFailure failure = RouteFailure::unreachable;
  [[nodiscard]] bool ok() const { return route.has_value(); }
};

/// A reusable query object over an immutable Network. It owns its scratch memory, so use one per
/// thread. States are (node, arriving mode[, transfers used]); a mode change at a node costs the
/// node's matching transfer and is impossible without one, so gauge breaks, handling and border
/// dwell are charged exactly once. Ties on the objective are broken by time (or, when minimising
/// time, by cost), then by data order.
class Router {
public:
  explicit Router(const Network& net);
  RouteOutcome route(const RouteRequest& req);
  /// Number of states settled by the last query (for benchmarks).
  [[nodiscard]] std::size_t settled() const { return settled_; }

private:
  struct Label {
    double primary;
    double secondary;
  };
  const Network* net_;
  std::vector<Label> dist_;
  std::vector<std::uint32_t> pred_state_;
  std::vector<ArcId> pred_arc_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t epoch_ = 0;
  std::size_t settled_ = 0;
};

} // namespace caravan
