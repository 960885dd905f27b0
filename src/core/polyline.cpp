// Polylines on the sphere: length, simplification and shape checks.
#include "core/polyline.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace caravan {
namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

struct Xy {
  double x = 0;
  double y = 0;
};

/// Equirectangular projection in km around latitude `lat0`.
Xy project(LatLon p, double lat0) {
  return {p.lon * kDeg * std::cos(lat0 * kDeg) * kEarthRadiusKm, p.lat * kDeg * kEarthRadiusKm};
}

double segment_distance(Xy p, Xy a, Xy b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

double cross(Xy o, Xy a, Xy b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool segments_cross(Xy a, Xy b, Xy c, Xy d) {
  const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

double mean_lat(std::span<const LatLon> points) {
  double s = 0;
  for (const LatLon& p : points) s += p.lat;
  return points.empty() ? 0.0 : s / static_cast<double>(points.size());
}

} // namespace

Km polyline_length(std::span<const LatLon> points) {
  double km = 0;
  for (std::size_t i = 1; i < points.size(); ++i)
    km += great_circle(points[i - 1], points[i]).value();
  return Km(km);
}

std::vector<LatLon> simplify(std::span<const LatLon> points, Km tolerance) {
  if (tolerance.value() <= 0 || points.size() < 3) return {points.begin(), points.end()};
  const double lat0 = mean_lat(points);
  std::vector<Xy> xy(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) xy[i] = project(points[i], lat0);
  std::vector<std::uint8_t> keep(points.size(), 0);
  keep.front() = keep.back() = 1;
  // Iterative Douglas–Peucker with an explicit stack (long lines would overflow recursion).
  std::vector<std::pair<std::size_t, std::size_t>> stack{{0, points.size() - 1}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    double worst = -1;
    std::size_t at = a;
    for (std::size_t i = a + 1; i < b; ++i) {
      const double d = segment_distance(xy[i], xy[a], xy[b]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance.value()) {
      keep[at] = 1;
      stack.emplace_back(a, at);
      stack.emplace_back(at, b);
    }
  }
  std::vector<LatLon> out;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (keep[i]) out.push_back(points[i]);
  return out;
}

long find_spike(std::span<const LatLon> points, double min_angle_deg) {
  if (points.size() < 3) return -1;
  const double lat0 = mean_lat(points);
  const double cos_limit = std::cos(min_angle_deg * kDeg);
  // The distinct vertices (a repeated point is one vertex: it must not hide a turn back).
  std::vector<std::size_t> at;
  std::vector<Xy> xy;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Xy p = project(points[i], lat0);
    if (!xy.empty() && p.x == xy.back().x && p.y == xy.back().y) continue;
    at.push_back(i);
    xy.push_back(p);
  }
  for (std::size_t k = 1; k + 1 < xy.size(); ++k) {
    const Xy a = xy[k - 1], b = xy[k], c = xy[k + 1];
    const double ux = a.x - b.x, uy = a.y - b.y, vx = c.x - b.x, vy = c.y - b.y;
    const double lu = std::hypot(ux, uy), lv = std::hypot(vx, vy);
    // The angle at b between the way back (to a) and the way on (to c): near 0 = turned back.
    if ((ux * vx + uy * vy) / (lu * lv) > cos_limit) return static_cast<long>(at[k]);
  }
  return -1;
}

SegmentPair find_self_crossing(std::span<const LatLon> points) {
  if (points.size() < 4) return {};
  const double lat0 = mean_lat(points);
  std::vector<Xy> xy(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) xy[i] = project(points[i], lat0);
  const std::size_t segs = points.size() - 1;
  // Sweep over segments sorted by their smallest x: only overlapping x-ranges are compared.
  std::vector<std::size_t> order(segs);
  for (std::size_t i = 0; i < segs; ++i) order[i] = i;
  auto lo = [&](std::size_t s) { return std::min(xy[s].x, xy[s + 1].x); };
  auto hi = [&](std::size_t s) { return std::max(xy[s].x, xy[s + 1].x); };
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return lo(a) < lo(b); });
  for (std::size_t k = 0; k < segs; ++k) {
    const std::size_t s = order[k];
    for (std::size_t m = k + 1; m < segs && lo(order[m]) <= hi(s); ++m) {
      const std::size_t t = order[m];
      if (t + 1 == s || s + 1 == t) continue; // neighbours share a vertex
      if (segments_cross(xy[s], xy[s + 1], xy[t], xy[t + 1]))
        return {static_cast<long>(std::min(s, t)), static_cast<long>(std::max(s, t))};
    }
  }
  return {};
}

} // namespace caravan
