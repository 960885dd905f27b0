// Regional impact reports (before/after matrices, pair changes, claims) as a text table, CSV, JSON
// and an SVG heatmap.
#pragma once

#include "core/network.hpp"
#include "report/route_geometry.hpp"
#include "route/route.hpp"
#include "scenario/impact.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace caravan::report {

/// What the report says about where the numbers come from.
struct ImpactInfo {
  std::string scenario;      ///< name
  std::string title;         ///< one line
  std::string source;        ///< the scenario's source
  std::string compared_with; ///< e.g. "the base network (existing links only)"
  std::string places;        ///< how the place set was chosen
  ScenarioSummary edits;
  Shipment shipment;
  std::size_t top = 20; ///< pairs listed in the table
};

/// Human-readable report: summary, the top changes first, reachability changes and claims.
std::string impact_to_table(const Network& net, const Impact& im, const ImpactInfo& info);
/// One row per ordered pair: before/after km, hours, USD, absolute and percent change.
std::string impact_to_csv(const Network& net, const Impact& im);
/// Everything: places, the before/after matrices (km, hours, USD), pairs, claims, summary.
nlohmann::ordered_json impact_to_json(const Network& net, const Impact& im, const ImpactInfo& info);
/// The routes of one ordered pair on the networks before and after the scenario.
struct PairRoutes {
  std::optional<Route> before;
  std::optional<Route> after;
};
/// The pairs that changed (better, worse, newly or no longer reachable) as lines along their
/// routes: a feature `kind: "after"` on the scenario's network and `kind: "before"` on the base,
/// each with the pair's before/after/change values. `routes` is parallel to `im.pairs`.
nlohmann::ordered_json impact_to_geojson(const Network& before_net, const Network& after_net,
                                         const Impact& im, const std::vector<PairRoutes>& routes,
                                         const ImpactInfo& info,
                                         const GeometryOptions& geometry = {});
/// Heatmap of the objective's change for every pair.
std::string impact_to_svg(const Network& net, const Impact& im, const ImpactInfo& info);

} // namespace caravan::report
