// Tests of `validate`: each check on a small hand-built network, and the built-in eurasia data
// passing.
#include "analysis/validate.hpp"
#include "formats/csv_network.hpp"

#include "support/eurasia_network.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace caravan {
namespace {

// Two countries as squares: AA = lon 0..1, lat 0..1; BB = lon 1..2, lat 0..1.
CountryPolygons squares() {
  return CountryPolygons::parse(R"({"source":"test","countries":{
    "AA":[[[0,0],[1,0],[1,1],[0,1],[0,0]]],
    "BB":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}})");
}

Node node(std::string id, double lat, double lon, std::string cc = "AA") {
  Node n;
  n.id = id;
  n.name = id;
  n.country = std::move(cc);
  n.pos = LatLon{lat, lon};
  return n;
}

Link link(std::string id, NodeId a, NodeId b, Mode m, double km) {
  Link l;
  l.id = std::move(id);
  l.from = a;
  l.to = b;
  l.mode = m;
  l.length = Km(km);
  l.duration = HoursRange::exactly(Hours(1.0));
  return l;
}

std::vector<std::string> subjects(const ValidationReport& r, Check c) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.check == c) out.push_back(f.subject);
  return out;
}

// a (0.5,0.2) -- b (0.5,0.6): great circle 0.4 deg of longitude at lat 0.5 = 44.5 km.
struct Fixture {
  NetworkBuilder b;
  NodeId a, bb, c;
  Fixture() {
    a = b.add_node(node("a", 0.5, 0.2));
    bb = b.add_node(node("b", 0.5, 0.6));
    c = b.add_node(node("c", 0.5, 1.5, "BB"));
  }
};

TEST(Validate, CleanNetworkHasNoFindings) {
  Fixture f;
  f.b.add_link(link("ab", f.a, f.bb, Mode::rail_1520, 50));
  f.b.add_link(link("bc", f.bb, f.c, Mode::rail_1520, 110));
  f.b.add_corridor(Corridor{"k", "K", {f.a, f.bb, f.c}, "", ""});
  const Network net = std::move(f.b).build();
  const CountryPolygons poly = squares();
  ValidateOptions opt;
  opt.countries = &poly;
  const ValidationReport r = validate(net, opt);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.of(Check::corridor_path).checked, 2u);
  EXPECT_EQ(r.of(Check::link_length).checked, 2u);
  EXPECT_EQ(r.of(Check::node_country).checked, 3u);
}

TEST(Validate, CorridorWithAMissingLinkIsReported) {
  Fixture f;
  f.b.add_link(link("ab", f.a, f.bb, Mode::rail_1520, 50));
  f.b.add_link(link("bc", f.bb, f.c, Mode::rail_1520, 110));
  f.b.add_corridor(Corridor{"k", "K", {f.a, f.c}, "", ""});
  const ValidationReport r = validate(std::move(f.b).build(), {});
  EXPECT_EQ(subjects(r, Check::corridor_path), std::vector<std::string>{"k"});
  EXPECT_NE(r.findings[0].message.find("no link from a to c"), std::string::npos)
      << r.findings[0].message;
}

TEST(Validate, LengthBoundsAndExemptions) {
  Fixture f;
  f.b.add_link(link("short", f.a, f.bb, Mode::rail_1520, 40));  // < 44.5 km great circle
  f.b.add_link(link("long", f.a, f.bb, Mode::road, 95));        // > 2 x 44.5
  f.b.add_link(link("exempt", f.a, f.bb, Mode::rail_1435, 95)); // > 2 x, but listed
  f.b.add_link(link("ferry", f.a, f.bb, Mode::ferry, 200));     // water: only the lower bound
  f.b.add_link(link("ok", f.bb, f.c, Mode::rail_1520, 110));
  ValidateOptions opt;
  opt.length_exempt.insert("exempt");
  const ValidationReport r = validate(std::move(f.b).build(), opt);
  EXPECT_EQ(subjects(r, Check::link_length), (std::vector<std::string>{"short", "long"}));
  EXPECT_EQ(r.of(Check::link_length).failures, 2u);
  EXPECT_EQ(r.of(Check::node_country).skipped, true);
}

TEST(Validate, NodeOutsideItsCountryIsReportedWithWhereItLies) {
  NetworkBuilder b;
  const NodeId a = b.add_node(node("in", 0.5, 0.5));
  const NodeId edge = b.add_node(node("edge", 0.5, 1.01));       // 1.1 km into BB: within 2 km
  const NodeId wrong = b.add_node(node("wrong", 0.5, 1.5));      // deep in BB, claims AA
  const NodeId nowhere = b.add_node(node("zz", 0.5, 0.7, "ZZ")); // no outline for ZZ
  b.add_link(link("l1", a, edge, Mode::road, 70));
  b.add_link(link("l2", edge, wrong, Mode::road, 70));
  b.add_link(link("l3", a, nowhere, Mode::road, 30));
  const CountryPolygons poly = squares();
  ValidateOptions opt;
  opt.countries = &poly;
  const ValidationReport r = validate(std::move(b).build(), opt);
  EXPECT_EQ(subjects(r, Check::node_country), (std::vector<std::string>{"wrong", "zz"}));
  EXPECT_NE(r.findings[0].message.find("inside BB"), std::string::npos) << r.findings[0].message;
  EXPECT_NE(r.findings[1].message.find("no outline for country ZZ"), std::string::npos);
}

TEST(Validate, IsolatedNodeIsReported) {
  Fixture f;
  f.b.add_link(link("ab", f.a, f.bb, Mode::rail_1520, 50));
  const ValidationReport r = validate(std::move(f.b).build(), {});
  EXPECT_EQ(subjects(r, Check::isolated_node), std::vector<std::string>{"c"});
}

TEST(Validate, EveryModeChangeNeedsATransferRule) {
  Fixture f;
  f.b.add_link(link("ab", f.a, f.bb, Mode::rail_1435, 50));
  f.b.add_link(link("bc", f.bb, f.c, Mode::rail_1520, 110));
  f.b.add_link(link("bc_road", f.bb, f.c, Mode::road, 110));
  // Only 1435 -> 1520 at b: 1520 -> 1435 and everything with road are missing.
  f.b.add_transfer(Transfer{f.bb, Mode::rail_1435, Mode::rail_1520, HoursRange::exactly(Hours(1)),
                            Usd(330), ""});
  // At c a wildcard rule covers both directions.
  f.b.add_transfer(
      Transfer{f.c, std::nullopt, std::nullopt, HoursRange::exactly(Hours(1)), Usd(300), ""});
  const ValidationReport r = validate(std::move(f.b).build(), {});
  EXPECT_EQ(r.of(Check::transfer_rule).checked, 8u); // 6 ordered pairs at b, 2 at c
  EXPECT_EQ(r.of(Check::transfer_rule).failures, 5u);
  for (const auto& s : subjects(r, Check::transfer_rule)) EXPECT_EQ(s, "b");
}

LinkGeometry drawn(GeometrySource s, std::vector<LatLon> pts) {
  LinkGeometry g;
  g.source = s;
  g.points = std::move(pts);
  return g;
}

std::vector<std::string> messages(const ValidationReport& r, Check c) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.check == c) out.push_back(f.subject + ": " + f.message);
  return out;
}

// The lines below run from a (0.5, 0.2) to b (0.5, 0.6), 44.48 km apart; lengths by haversine.
TEST(ValidateGeometry, LineWithinTolerancesPasses) {
  Fixture f;
  // Through (0.55, 0.4): drawn 45.85 km against length_km 46 (-0.3 %).
  const LinkId ab = f.b.add_link(link("ab", f.a, f.bb, Mode::rail_1520, 46));
  f.b.add_link(link("bc", f.bb, f.c, Mode::rail_1520, 110));
  f.b.set_geometry(ab, drawn(GeometrySource::osm_track, {{0.5, 0.2}, {0.55, 0.4}, {0.5, 0.6}}));
  const ValidationReport r = validate(std::move(f.b).build(), {});
  EXPECT_TRUE(messages(r, Check::link_geometry).empty());
  EXPECT_EQ(r.of(Check::link_geometry).checked, 1u);
  EXPECT_EQ(r.of(Check::link_geometry).failures, 0u);
  EXPECT_EQ(r.of(Check::link_geometry).note, "1 link(s) without a polyline (drawn schematic)");
  ASSERT_EQ(r.geometry_lengths.size(), 1u);
  EXPECT_EQ(r.geometry_lengths[0].link, "ab");
  EXPECT_EQ(r.geometry_lengths[0].source, GeometrySource::osm_track);
  EXPECT_NEAR(r.geometry_lengths[0].drawn_km, 45.845, 0.001);
  EXPECT_DOUBLE_EQ(r.geometry_lengths[0].length_km, 46.0);
}

TEST(ValidateGeometry, NetworkWithoutLinesIsNotChecked) {
  Fixture f;
  f.b.add_link(link("ab", f.a, f.bb, Mode::rail_1520, 50));
  const ValidationReport r = validate(std::move(f.b).build(), {});
  EXPECT_EQ(r.of(Check::link_geometry).checked, 0u);
  EXPECT_EQ(r.of(Check::link_geometry).note, "no link has a polyline (every link drawn schematic)");
  EXPECT_TRUE(r.geometry_lengths.empty());
}

TEST(ValidateGeometry, EndsFarFromTheNodesAreReported) {
  Fixture f;
  // Starts 0.1 degree north of a (11.1 km); drawn 45.8 km against 50.
  const LinkId first = f.b.add_link(link("first", f.a, f.bb, Mode::rail_1520, 50));
  f.b.set_geometry(first, drawn(GeometrySource::osm_track, {{0.6, 0.2}, {0.5, 0.6}}));
  // Ends 0.1 degree east of b (11.1 km); drawn 55.6 km against 55.
  const LinkId last = f.b.add_link(link("last", f.a, f.bb, Mode::rail_1520, 55));
  f.b.set_geometry(last, drawn(GeometrySource::marnet, {{0.5, 0.2}, {0.5, 0.7}}));
  const Network net = std::move(f.b).build();
  const ValidationReport r = validate(net, {});
  EXPECT_EQ(
      messages(r, Check::link_geometry),
      (std::vector<std::string>{"first: first point lies 11.1 km from node a (more than 5.0 km)",
                                "last: last point lies 11.1 km from node b (more than 5.0 km)"}));
  EXPECT_EQ(r.of(Check::link_geometry).failures, 2u);
  // --geometry-end-km 12 accepts both.
  ValidateOptions wide;
  wide.geometry_end_tolerance = Km(12.0);
  EXPECT_TRUE(messages(validate(net, wide), Check::link_geometry).empty());
}

TEST(ValidateGeometry, DrawnLengthOffByMoreThanTheToleranceIsReported) {
  Fixture f;
  // Straight from a to b: drawn 44.5 km.
  const std::vector<LatLon> straight{{0.5, 0.2}, {0.5, 0.6}};
  const LinkId too_long = f.b.add_link(link("too_long", f.a, f.bb, Mode::rail_1520, 60));
  f.b.set_geometry(too_long, drawn(GeometrySource::osm_track, straight));
  const LinkId too_short = f.b.add_link(link("too_short", f.a, f.bb, Mode::rail_1520, 40));
  f.b.set_geometry(too_short, drawn(GeometrySource::osm_stations, straight));
  // A schematic line is not held to length_km: no finding, but its length is listed.
  const LinkId sketch = f.b.add_link(link("sketch", f.a, f.bb, Mode::road, 60));
  f.b.set_geometry(sketch, drawn(GeometrySource::schematic, straight));
  const Network net = std::move(f.b).build();
  const ValidationReport r = validate(net, {});
  EXPECT_EQ(messages(r, Check::link_geometry),
            (std::vector<std::string>{"too_long: drawn 44.5 km (osm-track) differs from length_km "
                                      "60.0 by -25.9 % (tolerance 10 %)",
                                      "too_short: drawn 44.5 km (osm-stations) differs from "
                                      "length_km 40.0 by 11.2 % (tolerance 10 %)"}));
  EXPECT_EQ(r.of(Check::link_geometry).checked, 3u);
  ASSERT_EQ(r.geometry_lengths.size(), 3u);
  EXPECT_EQ(r.geometry_lengths[2].link, "sketch");
  EXPECT_EQ(r.geometry_lengths[2].source, GeometrySource::schematic);
  EXPECT_NEAR(r.geometry_lengths[2].drawn_km, 44.476, 0.001);
  // --geometry-tolerance 12 accepts the 11.2 %, not the 25.9 %.
  ValidateOptions loose;
  loose.geometry_length_tolerance = 0.12;
  EXPECT_EQ(subjects(validate(net, loose), Check::link_geometry),
            std::vector<std::string>{"too_long"});
}

TEST(ValidateGeometry, SpikeIsReportedAtItsPoint) {
  Fixture f;
  // East to lon 0.5, back west to 0.35 (turning by 0.2 degree), then east to b: 77.8 km drawn.
  const LinkId l = f.b.add_link(link("spike", f.a, f.bb, Mode::rail_1520, 78));
  f.b.set_geometry(
      l, drawn(GeometrySource::osm_track, {{0.5, 0.2}, {0.5, 0.5}, {0.5005, 0.35}, {0.5, 0.6}}));
  const ValidationReport r = validate(std::move(f.b).build(), {});
  EXPECT_EQ(messages(r, Check::link_geometry),
            std::vector<std::string>{
                "spike: the line turns back on itself at point 2 (0.50000, 0.50000)"});
}

TEST(ValidateGeometry, SelfCrossingIsReportedWithItsSegments) {
  Fixture f;
  // East to lon 0.5, a loop north and back south across the first segment at lon 0.4, then to
  // b: 96.2 km drawn.
  const LinkId l = f.b.add_link(link("loop", f.a, f.bb, Mode::road, 96));
  f.b.set_geometry(l, drawn(GeometrySource::osm_road,
                            {{0.5, 0.2}, {0.5, 0.5}, {0.6, 0.4}, {0.4, 0.4}, {0.5, 0.6}}));
  const ValidationReport r = validate(std::move(f.b).build(), {});
  EXPECT_EQ(messages(r, Check::link_geometry),
            std::vector<std::string>{"loop: segments 1 and 3 of the line cross"});
}

TEST(CountryPolygons, RejectsMalformedJson) {
  EXPECT_THROW(CountryPolygons::parse("{"), CountryPolygonsError);
  EXPECT_THROW(CountryPolygons::parse(R"({"countries":{"AA":[[[0,0],[1,0]]]}})"),
               CountryPolygonsError);
  EXPECT_THROW(CountryPolygons::parse(R"({"countries":{"AA":[[[0,0],[1,0],["x",1]]]}})"),
               CountryPolygonsError);
}

TEST(CountryPolygons, HoleIsOutside) {
  const CountryPolygons p = CountryPolygons::parse(R"({"countries":{"AA":[
    [[0,0],[4,0],[4,4],[0,4],[0,0]], [[1,1],[3,1],[3,3],[1,3],[1,1]]]}})");
  const CountryShape& s = *p.find("AA");
  EXPECT_TRUE(CountryPolygons::contains(s, LatLon{0.5, 0.5}));
  EXPECT_FALSE(CountryPolygons::contains(s, LatLon{2.0, 2.0}));
  EXPECT_NEAR(CountryPolygons::distance_to_outline(s, LatLon{2.0, 2.0}).value(), 111.2, 0.5);
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Eurasia, BuiltInDataPassesEveryCheck) {
  const std::filesystem::path repo(CARAVAN_REPO_DIR);
  const Network& net = testing::eurasia_network();
  const CountryPolygons poly =
      CountryPolygons::parse(read_file(repo / "data" / "country-polygons.json"));
  ValidateOptions opt;
  opt.countries = &poly;
  const ValidationReport r = validate(net, opt);
  for (const auto& f : r.findings)
    ADD_FAILURE() << to_string(f.check) << ": " << f.subject << ": " << f.message;
  EXPECT_GE(net.corridors().size(), 12u);
  EXPECT_EQ(r.of(Check::node_country).checked, net.node_count());
  EXPECT_FALSE(r.of(Check::node_country).skipped);
}

} // namespace
} // namespace caravan
