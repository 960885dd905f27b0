// Route results as JSON (the API contract), GeoJSON (for QGIS and web maps) and a text table.
#pragma once

#include "core/network.hpp"
#include "route/route.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace caravan::report {

/// The route as JSON:
/// {"from","to","objective","shipment","total":{...},"legs":[...],"transfers":[...]}. The shape is
/// shared by the CLI (`--format json`) and the HTTP API; see docs/api.md.
nlohmann::ordered_json route_to_json(const Network& net, const Route& r);

/// A GeoJSON FeatureCollection: one LineString per leg (straight segments between nodes) with the
/// leg's properties, and a Point per transfer and per border crossing.
nlohmann::ordered_json route_to_geojson(const Network& net, const Route& r);

/// A human-readable table of legs and transfers with totals.
std::string route_to_table(const Network& net, const Route& r);

/// Rounds for presentation: keeps results readable without changing what they mean.
double round_to(double v, int decimals);

} // namespace caravan::report
