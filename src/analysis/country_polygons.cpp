// Parsing country outlines from JSON and testing points against them.
#include "analysis/country_polygons.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace caravan {

CountryPolygons CountryPolygons::parse(std::string_view json_text) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw CountryPolygonsError(std::string("country polygons: not valid JSON: ") + e.what());
  }
  if (!doc.is_object() || !doc.contains("countries") || !doc["countries"].is_object())
    throw CountryPolygonsError("country polygons: expected an object with a 'countries' object");
  CountryPolygons out;
  if (doc.contains("source") && doc["source"].is_string())
    out.source_ = doc["source"].get<std::string>();
  for (const auto& [code, rings] : doc["countries"].items()) {
    if (!rings.is_array())
      throw CountryPolygonsError("country polygons: '" + code + "' is not a list of rings");
    CountryShape shape;
    for (const auto& ring : rings) {
      if (!ring.is_array() || ring.size() < 3)
        throw CountryPolygonsError("country polygons: '" + code +
                                   "' has a ring with fewer than 3 points");
      std::vector<LatLon> pts;
      pts.reserve(ring.size());
      for (const auto& p : ring) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
          throw CountryPolygonsError("country polygons: '" + code +
                                     "' has a point that is not [lon, lat]");
        pts.push_back(LatLon{p[1].get<double>(), p[0].get<double>()});
      }
      shape.rings.push_back(std::move(pts));
    }
    out.add(code, std::move(shape));
  }
  return out;
}

const CountryShape* CountryPolygons::find(std::string_view iso2) const {
  auto it = shapes_.find(iso2);
  return it == shapes_.end() ? nullptr : &it->second;
}

bool CountryPolygons::contains(const CountryShape& s, LatLon p) {
  bool inside = false;
  for (const auto& ring : s.rings) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      const LatLon a = ring[i];
      const LatLon b = ring[j];
      if ((a.lat > p.lat) != (b.lat > p.lat) &&
          p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
        inside = !inside;
    }
  }
  return inside;
}

Km CountryPolygons::distance_to_outline(const CountryShape& s, LatLon p) {
  constexpr double kDeg = 3.14159265358979323846 / 180.0;
  const double km_per_deg = kEarthRadiusKm * kDeg;
  const double kx = std::cos(p.lat * kDeg) * km_per_deg;
  double best = std::numeric_limits<double>::infinity();
  for (const auto& ring : s.rings) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      const double ax = (ring[j].lon - p.lon) * kx, ay = (ring[j].lat - p.lat) * km_per_deg;
      const double bx = (ring[i].lon - p.lon) * kx, by = (ring[i].lat - p.lat) * km_per_deg;
      const double dx = bx - ax, dy = by - ay;
      const double len2 = dx * dx + dy * dy;
      const double t = len2 == 0.0 ? 0.0 : std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0);
      best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
    }
  }
  return Km(best);
}

std::vector<std::string> CountryPolygons::countries_at(LatLon p) const {
  std::vector<std::string> out;
  for (const auto& [code, shape] : shapes_)
    if (contains(shape, p)) out.push_back(code);
  return out;
}

} // namespace caravan
