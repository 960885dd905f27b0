// The malformed-input corpus: for every file type Caravan reads (CSV network, freight demand CSV,
// TNTP, DIMACS, scenario TOML), truncated files, wrong column counts, non-UTF-8 bytes, empty
// files, huge numbers, NaN/inf, negative values, duplicate ids, ids beyond 2^32, cycles, BOMs and
// CRLF line ends: each gives its exact `file:line: field 'x': ...` error, or is accepted where it
// is legitimately valid. (tests/io/csv_network_test.cpp, tests/assign/tntp_reader_test.cpp,
// tests/ch/graph_readers_test.cpp and tests/scenario/scenario_errors_test.cpp hold the other
// cases.)
#include "formats/csv_network.hpp"
#include "formats/dimacs.hpp"
#include "formats/freight_demand.hpp"
#include "formats/parse_error.hpp"
#include "formats/scenario_toml.hpp"
#include "formats/tntp.hpp"
#include "formats/tntp_graph.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

namespace caravan::formats {
namespace {

/// A case: the input, and the exact error ("" when the input must be accepted).
struct Case {
  const char* name;
  std::string text;
  std::string error;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

std::string case_name(const ::testing::TestParamInfo<Case>& i) {
  return i.param.name;
}

/// The error of running `read`, or "" when it succeeds.
template <class F> std::string error_of(F&& read) {
  try {
    read();
  } catch (const ParseError& e) {
    return e.what();
  } catch (const tntp::TntpError& e) {
    return e.what();
  }
  return "";
}

/// Turns "\n" into "\r\n" and prefixes a UTF-8 BOM.
std::string bom_crlf(const std::string& s) {
  std::string out = "\xEF\xBB\xBF";
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV network: each file type.

const std::string kNodes = "id,name,country,lat,lon,kind\n"
                           "a,Alpha,CN,45,82,border\n"
                           "b,Beta,KZ,45.2,82.4,border\n"
                           "c,Gamma,KZ,46,79,junction\n";
const std::string kLinkHeader = "id,from,to,mode,length_km,duration_h,co2_g_per_tkm\n";
const std::string kLinks = kLinkHeader + "ab,a,b,rail_1435,12,1,18\nbc,b,c,rail_1520,300,6,22\n";
const std::string kTransfers = "node,from_mode,to_mode,duration_h,cost_usd_per_teu\n"
                               "b,rail_1435,rail_1520,1,330\n";
const std::string kBorders = "from,to,dwell_h,cost_usd_per_teu\na,b,36,215\n";
const std::string kCorridors = "id,name,nodes\nx,X,a;b;c\n";

/// One network file of the case replaces that file of the valid network above.
struct NetCase {
  const char* name;
  const char* file;
  std::string text;
  std::string error;
};

void PrintTo(const NetCase& c, std::ostream* os) {
  *os << c.name;
}

NetworkFiles network_with(const std::string& file, const std::string& text) {
  NetworkFiles f;
  f.label = "net";
  f.contents = {{"nodes.csv", kNodes},
                {"links.csv", kLinks},
                {"transfers.csv", kTransfers},
                {"borders.csv", kBorders},
                {"corridors.csv", kCorridors}};
  f.contents[file] = text;
  return f;
}

class MalformedNetworkFile : public ::testing::TestWithParam<NetCase> {};

TEST_P(MalformedNetworkFile, GivesItsExactErrorOrIsAccepted) {
  const NetCase& c = GetParam();
  EXPECT_EQ(error_of([&] { (void)parse_network(network_with(c.file, c.text)); }), c.error);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedNetworkFile,
    ::testing::Values(
        // Truncated files: in a quoted field, in the middle of a row, in the header.
        NetCase{"nodes_truncated_in_quotes", "nodes.csv", kNodes + "d,\"Del",
                "net/nodes.csv:5: unterminated quoted field"},
        NetCase{"links_truncated_mid_row", "links.csv", kLinks + "ca,c,a,road,1",
                "net/links.csv:4: expected 7 fields as in the header, got 5"},
        NetCase{"links_truncated_header", "links.csv", "id,from,to,mo",
                "net/links.csv:1: field 'mode': missing column"},
        // Wrong column counts.
        NetCase{"nodes_extra_column", "nodes.csv", kNodes + "d,Delta,KZ,1,1,city,extra\n",
                "net/nodes.csv:5: expected 6 fields as in the header, got 7"},
        NetCase{"transfers_missing_column", "transfers.csv",
                "node,from_mode,to_mode,duration_h,cost_usd_per_teu\nb,rail_1435,rail_1520,1\n",
                "net/transfers.csv:2: expected 5 fields as in the header, got 4"},
        NetCase{"borders_extra_column", "borders.csv", kBorders + "b,a,1,1,1\n",
                "net/borders.csv:3: expected 4 fields as in the header, got 5"},
        // Non-UTF-8 bytes (Latin-1 'é', a lone continuation byte, an overlong encoding).
        NetCase{"nodes_latin1", "nodes.csv", kNodes + "d,Caf\xE9,KZ,1,1,city\n",
                "net/nodes.csv:5: invalid UTF-8 byte sequence (files must be UTF-8)"},
        NetCase{"links_lone_continuation", "links.csv", kLinks + "\x80x,a,c,road,1,1,1\n",
                "net/links.csv:4: invalid UTF-8 byte sequence (files must be UTF-8)"},
        NetCase{"corridors_overlong", "corridors.csv", "id,name,nodes\nx,\xC0\xAF,a;b\n",
                "net/corridors.csv:2: invalid UTF-8 byte sequence (files must be UTF-8)"},
        // Empty files and files of blank lines.
        NetCase{"links_empty", "links.csv", "",
                "net/links.csv: empty file: expected a header line"},
        NetCase{"transfers_blank_lines", "transfers.csv", "\n\r\n\n",
                "net/transfers.csv: empty file: expected a header line"},
        NetCase{"borders_header_only_is_valid", "borders.csv", "from,to,dwell_h,cost_usd_per_teu\n",
                ""},
        // Huge numbers, NaN and infinity.
        NetCase{"nodes_huge_lon", "nodes.csv", kNodes + "d,D,KZ,1,1e999,city\n",
                "net/nodes.csv:5: field 'lon': expected a number, got '1e999' (out of range)"},
        NetCase{"links_huge_cost", "links.csv",
                "id,from,to,mode,length_km,duration_h,co2_g_per_tkm,cost_usd_per_teu\n"
                "ab,a,b,road,1,1,1,1e301\n",
                "net/links.csv:2: field 'cost_usd_per_teu': expected a number <= 1e+300, got "
                "'1e301'"},
        NetCase{"nodes_nan_lat", "nodes.csv", kNodes + "d,D,KZ,NaN,1,city\n",
                "net/nodes.csv:5: field 'lat': expected a finite number, got 'NaN'"},
        NetCase{"transfers_inf_duration", "transfers.csv",
                "node,from_mode,to_mode,duration_h,cost_usd_per_teu\nb,*,road,inf,1\n",
                "net/transfers.csv:2: field 'duration_h': expected a finite number, got 'inf'"},
        NetCase{"borders_negative_infinity", "borders.csv",
                "from,to,dwell_h,cost_usd_per_teu\na,b,-infinity,1\n",
                "net/borders.csv:2: field 'dwell_h': expected a finite number, got '-infinity'"},
        NetCase{"links_huge_open_year", "links.csv",
                "id,from,to,mode,length_km,duration_h,co2_g_per_tkm,open_year\n"
                "ab,a,b,road,1,1,1,99999999999999999999999\n",
                "net/links.csv:2: field 'open_year': expected a whole number, got "
                "'99999999999999999999999'"},
        // Negative capacities, lengths, durations, costs.
        NetCase{"links_negative_capacity", "links.csv",
                "id,from,to,mode,length_km,duration_h,co2_g_per_tkm,capacity,capacity_unit\n"
                "ab,a,b,road,1,1,1,-5,teu_per_day\n",
                "net/links.csv:2: field 'capacity': expected a non-negative number, got '-5'"},
        NetCase{"links_negative_duration", "links.csv", kLinkHeader + "ab,a,b,road,1,-1,1\n",
                "net/links.csv:2: field 'duration_h': expected a non-negative number, got '-1'"},
        NetCase{"links_negative_co2", "links.csv", kLinkHeader + "ab,a,b,road,1,1,-0.5\n",
                "net/links.csv:2: field 'co2_g_per_tkm': expected a non-negative number, got "
                "'-0.5'"},
        NetCase{"borders_negative_dwell", "borders.csv",
                "from,to,dwell_h,cost_usd_per_teu\na,b,-36,1\n",
                "net/borders.csv:2: field 'dwell_h': expected a non-negative number, got '-36'"},
        // Duplicate ids.
        NetCase{"corridors_duplicate_id", "corridors.csv", kCorridors + "x,Again,a;b\n",
                "net/corridors.csv:3: field 'id': duplicate corridor id 'x'"},
        NetCase{"nodes_duplicate_after_trim", "nodes.csv", kNodes + " a ,Again,KZ,1,1,city\n",
                "net/nodes.csv:5: field 'id': duplicate node id 'a'"},
        // Ids are names: numbers beyond 2^32 are names like any other, distinct from their
        // value modulo 2^32.
        NetCase{"nodes_ids_beyond_2_pow_32", "nodes.csv",
                kNodes + "4294967297,Big,KZ,1,1,city\n1,Small,KZ,1,1,city\n", ""},
        NetCase{"links_tracks_beyond_2_pow_32", "links.csv",
                "id,from,to,mode,length_km,duration_h,co2_g_per_tkm,tracks\n"
                "ab,a,b,road,1,1,1,4294967297\n",
                "net/links.csv:2: field 'tracks': expected a whole number from 1 to 16, got "
                "'4294967297'"},
        // Cycles and repeats in corridor definitions.
        NetCase{"corridor_back_to_start", "corridors.csv", "id,name,nodes\nx,X,a;b;c;a\n",
                "net/corridors.csv:2: field 'nodes': node 'a' appears twice (a corridor may not "
                "loop)"},
        NetCase{"corridor_immediate_repeat", "corridors.csv", "id,name,nodes\nx,X,a;a\n",
                "net/corridors.csv:2: field 'nodes': node 'a' appears twice (a corridor may not "
                "loop)"},
        NetCase{"corridor_single_node", "corridors.csv", "id,name,nodes\nx,X,a\n",
                "net/corridors.csv:2: field 'nodes': a corridor needs at least two nodes"},
        NetCase{"corridor_only_separators", "corridors.csv", "id,name,nodes\nx,X,;;\n",
                "net/corridors.csv:2: field 'nodes': a corridor needs at least two nodes"},
        // A BOM and CRLF line ends are valid in every file; a BOM inside the file is not a BOM.
        NetCase{"nodes_bom_crlf", "nodes.csv", bom_crlf(kNodes), ""},
        NetCase{"links_bom_crlf", "links.csv", bom_crlf(kLinks), ""},
        NetCase{"transfers_bom_crlf", "transfers.csv", bom_crlf(kTransfers), ""},
        NetCase{"borders_bom_crlf", "borders.csv", bom_crlf(kBorders), ""},
        NetCase{"corridors_bom_crlf", "corridors.csv", bom_crlf(kCorridors), ""},
        NetCase{"links_second_bom", "links.csv",
                kLinkHeader + "\xEF\xBB\xBF"
                              "ab,a,b,road,1,1,1\n",
                ""}),
    [](const ::testing::TestParamInfo<NetCase>& i) { return std::string(i.param.name); });

TEST(MalformedNetworkFile, BomAndCrlfGiveTheSameNetwork) {
  NetworkFiles plain = network_with("nodes.csv", kNodes);
  NetworkFiles windows = plain;
  for (auto& [name, text] : windows.contents) text = bom_crlf(text);
  EXPECT_EQ(format_network(parse_network(plain).network).contents,
            format_network(parse_network(windows).network).contents);
}

// ---------------------------------------------------------------------------------------------
// Freight demand CSV.

class MalformedDemand : public ::testing::TestWithParam<Case> {};

TEST_P(MalformedDemand, GivesItsExactErrorOrIsAccepted) {
  const Case& c = GetParam();
  EXPECT_EQ(error_of([&] { (void)parse_demand(c.text, "d.csv"); }), c.error);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedDemand,
    ::testing::Values(
        Case{"truncated_in_quotes", "from,to,teu_per_day\nA,\"B",
             "d.csv:2: unterminated quoted field"},
        Case{"truncated_mid_row", "from,to,teu_per_day\nA,B,1\nA,",
             "d.csv:3: expected 3 fields as in the header, got 2"},
        Case{"too_many_columns", "from,to,teu_per_day\nA,B,1,2\n",
             "d.csv:2: expected 3 fields as in the header, got 4"},
        Case{"latin1", "from,to,teu_per_day\nM\xFCnchen,B,1\n",
             "d.csv:2: invalid UTF-8 byte sequence (files must be UTF-8)"},
        Case{"empty", "", "d.csv: empty file: expected a header line"},
        Case{"header_only", "from,to,teu_per_day\n", "d.csv: no demand rows"},
        Case{"huge", "from,to,teu_per_year\nA,B,1e400\n",
             "d.csv:2: field 'teu_per_year': expected a number, got '1e400' (out of range)"},
        Case{"nan", "from,to,teu_per_day\nA,B,nan\n",
             "d.csv:2: field 'teu_per_day': expected a finite number, got 'nan'"},
        Case{"inf", "from,to,teu_per_day\nA,B,+inf\n",
             "d.csv:2: field 'teu_per_day': expected a finite number, got '+inf'"},
        Case{"negative", "from,to,teu_per_day\nA,B,-1\n",
             "d.csv:2: field 'teu_per_day': expected a non-negative number, got '-1'"},
        Case{"missing_from", "from,to,teu_per_day\n,B,1\n", "d.csv:2: field 'from': missing value"},
        Case{"repeated_pair_is_valid", "from,to,teu_per_day\nA,B,1\nA,B,2\n", ""},
        Case{"bom_crlf", bom_crlf("from,to,teu_per_day\nA,B,1\n"), ""}),
    case_name);

TEST(MalformedDemand, BomAndCrlfReadTheSameRows) {
  const DemandFile d = parse_demand(bom_crlf("from,to,teu_per_year\nXian,Aktau,365\n"), "d.csv");
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].from, "Xian");
  EXPECT_EQ(d.rows[0].to, "Aktau");
  EXPECT_DOUBLE_EQ(d.rows[0].teu_per_day, 1.0);
}

// ---------------------------------------------------------------------------------------------
// TNTP _net, _trips, _flow and _node files.

const std::string kNetHeader = "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 4\n<FIRST THRU NODE> 1\n"
                               "<NUMBER OF LINKS> 1\n<END OF METADATA>\n";

class MalformedTntpNet : public ::testing::TestWithParam<Case> {};

TEST_P(MalformedTntpNet, GivesItsExactErrorOrIsAccepted) {
  const Case& c = GetParam();
  std::istringstream in(c.text);
  EXPECT_EQ(error_of([&] { (void)tntp::read_net(in, "t_net.tntp"); }), c.error);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedTntpNet,
    ::testing::Values(
        Case{"empty", "",
             "t_net.tntp:0: field 'metadata': missing metadata block (<NUMBER OF NODES> ...)"},
        Case{"truncated_in_metadata", "<NUMBER OF ZONES> 2\n<NUMBER OF NO",
             "t_net.tntp:2: field 'metadata': missing '>' after the key"},
        Case{"truncated_in_link", kNetHeader + "1 3 100 1",
             "t_net.tntp:6: field 'free_flow_time': missing (a link line has 10 values, found 4)"},
        Case{"non_utf8_number",
             kNetHeader + "1 3 1\xE9"
                          "0 1 6 0.15 4 0 0 1 ;\n",
             "t_net.tntp:6: field 'capacity': expected a number, got '1\xE9"
             "0'"},
        Case{"huge_capacity", kNetHeader + "1 3 1e999 1 6 0.15 4 0 0 1 ;\n",
             "t_net.tntp:6: field 'capacity': expected a number, got '1e999'"},
        Case{"nan_length", kNetHeader + "1 3 100 nan 6 0.15 4 0 0 1 ;\n",
             "t_net.tntp:6: field 'length': expected a number, got 'nan'"},
        Case{"inf_time", kNetHeader + "1 3 100 1 inf 0.15 4 0 0 1 ;\n",
             "t_net.tntp:6: field 'free_flow_time': expected a number, got 'inf'"},
        Case{"negative_capacity", kNetHeader + "1 3 -100 1 6 0 4 0 0 1 ;\n",
             "t_net.tntp:6: field 'capacity': must not be negative, got -100"},
        Case{"negative_length", kNetHeader + "1 3 100 -1 6 0.15 4 0 0 1 ;\n",
             "t_net.tntp:6: field 'length': must not be negative"},
        Case{"node_beyond_2_pow_32", kNetHeader + "1 4294967299 100 1 6 0.15 4 0 0 1 ;\n",
             "t_net.tntp:6: field 'term_node': node 4294967299 outside 1..4 (NUMBER OF NODES)"},
        Case{"node_count_beyond_2_pow_32",
             "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 4294967300\n<NUMBER OF LINKS> 0\n"
             "<END OF METADATA>\n",
             "t_net.tntp:2: field 'NUMBER OF NODES': more than 2^32-2 nodes are not supported"},
        Case{"huge_zone_count",
             "<NUMBER OF ZONES> 1e300\n<NUMBER OF NODES> 4\n<NUMBER OF LINKS> 0\n"
             "<END OF METADATA>\n",
             "t_net.tntp:1: field 'NUMBER OF ZONES': expected an integer below 9e15, got '1e300'"},
        Case{"infinite_link_count",
             "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 4\n<NUMBER OF LINKS> inf\n"
             "<END OF METADATA>\n",
             "t_net.tntp:3: field 'NUMBER OF LINKS': expected an integer below 9e15, got 'inf'"},
        Case{"nan_node_count",
             "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> nan\n<NUMBER OF LINKS> 0\n<END OF METADATA>\n",
             "t_net.tntp:2: field 'NUMBER OF NODES': expected an integer"},
        Case{"declared_links_far_beyond_the_file",
             "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 4\n<NUMBER OF LINKS> 8000000000000000\n"
             "<END OF METADATA>\n1 3 100 1 6 0.15 4 0 0 1 ;\n",
             "t_net.tntp:5: field 'NUMBER OF LINKS': metadata says 8000000000000000 links, the "
             "file has 1"},
        Case{"duplicate_link_is_valid",
             "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 4\n<NUMBER OF LINKS> 2\n<END OF METADATA>\n"
             "1 3 100 1 6 0.15 4 0 0 1 ;\n1 3 100 1 6 0.15 4 0 0 1 ;\n",
             ""},
        Case{"bom_crlf", bom_crlf(kNetHeader + "1 3 100 1 6 0.15 4 0 0 1 ;\n"), ""}),
    case_name);

TEST(MalformedTntp, TripsFlowsAndNodes) {
  auto trips = [](const std::string& text) {
    std::istringstream in(text);
    return error_of([&] { (void)tntp::read_trips(in, "t_trips.tntp"); });
  };
  const std::string h = "<NUMBER OF ZONES> 3\n<END OF METADATA>\n";
  EXPECT_EQ(trips(""),
            "t_trips.tntp:0: field 'metadata': missing metadata block (<NUMBER OF ZONES> ...)");
  EXPECT_EQ(trips(h + "Origin 1\n 2 : nan;\n"),
            "t_trips.tntp:4: field 'flow': expected a number, got 'nan'");
  EXPECT_EQ(trips(h + "Origin 1\n 2 : 1e999;\n"),
            "t_trips.tntp:4: field 'flow': expected a number, got '1e999'");
  EXPECT_EQ(trips(h + "Origin 4294967297\n"),
            "t_trips.tntp:3: field 'origin': zone 4294967297 outside 1..3 (NUMBER OF ZONES)");
  EXPECT_EQ(trips(h + "Origin 1\n 2 : 5"), ""); // a missing final ';' is accepted
  EXPECT_EQ(trips(h + "Origin 1\n 2 : 5;\nOrigin 1\n 2 : 5;\n"), ""); // repeated: summed later
  EXPECT_EQ(trips(bom_crlf(h + "Origin 1\n 2 : 5;\n")), "");

  auto flows = [](const std::string& text) {
    std::istringstream in(text);
    return error_of([&] { (void)tntp::read_flows(in, "t_flow.tntp"); });
  };
  EXPECT_EQ(flows("From To Volume Cost\n1 2 inf 3\n"),
            "t_flow.tntp:2: field 'volume': expected a number, got 'inf'");
  EXPECT_EQ(flows("1 2 3 4 5\n"), "t_flow.tntp:1: field 'cost': unexpected extra value '5'");
  EXPECT_EQ(flows(bom_crlf("From To Volume Cost\n1 2 3 4\n")), "");

  auto nodes = [](const std::string& text) {
    std::istringstream in(text);
    return error_of([&] { (void)tntp::read_nodes(in, "t_node.tntp"); });
  };
  EXPECT_EQ(nodes("node X Y ;\n1 nan 2 ;\n"),
            "t_node.tntp:2: field 'x': expected a number, got 'nan'");
  EXPECT_EQ(nodes("node X Y ;\n1 2 ;\n"),
            "t_node.tntp:2: field 'y': missing (a node line has 'node x y')");
  EXPECT_EQ(nodes(bom_crlf("node X Y ;\n1 2 3 ;\n")), "");
}

TEST(MalformedTntp, BomAndCrlfGiveTheSameNet) {
  const std::string text = kNetHeader + "1 3 100 1 6 0.15 4 0 0 1 ;\n";
  std::istringstream plain(text);
  std::istringstream windows(bom_crlf(text));
  const tntp::Net a = tntp::read_net(plain, "a");
  const tntp::Net b = tntp::read_net(windows, "b");
  EXPECT_EQ(a.metadata, b.metadata);
  ASSERT_EQ(b.links.size(), 1u);
  EXPECT_EQ(b.links[0].head, 3);
  EXPECT_EQ(b.links[0].capacity, 100.0);
}

TEST(MalformedTntp, RoadGraphReaderAcceptsBomAndRejectsHugeCounts) {
  auto graph = [](const std::string& text) {
    std::istringstream in(text);
    return error_of([&] { (void)read_tntp_graph(in, "t_net.tntp"); });
  };
  EXPECT_EQ(graph(bom_crlf(kNetHeader + "1 3 100 1 6 0.15 4 0 0 1 ;\n")), "");
  EXPECT_EQ(graph("<NUMBER OF NODES> 4294967297\n<NUMBER OF LINKS> 0\n<END OF METADATA>\n"),
            "t_net.tntp:3: field 'NUMBER OF NODES': too many nodes");
  EXPECT_EQ(graph(kNetHeader + "1 3 100 1 nan 0.15 4 0 0 1 ;\n"),
            "t_net.tntp:6: field 'free_flow_time': expected a non-negative number, got 'nan'");
}

// ---------------------------------------------------------------------------------------------
// DIMACS .gr and .co files.

class MalformedDimacs : public ::testing::TestWithParam<Case> {};

TEST_P(MalformedDimacs, GivesItsExactErrorOrIsAccepted) {
  const Case& c = GetParam();
  std::istringstream in(c.text);
  EXPECT_EQ(error_of([&] { (void)read_dimacs_graph(in, "t.gr"); }), c.error);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedDimacs,
    ::testing::Values(
        Case{"empty", "", "t.gr: field 'p': no 'p sp <nodes> <arcs>' line"},
        Case{"truncated_arc", "p sp 2 1\na 1 2",
             "t.gr:2: field 'a': expected 'a <from> <to> <weight>'"},
        Case{"truncated_problem_line", "p sp 2",
             "t.gr:1: field 'p': expected 'p sp <nodes> <arcs>'"},
        Case{"too_many_fields", "p sp 2 1\na 1 2 3 4\n",
             "t.gr:2: field 'a': expected 'a <from> <to> <weight>'"},
        Case{"non_utf8", "p sp 2 1\n\xE9 1 2 3\n",
             "t.gr:2: field 'kind': expected a line starting with c, p or a, got '\xE9'"},
        Case{"huge_weight", "p sp 2 1\na 1 2 99999999999999999999999\n",
             "t.gr:2: field 'weight': expected a non-negative integer, got "
             "'99999999999999999999999'"},
        Case{"nan_weight", "p sp 2 1\na 1 2 nan\n",
             "t.gr:2: field 'weight': expected a non-negative integer, got 'nan'"},
        Case{"node_beyond_2_pow_32", "p sp 2 1\na 1 4294967298 1\n",
             "t.gr:2: field 'to': node 4294967298 outside 1..2"},
        Case{"node_count_beyond_2_pow_32", "p sp 4294967297 0\n",
             "t.gr:1: field 'nodes': more than 2^32-2 nodes are not supported"},
        Case{"arc_count_far_beyond_the_file", "p sp 2 18446744073709551615\na 1 2 1\n",
             "t.gr:2: field 'arcs': problem line declares 18446744073709551615 arcs, file has 1"},
        Case{"second_problem_line", "p sp 2 0\np sp 2 0\n",
             "t.gr:2: field 'p': second problem line"},
        Case{"repeated_arc_is_valid", "p sp 2 2\na 1 2 1\na 1 2 1\n", ""},
        Case{"bom_crlf", bom_crlf("c graph\np sp 2 1\na 1 2 7\n"), ""}),
    case_name);

TEST(MalformedDimacs, Coordinates) {
  auto coords = [](const std::string& text) {
    graph::Graph g;
    g.first_out.assign(3, 0);
    std::istringstream in(text);
    return error_of([&] { read_dimacs_coordinates(in, "t.co", g); });
  };
  const std::string h = "p aux sp co 2\n";
  EXPECT_EQ(coords(h + "v 1 1 2\nv 1 3 4\n"), "t.co:3: field 'id': node 1 repeated");
  EXPECT_EQ(coords(h + "v 1 1 2\nv 2 3"), "t.co:3: field 'v': expected 'v <id> <x> <y>'");
  EXPECT_EQ(coords(h + "v 1 1 99999999999999999999\n"),
            "t.co:2: field 'y': expected an integer, got '99999999999999999999'");
  EXPECT_EQ(coords(h + "v 4294967297 1 2\n"), "t.co:2: field 'id': node 4294967297 outside 1..2");
  EXPECT_EQ(coords(""), "t.co: field 'p': no 'p aux sp co <nodes>' line");
  EXPECT_EQ(coords(bom_crlf(h + "v 1 1 2\nv 2 3 4\n")), "");
}

// ---------------------------------------------------------------------------------------------
// Scenario TOML (reading only; applying to a network, e.g. a link id added twice, is tested in
// tests/scenario).

class MalformedScenario : public ::testing::TestWithParam<Case> {};

TEST_P(MalformedScenario, GivesItsExactErrorOrIsAccepted) {
  const Case& c = GetParam();
  EXPECT_EQ(error_of([&] { (void)parse_scenario(c.text, "s.toml", "/nonexistent-dir"); }), c.error);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedScenario,
    ::testing::Values(
        Case{"empty_is_valid", "", ""},
        Case{"truncated_string", "name = \"half",
             "s.toml:1: Error while parsing string: encountered end-of-file"},
        Case{"truncated_table", "[[change_link]\n",
             "s.toml:1: Error while parsing table header: expected ']', saw '\\n'"},
        Case{"non_utf8", "name = \"Caf\xE9\"\n", "s.toml:1: Encountered invalid utf-8 sequence"},
        Case{"huge_integer", "[projects]\nyear = 99999999999999999999\n",
             "s.toml:2: Error while parsing decimal integer: '99999999999999999999' is not "
             "representable in 64 bits"},
        Case{"huge_float", "[[change_link]]\nid = \"x\"\nspeed_kmh = 1e999\n",
             "s.toml:3: Error while parsing floating-point: '1e999' could not be interpreted as a "
             "value"},
        Case{"nan_speed", "[[change_link]]\nid = \"x\"\nspeed_kmh = nan\n",
             "s.toml:3: field 'change_link.speed_kmh': must be finite"},
        Case{"inf_factor", "[[change_link]]\nid = \"x\"\nduration_factor = inf\n",
             "s.toml:3: field 'change_link.duration_factor': must be finite"},
        Case{"negative_capacity",
             "[[change_link]]\nid = \"x\"\ncapacity = -5\ncapacity_unit = \"teu_per_day\"\n",
             "s.toml:3: field 'change_link.capacity': must not be negative, got -5"},
        Case{"negative_length",
             "[[add_link]]\nid = \"n\"\nfrom = \"A\"\nto = \"B\"\nlength_km = -1\nspeed_kmh = 1\n",
             "s.toml:5: field 'add_link.length_km': must be positive, got -1"},
        Case{"tracks_beyond_2_pow_32", "[[change_link]]\nid = \"x\"\ntracks = 4294967297\n",
             "s.toml:3: field 'change_link.tracks': must be between 1 and 8, got 4294967297"},
        Case{"duplicate_key", "name = \"a\"\nname = \"b\"\n",
             "s.toml:2: Error while parsing key-value pair: cannot redefine existing string "
             "'name'"},
        Case{"self_inheritance", "inherits = \"s.toml\"\n",
             "s.toml:1: field 'inherits': no scenario file '/nonexistent-dir/s.toml'"},
        Case{"bom_crlf", bom_crlf("name = \"x\"\n[[change_link]]\nid = \"x\"\nspeed_kmh = 5\n"),
             ""}),
    case_name);

} // namespace
} // namespace caravan::formats
