// A contraction hierarchy over the routing state graph (node x arriving mode) for one objective,
// and the per-thread query that answers route requests with it.
#pragma once

#include "core/network.hpp"
#include "graph/graph.hpp"
#include "route/ch/ch.hpp"
#include "route/ch/ch_query.hpp"
#include "route/router.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace caravan {

/// Bounds of a hierarchy's fixed-point scale (integer weight units per objective unit: per hour,
/// USD, kg CO2 or km for the default shipment of 1 TEU of 10 t). The scale is the largest power of
/// ten within these bounds at which twice an estimate of the longest shortest path still fits in
/// graph::kMaxPathWeight; if the build still overflows, it retries 10x coarser.
inline constexpr double kMaxStateWeightScale = 1e9;
inline constexpr double kMinStateWeightScale = 1e-3;

/// Number of states of the routing state graph under the year rule: one per (node, mode of a link
/// that may enter it). This is the node count of a StateHierarchy's graph.
[[nodiscard]] std::size_t count_route_states(const Network& net, std::optional<int> year);

/// The state graph of Router for one objective, without per-request constraints, contracted:
/// states (v, m) = "at v, arrived by mode m"; an arc a leaving v in mode m' goes from every state
/// (v, m) to (head, m'), weighing the arc's cost plus the transfer m -> m' at v when m != m' (no
/// arc when v has no such transfer). A route's start (no arriving mode, port handling when it
/// boards a ship) and end (port handling when it leaves a ship) are weighted sources and targets of
/// the query. Each step's objective value (computed in double exactly as Router does, for the
/// default shipment) is multiplied by scale() and rounded to the nearest integer, so a path's
/// weight differs from its true value by at most half a unit per step: the hierarchy's path is
/// Router's unless another path is within (steps of both + 2) / (2 * scale()) of the optimum (a tie
/// at that resolution; on the eurasia network the scale is 1e7 per hour, i.e. 0.36 ms).
class StateHierarchy {
public:
  /// Builds the hierarchy for `objective` over links open under `year` (see link_is_open). Throws
  /// std::invalid_argument when a step's value is negative or not finite, std::overflow_error
  /// when even the coarsest unit overflows 32-bit path weights.
  StateHierarchy(const Network& net, Objective objective, std::optional<int> year,
                 const route::ChBuildOptions& options = {});

  [[nodiscard]] const Network& network() const { return *net_; }
  [[nodiscard]] Objective objective() const { return objective_; }
  [[nodiscard]] std::optional<int> year() const { return year_; }
  /// Weight units per objective unit for the default shipment (see kMaxStateWeightScale).
  [[nodiscard]] double scale() const { return scale_; }
  [[nodiscard]] std::uint32_t state_count() const {
    return static_cast<std::uint32_t>(state_node_.size());
  }
  [[nodiscard]] std::uint32_t arc_count() const { return arc_count_; }
  [[nodiscard]] const route::ContractionHierarchy& hierarchy() const { return ch_; }

  /// The state (v, m), or kNoState when no open link of mode m enters v.
  [[nodiscard]] std::uint32_t state(NodeId v, Mode m) const;
  [[nodiscard]] NodeId node_of(std::uint32_t s) const { return state_node_[s]; }
  [[nodiscard]] Mode mode_of(std::uint32_t s) const { return state_mode_[s]; }
  static constexpr std::uint32_t kNoState = 0xFFFFFFFFU;

  /// Weight of taking arc `a` from its tail when the route arrived there by `mode_in`
  /// (std::nullopt: the route starts there, port handling included); graph::kInfWeight when the
  /// link is closed under the year rule or the mode change has no transfer.
  [[nodiscard]] graph::Weight step_weight(ArcId a, std::optional<Mode> mode_in) const;
  /// Weight of ending at `v` having arrived by `m` (port handling when alighting from a ship).
  [[nodiscard]] graph::Weight end_weight(NodeId v, Mode m) const;

private:
  [[nodiscard]] std::optional<double> step_value(ArcId a, std::optional<Mode> mode_in) const;
  /// Throws std::invalid_argument for a negative or non-finite value.
  void check_value(double value) const;
  [[nodiscard]] graph::Weight to_weight(double value) const;
  struct ValuedArc {
    std::uint32_t tail;
    std::uint32_t head;
    double value;
  };
  /// The arcs of the state graph with their objective values (self-loops dropped).
  [[nodiscard]] std::vector<ValuedArc> state_arcs() const;
  [[nodiscard]] double initial_scale(const std::vector<ValuedArc>& arcs) const;

  const Network* net_;
  Objective objective_;
  std::optional<int> year_;
  double scale_ = kMaxStateWeightScale;
  std::vector<std::uint32_t> first_state_; ///< states of node v: first_state_[v] .. [v+1]-1
  std::vector<NodeId> state_node_;
  std::vector<Mode> state_mode_;
  std::uint32_t arc_count_ = 0;
  route::ContractionHierarchy ch_;
};

/// A reusable query on one StateHierarchy (owns its scratch memory; one per thread).
class StateHierarchyQuery {
public:
  explicit StateHierarchyQuery(const StateHierarchy& h);

  /// The best route for `req`, which must carry no constraint the hierarchy cannot honour (see
  /// ch_can_answer in routing_engine.hpp) and the hierarchy's objective. Totals and legs come from
  /// make_route with the request's shipment, as in Router.
  RouteOutcome route(const RouteRequest& req);

  /// The arcs of the best path from `from` to `to`; empty when there is none or overflowed().
  [[nodiscard]] std::vector<ArcId> arcs(NodeId from, NodeId to);

  /// Whether the last query's path weighs more than its 32-bit search distance (the scale estimate
  /// missed a long path; the build only checks shortcuts). route() then returns no route and the
  /// caller must ask Dijkstra (RoutingEngine does).
  [[nodiscard]] bool overflowed() const { return overflowed_; }

  /// States settled by the last query (for benchmarks).
  [[nodiscard]] std::uint32_t settled() const { return query_.settled_count(); }

private:
  const StateHierarchy* h_;
  route::ChQuery query_;
  bool overflowed_ = false;
};

} // namespace caravan
