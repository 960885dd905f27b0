// Matching a network's links to the lines of a map (railway track, roads): each link's end nodes
// are snapped to the nearest line vertex, the shortest path along the lines joins them, and its
// length is measured on every vertex, before any simplification.
#pragma once

#include "core/line_graph.hpp"
#include "core/link_geometry.hpp"
#include "core/network.hpp"
#include "core/units.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace caravan {

/// Why a link could not be matched to the lines.
enum class LineMatchFailure : std::uint8_t {
  none,
  from_too_far, ///< no line vertex within the snap distance of the `from` end
  to_too_far,   ///< no line vertex within the snap distance of the `to` end
  not_joined,   ///< both ends are near lines, but no line joins them
  same_point,   ///< both ends snap to the same vertex
};
std::string_view to_string(LineMatchFailure f);
/// A sentence for reports: "no line within 5 km of the from node", ...
std::string_view describe(LineMatchFailure f);

/// The two ends of a line to find.
struct LineEnds {
  LatLon from;
  LatLon to;
};

struct LineMatchOptions {
  /// An end is snapped to the nearest line vertex no farther than this (great-circle). Where
  /// lines that do not join come near an end, the pair of vertices on one joined set of lines
  /// with the smallest sum of the two snap distances is taken.
  Km snap{5.0};
  /// Called after each link is matched (done, total); may be empty.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// The line found between two ends.
struct LineMatch {
  LineMatchFailure failure = LineMatchFailure::none;
  /// Length along the lines from the snapped `from` vertex to the snapped `to` vertex (the sum of
  /// great-circle segment lengths over every vertex); the short snaps are not included.
  Km length{0.0};
  Km snap_from{0.0}; ///< distance from the `from` end to its vertex
  Km snap_to{0.0};
  /// The path's vertices, snapped `from` vertex first (empty when not matched).
  std::vector<LatLon> points;

  [[nodiscard]] bool matched() const { return failure == LineMatchFailure::none; }
};

/// Finds the shortest path along `lines` (by length; lines are two-way) between the ends of each
/// request; results in request order. Throws std::invalid_argument when a segment names a vertex
/// that does not exist.
[[nodiscard]] std::vector<LineMatch> match_lines(const LineGraph& lines,
                                                 std::span<const LineEnds> requests,
                                                 const LineMatchOptions& options = {});

/// Which links to measure, and when a difference is worth a flag.
struct RemeasureOptions {
  Km snap{5.0};
  bool rail = true;          ///< rail_1435 and rail_1520 links, on the rail lines
  bool road = true;          ///< road links, on the road lines
  double flag_percent = 3.0; ///< flag a matched link whose length differs by more than this
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// One rail or road link measured on the lines.
struct LinkRemeasure {
  LinkId link;
  GeometrySource source = GeometrySource::schematic; ///< osm_track (rail) or osm_road (road)
  Km sourced{0.0};                                   ///< the link's length_km
  LineMatch match;
  /// (measured - sourced) / sourced × 100; 0 when not matched or when `sourced` is 0.
  double difference_percent = 0.0;
  bool flagged = false; ///< matched, and |difference_percent| > flag_percent
};

/// Measures every rail link of `net` on `rail_lines` and every road link on `road_lines` (those
/// the options select; other modes are left out), in link order.
[[nodiscard]] std::vector<LinkRemeasure> remeasure_links(const Network& net,
                                                         const LineGraph& rail_lines,
                                                         const LineGraph& road_lines,
                                                         const RemeasureOptions& options = {});

} // namespace caravan
