// Reading the railway track and the major roads of an OpenStreetMap extract as line graphs (every
// way vertex kept, ways joined where they share an OSM node), via libosmium.
#pragma once

#include "core/line_graph.hpp"
#include "formats/osm_import.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace caravan::formats {

struct OsmLinesOptions {
  bool rail = true;  ///< railway=rail ways (any gauge, service tracks included)
  bool roads = true; ///< highway=motorway|trunk|primary and their _link ways
  /// Progress in the phases "ways" and "nodes" (bytes of the file read); may be empty.
  std::function<void(const OsmImportProgress&)> progress;
};

/// The lines of an extract and what was read.
struct OsmLines {
  LineGraph rail;
  LineGraph road;
  std::uint64_t rail_ways = 0;
  std::uint64_t road_ways = 0;
  /// Segments left out because an end node is not in the file (ways cut at the extract's edge).
  std::uint64_t segments_missing_nodes = 0;
  /// The extract's replication timestamp from its header (Geofabrik sets it), or "".
  std::string timestamp;
};

/// Reads `file` (any format libosmium reads: .osm.pbf, .osm, .osm.bz2 ...) in two passes (ways,
/// then the nodes they use). Rail and road are separate graphs: a level crossing joins nothing.
/// Throws std::runtime_error when the file cannot be read or is malformed.
[[nodiscard]] OsmLines read_osm_lines(const std::filesystem::path& file,
                                      const OsmLinesOptions& options = {});

/// Same, from OSM data in memory; `format` is libosmium's format name ("pbf", "osm", "opl").
[[nodiscard]] OsmLines read_osm_lines_data(std::string_view data, const std::string& format,
                                           const OsmLinesOptions& options = {});

} // namespace caravan::formats
