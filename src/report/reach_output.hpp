// Reach results (route/reach.hpp) as JSON, GeoJSON (links cut at the budget, places and a hull per
// day band) and a text table.
#pragma once

#include "route/reach.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace caravan::report {

struct ReachOutputOptions {
  /// Upper edges of the day bands, ascending (default 3, 7, 14: bands 0-3, 3-7, 7-14 days).
  std::vector<double> band_days{3.0, 7.0, 14.0};
  /// True when the search had a departure time (absolute arrival times are meaningful).
  bool timed = false;
};

/// "0-3", "3-7", "7-14", ">14": the band of `days`.
std::string day_band(double days, const std::vector<double>& edges);

/// {"from","from_id","depart","budget_days","bands","places":[...],"links":[...]}.
nlohmann::ordered_json reach_to_json(const Network& net, const ReachResult& r,
                                     const ReachOutputOptions& o);

/// A FeatureCollection: a LineString per reached link direction (cut where the budget runs out,
/// `cut`: true), a Point per place, and a Polygon per day band (the convex hull of the origin, the
/// places reached by the band's end and the points where links are cut at it), each with `band`.
nlohmann::ordered_json reach_to_geojson(const Network& net, const ReachResult& r,
                                        const ReachOutputOptions& o);

std::string reach_to_table(const Network& net, const ReachResult& r, const ReachOutputOptions& o);

} // namespace caravan::report
