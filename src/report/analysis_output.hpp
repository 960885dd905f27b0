// Decision-analysis results (Pareto fronts, alternatives, corridor comparisons, matrices,
// reliability) as JSON, CSV and text tables.
#pragma once

#include "analysis/corridor_compare.hpp"
#include "analysis/reliability.hpp"
#include "core/network.hpp"
#include "report/route_geometry.hpp"
#include "route/matrix.hpp"
#include "route/pareto.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace caravan::report {

/// Modes of the legs joined by '>' (e.g. "rail_1435>rail_1520>ferry").
std::string mode_chain(const Route& r);
/// Names of the corridors the route uses, in order, joined by "; ".
std::string corridor_names(const Network& net, const Route& r);

nlohmann::ordered_json routes_to_json(const Network& net, const std::vector<Route>& routes,
                                      const std::string& kind,
                                      const GeometryOptions& geometry = {});
/// The routes' legs, transfers and borders as GeoJSON features; every feature has `route` (1 =
/// best) and the route's days, usd, kg_co2 and km as `route_days`, ...
nlohmann::ordered_json routes_to_geojson(const Network& net, const std::vector<Route>& routes,
                                         const std::string& kind,
                                         const GeometryOptions& geometry = {});
std::string routes_to_table(const Network& net, const std::vector<Route>& routes,
                            const std::string& title);

nlohmann::ordered_json comparison_to_json(const Network& net, const CorridorComparison& c,
                                          Objective o, const GeometryOptions& geometry = {});
/// Each connecting corridor's route as GeoJSON features tagged `corridor_id`, `corridor`, `rank`.
nlohmann::ordered_json comparison_to_geojson(const Network& net, const CorridorComparison& c,
                                             Objective o, const GeometryOptions& geometry = {});
std::string comparison_to_table(const Network& net, const CorridorComparison& c, Objective o);
std::string comparison_to_csv(const Network& net, const CorridorComparison& c);

nlohmann::ordered_json matrix_to_json(const Network& net, const Matrix& m);
/// The matrix as lines: one LineString per reachable origin-destination pair along its route
/// (`routes` in the matrix's cell order; a missing route is drawn straight and marked schematic),
/// with the pair's totals.
nlohmann::ordered_json matrix_to_geojson(const Network& net, const Matrix& m,
                                         const std::vector<std::optional<Route>>& routes,
                                         const GeometryOptions& geometry = {});
/// Long CSV: one row per origin-destination pair with every total.
std::string matrix_to_csv(const Network& net, const Matrix& m);
/// Square text table of the objective's value (days for time).
std::string matrix_to_table(const Network& net, const Matrix& m);

nlohmann::ordered_json reliability_to_json(const ReliabilityResult& r, std::uint64_t seed);
std::string reliability_to_table(const ReliabilityResult& r);

} // namespace caravan::report
