// OSM lines: ways pass (rail and major roads, their node refs), nodes pass (locations), then one
// line graph per family with a vertex per OSM node.
#include "formats/osm_lines.hpp"
#include "formats/osm_pbf_errors.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include <osmium/handler.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/visitor.hpp>

namespace caravan::formats {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFU;

/// The node refs of the selected ways of one family, way after way.
struct FamilyWays {
  std::vector<std::int64_t> refs;
  std::vector<std::uint32_t> way_first{0}; ///< way k's refs: refs[way_first[k]..way_first[k+1])
  std::uint64_t count = 0;
};

bool is_major_road(const char* highway) {
  static constexpr const char* kClasses[] = {"motorway",      "trunk",      "primary",
                                             "motorway_link", "trunk_link", "primary_link"};
  for (const char* c : kClasses)
    if (std::strcmp(c, highway) == 0) return true;
  return false;
}

class WayCollector : public osmium::handler::Handler {
public:
  WayCollector(const OsmLinesOptions& o, FamilyWays& rail, FamilyWays& road)
      : o_(o), rail_(rail), road_(road) {}

  void way(const osmium::Way& w) {
    if (w.nodes().size() < 2) return;
    const auto& tags = w.tags();
    FamilyWays* family = nullptr;
    if (o_.rail && tags.has_tag("railway", "rail")) {
      family = &rail_;
    } else if (const char* hw = tags["highway"]; o_.roads && hw != nullptr && is_major_road(hw)) {
      family = &road_;
    }
    if (family == nullptr) return;
    for (const auto& nr : w.nodes()) family->refs.push_back(nr.ref());
    family->way_first.push_back(static_cast<std::uint32_t>(family->refs.size()));
    ++family->count;
  }

private:
  const OsmLinesOptions& o_;
  FamilyWays& rail_;
  FamilyWays& road_;
};

/// Locations of the OSM nodes in `ids` (sorted, unique).
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

/// The line graph of one family: a vertex per OSM node it uses, a segment per consecutive pair.
LineGraph build_lines(const FamilyWays& ways, const std::vector<std::int64_t>& ids,
                      const std::vector<LatLon>& pos, const std::vector<char>& found,
                      std::uint64_t& missing) {
  LineGraph g;
  std::vector<std::uint32_t> vertex(ids.size(), kNone);
  auto vertex_of = [&](std::int64_t ref) {
    const auto i =
        static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), ref) - ids.begin());
    if (found[i] == 0) return kNone;
    if (vertex[i] == kNone) {
      vertex[i] = static_cast<std::uint32_t>(g.vertices.size());
      g.vertices.push_back(pos[i]);
    }
    return vertex[i];
  };
  for (std::size_t k = 0; k + 1 < ways.way_first.size(); ++k) {
    std::uint32_t prev = vertex_of(ways.refs[ways.way_first[k]]);
    for (std::uint32_t r = ways.way_first[k] + 1; r < ways.way_first[k + 1]; ++r) {
      const std::uint32_t cur = vertex_of(ways.refs[r]);
      if (prev == kNone || cur == kNone) {
        ++missing;
      } else if (prev != cur) {
        g.segments.push_back({prev, cur});
      }
      prev = cur;
    }
  }
  return g;
}

OsmLines read_from(const std::function<osmium::io::File()>& open, const OsmLinesOptions& options) {
  OsmLines out;
  auto report = [&](std::string_view phase, std::uint64_t done, std::uint64_t total) {
    if (options.progress) options.progress(OsmImportProgress{phase, done, total});
  };
  FamilyWays rail, road;
  {
    osmium::io::Reader reader(open(), osmium::osm_entity_bits::way);
    out.timestamp = reader.header().get("osmosis_replication_timestamp");
    WayCollector collector(options, rail, road);
    const std::uint64_t size = reader.file_size();
    while (osmium::memory::Buffer buffer = reader.read()) {
      osmium::apply(buffer, collector);
      report("ways", reader.offset(), size);
    }
    reader.close();
  }
  out.rail_ways = rail.count;
  out.road_ways = road.count;
  std::vector<std::int64_t> ids = rail.refs;
  ids.insert(ids.end(), road.refs.begin(), road.refs.end());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<LatLon> pos(ids.size());
  std::vector<char> found(ids.size(), 0);
  if (!ids.empty()) {
    osmium::io::Reader reader(open(), osmium::osm_entity_bits::node);
    NodeCollector collector(ids, pos, found);
    const std::uint64_t size = reader.file_size();
    while (osmium::memory::Buffer buffer = reader.read()) {
      osmium::apply(buffer, collector);
      report("nodes", reader.offset(), size);
    }
    reader.close();
  }
  out.rail = build_lines(rail, ids, pos, found, out.segments_missing_nodes);
  out.road = build_lines(road, ids, pos, found, out.segments_missing_nodes);
  return out;
}

} // namespace

OsmLines read_osm_lines(const std::filesystem::path& file, const OsmLinesOptions& options) {
  return read_osm_checked(
      [&] { return read_from([&] { return osmium::io::File(file.string()); }, options); });
}

OsmLines read_osm_lines_data(std::string_view data, const std::string& format,
                             const OsmLinesOptions& options) {
  return read_osm_checked([&] {
    return read_from([&] { return osmium::io::File(data.data(), data.size(), format); }, options);
  });
}

} // namespace caravan::formats
