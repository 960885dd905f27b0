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
