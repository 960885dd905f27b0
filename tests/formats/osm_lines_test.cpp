// OpenStreetMap lines (the committed Bereket–Turkmenbashi track fixture, the shared Monaco extract)
// measured by the line matcher, and measured lengths written into a network's CSV files.
#include "analysis/line_matching.hpp"
#include "formats/csv_network.hpp"
#include "formats/measured_links.hpp"
#include "formats/osm_lines.hpp"
#include "formats/parse_error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace caravan::formats {
namespace {

const std::string kFixture =
    std::string(CARAVAN_REPO_DIR) + "/tests/fixtures/osm/bereket_turkmenbashi.osm";
const std::string kMonaco = std::string(CARAVAN_SHARED_DATA_DIR) + "/osm/monaco.osm.pbf";

// OSM stations (../shared/data/osm-stations/turkmenistan.json): Bereket (node 2699667319) and
// Türkmenbaşy (node 2945761272); and the built-in network's Turkmenbashi node at the port
// (data/eurasia/nodes.csv), 4 km farther along the line.
constexpr LatLon kBereket{39.2454, 55.52141};
constexpr LatLon kTurkmenbashiStation{40.00374, 52.99517};
constexpr LatLon kTurkmenbashiPort{40.02216, 52.95517};

TEST(OsmLines, ReadsTheBereketTurkmenbashiTrackFixture) {
  const OsmLines lines = read_osm_lines(kFixture);
  EXPECT_EQ(lines.rail_ways, 510U);
  EXPECT_EQ(lines.road_ways, 0U);
  EXPECT_EQ(lines.rail.vertices.size(), 3901U); // one OSM node per rounded coordinate
  EXPECT_TRUE(lines.road.empty());
  EXPECT_EQ(lines.segments_missing_nodes, 0U);
}

TEST(OsmLines, MeasuresBereketTurkmenbashiOnTheTrack) {
  const OsmLines lines = read_osm_lines(kFixture);
  const std::vector<LineEnds> ends = {{kBereket, kTurkmenbashiStation},
                                      {kBereket, kTurkmenbashiPort}};
  const auto m = match_lines(lines.rail, ends, {.snap = Km(5.0)});
  ASSERT_TRUE(m[0].matched());
  ASSERT_TRUE(m[1].matched());
  // Station to station: 261.8 km, both ends on a track vertex (the stations are OSM nodes of the
  // line). The published km posts say 268 (Turkmenbashi 0 at the port): within 3 %.
  EXPECT_NEAR(m[0].length.value(), 261.79, 0.05);
  EXPECT_LT(m[0].snap_from.value(), 0.01);
  EXPECT_LT(m[0].snap_to.value(), 0.01);
  EXPECT_LT(std::abs(m[0].length.value() - 268.0) / 268.0, 0.03);
  // To the port end of the line: 265.8 km, as measured on the same track by
  // data/eurasia/tools/lines.py (../shared/data/osm-rail/README.md: "Bereket–Turkmenbashi
  // 265.8 (268)"), the port node snapped 0.14 km.
  EXPECT_NEAR(m[1].length.value(), 265.81, 0.05);
  EXPECT_NEAR(m[1].snap_to.value(), 0.14, 0.01);
  // The line is measured on every vertex: hundreds of them, from Bereket westwards.
  EXPECT_GT(m[0].points.size(), 500U);
  EXPECT_NEAR(m[0].points.front().lat, kBereket.lat, 1e-6);
}

TEST(OsmLines, ReadsTheMajorRoadsOfMonaco) {
  if (!std::filesystem::exists(kMonaco)) GTEST_SKIP() << "no " << kMonaco;
  const OsmLines lines = read_osm_lines(kMonaco);
  EXPECT_GT(lines.road_ways, 50U);
  EXPECT_GT(lines.road.vertices.size(), 500U);
  EXPECT_GT(lines.rail_ways, 0U); // the line through Monaco-Monte-Carlo station
  const OsmLines roads_only = read_osm_lines(kMonaco, {.rail = false});
  EXPECT_EQ(roads_only.rail_ways, 0U);
  EXPECT_TRUE(roads_only.rail.empty());
  EXPECT_EQ(roads_only.road.segments.size(), lines.road.segments.size());
}

TEST(OsmLines, MalformedDataIsAnError) {
  EXPECT_THROW((void)read_osm_lines_data("<osm><way id=", "osm"), std::runtime_error);
  EXPECT_THROW((void)read_osm_lines_data(std::string(64, '\x07'), "pbf"), std::runtime_error);
  EXPECT_THROW((void)read_osm_lines("/nonexistent/x.osm.pbf"), std::runtime_error);
}

NetworkFiles two_links() {
  NetworkFiles f;
  f.label = "net";
  f.contents["nodes.csv"] = "id,name,country,lat,lon,kind\n"
                            "a,A,KZ,45,60,city\n"
                            "b,B,KZ,45,61,city\n";
  f.contents["links.csv"] =
      "# Links of a test network.\n"
      "id,from,to,mode,length_km,duration_h,duration_h_low,duration_h_high,speed_kmh,"
      "cost_usd_per_teu_km,cost_usd_per_teu,co2_g_per_tkm,source,notes\n"
      "ab_rail,a,b,rail_1520,100,2,1.5,3,,0.5,20,20,km posts,\"kept, quoted\"\n"
      "ab_road,a,b,road,80,,,,50,1,0,100,,\n"
      "ab_ferry,a,b,ferry,90,10,,,,0,800,150,,\n";
  f.contents["geometry.csv"] =
      "# Lines of a test network.\n"
      "link,geometry_source,source,wkt\n"
      "ab_ferry,schematic,sketch,\"LINESTRING (60 45, 61 45)\"\n"
      "ab_road,schematic,sketch,\"LINESTRING (60 45, 60.5 45.1, 61 45)\"\n";
  return f;
}

TEST(MeasuredLinks, ReplaceLengthsScaleDurationsAndKeepTheRest) {
  MeasuredLink rail;
  rail.id = "ab_rail";
  rail.length = Km(79.04);
  rail.geometry = {GeometrySource::osm_track, {{45, 60}, {45.01, 60.5}, {45, 61}}, "OSM x (ODbL)"};
  rail.note = "measured on OSM";
  MeasuredLink road;
  road.id = "ab_road";
  road.length = Km(8.1234); // under 10 km: two decimals
  road.geometry = {GeometrySource::osm_road, {{45, 60}, {45, 61}}, "OSM x (ODbL)"};
  const MeasuredLink both[] = {rail, road};
  const NetworkFiles out = with_measured_links(two_links(), both, "rebuilt by a test");

  const std::string& links = out.contents.at("links.csv");
  EXPECT_EQ(links, "# Links of a test network.\n"
                   "# rebuilt by a test\n"
                   "id,from,to,mode,length_km,duration_h,duration_h_low,duration_h_high,speed_kmh,"
                   "cost_usd_per_teu_km,cost_usd_per_teu,co2_g_per_tkm,source,notes\n"
                   // 100 -> 79: durations x 0.79, per-km cost follows, the fixed 20 USD stays
                   "ab_rail,a,b,rail_1520,79,1.58,1.185,2.37,,0.5,20,20,km posts; measured on "
                   "OSM,\"kept, quoted\"\n"
                   // a speed row: the duration follows the length by itself
                   "ab_road,a,b,road,8.12,,,,50,1,0,100,,\n"
                   "ab_ferry,a,b,ferry,90,10,,,,0,800,150,,\n");
  const std::string& geometry = out.contents.at("geometry.csv");
  EXPECT_EQ(geometry, "# Lines of a test network.\n"
                      "# rebuilt by a test\n"
                      "link,geometry_source,source,wkt\n"
                      "ab_rail,osm-track,OSM x (ODbL),\"LINESTRING (60 45, 60.5 45.01, 61 45)\"\n"
                      "ab_road,osm-road,OSM x (ODbL),\"LINESTRING (60 45, 61 45)\"\n"
                      "ab_ferry,schematic,sketch,\"LINESTRING (60 45, 61 45)\"\n");
  // Every file of the format is there, the missing ones as a header line.
  EXPECT_EQ(out.contents.at("transfers.csv").substr(0, 5), "node,");
  EXPECT_EQ(out.contents.at("nodes.csv"), two_links().contents.at("nodes.csv"));

  const Network net = parse_network(out).network;
  const Link& r = net.link(*net.find_link_id("ab_rail"));
  EXPECT_DOUBLE_EQ(r.length.value(), 79.0);
  EXPECT_NEAR(r.duration.typical.value(), 1.58, 1e-9);
  EXPECT_NEAR(r.cost_per_teu.value(), 20 + 0.5 * 79, 1e-9);
  const Link& d = net.link(*net.find_link_id("ab_road"));
  EXPECT_NEAR(d.duration.typical.value(), 8.12 / 50, 1e-9);
  EXPECT_EQ(net.geometry(*net.find_link_id("ab_road")).source, GeometrySource::osm_road);
}

TEST(MeasuredLinks, UnknownLinkAndMalformedFilesAreErrors) {
  MeasuredLink ghost;
  ghost.id = "nope";
  ghost.length = Km(1);
  ghost.geometry.points = {{45, 60}, {45, 61}};
  const MeasuredLink one[] = {ghost};
  EXPECT_THROW((void)with_measured_links(two_links(), one, ""), std::invalid_argument);
  NetworkFiles bad = two_links();
  bad.contents["links.csv"] = "id,from,to,mode,length_km\nx,a,b\n";
  try {
    (void)with_measured_links(bad, {}, "");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("net/links.csv:2"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace caravan::formats
