// The lines routes are drawn with: each leg's links, in travel order, with their real polylines
// and where each line comes from, grouped into sections of one geometry source.
#pragma once

#include "core/link_geometry.hpp"
#include "core/network.hpp"
#include "route/route.hpp"

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

namespace caravan::report {

/// How much geometry results carry.
struct GeometryOptions {
  bool include = true; ///< false: no coordinates in JSON (GeoJSON always has them)
  Km simplify{0.0};    ///< Douglas–Peucker tolerance applied to each link's line; 0 = as stored
};

/// A run of consecutive links of one leg whose lines share a geometry source.
struct GeometrySection {
  GeometrySource source = GeometrySource::schematic;
  double km = 0.0; ///< sum of the links' length_km
  std::vector<LinkId> links;
  std::vector<LatLon> points; ///< joined lines, in travel order
};

/// The sections of a run of arcs (a leg), in travel order.
std::vector<GeometrySection> arc_sections(const Network& net, std::span<const ArcId> arcs,
                                          const GeometryOptions& opt);

/// All points of the sections, joined (shared vertices once).
std::vector<LatLon> join_sections(const std::vector<GeometrySection>& sections);

/// [[lon, lat], ...] with 5 decimals (about 1 m).
nlohmann::ordered_json coordinates_json(std::span<const LatLon> points);

/// The geometry source of a set of sections: the single one, or "mixed".
std::string sections_source(const std::vector<GeometrySection>& sections);
/// {"osm-stations": km, "schematic": km, ...} over the sections.
nlohmann::ordered_json sections_km(const std::vector<GeometrySection>& sections);
/// The whole route as one line (legs joined), for matrices and impact lines.
std::vector<LatLon> route_points(const Network& net, const Route& r, const GeometryOptions& opt);

} // namespace caravan::report
