// The line a link follows on the ground or at sea, and where that line comes from. Kept apart from
// the link itself: the search never reads it, the writers look it up.
#pragma once

#include "core/geo.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caravan {

/// Where a link's drawn line comes from, from best to worst. `schematic` is a guess (a straight
/// line, or one drawn through named places) and every output says so.
enum class GeometrySource : std::uint8_t {
  osm_track,    ///< measured on OpenStreetMap railway track
  osm_road,     ///< measured on OpenStreetMap roads (a network built from an extract)
  osm_stations, ///< through the chain of the line's OpenStreetMap stations
  marnet,       ///< along the Eurostat MARNET shipping lanes
  schematic,    ///< not surveyed: a straight line between the nodes or a sketch
};
inline constexpr std::array<GeometrySource, 5> kAllGeometrySources{
    GeometrySource::osm_track, GeometrySource::osm_road, GeometrySource::osm_stations,
    GeometrySource::marnet, GeometrySource::schematic};

constexpr std::string_view to_string(GeometrySource s) {
  switch (s) {
  case GeometrySource::osm_track:
    return "osm-track";
  case GeometrySource::osm_road:
    return "osm-road";
  case GeometrySource::osm_stations:
    return "osm-stations";
  case GeometrySource::marnet:
    return "marnet";
  case GeometrySource::schematic:
    return "schematic";
  }
  return "?";
}

constexpr std::optional<GeometrySource> parse_geometry_source(std::string_view s) {
  for (GeometrySource g : kAllGeometrySources)
    if (to_string(g) == s) return g;
  return std::nullopt;
}

/// A link's polyline from its `from` node to its `to` node. An empty `points` means no geometry
/// is known: the link is drawn as a straight, schematic line between its nodes.
struct LinkGeometry {
  GeometrySource source = GeometrySource::schematic;
  std::vector<LatLon> points;
  std::string note; ///< how the line was made (data set, commit, method)
};

} // namespace caravan
