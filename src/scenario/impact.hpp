// Regional impact of a scenario: before/after matrices between a set of places, the change of
// every pair, and the sources' claimed savings next to the computed ones.
#pragma once

#include "route/matrix.hpp"
#include "scenario/scenario.hpp"

#include <optional>
#include <vector>

namespace caravan {

/// The default place set of `caravan impact` and the Python module's impact(), defined here only
/// (docs/scenarios.md explains it): every Kazakh regional centre (`centres:KZ`: the Kazakh nodes
/// with a `centre` rank) plus the main gateways: to China Dostyk, Altynkol (Khorgos) and Bakhty;
/// the Caspian ports Aktau and Kuryk; to Uzbekistan Saryagash and Maktaaral; to Turkmenistan
/// Bolashak; to Russia Petropavl (a centre too).
inline constexpr const char* kDefaultImpactPlaces =
    "centres:KZ,Aktau,Kuryk,Dostyk,Altynkol,Bakhty,Saryagash,Maktaaral,Bolashak,Petropavl";

struct ImpactRequest {
  std::vector<NodeId> places; ///< origins and destinations (valid in both networks)
  Costing costing;            ///< its objective picks each route
  Shipment shipment;
  unsigned threads = 0; ///< 0 = all cores
};

enum class PairChange : std::uint8_t { unchanged, better, worse, now_reachable, now_unreachable };
std::string_view to_string(PairChange c);

/// One ordered pair of places (i -> j, indices into `places`).
struct PairImpact {
  std::size_t i = 0;
  std::size_t j = 0;
  std::optional<Totals> before;
  std::optional<Totals> after;
  PairChange change = PairChange::unchanged;
  /// after - before in the objective's unit (h, USD, km or kg); 0 unless both are reachable.
  double delta = 0.0;
  /// delta as a percentage of before; 0 unless both are reachable.
  double percent = 0.0;
};

/// A claim and what the model computes for it (in the claim's quantity).
struct ClaimCheck {
  Claim claim;
  NodeId from, to;
  std::optional<double> before; ///< unset: unreachable without the scenario
  std::optional<double> after;  ///< unset: unreachable with it
  [[nodiscard]] std::optional<double> computed_saving() const {
    if (before && after) return *before - *after;
    return std::nullopt;
  }
};

struct Impact {
  std::vector<NodeId> places;
  Objective objective = Objective::time;
  Matrix before;
  Matrix after;
  /// Every ordered pair i != j: better or worse pairs first (by |delta| descending), then pairs
  /// that became reachable or unreachable, unchanged pairs last.
  std::vector<PairImpact> pairs;
  std::vector<ClaimCheck> claims;
  int better = 0, worse = 0, unchanged = 0, now_reachable = 0, now_unreachable = 0,
      unreachable_both = 0;
};

/// Routes every pair of `req.places` on `before` and on `after` (networks with the same nodes)
/// and compares them; checks each claim with a route minimising its quantity (rail only when the
/// claim says so). Throws ScenarioError for a claim naming an unknown node.
Impact compute_impact(const Network& before, const Network& after, const ImpactRequest& req,
                      const std::vector<Claim>& claims = {});

} // namespace caravan
