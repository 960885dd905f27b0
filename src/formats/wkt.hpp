// Well-known text (WKT) LINESTRINGs: the geometry column of a network's geometry.csv, which QGIS's
// delimited-text layer and GDAL's CSV driver read as they are.
#pragma once

#include "core/geo.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caravan::formats {

/// Parses `LINESTRING (lon lat, lon lat, ...)` (case-insensitive keyword, any spacing). Returns the
/// points, or nullopt with `error` saying what is wrong (e.g. "point 3: latitude 95 is outside
/// [-90, 90]").
std::optional<std::vector<LatLon>> parse_wkt_linestring(std::string_view text, std::string& error);

/// `LINESTRING (lon lat, ...)` with the shortest decimal form that reads back to the same value.
std::string format_wkt_linestring(std::span<const LatLon> points);

} // namespace caravan::formats
