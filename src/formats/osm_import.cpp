// OSM import: ways pass (classify, count node uses), nodes pass (locations), split into links, keep
// components.
#include "formats/osm_import.hpp"
#include "formats/osm_pbf_errors.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <unordered_map>

#include <osmium/handler.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/visitor.hpp>

#include "core/geo.hpp"
#include "graph/graph.hpp"

namespace caravan::formats {

namespace {

struct WayRecord {
  std::int64_t osm_id = 0;
  Mode mode = Mode::road;
  double speed_kmh = 0;
  double duration_h = 0; ///< whole-way running time for ferries with a duration tag, else 0
  int oneway = 0;        ///< 0 two-way, 1 along the way, -1 against it
  std::uint32_t first_ref = 0;
  std::uint32_t ref_count = 0;
  std::string note; ///< rail usage/service for the link's source
};

double road_default_speed(std::string_view highway) {
  static const std::pair<std::string_view, double> kSpeeds[] = {
      {"motorway", 100},     {"trunk", 80},        {"primary", 65},      {"secondary", 55},
      {"tertiary", 45},      {"unclassified", 35}, {"residential", 25},  {"living_street", 10},
      {"motorway_link", 50}, {"trunk_link", 45},   {"primary_link", 40}, {"secondary_link", 35},
      {"tertiary_link", 30}};
  for (const auto& [k, v] : kSpeeds) {
    if (k == highway) return v;
  }
  return 0; // not a road we import
}

/// "HH:MM" or "HH:MM:SS" in hours; 0 if unparseable.
double parse_duration_h(std::string_view s) {
  double parts[3] = {0, 0, 0};
  int n = 0;
  std::size_t i = 0;
  while (i <= s.size() && n < 3) {
    const std::size_t j = std::min(s.find(':', i), s.size());
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data() + i, s.data() + j, v);
    if (ec != std::errc() || end != s.data() + j) return 0;
    parts[n++] = v;
    i = j + 1;
  }
  if (n < 2) return 0;
  return parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
}

class WayCollector : public osmium::handler::Handler {
public:
  WayCollector(const OsmImportOptions& o, OsmImportStats& stats, std::vector<WayRecord>& ways,
               std::vector<std::int64_t>& refs)
      : o_(o), stats_(stats), ways_(ways), refs_(refs) {}

  void way(const osmium::Way& w) {
    const auto& tags = w.tags();
    WayRecord rec;
    rec.osm_id = w.id();
    if (const char* hw = tags["highway"]; hw != nullptr && o_.roads) {
      const double def = road_default_speed(hw);
      if (def <= 0) return;
      const char* ms = tags["maxspeed"];
      const double tagged = ms != nullptr ? parse_maxspeed_kmh(ms) : 0;
      rec.speed_kmh = std::min(tagged > 0 ? tagged : def, o_.road_speed_cap_kmh);
      const char* ow = tags["oneway"];
      const bool implied =
          std::strcmp(hw, "motorway") == 0 || tags.has_tag("junction", "roundabout");
      if (ow != nullptr && (std::strcmp(ow, "yes") == 0 || std::strcmp(ow, "true") == 0 ||
                            std::strcmp(ow, "1") == 0)) {
        rec.oneway = 1;
      } else if (ow != nullptr && std::strcmp(ow, "-1") == 0) {
        rec.oneway = -1;
      } else if (ow == nullptr && implied) {
        rec.oneway = 1;
      }
      rec.mode = Mode::road;
      ++stats_.road_ways;
    } else if (tags.has_tag("railway", "rail") && o_.rail) {
      int gauge = o_.default_gauge_mm;
      if (const char* g = tags["gauge"]; g != nullptr) {
        std::from_chars(g, g + std::strlen(g), gauge);
      }
      if (gauge == 1435) {
        rec.mode = Mode::rail_1435;
      } else if (gauge == 1520 || gauge == 1524) {
        rec.mode = Mode::rail_1520;
      } else {
        ++stats_.rail_ways_other_gauge;
        return;
      }
      const char* ms = tags["maxspeed"];
      const double tagged = ms != nullptr ? parse_maxspeed_kmh(ms) : 0;
      rec.speed_kmh =
          std::min(tagged > 0 ? tagged : o_.rail_default_speed_kmh, o_.rail_speed_cap_kmh);
      if (const char* u = tags["usage"]; u != nullptr) rec.note += std::string("; usage=") + u;
      if (const char* s = tags["service"]; s != nullptr) rec.note += std::string("; service=") + s;
      rec.note += "; gauge=" + std::to_string(gauge);
      ++stats_.rail_ways;
    } else if (tags.has_tag("route", "ferry") && o_.ferries) {
      rec.mode = Mode::ferry;
      rec.speed_kmh = o_.ferry_speed_kmh;
      if (const char* d = tags["duration"]; d != nullptr) rec.duration_h = parse_duration_h(d);
      ++stats_.ferry_ways;
    } else {
      return;
    }
    if (w.nodes().size() < 2) return;
    rec.first_ref = static_cast<std::uint32_t>(refs_.size());
    for (const auto& nr : w.nodes()) refs_.push_back(nr.ref());
    rec.ref_count = static_cast<std::uint32_t>(w.nodes().size());
    ways_.push_back(std::move(rec));
  }

private:
  const OsmImportOptions& o_;
  OsmImportStats& stats_;
  std::vector<WayRecord>& ways_;
  std::vector<std::int64_t>& refs_;
};

/// Locations of the OSM nodes in `ids` (sorted, unique), found in the nodes pass.
class NodeCollector : public osmium::handler::Handler {
public:
  NodeCollector(const std::vector<std::int64_t>& ids, std::vector<LatLon>& pos,
                std::vector<char>& found)
      : ids_(ids), pos_(pos), found_(found) {}
  void node(const osmium::Node& n) {
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), n.id());
    if (it == ids_.end() || *it != n.id() || !n.location().valid()) return;
    const auto i = static_cast<std::size_t>(it - ids_.begin());
    pos_[i] = {n.location().lat(), n.location().lon()};
    found_[i] = 1;
  }

private:
  const std::vector<std::int64_t>& ids_;
  std::vector<LatLon>& pos_;
  std::vector<char>& found_;
};

struct Piece {
  std::uint32_t way;
  std::uint32_t from; ///< index into the sorted node ids
  std::uint32_t to;
  double length_km;
};

} // namespace

double parse_maxspeed_kmh(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size() && value[i] == ' ') ++i;
  double v = 0;
  const auto [end, ec] = std::from_chars(value.data() + i, value.data() + value.size(), v);
  if (ec != std::errc() || !(v > 0)) return 0;
  const std::string_view rest(end, static_cast<std::size_t>(value.data() + value.size() - end));
  if (rest.find("mph") != std::string_view::npos) v *= 1.609344;
  return v;
}

namespace {

/// The import; `open` gives the input afresh for each of the two passes.
OsmImportResult import_from(const std::function<osmium::io::File()>& open,
                            const OsmImportOptions& options) {
  OsmImportResult result;
  OsmImportStats& stats = result.stats;
  auto report = [&](std::string_view phase, std::uint64_t done, std::uint64_t total) {
    if (options.progress) options.progress(OsmImportProgress{phase, done, total});
  };

  // Pass 1: ways.
  std::vector<WayRecord> ways;
  std::vector<std::int64_t> refs;
  {
    osmium::io::Reader reader(open(), osmium::osm_entity_bits::way);
    WayCollector collector(options, stats, ways, refs);
    const std::uint64_t size = reader.file_size();
    while (osmium::memory::Buffer buffer = reader.read()) {
      osmium::apply(buffer, collector);
      report("ways", reader.offset(), size);
    }
    reader.close();
  }
  // Network nodes: way ends and OSM nodes used twice or more.
  std::vector<std::int64_t> ids = refs;
  std::sort(ids.begin(), ids.end());
  std::vector<std::uint32_t> uses(ids.size(), 0);
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  uses.assign(ids.size(), 0);
  auto index_of = [&](std::int64_t id) {
    return static_cast<std::uint32_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
  };
  std::vector<char> is_network_node(ids.size(), 0);
  for (const WayRecord& w : ways) {
    for (std::uint32_t k = 0; k < w.ref_count; ++k) {
      const std::uint32_t i = index_of(refs[w.first_ref + k]);
      if (++uses[i] >= 2 || k == 0 || k + 1 == w.ref_count) is_network_node[i] = 1;
    }
  }

  // Pass 2: node locations.
  std::vector<LatLon> pos(ids.size());
  std::vector<char> found(ids.size(), 0);
  {
    osmium::io::Reader reader(open(), osmium::osm_entity_bits::node);
    NodeCollector collector(ids, pos, found);
    const std::uint64_t size = reader.file_size();
    while (osmium::memory::Buffer buffer = reader.read()) {
      osmium::apply(buffer, collector);
      report("nodes", reader.offset(), size);
    }
    reader.close();
  }

  // Split ways into pieces between network nodes.
  std::vector<Piece> pieces;
  for (std::uint32_t wi = 0; wi < ways.size(); ++wi) {
    const WayRecord& w = ways[wi];
    std::uint32_t start = index_of(refs[w.first_ref]);
    double length = 0;
    bool complete = found[start] != 0;
    for (std::uint32_t k = 1; k < w.ref_count; ++k) {
      const std::uint32_t prev = index_of(refs[w.first_ref + k - 1]);
      const std::uint32_t cur = index_of(refs[w.first_ref + k]);
      if (found[prev] != 0 && found[cur] != 0) {
        length += great_circle(pos[prev], pos[cur]).value();
      } else {
        complete = false;
      }
      if (is_network_node[cur] == 0) continue;
      if (!complete) {
        ++stats.segments_missing_nodes;
      } else if (cur != start) {
        pieces.push_back({wi, start, cur, length});
      }
      start = cur;
      length = 0;
      complete = found[cur] != 0;
    }
  }

  // Rail and road are separate networks: an OSM node shared by both (a level crossing) becomes
  // two network nodes, so that no mode change happens where no terminal is. Pieces refer to
  // keys 2 * (OSM node index) + (1 for rail).
  for (Piece& p : pieces) {
    const std::uint32_t family = is_rail(ways[p.way].mode) ? 1 : 0;
    p.from = 2 * p.from + family;
    p.to = 2 * p.to + family;
  }
  // Largest weak component of road + ferry, and of rail, over the network nodes.
  std::vector<std::uint32_t> dense(2 * ids.size(), 0xFFFFFFFFU);
  std::uint32_t n = 0;
  for (const Piece& p : pieces) {
    for (std::uint32_t v : {p.from, p.to}) {
      if (dense[v] == 0xFFFFFFFFU) dense[v] = n++;
    }
  }
  stats.nodes_before_component = n;
  // keep_node[v] bit 0: in the road + ferry component, bit 1: in the rail component.
  std::vector<char> keep_node(n, 0);
  for (const bool rail : {false, true}) {
    std::vector<graph::Arc> arcs;
    for (const Piece& p : pieces) {
      if (is_rail(ways[p.way].mode) == rail) arcs.push_back({dense[p.from], dense[p.to], 1});
    }
    if (arcs.empty()) continue;
    std::vector<std::uint32_t> old_ids;
    // Nodes of the other family are isolated here: singleton components that never win.
    (void)graph::largest_weak_component(graph::build_graph(n, std::move(arcs)), &old_ids);
    for (std::uint32_t v : old_ids) keep_node[v] |= rail ? 2 : 1;
  }
  std::vector<char> keep_piece(pieces.size(), 0);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Piece& p = pieces[i];
    // A piece is kept when its ends are in its family's component.
    const char bit = is_rail(ways[p.way].mode) ? 2 : 1;
    keep_piece[i] = (keep_node[dense[p.from]] & bit) != 0 && (keep_node[dense[p.to]] & bit) != 0;
  }
  std::vector<char> used(n, 0);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (keep_piece[i] != 0) used[dense[pieces[i].from]] = used[dense[pieces[i].to]] = 1;
  }

  // Build the network.
  NetworkBuilder builder;
  std::vector<NodeId> node_of(n);
  for (std::size_t key = 0; key < dense.size(); ++key) {
    if (dense[key] == 0xFFFFFFFFU || used[dense[key]] == 0) continue;
    const std::size_t i = key / 2;
    Node node;
    node.id = (key % 2 == 1 ? "osm_rail" : "osm") + std::to_string(ids[i]);
    node.name = node.id;
    node.country = options.country;
    node.pos = pos[i];
    node.kind = NodeKind::junction;
    node.source = "OpenStreetMap node " + std::to_string(ids[i]);
    node_of[dense[key]] = builder.add_node(std::move(node));
  }
  stats.nodes_dropped_by_component = n - builder.node_count();
  std::unordered_map<std::int64_t, std::uint32_t> piece_no;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i % 4096 == 0) report("network", i, pieces.size());
    if (keep_piece[i] == 0) continue;
    const Piece& p = pieces[i];
    const WayRecord& w = ways[p.way];
    Link link;
    link.id = "w" + std::to_string(w.osm_id) + "_" + std::to_string(piece_no[w.osm_id]++);
    link.from = node_of[dense[w.oneway == -1 ? p.to : p.from]];
    link.to = node_of[dense[w.oneway == -1 ? p.from : p.to]];
    link.mode = w.mode;
    link.length = Km(p.length_km);
    double hours = p.length_km / w.speed_kmh;
    if (w.mode == Mode::ferry && w.duration_h > 0) {
      double way_km = 0;
      for (const Piece& q : pieces) {
        if (q.way == p.way) way_km += q.length_km;
      }
      hours = way_km > 0 ? w.duration_h * p.length_km / way_km : w.duration_h;
    }
    link.duration = HoursRange::exactly(Hours(hours));
    link.oneway = w.oneway != 0;
    switch (w.mode) {
    case Mode::road:
      link.cost_per_teu = Usd(options.road_usd_per_teu_km * p.length_km);
      link.co2_intensity = {options.road_co2_g_per_tkm};
      break;
    case Mode::ferry:
      link.cost_per_teu = Usd(options.ferry_usd_per_teu);
      link.co2_intensity = {options.ferry_co2_g_per_tkm};
      break;
    default:
      link.cost_per_teu = Usd(options.rail_usd_per_teu_km * p.length_km);
      link.co2_intensity = {options.rail_co2_g_per_tkm};
      break;
    }
    link.source = "OpenStreetMap way " + std::to_string(w.osm_id) + w.note;
    builder.add_link(std::move(link));
  }
  // Where road and ferry links meet, allow the change of mode (both directions).
  std::vector<std::uint8_t> modes_at(n, 0);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (keep_piece[i] == 0 || is_rail(ways[pieces[i].way].mode)) continue;
    const std::uint8_t bit = ways[pieces[i].way].mode == Mode::ferry ? 2 : 1;
    modes_at[dense[pieces[i].from]] |= bit;
    modes_at[dense[pieces[i].to]] |= bit;
  }
  for (std::uint32_t v = 0; v < n; ++v) {
    if (modes_at[v] != 3) continue;
    for (const auto& [from, to] : {std::pair{Mode::road, Mode::ferry}, {Mode::ferry, Mode::road}}) {
      Transfer t;
      t.node = node_of[v];
      t.from_mode = from;
      t.to_mode = to;
      t.duration = HoursRange::exactly(Hours(options.ferry_transfer_h));
      t.cost_per_teu = Usd(0.0);
      t.source = "caravan import-osm default (boarding a ferry)";
      builder.add_transfer(std::move(t));
    }
  }
  report("network", pieces.size(), pieces.size());
  result.network = std::move(builder).build();
  return result;
}

} // namespace

OsmImportResult import_osm(const std::filesystem::path& pbf, const OsmImportOptions& options) {
  return read_osm_checked(
      [&] { return import_from([&] { return osmium::io::File(pbf.string()); }, options); });
}

OsmImportResult import_osm_data(std::string_view data, const std::string& format,
                                const OsmImportOptions& options) {
  return read_osm_checked([&] {
    return import_from([&] { return osmium::io::File(data.data(), data.size(), format); }, options);
  });
}

} // namespace caravan::formats
