// TNTP reader: well-formed files in every variant seen in the data, and the exact error for each
// malformed case.
#include "formats/tntp.hpp"
#include "formats/tntp_assign.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <sstream>

using namespace caravan::tntp;

namespace {

const char* kNet = R"(<NUMBER OF ZONES> 2
<NUMBER OF NODES> 4
<FIRST THRU NODE> 3
<NUMBER OF LINKS> 3
<ORIGINAL HEADER>~ Init node Term node ...
<END OF METADATA>


~	init_node	term_node	capacity	length	free_flow_time	b	power	speed	toll	link_type	;
	1	3	100	2.5	6	0.15	4	0	0	1	;
	3	2	200.0	1	4	0.15	4	0	10	1;
3 4 1e2 0.00000000000000000000E+00 1 0 1 0 0 2
)";

Net parse_net(const std::string& text) {
  std::istringstream in(text);
  return read_net(in, "t_net.tntp");
}

/// The what() of the TntpError thrown by reading `text` with `reader`.
template <class F> std::string error_of(F reader, const std::string& text) {
  std::istringstream in(text);
  try {
    (void)reader(in, "t.tntp");
  } catch (const TntpError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string net_error(const std::string& text) {
  return error_of([](std::istream& in, std::string_view s) { return read_net(in, s); }, text);
}
std::string trips_error(const std::string& text) {
  return error_of([](std::istream& in, std::string_view s) { return read_trips(in, s); }, text);
}

const char* kNetHeader = "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 4\n<FIRST THRU NODE> 3\n"
                         "<NUMBER OF LINKS> 1\n<END OF METADATA>\n";

TEST(TntpNet, ReadsMetadataCommentsTerminatorsAndTabs) {
  const Net n = parse_net(kNet);
  EXPECT_EQ(n.zones, 2);
  EXPECT_EQ(n.nodes, 4);
  EXPECT_EQ(n.first_thru_node, 3);
  EXPECT_EQ(n.toll_factor, 0.0);
  ASSERT_EQ(n.links.size(), 3u);
  EXPECT_EQ(n.links[0].tail, 1);
  EXPECT_EQ(n.links[0].head, 3);
  EXPECT_EQ(n.links[0].capacity, 100.0);
  EXPECT_EQ(n.links[0].length, 2.5);
  EXPECT_EQ(n.links[0].free_flow_time, 6.0);
  EXPECT_EQ(n.links[0].b, 0.15);
  EXPECT_EQ(n.links[0].power, 4.0);
  EXPECT_EQ(n.links[1].toll, 10.0);      // ';' glued to the last value
  EXPECT_EQ(n.links[2].capacity, 100.0); // no terminator at all (tap-b style files)
  EXPECT_EQ(n.links[2].link_type, 2);
  EXPECT_EQ(n.links[0].line, 10u);
  EXPECT_EQ(n.metadata.at("ORIGINAL HEADER"), "~ Init node Term node ...");
}

TEST(TntpNet, CrLfLineEndingsAreAccepted) {
  std::string crlf;
  for (char c : std::string(kNet)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_EQ(parse_net(crlf).links.size(), 3u);
}

TEST(TntpNet, GeneralizedCostFactorsFromMetadataAndOptions) {
  std::string text = kNet;
  text.replace(text.find("<END OF METADATA>"), 0, "<TOLL FACTOR> 0.5\n<DISTANCE FACTOR> 2\n");
  const Net n = parse_net(text);
  EXPECT_EQ(n.toll_factor, 0.5);
  EXPECT_EQ(n.distance_factor, 2.0);
  std::istringstream trips("<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n2 : 5;\n");
  const Trips t = read_trips(trips, "t_trips.tntp");
  // From the metadata: link 2 (3->2) costs 4 * (1 + 0.15 * 0) + 0.5 * 10 + 2 * 1 = 11 at x = 0.
  AssignmentInput in = to_assignment(n, t);
  const auto& net = in.network;
  const auto a = net.link_of_input()[in.spec_of_file_link[1]];
  EXPECT_DOUBLE_EQ(net.fixed_cost()[a], 7.0);
  EXPECT_EQ(net.first_thru_node(), 2u);
  // An explicit weight overrides the file's.
  AssignmentInput in2 = to_assignment(n, t, CostWeights{0.0, std::nullopt});
  EXPECT_DOUBLE_EQ(in2.network.fixed_cost()[in2.network.link_of_input()[1]], 2.0);
  EXPECT_DOUBLE_EQ(in.demand.total(), 5.0);
}

TEST(TntpNet, DuplicateLinksKeepTheFirst) {
  std::string text = std::string(kNetHeader);
  text.replace(text.find("LINKS> 1"), 8, "LINKS> 2");
  text += "1 3 100 1 6 0.15 4 0 0 1 ;\n1 3 999 1 6 0.15 4 0 0 1 ;\n";
  std::istringstream trips("<NUMBER OF ZONES> 2\n<END OF METADATA>\n");
  const AssignmentInput in = to_assignment(parse_net(text), read_trips(trips, "t"));
  EXPECT_EQ(in.duplicates_dropped, 1u);
  EXPECT_EQ(in.network.num_links(), 1u);
  EXPECT_EQ(in.spec_of_file_link[1], caravan::assign::kNone);
  EXPECT_EQ(in.network.capacity()[0], 100.0);
}

struct BadCase {
  const char* name;
  std::string body; ///< appended after kNetHeader, or the whole file when `whole`
  std::string error;
  bool whole = false;
};

class MalformedNet : public ::testing::TestWithParam<BadCase> {};

TEST_P(MalformedNet, GivesItsExactError) {
  const BadCase& c = GetParam();
  const std::string text = c.whole ? c.body : std::string(kNetHeader) + c.body;
  EXPECT_EQ(net_error(text), c.error);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedNet,
    ::testing::Values(
        BadCase{"TooFewValues", "1 3 100 1 6 0.15 4 0 ;\n",
                "t.tntp:6: field 'toll': missing (a link line has 10 values, found 8)"},
        BadCase{"TooManyValues", "1 3 100 1 6 0.15 4 0 0 1 7 ;\n",
                "t.tntp:6: field 'link_type': unexpected extra value '7'"},
        BadCase{"CapacityNotANumber", "1 3 lots 1 6 0.15 4 0 0 1 ;\n",
                "t.tntp:6: field 'capacity': expected a number, got 'lots'"},
        BadCase{"NodeNotAnInteger", "1 x3 100 1 6 0.15 4 0 0 1 ;\n",
                "t.tntp:6: field 'term_node': expected an integer, got 'x3'"},
        BadCase{"NodeOutOfRange", "1 5 100 1 6 0.15 4 0 0 1 ;\n",
                "t.tntp:6: field 'term_node': node 5 outside 1..4 (NUMBER OF NODES)"},
        BadCase{"NodeZero", "0 3 100 1 6 0.15 4 0 0 1 ;\n",
                "t.tntp:6: field 'init_node': node 0 outside 1..4 (NUMBER OF NODES)"},
        BadCase{"ZeroCapacity", "1 3 0 1 6 0.15 4 0 0 1 ;\n",
                "t.tntp:6: field 'capacity': must be positive when b is not 0, got 0"},
        BadCase{"NegativeTime", "1 3 100 1 -6 0.15 4 0 0 1 ;\n",
                "t.tntp:6: field 'free_flow_time': must not be negative"},
        BadCase{"NegativePower", "1 3 100 1 6 0.15 -4 0 0 1 ;\n",
                "t.tntp:6: field 'power': must not be negative"},
        BadCase{"TextAfterTerminator", "1 3 100 1 6 0.15 4 0 0 1 ; 12\n",
                "t.tntp:6: field 'line': unexpected text after ';': '12'"},
        BadCase{"LinkCountMismatch", "1 3 100 1 6 0.15 4 0 0 1 ;\n2 3 100 1 6 0.15 4 0 0 1 ;\n",
                "t.tntp:7: field 'NUMBER OF LINKS': metadata says 1 links, the file has 2"},
        BadCase{"MissingNodeCount", "<NUMBER OF ZONES> 2\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n",
                "t.tntp:3: field 'NUMBER OF NODES': missing from the metadata", true},
        BadCase{"CountNotANumber",
                "<NUMBER OF ZONES> two\n<NUMBER OF NODES> 4\n<NUMBER OF LINKS> 1\n"
                "<END OF METADATA>\n",
                "t.tntp:1: field 'NUMBER OF ZONES': expected a number, got 'two'", true},
        BadCase{"NoEndOfMetadata", "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 4\n",
                "t.tntp:2: field 'metadata': missing <END OF METADATA>", true},
        BadCase{"UnclosedKey", "<NUMBER OF ZONES 2\n",
                "t.tntp:1: field 'metadata': missing '>' after the key", true},
        BadCase{"NoMetadata", "1 3 100 1 6 0.15 4 0 0 1 ;\n",
                "t.tntp:1: field 'metadata': missing metadata block (<NUMBER OF NODES> ...)",
                true}),
    [](const auto& info) { return std::string(info.param.name); });

const char* kTripsHeader = "<NUMBER OF ZONES> 3\n<TOTAL OD FLOW> 9\n<END OF METADATA>\n";

TEST(TntpTrips, ReadsBlocksWithSeveralEntriesPerLine) {
  std::istringstream in(std::string(kTripsHeader) +
                        "\n~ comment\nOrigin  1\n    1 :      0.0;     2 :     6.0;\n"
                        "Origin\t3\n\t 1 :   2;\t 2:1.5 ;\n3 : 0.5\n");
  const Trips t = read_trips(in, "t");
  EXPECT_EQ(t.zones, 3);
  EXPECT_EQ(t.total_od_flow, 9.0);
  ASSERT_EQ(t.entries.size(), 5u);
  EXPECT_EQ(t.entries[1].origin, 1);
  EXPECT_EQ(t.entries[1].destination, 2);
  EXPECT_EQ(t.entries[1].flow, 6.0);
  EXPECT_EQ(t.entries[3].origin, 3);
  EXPECT_EQ(t.entries[3].flow, 1.5);
  EXPECT_EQ(t.entries[4].flow, 0.5); // a final entry without ';'
}

TEST(TntpTrips, MalformedCasesGiveTheirExactErrors) {
  const std::string h = kTripsHeader;
  EXPECT_EQ(trips_error(h + "1 : 5;\n"),
            "t.tntp:4: field 'origin': demand entries before the first 'Origin' line");
  EXPECT_EQ(trips_error(h + "Origin 4\n"),
            "t.tntp:4: field 'origin': zone 4 outside 1..3 (NUMBER OF ZONES)");
  EXPECT_EQ(trips_error(h + "Origin 1\n 2 : 5; 7 : 1;\n"),
            "t.tntp:5: field 'destination': zone 7 outside 1..3 (NUMBER OF ZONES)");
  EXPECT_EQ(trips_error(h + "Origin 1\n 2 5;\n"),
            "t.tntp:5: field 'destination': expected '<zone> : <flow>;', got '2 5'");
  EXPECT_EQ(trips_error(h + "Origin 1\n 2 : many;\n"),
            "t.tntp:5: field 'flow': expected a number, got 'many'");
  EXPECT_EQ(trips_error(h + "Origin 1\n 2 : -1;\n"),
            "t.tntp:5: field 'flow': must not be negative, got -1");
  EXPECT_EQ(trips_error(h + "Origin 1\n 2 : ;\n"), "t.tntp:5: field 'flow': missing after ':'");
  EXPECT_EQ(trips_error(h + "Origin one\n"),
            "t.tntp:4: field 'origin': expected an integer, got 'one'");
  EXPECT_EQ(trips_error("<END OF METADATA>\n"),
            "t.tntp:1: field 'NUMBER OF ZONES': missing from the metadata");
}

TEST(TntpFlows, ReadsPlainAndMetadataVariants) {
  std::istringstream plain("From \tTo \tVolume \tCost \n1 \t2 \t4494.6 \t6.0008 \n1 3 8119 4.0\n");
  const Flows f = read_flows(plain, "f");
  ASSERT_EQ(f.links.size(), 2u);
  EXPECT_EQ(f.links[0].tail, 1);
  EXPECT_EQ(f.links[0].head, 2);
  EXPECT_EQ(f.links[0].volume, 4494.6);
  EXPECT_EQ(f.links[0].cost, 6.0008);
  std::istringstream meta("<NUMBER OF NODES> -1\n<END OF METADATA>\n~ From To Volume Cost\n"
                          "1 2 3.5 1.25 ;\n");
  const Flows g = read_flows(meta, "g");
  ASSERT_EQ(g.links.size(), 1u);
  EXPECT_EQ(g.links[0].volume, 3.5);
  const std::string e = error_of(
      [](std::istream& in, std::string_view s) { return read_flows(in, s); }, "From To V C\n1 2\n");
  EXPECT_EQ(e, "t.tntp:2: field 'volume': missing (a flow line has 'from to volume [cost]')");
}

TEST(TntpNodes, ReadsCoordinatesWithOptionalTerminator) {
  std::istringstream in("node\tX\tY\t;\n1\t-96.77\t43.61\t;\n2 -96.71 43.60\n");
  const Nodes n = read_nodes(in, "n");
  ASSERT_EQ(n.nodes.size(), 2u);
  EXPECT_EQ(n.nodes[0].id, 1);
  EXPECT_EQ(n.nodes[0].x, -96.77);
  EXPECT_EQ(n.nodes[1].y, 43.60);
  const std::string e = error_of(
      [](std::istream& in, std::string_view s) { return read_nodes(in, s); }, "node X Y\n1 a 2\n");
  EXPECT_EQ(e, "t.tntp:2: field 'x': expected a number, got 'a'");
}

TEST(TntpFiles, MissingFileNamesThePath) {
  try {
    (void)read_net_file("/nonexistent/dir/X_net.tntp");
    FAIL() << "no error";
  } catch (const TntpError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/dir/X_net.tntp:0: field 'file': cannot open");
    EXPECT_EQ(e.line(), 0u);
  }
  const Paths p = paths_for("/d/SiouxFalls");
  EXPECT_EQ(p.net, "/d/SiouxFalls_net.tntp");
  EXPECT_EQ(p.trips, "/d/SiouxFalls_trips.tntp");
  EXPECT_EQ(p.flow, "/d/SiouxFalls_flow.tntp");
  EXPECT_EQ(p.node, "/d/SiouxFalls_node.tntp");
}

} // namespace

namespace {

// Every TNTP file in ../shared/data/tntp and ../shared/data/tntp-extra parses, and the counts
// agree with the metadata (the reader checks NUMBER OF LINKS itself).
TEST(TntpSharedData, EveryFileParses) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(CARAVAN_SHARED_DATA_DIR);
  if (!fs::exists(root / "tntp"))
    GTEST_SKIP() << "shared TNTP data absent: " << root / "tntp"
                 << " (../shared/data beside the repository)";
  int files = 0;
  for (const char* sub : {"tntp", "tntp-extra"}) {
    if (!fs::exists(root / sub)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / sub)) {
      const std::string name = e.path().filename().string();
      auto ends = [&](const char* s) {
        return name.size() > std::strlen(s) &&
               name.compare(name.size() - std::strlen(s), std::string::npos, s) == 0;
      };
      SCOPED_TRACE(e.path().string());
      if (ends("_net.tntp")) {
        const Net n = read_net_file(e.path());
        EXPECT_GT(n.links.size(), 0u);
        ++files;
      } else if (ends("_trips.tntp")) {
        const Trips t = read_trips_file(e.path());
        double sum = 0.0;
        for (const OdEntry& o : t.entries) sum += o.flow;
        if (t.total_od_flow > 0) {
          EXPECT_NEAR(sum, t.total_od_flow, 1e-6 * t.total_od_flow);
        }
        ++files;
      } else if (ends("_flow.tntp")) {
        EXPECT_GT(read_flows_file(e.path()).links.size(), 0u);
        ++files;
      } else if (ends("_node.tntp")) {
        EXPECT_GT(read_nodes_file(e.path()).nodes.size(), 0u);
        ++files;
      }
    }
  }
  EXPECT_GE(files, 20);
}

} // namespace
