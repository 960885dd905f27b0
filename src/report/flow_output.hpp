// Assigned freight flows on the network's links, drawn along the links' real lines (GeoJSON).
#pragma once

#include "assign/freight.hpp"
#include "core/network.hpp"
#include "report/route_geometry.hpp"

#include <nlohmann/json.hpp>

namespace caravan::report {

/// One LineString per loaded arc (a link in its direction of travel) with TEU/day and /year, the
/// capacity and flow/capacity where the link has one, free-flow and congested hours, and the
/// line's geometry_source.
nlohmann::ordered_json flows_to_geojson(const Network& net, const freight::FreightResult& r,
                                        const GeometryOptions& geometry = {});

} // namespace caravan::report
