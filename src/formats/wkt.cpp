// WKT LINESTRING reading and writing.
#include "formats/wkt.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>

namespace caravan::formats {
namespace {

void skip_spaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
}

std::optional<double> read_number(std::string_view s, std::size_t& i) {
  skip_spaces(s, i);
  double v = 0;
  const char* begin = s.data() + i;
  // from_chars does not accept a leading '+' (nor may a sign follow it: "+-1").
  if (i < s.size() && s[i] == '+') {
    ++begin;
    if (i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '+')) return std::nullopt;
  }
  const auto [end, ec] = std::from_chars(begin, s.data() + s.size(), v);
  if (ec != std::errc() || !std::isfinite(v)) return std::nullopt;
  i = static_cast<std::size_t>(end - s.data());
  return v;
}

} // namespace

std::optional<std::vector<LatLon>> parse_wkt_linestring(std::string_view s, std::string& error) {
  std::size_t i = 0;
  skip_spaces(s, i);
  constexpr std::string_view kKeyword = "LINESTRING";
  if (s.size() - i < kKeyword.size()) {
    error = "expected 'LINESTRING (lon lat, ...)'";
    return std::nullopt;
  }
  for (std::size_t k = 0; k < kKeyword.size(); ++k)
    if (std::toupper(static_cast<unsigned char>(s[i + k])) != kKeyword[k]) {
      error = "expected 'LINESTRING (lon lat, ...)'";
      return std::nullopt;
    }
  i += kKeyword.size();
  skip_spaces(s, i);
  if (i >= s.size() || s[i] != '(') {
    error = "expected '(' after LINESTRING";
    return std::nullopt;
  }
  ++i;
  std::vector<LatLon> pts;
  while (true) {
    const std::size_t n = pts.size() + 1;
    const auto lon = read_number(s, i);
    const auto lat = lon ? read_number(s, i) : std::nullopt;
    if (!lon || !lat) {
      error = fmt::format("point {}: expected two numbers 'lon lat'", n);
      return std::nullopt;
    }
    if (std::abs(*lat) > 90.0) {
      error =
          fmt::format("point {}: latitude {} is outside [-90, 90] (WKT order is lon lat)", n, *lat);
      return std::nullopt;
    }
    if (std::abs(*lon) > 180.0) {
      error = fmt::format("point {}: longitude {} is outside [-180, 180]", n, *lon);
      return std::nullopt;
    }
    pts.push_back({*lat, *lon});
    skip_spaces(s, i);
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    if (i < s.size() && s[i] == ')') {
      ++i;
      break;
    }
    error = fmt::format("point {}: expected ',' or ')' after it", n);
    return std::nullopt;
  }
  skip_spaces(s, i);
  if (i != s.size()) {
    error = "unexpected text after the closing ')'";
    return std::nullopt;
  }
  if (pts.size() < 2) {
    error = "a LINESTRING needs at least 2 points";
    return std::nullopt;
  }
  return pts;
}

std::string format_wkt_linestring(std::span<const LatLon> points) {
  std::string out = "LINESTRING (";
  for (std::size_t k = 0; k < points.size(); ++k)
    out += fmt::format("{}{} {}", k ? ", " : "", points[k].lon, points[k].lat);
  out += ")";
  return out;
}

} // namespace caravan::formats
