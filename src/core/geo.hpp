// Geographic coordinates and great-circle distance.
#pragma once

#include "core/units.hpp"

#include <algorithm>
#include <cmath>

namespace caravan {

struct LatLon {
  double lat = 0.0;
  double lon = 0.0;
};

inline constexpr double kEarthRadiusKm = 6371.0088; // IUGG mean radius

/// Great-circle distance by the haversine formula on a sphere of mean Earth radius.
inline Km great_circle(LatLon a, LatLon b) {
  constexpr double kDeg = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * kDeg;
  const double dlon = (b.lon - a.lon) * kDeg;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kDeg) * std::cos(b.lat * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return Km(2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h))));
}

} // namespace caravan
