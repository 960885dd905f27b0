// Tests of geometry.csv, the network format's side file of link lines (WKT keyed by link id):
// reading, writing back, and errors naming file, line and field.
#include "formats/csv.hpp"
#include "formats/csv_network.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace caravan::formats {
namespace {

const std::string kNodes = "id,name,country,lat,lon,kind\n"
                           "a,Alpha,CN,45,82,border\n"
                           "b,Beta,KZ,45.2,82.4,border\n"
                           "c,Gamma,KZ,46,79,junction\n";
const std::string kLinks = "id,from,to,mode,length_km,duration_h,co2_g_per_tkm\n"
                           "ab,a,b,rail_1435,39,1,18\n"
                           "bc,b,c,rail_1520,300,6,22\n";
const std::string kHeader = "link,geometry_source,source,wkt\n";

NetworkFiles files(const std::string& geometry) {
  NetworkFiles f;
  f.label = "net";
  f.contents["nodes.csv"] = kNodes;
  f.contents["links.csv"] = kLinks;
  f.contents["geometry.csv"] = geometry;
  return f;
}

std::string error_of(const std::string& geometry) {
  try {
    (void)parse_network(files(geometry));
  } catch (const ParseError& e) {
    return e.what();
  }
  return "no error";
}

TEST(GeometryCsv, ReadsLinesKeyedByLinkId) {
  const auto r = parse_network(
      files("# a comment line\n" + kHeader +
            "ab,osm-track,\"OSM ways 1, 2\",\"LINESTRING (82 45, 82.2 45.1, 82.4 45.2)\"\n"));
  EXPECT_TRUE(r.warnings.empty());
  const Network& net = r.network;
  ASSERT_TRUE(net.has_geometry());
  const LinkGeometry& ab = net.geometry(*net.find_link_id("ab"));
  EXPECT_EQ(ab.source, GeometrySource::osm_track);
  EXPECT_EQ(ab.note, "OSM ways 1, 2");
  ASSERT_EQ(ab.points.size(), 3u);
  EXPECT_EQ(ab.points[1].lat, 45.1); // WKT is lon lat
  EXPECT_EQ(ab.points[1].lon, 82.2);
  // A link without a row has no line: drawn straight between its nodes and marked schematic.
  const LinkId bc = *net.find_link_id("bc");
  EXPECT_TRUE(net.geometry(bc).points.empty());
  EXPECT_EQ(net.geometry(bc).source, GeometrySource::schematic);
  const auto straight = net.drawn_points(bc);
  ASSERT_EQ(straight.size(), 2u);
  EXPECT_EQ(straight[0].lat, 45.2);
  EXPECT_EQ(straight[1].lon, 79.0);
  // The line is drawn from `from` to `to`; travelling the other way reverses it.
  const auto back = net.drawn_points(*net.find_link_id("ab"), /*reversed=*/true);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back.front().lon, 82.4);
  EXPECT_EQ(back.back().lon, 82.0);
}

TEST(GeometryCsv, EveryGeometrySourceIsRead) {
  const auto r = parse_network(files(kHeader + "ab,osm-road,,\"LINESTRING (82 45, 82.4 45.2)\"\n" +
                                     "bc,schematic,,\"LINESTRING (82.4 45.2, 80 46, 79 46)\"\n"));
  EXPECT_EQ(r.network.geometry(LinkId(0)).source, GeometrySource::osm_road);
  EXPECT_EQ(r.network.geometry(LinkId(1)).source, GeometrySource::schematic);
  EXPECT_EQ(r.network.geometry(LinkId(1)).points.size(), 3u);
  for (const char* s : {"osm-track", "osm-road", "osm-stations", "marnet", "schematic"})
    EXPECT_EQ(to_string(*parse_geometry_source(s)), s);
  EXPECT_FALSE(parse_geometry_source("osm_track"));
}

TEST(GeometryCsv, WritesWhatItReads) {
  const std::string text = kHeader +
                           "ab,osm-stations,through 1 OSM station,\"LINESTRING (82 45, 82.21 "
                           "45.103, 82.4 45.2)\"\n"
                           "bc,marnet,,\"LINESTRING (82.4 45.2, 79 46)\"\n";
  const auto first = parse_network(files(text));
  const NetworkFiles written = format_network(first.network);
  EXPECT_EQ(written.contents.at("geometry.csv"), text);
  const auto second = parse_network(written);
  EXPECT_TRUE(second.warnings.empty());
  EXPECT_EQ(format_network(second.network).contents, written.contents);
}

TEST(GeometryCsv, NetworkWithoutLinesWritesNoGeometryFile) {
  NetworkFiles f = files("");
  f.contents.erase("geometry.csv");
  const auto r = parse_network(f);
  EXPECT_FALSE(r.network.has_geometry());
  EXPECT_EQ(format_network(r.network).contents.count("geometry.csv"), 0u);
}

TEST(GeometryCsv, RoundTripsThroughADirectory) {
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("caravan-geometry-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  const auto r = parse_network(files(
      kHeader + "bc,osm-track,measured,\"LINESTRING (82.4 45.2, 80.123456789 45.5, 79 46)\"\n"));
  write_network(r.network, dir);
  const auto back = read_network(dir);
  std::filesystem::remove_all(dir);
  EXPECT_TRUE(back.warnings.empty());
  ASSERT_TRUE(back.network.has_geometry());
  EXPECT_TRUE(back.network.geometry(LinkId(0)).points.empty());
  const LinkGeometry& g = back.network.geometry(LinkId(1));
  EXPECT_EQ(g.source, GeometrySource::osm_track);
  EXPECT_EQ(g.note, "measured");
  ASSERT_EQ(g.points.size(), 3u);
  EXPECT_EQ(g.points[1].lon, 80.123456789);
  EXPECT_EQ(g.points[1].lat, 45.5);
}

TEST(GeometryCsv, UnknownColumnsAreWarnings) {
  const auto r = parse_network(
      files("link,geometry_source,wkt,notes\nab,schematic,\"LINESTRING (82 45, 82.4 45.2)\",x\n"));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "net/geometry.csv: unknown column 'notes' ignored");
}

TEST(GeometryCsv, ErrorsNameFileLineAndField) {
  const std::string ab = "\"LINESTRING (82 45, 82.4 45.2)\"";
  EXPECT_EQ(error_of(kHeader + "zz,osm-track,," + ab + "\n"),
            "net/geometry.csv:2: field 'link': unknown link id 'zz'");
  EXPECT_EQ(
      error_of("# generated\n" + kHeader + "ab,osm-track,," + ab + "\nab,marnet,," + ab + "\n"),
      "net/geometry.csv:4: field 'link': link 'ab' has a geometry row already");
  EXPECT_EQ(error_of(kHeader + "ab,gps,," + ab + "\n"),
            "net/geometry.csv:2: field 'geometry_source': expected one of osm-track, osm-road, "
            "osm-stations, marnet, schematic, got 'gps'");
  EXPECT_EQ(error_of(kHeader + "ab,,," + ab + "\n"),
            "net/geometry.csv:2: field 'geometry_source': missing value");
  EXPECT_EQ(error_of(kHeader + "ab,osm-track,,\"LINESTRING (82 45, 45.2 95)\"\n"),
            "net/geometry.csv:2: field 'wkt': point 2: latitude 95 is outside [-90, 90] (WKT "
            "order is lon lat)");
  EXPECT_EQ(error_of(kHeader + "ab,osm-track,,\"POINT (82 45)\"\n"),
            "net/geometry.csv:2: field 'wkt': expected 'LINESTRING (lon lat, ...)'");
  EXPECT_EQ(error_of(kHeader + "ab,osm-track,,\"LINESTRING (82 45)\"\n"),
            "net/geometry.csv:2: field 'wkt': a LINESTRING needs at least 2 points");
  EXPECT_EQ(error_of(kHeader + "ab,osm-track,,\n"),
            "net/geometry.csv:2: field 'wkt': missing value");
  EXPECT_EQ(error_of("link,geometry_source,source\nab,osm-track,x\n"),
            "net/geometry.csv:1: field 'wkt': missing column");
}

} // namespace
} // namespace caravan::formats
