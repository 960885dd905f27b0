// The whole network as GeoJSON for maps: a Point per node and a LineString per link.
#pragma once

#include "core/network.hpp"

#include <nlohmann/json.hpp>

namespace caravan::report {

/// A FeatureCollection. Node features carry {"kind":"node", id, name, country, node_kind, region,
/// aliases}; link features carry {"kind":"link", id, from, to, mode, status, open_year, km, hours,
/// usd, corridors, geometry_source, schematic} and the link's real line (a straight, schematic line
/// where it has none). The collection's properties list the corridors and countries.
nlohmann::ordered_json network_to_geojson(const Network& net);

} // namespace caravan::report
