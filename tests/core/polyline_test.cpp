// Tests of the polyline functions behind link geometry: length, Douglas–Peucker simplification and
// the spike and self-crossing checks `caravan validate` runs, on small hand-drawn lines.
#include "core/polyline.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace caravan {
namespace {

constexpr double kPi = 3.14159265358979323846;
// One degree of a great circle on the sphere of mean Earth radius: 111.195 km.
constexpr double kKmPerDegree = kEarthRadiusKm * kPi / 180.0;

std::vector<LatLon> line(std::initializer_list<LatLon> pts) {
  return pts;
}

bool same(const std::vector<LatLon>& a, const std::vector<LatLon>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].lat != b[i].lat || a[i].lon != b[i].lon) return false;
  return true;
}

TEST(PolylineLength, AlongTheEquatorIsTheArc) {
  // 0 -> 1 -> 3 degrees east on the equator: 3 degrees of arc, 333.585 km.
  EXPECT_NEAR(polyline_length(line({{0, 0}, {0, 1}, {0, 3}})).value(), 3 * kKmPerDegree, 1e-9);
  EXPECT_NEAR(polyline_length(line({{0, 0}, {0, 1}, {0, 3}})).value(), 333.5852, 1e-3);
  // Along a meridian, 2 degrees: 222.390 km.
  EXPECT_NEAR(polyline_length(line({{0, 10}, {1, 10}, {2, 10}})).value(), 222.3902, 1e-3);
}

TEST(PolylineLength, AstanaKaragandaAlmatyMatchesHaversine) {
  // Haversine (R = 6371.0088 km) computed independently: 189.1468 + 785.0266 = 974.1734 km.
  const auto pts = line({{51.1282, 71.4304}, {49.8047, 73.1094}, {43.2389, 76.8897}});
  EXPECT_NEAR(polyline_length(pts).value(), 974.1734, 1e-3);
}

TEST(PolylineLength, FewerThanTwoPointsIsZero) {
  EXPECT_DOUBLE_EQ(polyline_length(line({})).value(), 0.0);
  EXPECT_DOUBLE_EQ(polyline_length(line({{43.65, 51.17}})).value(), 0.0);
  EXPECT_DOUBLE_EQ(polyline_length(line({{43.65, 51.17}, {43.65, 51.17}})).value(), 0.0);
}

TEST(Simplify, DropsCollinearPointsAndKeepsTheEnds) {
  const auto pts = line({{0, 0}, {0, 0.1}, {0, 0.2}, {0, 0.3}, {0, 0.4}});
  EXPECT_TRUE(same(simplify(pts, Km(0.001)), line({{0, 0}, {0, 0.4}})));
}

TEST(Simplify, KeepsAPointFartherThanTheTolerance) {
  // The middle point lies 0.01 degree (1.112 km) off the straight line from end to end.
  const auto pts = line({{0, 0}, {0.01, 1}, {0, 2}});
  EXPECT_TRUE(same(simplify(pts, Km(2.0)), line({{0, 0}, {0, 2}})));
  EXPECT_TRUE(same(simplify(pts, Km(1.2)), line({{0, 0}, {0, 2}})));
  EXPECT_TRUE(same(simplify(pts, Km(1.0)), pts));
  EXPECT_TRUE(same(simplify(pts, Km(0.1)), pts));
}

TEST(Simplify, KeepsOnlyTheBumpsOverTheTolerance) {
  // Along the equator with bumps of 0.005 (0.56 km), 0.03 (3.34 km) and 0.004 degree (0.44 km).
  const auto pts = line({{0, 0}, {0.005, 1}, {0, 2}, {0.03, 3}, {0, 4}, {0.004, 5}, {0, 6}});
  // At 1 km: the 3.34 km bump is kept, and with it the points that hold the line to the
  // equator on each side of it (2 and 4 lie 2.2 km from the lines 0-3 and 3-6).
  EXPECT_TRUE(same(simplify(pts, Km(1.0)), line({{0, 0}, {0, 2}, {0.03, 3}, {0, 4}, {0, 6}})));
  // At 4 km nothing but the ends.
  EXPECT_TRUE(same(simplify(pts, Km(4.0)), line({{0, 0}, {0, 6}})));
}

TEST(Simplify, EveryDroppedPointIsWithinTheTolerance) {
  // A wave along the equator, amplitude 0.02 degree (2.2 km), 201 points.
  std::vector<LatLon> pts;
  for (int i = 0; i <= 200; ++i) pts.push_back({0.02 * std::sin(i * 0.1), i * 0.01});
  const Km tol(0.5);
  const auto out = simplify(pts, tol);
  ASSERT_GE(out.size(), 2u);
  EXPECT_LT(out.size(), pts.size());
  EXPECT_EQ(out.front().lon, 0.0);
  EXPECT_EQ(out.back().lon, 2.0);
  // Near the equator degrees are (to 1e-8) a plane at 111.195 km per degree.
  auto distance_km = [](LatLon p, LatLon a, LatLon b) {
    const double px = p.lon, py = p.lat, ax = a.lon, ay = a.lat, bx = b.lon, by = b.lat;
    const double dx = bx - ax, dy = by - ay;
    double t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    t = std::fmax(0.0, std::fmin(1.0, t));
    return std::hypot(ax + t * dx - px, ay + t * dy - py) * kKmPerDegree;
  };
  std::size_t k = 0; // segment of `out` that covers pts[i]
  for (const LatLon& p : pts) {
    while (k + 2 < out.size() && p.lon > out[k + 1].lon) ++k;
    EXPECT_LE(distance_km(p, out[k], out[k + 1]), tol.value() + 1e-6) << "at lon " << p.lon;
  }
}

TEST(Simplify, ZeroToleranceOrTwoPointsReturnTheInput) {
  const auto pts = line({{0, 0}, {0, 0.1}, {0, 0.2}});
  EXPECT_TRUE(same(simplify(pts, Km(0.0)), pts));
  EXPECT_TRUE(same(simplify(pts, Km(-1.0)), pts));
  const auto two = line({{1, 1}, {2, 2}});
  EXPECT_TRUE(same(simplify(two, Km(1000.0)), two));
}

TEST(FindSpike, ALineThatTurnsBackIsASpike) {
  // East 1 degree, then back west almost on the same line: the angle at point 1 is 0.06 degree.
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 1}, {0.001, 0}})), 1);
  // The first of two spikes.
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 1}, {0, 2}, {0.001, 1}, {0.002, 2}})), 2);
}

TEST(FindSpike, TurnsWiderThanTheLimitAreNot) {
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 1}, {0, 2}})), -1); // straight on
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 1}, {1, 1}})), -1); // a right angle
  // A hairpin of 20 degrees at point 1: a spike only with a limit above 20.
  const double a = 20.0 * kPi / 180.0;
  const auto hairpin = line({{0, 0}, {0, 1}, {0.5 * std::sin(a), 1 - 0.5 * std::cos(a)}});
  EXPECT_EQ(find_spike(hairpin), -1);
  EXPECT_EQ(find_spike(hairpin, 15.0), -1);
  EXPECT_EQ(find_spike(hairpin, 25.0), 1);
}

TEST(FindSpike, RepeatedPointsAndShortLinesAreNotSpikes) {
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 1}, {0, 1}, {0, 2}})), -1);
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 1}})), -1);
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 0}, {0, 0}})), -1);
}

TEST(FindSpike, ARepeatedPointDoesNotHideASpike) {
  // The turn back at lon 1 is made through a doubled (and a tripled) vertex: found at its first.
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 1}, {0, 1}, {0.001, 0}})), 1);
  EXPECT_EQ(find_spike(line({{0, 0}, {0, 0.5}, {0, 1}, {0, 1}, {0, 1}, {0.001, 0}})), 2);
}

TEST(FindSelfCrossing, ReportsTheFirstTwoSegmentsThatCross) {
  // East along the equator, up, then straight down through the first segment at lon 1.
  EXPECT_EQ(find_self_crossing(line({{0, 0}, {0, 2}, {1, 1}, {-1, 1}})).first, 0);
  EXPECT_EQ(find_self_crossing(line({{0, 0}, {0, 2}, {1, 1}, {-1, 1}})).second, 2);
  // Drawn westwards (the sweep sorts segments by longitude): segments 0 and 2 still.
  const SegmentPair w = find_self_crossing(line({{0, 3}, {0, 0}, {1, 1}, {-1, 2}}));
  EXPECT_EQ(w.first, 0);
  EXPECT_EQ(w.second, 2);
  // A loop back across the start: segment 3 (down at lon 2) crosses segment 0; indices from 0.
  const SegmentPair loop =
      find_self_crossing(line({{0, 0}, {0, 3}, {1, 3}, {1, 2}, {-1, 2}, {-1, 4}}));
  EXPECT_EQ(loop.first, 0);
  EXPECT_EQ(loop.second, 3);
}

TEST(FindSelfCrossing, LinesThatDoNotCross) {
  // A U turn with sides apart, a zig-zag, and a closed ring (its ends meet but do not cross).
  EXPECT_EQ(find_self_crossing(line({{0, 0}, {0, 2}, {1, 2}, {1, 0}})).first, -1);
  EXPECT_EQ(find_self_crossing(line({{0, 0}, {1, 1}, {0, 2}, {1, 3}, {0, 4}})).first, -1);
  EXPECT_EQ(find_self_crossing(line({{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}})).first, -1);
  // Three points cannot cross themselves.
  EXPECT_EQ(find_self_crossing(line({{0, 0}, {0, 2}, {0.001, 0}})).first, -1);
}

} // namespace
} // namespace caravan
