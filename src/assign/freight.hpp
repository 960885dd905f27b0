// Capacitated assignment of container (TEU) demand on a Caravan network, through its state graph.
#pragma once

#include "assign/assignment.hpp"
#include "core/network.hpp"
#include "route/costing.hpp"

#include <optional>
#include <span>
#include <vector>

namespace caravan::freight {

/// How link capacities in their data units become TEU per day, and how links are costed.
struct FreightOptions {
  /// time: hours (running time, border dwell, transfers); cost: USD per TEU plus congestion
  /// delay valued at `value_of_time_usd_per_teu_h`.
  Objective by = Objective::time;
  double value_of_time_usd_per_teu_h = 1.0; ///< only for `by = cost` (an estimate; see docs)
  double teu_per_train = 100.0;             ///< facts/capacity.md: ~100 TEU per block train
  double teu_per_vehicle = 1.0;             ///< vehicles_per_hour links: TEU per road vehicle
  double tonnes_per_teu = 10.0;             ///< tonnes_per_year links: cargo per loaded TEU
  double bpr_alpha = 0.15;                  ///< BPR t = t0 (1 + alpha (x/c)^power)
  double bpr_power = 4.0;
  std::optional<int> year; ///< also use links open by this year (as `caravan route --year`)
};

/// A link's capacity in TEU per day and direction; 0 when the link has none (uncongested).
double capacity_teu_per_day(const Link& link, const FreightOptions& options);

/// Demand between two places, in TEU per day.
struct OdFlow {
  NodeId from;
  NodeId to;
  double teu_per_day = 0.0;
};

/// What each assignment link stands for.
enum class Piece : std::uint8_t { arc, transfer, through, board, alight };

/// The assignment network built from the state graph. Zones 0..N-1 are the Caravan nodes; each
/// node v has an arrival state arr(v, m) and a departure state dep(v, m) per mode m of its links.
/// Arcs run dep(tail, m) -> arr(head, m) (running time + border dwell, BPR on the link's
/// capacity); at a node, arr(v, m) -> dep(v, m) is free and arr(v, m1) -> dep(v, m2) exists only
/// when a transfer rule allows it (its time); zone v -> dep(v, m) and arr(v, m) -> zone v carry
/// port handling where a route starts or ends on a ship. Each node is left at most once, so
/// transfers and gauge changes are charged exactly once and never skipped.
struct FreightNetwork {
  assign::Network network;
  /// Per assignment input link (LinkSpec order): what it is, and its Caravan arc for `arc`.
  std::vector<Piece> piece;
  std::vector<ArcId> arc;
  std::vector<double> capacity_teu_per_day; ///< per input link; 0 = none
  std::vector<double> free_flow_hours;      ///< per input link; time at zero flow
};

FreightNetwork build_freight_network(const Network& net, const FreightOptions& options);

/// Load of one direction of a Caravan link.
struct ArcLoad {
  ArcId arc;
  double teu_per_day = 0.0;
  double capacity_teu_per_day = 0.0; ///< 0 = uncongested
  double free_flow_hours = 0.0;      ///< running time + border dwell
  double congested_hours = 0.0;      ///< at the assigned flow
  [[nodiscard]] double ratio() const {
    return capacity_teu_per_day > 0.0 ? teu_per_day / capacity_teu_per_day : 0.0;
  }
};

/// A corridor's part of the assigned traffic. A link may belong to several corridors, so the
/// shares of all corridors need not add up to 1.
struct CorridorShare {
  CorridorId corridor;
  double teu_per_day = 0.0;     ///< flow on the corridor's busiest link direction
  double teu_km_per_day = 0.0;  ///< sum over its links of flow x length
  double share_of_teu_km = 0.0; ///< teu_km_per_day / network TEU-km
};

struct FreightResult {
  assign::Result solution;
  std::vector<ArcLoad> loads;        ///< every arc with flow, by decreasing TEU-km
  std::vector<CorridorShare> shares; ///< every corridor, by decreasing TEU-km
  std::vector<ArcLoad> binding;      ///< loads with flow / capacity >= binding_ratio, worst first
  double total_teu_per_day = 0.0;    ///< the demand
  double total_teu_km_per_day = 0.0;
  double binding_ratio = 0.9;
};

/// Assigns `demand` (user equilibrium or system optimum per `solver.objective`). Throws
/// assign::AssignError when a pair has no path.
FreightResult assign_freight(const Network& net, std::span<const OdFlow> demand,
                             const FreightOptions& options, const assign::Options& solver,
                             double binding_ratio = 0.9);

} // namespace caravan::freight
