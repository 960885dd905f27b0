// Tests of the OpenStreetMap import on the Monaco extract: modes, lengths, connectivity, CSV round
// trip.
#include <cmath>
#include <filesystem>
#include <numeric>

#include <gtest/gtest.h>

#include "core/geo.hpp"
#include "formats/csv_network.hpp"
#include "formats/osm_import.hpp"
#include "graph/dijkstra.hpp"
#include "graph/graph.hpp"
#include "route/ch/ch.hpp"
#include "route/ch/ch_query.hpp"

namespace {

using namespace caravan;

const std::filesystem::path kShared = CARAVAN_SHARED_DATA_DIR;

TEST(OsmImport, ParsesMaxspeed) {
  EXPECT_DOUBLE_EQ(formats::parse_maxspeed_kmh("50"), 50.0);
  EXPECT_DOUBLE_EQ(formats::parse_maxspeed_kmh("50 km/h"), 50.0);
  EXPECT_NEAR(formats::parse_maxspeed_kmh("30 mph"), 48.28, 0.01);
  EXPECT_DOUBLE_EQ(formats::parse_maxspeed_kmh("none"), 0.0);
  EXPECT_DOUBLE_EQ(formats::parse_maxspeed_kmh("FR:urban"), 0.0);
}

/// Number of weakly connected components among the nodes that links of `family` touch.
std::size_t components(const Network& net, bool rail) {
  std::vector<std::uint32_t> parent(net.node_count());
  std::iota(parent.begin(), parent.end(), 0U);
  auto find = [&](std::uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  std::vector<char> touched(net.node_count(), 0);
  for (const Link& l : net.links()) {
    if (is_rail(l.mode) != rail) continue;
    touched[l.from.index()] = touched[l.to.index()] = 1;
    parent[find(l.from.index())] = find(l.to.index());
  }
  std::size_t count = 0;
  for (std::uint32_t v = 0; v < net.node_count(); ++v) {
    if (touched[v] != 0 && find(v) == v) ++count;
  }
  return count;
}

TEST(OsmImport, MonacoRoadsAndRailAreConnectedWithPlausibleLinks) {
  const auto file = kShared / "osm" / "monaco.osm.pbf";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " absent (../shared/data not here)";
  formats::OsmImportOptions options;
  options.country = "MC";
  std::vector<std::string> phases;
  options.progress = [&](const formats::OsmImportProgress& p) {
    if (phases.empty() || phases.back() != p.phase) phases.emplace_back(p.phase);
  };
  const formats::OsmImportResult r = formats::import_osm(file, options);
  const Network& net = r.network;
  EXPECT_EQ(phases, (std::vector<std::string>{"ways", "nodes", "network"}));
  EXPECT_GT(r.stats.road_ways, 1000U);
  EXPECT_GT(net.node_count(), 1000U);
  EXPECT_GT(net.link_count(), 1000U);
  std::size_t road = 0;
  std::size_t rail = 0;
  for (const Link& l : net.links()) {
    const Node& a = net.node(l.from);
    const Node& b = net.node(l.to);
    // Monaco is about 3 km across; no piece of a way can be longer than that by much.
    ASSERT_GT(l.length.value(), 0.0) << l.id;
    ASSERT_LT(l.length.value(), 10.0) << l.id;
    // A way's length along its geometry is at least the straight line between its ends.
    ASSERT_GE(l.length.value(), great_circle(a.pos, b.pos).value() - 1e-9) << l.id;
    ASSERT_GT(l.duration.typical.value(), 0.0) << l.id;
    ASSERT_NEAR(a.pos.lat, 43.74, 0.1);
    ASSERT_NEAR(a.pos.lon, 7.42, 0.15);
    if (l.mode == Mode::road) ++road;
    if (is_rail(l.mode)) ++rail;
  }
  EXPECT_GT(road, 1000U);
  EXPECT_EQ(components(net, false), 1U);
  EXPECT_LE(components(net, true), 1U);
  std::printf("monaco: %zu nodes, %zu links (%zu road, %zu rail); %llu nodes dropped\n",
              net.node_count(), net.link_count(), road, rail,
              static_cast<unsigned long long>(r.stats.nodes_dropped_by_component));
}

TEST(OsmImport, MonacoRoundTripsThroughTheCsvFormat) {
  const auto file = kShared / "osm" / "monaco.osm.pbf";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " absent (../shared/data not here)";
  formats::OsmImportOptions options;
  options.country = "MC";
  const Network net = formats::import_osm(file, options).network;
  const auto dir = std::filesystem::temp_directory_path() / "caravan_osm_import_test";
  std::filesystem::remove_all(dir);
  formats::write_network(net, dir);
  const Network back = formats::read_network(dir).network;
  EXPECT_EQ(back.node_count(), net.node_count());
  EXPECT_EQ(back.link_count(), net.link_count());
  EXPECT_EQ(back.arc_count(), net.arc_count());
  std::filesystem::remove_all(dir);
}

TEST(OsmImport, MonacoRoadGraphContractsAndAgreesWithDijkstra) {
  const auto file = kShared / "osm" / "monaco.osm.pbf";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " absent (../shared/data not here)";
  const Network net = formats::import_osm(file).network;
  // Road links as a travel-time graph in deciseconds (both directions unless one-way).
  std::vector<graph::Arc> arcs;
  for (const Link& l : net.links()) {
    if (l.mode != Mode::road) continue;
    const auto w = static_cast<graph::Weight>(std::lround(l.duration.typical.value() * 36000.0));
    arcs.push_back({l.from.index(), l.to.index(), w});
    if (!l.oneway) arcs.push_back({l.to.index(), l.from.index(), w});
  }
  const graph::Graph g = graph::build_graph(static_cast<std::uint32_t>(net.node_count()),
                                            std::move(arcs), graph::WeightUnit::decisecond);
  const route::ContractionHierarchy ch = route::build_contraction_hierarchy(g);
  route::ChQuery q(ch);
  graph::DijkstraQuery dij(g);
  std::size_t reachable = 0;
  std::size_t checked = 0;
  for (std::uint32_t s = 0; s < g.node_count(); s += 37) {
    const std::vector<graph::Weight> expected = dij.distances_from(NodeId(s));
    for (std::uint32_t t = 0; t < g.node_count(); t += 13) {
      ASSERT_EQ(q.distance(NodeId(s), NodeId(t)), expected[t]) << s << " -> " << t;
      ++checked;
      if (expected[t] != graph::kInfWeight) ++reachable;
    }
  }
  // One-way streets leave some pairs unreachable, but most of the city must be.
  EXPECT_GT(reachable, checked * 8 / 10);
}

} // namespace
