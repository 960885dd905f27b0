// Results as GeoPackage layers (docs/storage.md): routes with their legs, matrices as a table and
// as lines between the places, and scenario impact before/after, each with QGIS styles.
#pragma once

#include "core/network.hpp"
#include "report/impact_output.hpp"
#include "route/matrix.hpp"
#include "route/route.hpp"
#include "scenario/impact.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace caravan::storage {

/// What produced a result, written to its caravan_metadata table as key/value rows.
struct ResultInfo {
  std::string kind;      ///< "route", "compare", "matrix", "impact"
  std::string generator; ///< e.g. "caravan 0.1.0"
  std::string network;   ///< the --network argument
  std::vector<std::pair<std::string, std::string>> extra; ///< e.g. {"objective", "time"}
};

/// One route of a result: the best route, an alternative, or the best through a corridor.
struct LabelledRoute {
  const Route* route = nullptr;
  std::string label;            ///< e.g. "best", "alternative 2", the corridor's name
  std::string corridor;         ///< the corridor id it was routed through (compare), else empty
  double corridor_share = -1.0; ///< of its km along that corridor; < 0 when not a comparison
};

inline LabelledRoute labelled(const Route& r, std::string label, std::string corridor = {},
                              double share = -1.0) {
  LabelledRoute l;
  l.route = &r;
  l.label = std::move(label);
  l.corridor = std::move(corridor);
  l.corridor_share = share;
  return l;
}

/// Layers `routes` (one line per route with its totals), `route_legs` (one line per leg, along the
/// links' lines, with per-leg totals, mode, corridor, borders and geometry source) and
/// `route_transfers` (points). Atomic; throws formats::WriteError.
void write_routes_gpkg(const Network& net, const std::vector<LabelledRoute>& routes,
                       const std::filesystem::path& file, const ResultInfo& info);

/// Layers `matrix` (a table: one row per origin-destination pair, NULL totals when unreachable)
/// and `matrix_lines` (a straight line from each origin to each reachable destination, with the
/// same attributes). Atomic; throws formats::WriteError.
void write_matrix_gpkg(const Network& net, const Matrix& m, const std::filesystem::path& file,
                       const ResultInfo& info);

/// Layers `impact_pairs` (a straight line per ordered pair, before/after km, hours and USD, the
/// change and its delta), `impact_routes` (the changed pairs' routes before and after, along the
/// links' lines) and `impact_places`. `routes` is parallel to `im.pairs`. Atomic; throws
/// formats::WriteError.
void write_impact_gpkg(const Network& before, const Network& after, const Impact& im,
                       const std::vector<report::PairRoutes>& routes,
                       const std::filesystem::path& file, const ResultInfo& info);

} // namespace caravan::storage
