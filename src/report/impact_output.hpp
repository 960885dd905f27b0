// Regional impact reports (before/after matrices, pair changes, claims) as a text table, CSV, JSON
// and an SVG heatmap.
#pragma once

#include "core/network.hpp"
#include "scenario/impact.hpp"

#include <nlohmann/json.hpp>

#include <string>

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
/// Heatmap of the objective's change for every pair.
std::string impact_to_svg(const Network& net, const Impact& im, const ImpactInfo& info);

} // namespace caravan::report
