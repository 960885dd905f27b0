// Where the tracks or roads of a map run: vertices on the ground joined by straight segments, with
// the junctions where lines share a vertex. Made by readers (an OpenStreetMap extract), matched
// against a network's links by analysis/line_matching.
#pragma once

#include "core/geo.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace caravan {

/// An undirected graph of line vertices. Lines join where they share a vertex (a junction is any
/// vertex with other than two segments); segments given twice are allowed (overlapping ways).
struct LineGraph {
  std::vector<LatLon> vertices;
  std::vector<std::array<std::uint32_t, 2>> segments; ///< indices into `vertices`

  [[nodiscard]] bool empty() const { return segments.empty(); }
};

} // namespace caravan
