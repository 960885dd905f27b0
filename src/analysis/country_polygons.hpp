// Country outlines (simplified polygons) and the "does this point lie in this country" test.
#pragma once

#include "core/geo.hpp"
#include "core/units.hpp"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace caravan {

/// Rings of one country; a point is inside when it lies inside an odd number of rings, so outer
/// rings of several islands and holes are handled alike.
struct CountryShape {
  std::vector<std::vector<LatLon>> rings;
};

class CountryPolygonsError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Country outlines keyed by ISO 3166-1 alpha-2 code.
class CountryPolygons {
public:
  /// Parses the JSON text written by data/eurasia/tools/country_polygons.py:
  /// {"source": "...", "countries": {"KZ": [[[lon, lat], ...], ...], ...}}. Throws
  /// CountryPolygonsError naming what is wrong.
  static CountryPolygons parse(std::string_view json_text);

  void add(std::string iso2, CountryShape shape) { shapes_[std::move(iso2)] = std::move(shape); }
  [[nodiscard]] const CountryShape* find(std::string_view iso2) const;
  [[nodiscard]] const std::string& source() const { return source_; }
  [[nodiscard]] std::size_t size() const { return shapes_.size(); }

  /// Even-odd point-in-polygon test on longitude/latitude.
  [[nodiscard]] static bool contains(const CountryShape& s, LatLon p);
  /// Shortest distance from `p` to the outline of `s` (local equirectangular approximation, good to
  /// well under 1 % for the few kilometres it is used for).
  [[nodiscard]] static Km distance_to_outline(const CountryShape& s, LatLon p);
  /// The countries whose outline contains `p`.
  [[nodiscard]] std::vector<std::string> countries_at(LatLon p) const;

private:
  std::map<std::string, CountryShape, std::less<>> shapes_;
  std::string source_;
};

} // namespace caravan
