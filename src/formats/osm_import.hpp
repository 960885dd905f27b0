// Import of an OpenStreetMap PBF extract (roads, rail, ferries) into the network model, via
// libosmium.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/network.hpp"

namespace caravan::formats {

/// Progress of an import, reported through `OsmImportOptions::progress`.
struct OsmImportProgress {
  std::string_view phase;  ///< "ways", "nodes", "network"
  std::uint64_t done = 0;  ///< bytes of the file read (ways, nodes) or links made (network)
  std::uint64_t total = 0; ///< file size in bytes, or links to make
};

/// What to import and the per-mode defaults. Speeds are the caps for freight: the speed of a way is
/// min(its maxspeed tag or the class default, the cap). Costs and CO2 factors default to the
/// typical values of data/eurasia (road 0.95 USD/TEU-km and 110 g/tkm, rail 0.3 USD/TEU-km and
/// 22 g/tkm, ferry 800 USD/TEU per crossing and 150 g/tkm).
struct OsmImportOptions {
  std::string country = "ZZ"; ///< ISO 3166-1 alpha-2 given to every node (ZZ: unknown)
  bool roads = true;
  bool rail = true;
  bool ferries = true;
  double road_speed_cap_kmh = 90.0;
  double rail_speed_cap_kmh = 100.0;
  double rail_default_speed_kmh = 60.0;
  double ferry_speed_kmh = 20.0;
  /// Time to change between road and ferry where their links meet (a transfer is written there).
  double ferry_transfer_h = 1.0;
  /// Gauge assumed for railway=rail ways without a gauge tag (1435 or 1520).
  int default_gauge_mm = 1435;
  double road_usd_per_teu_km = 0.95;
  double rail_usd_per_teu_km = 0.3;
  double ferry_usd_per_teu = 800.0;
  double road_co2_g_per_tkm = 110.0;
  double rail_co2_g_per_tkm = 22.0;
  double ferry_co2_g_per_tkm = 150.0;
  std::function<void(const OsmImportProgress&)> progress;
};

/// Counts of what was read, kept and dropped.
struct OsmImportStats {
  std::uint64_t road_ways = 0;
  std::uint64_t rail_ways = 0;
  std::uint64_t ferry_ways = 0;
  std::uint64_t rail_ways_other_gauge = 0;  ///< skipped: gauge neither 1435 nor 1520/1524 mm
  std::uint64_t segments_missing_nodes = 0; ///< skipped: a referenced node is not in the file
  std::uint64_t nodes_before_component = 0;
  std::uint64_t nodes_dropped_by_component = 0;
};

struct OsmImportResult {
  Network network;
  OsmImportStats stats;
};

/// Reads `pbf` (any format libosmium reads: .osm.pbf, .osm, .osm.bz2 ...) in two passes (ways,
/// then the nodes they use). Selected ways:
///  - roads: highway=motorway|trunk|primary|secondary|tertiary (and their _link),
///    unclassified, residential, living_street; oneway from `oneway` (yes/true/1/-1),
///    implied for motorways and roundabouts;
///  - rail: railway=rail with gauge 1435 -> rail_1435, 1520/1524 -> rail_1520 (the first value of
///    a multi-gauge tag); usage and service tags are kept in the link's `source`;
///  - ferries: route=ferry ways (duration tag `HH:MM` used when present).
/// Network nodes are the ends of ways and the OSM nodes shared by two or more selected ways; a
/// link is the piece of a way between two consecutive network nodes, its length the sum of the
/// great-circle distances along the way's geometry. Rail is a network of its own: an OSM node
/// shared by rail and road (a level crossing) becomes two nodes (`osm<id>` and `osm_rail<id>`), so
/// that no mode change happens there. Where road and ferry meet, transfers in both directions
/// (`ferry_transfer_h`, no charge) are added. The largest weakly connected component of the
/// road + ferry network and the largest of the rail network are kept. Throws
/// std::runtime_error when the file cannot be read.
[[nodiscard]] OsmImportResult import_osm(const std::filesystem::path& pbf,
                                         const OsmImportOptions& options = {});

/// Same, from OSM data in memory; `format` is libosmium's format name ("pbf", "osm", "opl").
/// Throws std::runtime_error (libosmium's errors) on malformed data.
[[nodiscard]] OsmImportResult import_osm_data(std::string_view data, const std::string& format,
                                              const OsmImportOptions& options = {});

/// Parses an OSM `maxspeed` value ("50", "50 km/h", "30 mph"); returns 0 when it has no number
/// (e.g. "none", "RU:urban").
[[nodiscard]] double parse_maxspeed_kmh(std::string_view value);

} // namespace caravan::formats
