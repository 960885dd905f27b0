// Tests of the CSV parser and the network reader/writer: every error names file, line and field.
#include "formats/atomic_file.hpp"
#include "formats/csv.hpp"
#include "formats/csv_network.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace caravan::formats {
namespace {

TEST(Csv, QuotesCommasNewlinesBomCrlfAndComments) {
  const std::string text =
      "\xEF\xBB\xBF"
      "a,b,c\r\n# a comment\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"multi\nline\", 3 \n";
  const auto recs = parse_csv(text, "t.csv");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(recs[1].line, 3u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"1", "x, y", "say \"hi\""}));
  EXPECT_EQ(recs[2].line, 5u);
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"2", "multi\nline", "3"}));
}

TEST(Csv, UnterminatedQuoteNamesItsLine) {
  try {
    parse_csv("a,b\n1,\"oops\n2,3\n", "t.csv");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(), "t.csv:2: unterminated quoted field");
  }
}

TEST(Csv, InvalidUtf8NamesItsLine) {
  try {
    parse_csv("a,b\n1,2\n3,\xFF\n", "t.csv");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(), "t.csv:3: invalid UTF-8 byte sequence (files must be UTF-8)");
  }
}

TEST(Csv, EscapeRoundTrips) {
  for (std::string s : {"plain", "a,b", "q\"uote", "line\nbreak", "#hash", " padded "}) {
    const auto recs = parse_csv("h\n" + csv_escape(s) + "\n", "t.csv");
    ASSERT_EQ(recs.size(), 2u);
    EXPECT_EQ(recs[1].fields[0], s);
  }
}

const std::string kNodes = "id,name,country,lat,lon,kind\n"
                           "a,Alpha,CN,45,82,border\n"
                           "b,Beta,KZ,45.2,82.4,border\n"
                           "c,Gamma,KZ,46,79,junction\n";
const std::string kLinks = "id,from,to,mode,length_km,speed_kmh,cost_usd_per_teu_km,co2_g_per_tkm\n"
                           "ab,a,b,rail_1435,12,50,0.3,18\n"
                           "bc,b,c,rail_1520,300,50,0.3,22\n";

NetworkFiles files(std::string nodes, std::string links, std::string transfers = "",
                   std::string borders = "", std::string corridors = "") {
  NetworkFiles f;
  f.label = "net";
  f.contents["nodes.csv"] = std::move(nodes);
  f.contents["links.csv"] = std::move(links);
  if (!transfers.empty()) f.contents["transfers.csv"] = std::move(transfers);
  if (!borders.empty()) f.contents["borders.csv"] = std::move(borders);
  if (!corridors.empty()) f.contents["corridors.csv"] = std::move(corridors);
  return f;
}

std::string error_of(const NetworkFiles& f) {
  try {
    (void)parse_network(f);
  } catch (const ParseError& e) {
    return e.what();
  }
  return "no error";
}

TEST(NetworkReader, ReadsAValidNetwork) {
  const auto r = parse_network(
      files(kNodes, kLinks,
            "node,from_mode,to_mode,duration_h,cost_usd_per_teu\nb,rail_1435,rail_1520,1,330\n",
            "from,to,dwell_h,dwell_h_low,dwell_h_high,cost_usd_per_teu\na,b,36,12,168,215\n",
            "id,name,nodes\nx,X,a;b;c\n"));
  EXPECT_EQ(r.network.node_count(), 3u);
  EXPECT_EQ(r.network.link_count(), 2u);
  EXPECT_DOUBLE_EQ(r.network.link(LinkId(1)).duration.typical.value(), 6.0);
  EXPECT_DOUBLE_EQ(r.network.link(LinkId(1)).cost_per_teu.value(), 90.0);
  EXPECT_DOUBLE_EQ(r.network.border(BorderId(0)).dwell.high.value(), 168.0);
  EXPECT_EQ(r.network.corridors_of(LinkId(0)).size(), 1u);
  EXPECT_TRUE(r.warnings.empty());
}

TEST(NetworkReader, CentreColumnGivesTheAdministrativeRank) {
  const auto r = parse_network(files("id,name,country,lat,lon,kind,centre\n"
                                     "a,Astana,KZ,51.2,71.4,city,republican_city\n"
                                     "b,Kokshetau,KZ,53.3,69.4,city,region_centre\n"
                                     "c,Zharyk,KZ,48.9,72.9,junction,\n",
                                     "id,from,to,mode,length_km,duration_h,co2_g_per_tkm\n"));
  EXPECT_EQ(r.network.node(NodeId(0)).centre, CentreRank::republican_city);
  EXPECT_EQ(r.network.node(NodeId(1)).centre, CentreRank::region_centre);
  EXPECT_EQ(r.network.node(NodeId(2)).centre, CentreRank::none);
  // Written back as it was read; no rank is an empty cell.
  const std::string nodes = format_network(r.network).contents.at("nodes.csv");
  EXPECT_NE(nodes.find(",city,republican_city,"), std::string::npos) << nodes;
  EXPECT_NE(nodes.find("c,Zharyk,,KZ,48.9,72.9,junction,,,\n"), std::string::npos) << nodes;
}

TEST(NetworkReader, UnknownColumnsAreWarnings) {
  const auto r = parse_network(files("id,name,country,lat,lon,kind,notes\na,A,KZ,1,2,city,x\n",
                                     "id,from,to,mode,length_km,duration_h,co2_g_per_tkm\n"));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "net/nodes.csv: unknown column 'notes' ignored");
}

struct BadCase {
  const char* name;
  std::string nodes;
  std::string links;
  std::string transfers;
  std::string borders;
  std::string corridors;
  const char* error;
};

void PrintTo(const BadCase& c, std::ostream* os) {
  *os << c.name;
}

class NetworkReaderErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(NetworkReaderErrors, NameFileLineAndField) {
  const BadCase& c = GetParam();
  EXPECT_EQ(error_of(files(c.nodes, c.links, c.transfers, c.borders, c.corridors)), c.error);
}

const std::string kLinkHeader =
    "id,from,to,mode,length_km,speed_kmh,cost_usd_per_teu_km,co2_g_per_tkm\n";

INSTANTIATE_TEST_SUITE_P(
    All, NetworkReaderErrors,
    ::testing::Values(
        BadCase{"missing_column", "id,name,country,lat,kind\na,A,KZ,1,city\n", kLinks, "", "", "",
                "net/nodes.csv:1: field 'lon': missing column"},
        BadCase{"duplicate_node", kNodes + "a,Again,KZ,1,1,city\n", kLinks, "", "", "",
                "net/nodes.csv:5: field 'id': duplicate node id 'a'"},
        BadCase{"bad_country", "id,name,country,lat,lon,kind\na,A,Kaz,1,1,city\n", kLinks, "", "",
                "",
                "net/nodes.csv:2: field 'country': expected an ISO 3166-1 alpha-2 code such as KZ, "
                "got 'Kaz'"},
        BadCase{"lat_out_of_range", "id,name,country,lat,lon,kind\na,A,KZ,91,1,city\n", kLinks, "",
                "", "", "net/nodes.csv:2: field 'lat': expected a number <= 90, got '91'"},
        BadCase{"unknown_kind", "id,name,country,lat,lon,kind\na,A,KZ,1,1,village\n", kLinks, "",
                "", "",
                "net/nodes.csv:2: field 'kind': expected one of city, rail_terminal, dry_port, "
                "seaport, border, junction, got 'village'"},
        BadCase{"unknown_centre", "id,name,country,lat,lon,kind,centre\na,A,KZ,1,1,city,capital\n",
                kLinks, "", "", "",
                "net/nodes.csv:2: field 'centre': expected republican_city, region_centre or "
                "empty, got 'capital'"},
        BadCase{"unknown_node_ref", kNodes, kLinkHeader + "ab,a,zz,road,10,50,1,90\n", "", "", "",
                "net/links.csv:2: field 'to': unknown node id 'zz'"},
        BadCase{"unknown_mode", kNodes, kLinkHeader + "ab,a,b,hovercraft,10,50,1,90\n", "", "", "",
                "net/links.csv:2: field 'mode': expected one of rail_1520, rail_1435, road, ferry, "
                "sea, got 'hovercraft'"},
        BadCase{"negative_length", kNodes, kLinkHeader + "ab,a,b,road,-3,50,1,90\n", "", "", "",
                "net/links.csv:2: field 'length_km': expected a non-negative number, got '-3'"},
        BadCase{"nan_length", kNodes, kLinkHeader + "ab,a,b,road,nan,50,1,90\n", "", "", "",
                "net/links.csv:2: field 'length_km': expected a finite number, got 'nan'"},
        BadCase{"inf_speed", kNodes, kLinkHeader + "ab,a,b,road,10,inf,1,90\n", "", "", "",
                "net/links.csv:2: field 'speed_kmh': expected a finite number, got 'inf'"},
        BadCase{"missing_number", kNodes, kLinkHeader + "ab,a,b,road,10,50,,90\n", "", "", "",
                "net/links.csv:2: field 'cost_usd_per_teu_km': expected a number, got nothing "
                "(missing value)"},
        BadCase{"not_a_number", kNodes, kLinkHeader + "ab,a,b,road,10 km,50,1,90\n", "", "", "",
                "net/links.csv:2: field 'length_km': expected a number, got '10 km'"},
        BadCase{
            "huge_number", kNodes, kLinkHeader + "ab,a,b,road,1e999,50,1,90\n", "", "", "",
            "net/links.csv:2: field 'length_km': expected a number, got '1e999' (out of range)"},
        BadCase{"zero_speed", kNodes, kLinkHeader + "ab,a,b,road,10,0,1,90\n", "", "", "",
                "net/links.csv:2: field 'speed_kmh': expected a positive number, got 0"},
        BadCase{"no_duration", kNodes, kLinkHeader + "ab,a,b,road,10,,1,90\n", "", "", "",
                "net/links.csv:2: field 'speed_kmh': missing value (give duration_h or speed_kmh)"},
        BadCase{"duplicate_link", kNodes, kLinks + "ab,b,c,road,10,50,1,90\n", "", "", "",
                "net/links.csv:4: field 'id': duplicate link id 'ab'"},
        BadCase{"self_loop", kNodes, kLinkHeader + "aa,a,a,road,10,50,1,90\n", "", "", "",
                "net/links.csv:2: field 'to': a link must join two different nodes"},
        BadCase{"wrong_field_count", kNodes, kLinkHeader + "ab,a,b,road,10,50,1\n", "", "", "",
                "net/links.csv:2: expected 8 fields as in the header, got 7"},
        BadCase{
            "bad_status", kNodes,
            "id,from,to,mode,length_km,duration_h,co2_g_per_tkm,status\nab,a,b,road,1,1,1,maybe\n",
            "", "", "",
            "net/links.csv:2: field 'status': expected existing, under_construction or planned, "
            "got 'maybe'"},
        BadCase{"range_low_above_typical", kNodes,
                "id,from,to,mode,length_km,duration_h,duration_h_low,co2_g_per_tkm\nab,a,b,road,1,"
                "5,6,1\n",
                "", "", "",
                "net/links.csv:2: field 'duration_h_low': expected at most 5 (the typical value), "
                "got 6"},
        BadCase{"transfer_unknown_mode", kNodes, kLinks,
                "node,from_mode,to_mode,duration_h,cost_usd_per_teu\nb,rail_1435,rail_1000,1,1\n",
                "", "",
                "net/transfers.csv:2: field 'to_mode': expected one of rail_1520, rail_1435, road, "
                "ferry, sea or '*', got 'rail_1000'"},
        BadCase{"transfer_negative_cost", kNodes, kLinks,
                "node,from_mode,to_mode,duration_h,cost_usd_per_teu\nb,*,*,1,-1\n", "", "",
                "net/transfers.csv:2: field 'cost_usd_per_teu': expected a non-negative number, "
                "got '-1'"},
        BadCase{"border_without_link", kNodes, kLinks, "",
                "from,to,dwell_h,cost_usd_per_teu\na,c,1,1\n", "",
                "net/borders.csv:2: field 'from': border crossing 'a' -> 'c' matches no link in "
                "that direction"},
        BadCase{"corridor_unknown_node", kNodes, kLinks, "", "", "id,name,nodes\nx,X,a;b;q\n",
                "net/corridors.csv:2: field 'nodes': unknown node id 'q'"},
        BadCase{
            "corridor_loop", kNodes, kLinks, "", "", "id,name,nodes\nx,X,a;b;c;b\n",
            "net/corridors.csv:2: field 'nodes': node 'b' appears twice (a corridor may not loop)"},
        BadCase{"empty_file", "", kLinks, "", "", "",
                "net/nodes.csv: empty file: expected a header line"},
        BadCase{"header_only", "id,name,country,lat,lon,kind\n", kLinks, "", "", "",
                "net/nodes.csv: no nodes: the file has a header but no rows"}),
    [](const ::testing::TestParamInfo<BadCase>& i) { return std::string(i.param.name); });

TEST(NetworkReader, MissingRequiredFile) {
  NetworkFiles f;
  f.label = "net";
  f.contents["nodes.csv"] = kNodes;
  EXPECT_EQ(error_of(f), "net/links.csv: required file is missing");
}

TEST(NetworkReader, MissingDirectory) {
  try {
    (void)read_network("no/such/dir");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(),
                 "no/such/dir: not a network directory (expected nodes.csv and links.csv in it)");
  }
}

TEST(NetworkWriter, RoundTripsWhatTheReaderReads) {
  const std::string dir = std::string(CARAVAN_REPO_DIR) + "/examples/silk-road-mini";
  const auto first = read_network(dir);
  const NetworkFiles written = format_network(first.network);
  const auto second = parse_network(written);
  EXPECT_TRUE(second.warnings.empty());
  const NetworkFiles again = format_network(second.network);
  EXPECT_EQ(written.contents, again.contents);
  ASSERT_EQ(first.network.link_count(), second.network.link_count());
  for (std::uint32_t i = 0; i < first.network.link_count(); ++i) {
    const Link& a = first.network.link(LinkId(i));
    const Link& b = second.network.link(LinkId(i));
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.length, b.length);
    EXPECT_EQ(a.duration.typical, b.duration.typical);
    EXPECT_EQ(a.duration.high, b.duration.high);
    EXPECT_EQ(a.cost_per_teu, b.cost_per_teu);
    EXPECT_EQ(a.co2_intensity.value, b.co2_intensity.value);
  }
  EXPECT_EQ(first.network.transfers().size(), second.network.transfers().size());
  EXPECT_EQ(first.network.borders().size(), second.network.borders().size());
  EXPECT_EQ(first.network.corridors().size(), second.network.corridors().size());
}

TEST(AtomicFile, ReplacesWholeAndLeavesNoTemporaries) {
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("caravan-atomic-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "out.csv";
  write_file_atomically(path, "old");
  write_file_atomically(path, "new content");
  EXPECT_EQ(read_file(path), "new content");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u);
  EXPECT_THROW(write_file_atomically(dir / "missing" / "x.csv", "x"), WriteError);
  std::filesystem::remove_all(dir);
}

} // namespace
} // namespace caravan::formats
