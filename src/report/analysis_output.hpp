// Decision-analysis results (Pareto fronts, alternatives, corridor comparisons, matrices,
// reliability) as JSON, CSV and text tables.
#pragma once

#include "analysis/corridor_compare.hpp"
#include "analysis/reliability.hpp"
#include "core/network.hpp"
#include "route/matrix.hpp"
#include "route/pareto.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace caravan::report {

/// Modes of the legs joined by '>' (e.g. "rail_1435>rail_1520>ferry").
std::string mode_chain(const Route& r);
/// Names of the corridors the route uses, in order, joined by "; ".
std::string corridor_names(const Network& net, const Route& r);

nlohmann::ordered_json routes_to_json(const Network& net, const std::vector<Route>& routes,
                                      const std::string& kind);
std::string routes_to_table(const Network& net, const std::vector<Route>& routes,
                            const std::string& title);

nlohmann::ordered_json comparison_to_json(const Network& net, const CorridorComparison& c,
                                          Objective o);
std::string comparison_to_table(const Network& net, const CorridorComparison& c, Objective o);
std::string comparison_to_csv(const Network& net, const CorridorComparison& c);

nlohmann::ordered_json matrix_to_json(const Network& net, const Matrix& m);
/// Long CSV: one row per origin-destination pair with every total.
std::string matrix_to_csv(const Network& net, const Matrix& m);
/// Square text table of the objective's value (days for time).
std::string matrix_to_table(const Network& net, const Matrix& m);

nlohmann::ordered_json reliability_to_json(const ReliabilityResult& r, std::uint64_t seed);
std::string reliability_to_table(const ReliabilityResult& r);

} // namespace caravan::report
