// Polylines on the sphere: length, Douglas–Peucker simplification and the shape checks that
// `caravan validate` runs on link geometry.
#pragma once

#include "core/geo.hpp"
#include "core/units.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace caravan {

/// Sum of the great-circle lengths of the segments.
Km polyline_length(std::span<const LatLon> points);

/// Douglas–Peucker: the subset of `points` (ends kept) within `tolerance` of the original line,
/// distances measured on a local equirectangular projection (good to well under 1 % for segments
/// of a few hundred km). A tolerance <= 0 returns the points unchanged.
std::vector<LatLon> simplify(std::span<const LatLon> points, Km tolerance);

/// Index of the first vertex where the line turns back on itself (the angle between the incoming
/// and the outgoing segment is under `min_angle_deg`), or -1. Repeated points count as one vertex
/// (the index is the first of them). Such a spike is almost always a joining error (a way taken
/// twice, a stray point).
long find_spike(std::span<const LatLon> points, double min_angle_deg = 10.0);

/// Indices (i, j) of the first two non-adjacent segments that cross, or (-1, -1).
struct SegmentPair {
  long first = -1;
  long second = -1;
};
SegmentPair find_self_crossing(std::span<const LatLon> points);

} // namespace caravan
