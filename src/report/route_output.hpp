// Route results as JSON (the API contract), GeoJSON (for QGIS and web maps) and a text table.
#pragma once

#include "core/network.hpp"
#include "report/route_geometry.hpp"
#include "route/route.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace caravan::report {

/// The route as JSON:
/// {"from","to","objective","shipment","total":{...},"legs":[...],"transfers":[...]}. The shape is
/// shared by the CLI (`--format json`) and the HTTP API; see docs/api.md. Each leg carries its
/// line as `sections` (runs of one geometry source) unless `geometry.include` is false.
nlohmann::ordered_json route_to_json(const Network& net, const Route& r,
                                     const GeometryOptions& geometry = {});

/// The features of a route: one LineString per leg, along the links' real lines (schematic where
/// a link has none, and said so in `geometry_source`), and a Point per transfer and per border
/// crossing. `extra` is merged into every feature's properties (e.g. the rank of an alternative).
nlohmann::ordered_json route_features(const Network& net, const Route& r,
                                      const GeometryOptions& geometry = {},
                                      const nlohmann::ordered_json& extra = nullptr);

/// A GeoJSON FeatureCollection of route_features() with the route's totals as its properties.
nlohmann::ordered_json route_to_geojson(const Network& net, const Route& r,
                                        const GeometryOptions& geometry = {});

/// A human-readable table of legs and transfers with totals.
std::string route_to_table(const Network& net, const Route& r);

/// Rounds for presentation: keeps results readable without changing what they mean.
double round_to(double v, int decimals);

} // namespace caravan::report
