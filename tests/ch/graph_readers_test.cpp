// Tests of the DIMACS and TNTP road-graph readers: parsed values, error messages, shared data
// files.
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "formats/dimacs.hpp"
#include "formats/parse_error.hpp"
#include "formats/tntp_graph.hpp"

namespace {

using caravan::NodeId;
using caravan::formats::ParseError;
using caravan::graph::Graph;

const std::filesystem::path kShared = CARAVAN_SHARED_DATA_DIR;

Graph dimacs(const std::string& text) {
  std::istringstream in(text);
  return caravan::formats::read_dimacs_graph(in, "t.gr");
}

Graph tntp(const std::string& text, caravan::formats::TntpGraphWeight w =
                                        caravan::formats::TntpGraphWeight::free_flow_time) {
  std::istringstream in(text);
  return caravan::formats::read_tntp_graph(in, "t_net.tntp", w);
}

/// The message of the ParseError that `f` throws, or "" if it throws none.
template <class F> std::string error_of(F f) {
  try {
    f();
  } catch (const ParseError& e) {
    return e.what();
  }
  return "";
}

TEST(DimacsReader, ReadsArcsAsZeroBasedNodes) {
  const Graph g = dimacs("c comment\np sp 3 3\na 1 2 10\na 2 3 5\na 3 1 7\n");
  EXPECT_EQ(g.node_count(), 3U);
  EXPECT_EQ(g.arc_count(), 3U);
  EXPECT_EQ(g.arc_weight(NodeId(0), NodeId(1)), 10U);
  EXPECT_EQ(g.arc_weight(NodeId(1), NodeId(2)), 5U);
  EXPECT_EQ(g.arc_weight(NodeId(2), NodeId(0)), 7U);
  EXPECT_EQ(g.arc_weight(NodeId(1), NodeId(0)), caravan::graph::kInfWeight);
  EXPECT_EQ(g.unit, caravan::graph::WeightUnit::metre);
}

TEST(DimacsReader, AcceptsTabsCarriageReturnsAndParallelArcs) {
  const Graph g = dimacs("p sp 2 2\r\na\t1\t2\t9\r\na 1 2 4\r\n");
  EXPECT_EQ(g.arc_count(), 2U);
  EXPECT_EQ(g.arc_weight(NodeId(0), NodeId(1)), 4U);
}

TEST(DimacsReader, ErrorsNameFileLineAndField) {
  EXPECT_EQ(error_of([] { (void)dimacs("p sp 2 1\nc x\na 1 2 x\n"); }),
            "t.gr:3: field 'weight': expected a non-negative integer, got 'x'");
  EXPECT_EQ(error_of([] { (void)dimacs("p sp 2 1\na 1 3 4\n"); }),
            "t.gr:2: field 'to': node 3 outside 1..2");
  EXPECT_EQ(error_of([] { (void)dimacs("p sp 2 1\na 0 1 4\n"); }),
            "t.gr:2: field 'from': node 0 outside 1..2");
  EXPECT_EQ(error_of([] { (void)dimacs("p sp 2 1\na 1 2 -4\n"); }),
            "t.gr:2: field 'weight': expected a non-negative integer, got '-4'");
  EXPECT_EQ(error_of([] { (void)dimacs("p sp 2 2\na 1 2 4\n"); }),
            "t.gr:2: field 'arcs': problem line declares 2 arcs, file has 1");
  EXPECT_EQ(error_of([] { (void)dimacs("a 1 2 4\n"); }),
            "t.gr:1: field 'a': arc before the 'p sp' line");
  EXPECT_EQ(error_of([] { (void)dimacs("p sp 2 1\na 1 2\n"); }),
            "t.gr:2: field 'a': expected 'a <from> <to> <weight>'");
  EXPECT_EQ(error_of([] { (void)dimacs("p max 2 1\n"); }),
            "t.gr:1: field 'p': expected 'p sp <nodes> <arcs>'");
  EXPECT_EQ(error_of([] { (void)dimacs("p sp 2 1\nx 1 2 3\n"); }),
            "t.gr:2: field 'kind': expected a line starting with c, p or a, got 'x'");
  EXPECT_EQ(error_of([] { (void)dimacs("p sp 2 1\na 1 2 99999999999\n"); }),
            "t.gr:2: field 'weight': weight 99999999999 too large");
  EXPECT_EQ(error_of([] { (void)caravan::formats::read_dimacs_graph("/nonexistent/x.gr"); }),
            "/nonexistent/x.gr: cannot open file");
}

TEST(DimacsReader, ReadsCoordinates) {
  Graph g = dimacs("p sp 2 1\na 1 2 4\n");
  std::istringstream co("c x\np aux sp co 2\nv 1 -73530767 41085396\nv 2 -73530538 41086098\n");
  caravan::formats::read_dimacs_coordinates(co, "t.co", g);
  ASSERT_EQ(g.x.size(), 2U);
  EXPECT_DOUBLE_EQ(g.x[0], -73.530767);
  EXPECT_DOUBLE_EQ(g.y[1], 41.086098);
  std::istringstream missing("p aux sp co 2\nv 1 1 1\n");
  EXPECT_EQ(error_of([&] { caravan::formats::read_dimacs_coordinates(missing, "t.co", g); }),
            "t.co:2: field 'v': 1 nodes have no coordinates");
  std::istringstream wrong("p aux sp co 3\n");
  EXPECT_EQ(error_of([&] { caravan::formats::read_dimacs_coordinates(wrong, "t.co", g); }),
            "t.co:1: field 'nodes': declares 3 nodes, the graph has 2");
}

const char* kTinyTntp = "<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 3\t\t\n<FIRST THRU NODE> 1\n"
                        "<NUMBER OF LINKS> 2\n<END OF METADATA>\n\n"
                        "~\tinit_node\tterm_node\tcapacity\tlength\tfree_flow_time\t;\n"
                        "\t1\t2\t100\t1.5\t0.25\t0.15\t4\t0\t0\t1\t;\n"
                        " 2 3 100 2.0 1.0 0.15 4 0 0 1\n";

TEST(TntpGraphReader, ReadsFreeFlowTimeInMilliseconds) {
  const Graph g = tntp(kTinyTntp);
  EXPECT_EQ(g.node_count(), 3U);
  EXPECT_EQ(g.arc_count(), 2U);
  EXPECT_EQ(g.arc_weight(NodeId(0), NodeId(1)), 15000U); // 0.25 min
  EXPECT_EQ(g.arc_weight(NodeId(1), NodeId(2)), 60000U);
  EXPECT_EQ(g.unit, caravan::graph::WeightUnit::millisecond);
}

TEST(TntpGraphReader, ReadsLengthInThousandths) {
  const Graph g = tntp(kTinyTntp, caravan::formats::TntpGraphWeight::length);
  EXPECT_EQ(g.arc_weight(NodeId(0), NodeId(1)), 1500U);
  EXPECT_EQ(g.arc_weight(NodeId(1), NodeId(2)), 2000U);
}

TEST(TntpGraphReader, ErrorsNameFileLineAndField) {
  const std::string head = "<NUMBER OF NODES> 3\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n";
  EXPECT_EQ(error_of([&] { (void)tntp(head + "1 4 1 1 1 ;\n"); }),
            "t_net.tntp:4: field 'term_node': expected a node id in 1..3, got '4'");
  EXPECT_EQ(error_of([&] { (void)tntp(head + "1 2 1 1 -1 ;\n"); }),
            "t_net.tntp:4: field 'free_flow_time': expected a non-negative number, got '-1'");
  EXPECT_EQ(error_of([&] { (void)tntp(head + "1 2 1 ;\n"); }),
            "t_net.tntp:4: field 'length': missing (a link line has 10 columns)");
  EXPECT_EQ(error_of([&] { (void)tntp(head + "1 2 1 1 1 ;\n1 3 1 1 1 ;\n"); }),
            "t_net.tntp:5: field 'NUMBER OF LINKS': metadata declares 1 links, file has 2");
  EXPECT_EQ(error_of([&] { (void)tntp("<NUMBER OF LINKS> 1\n<END OF METADATA>\n"); }),
            "t_net.tntp:2: field 'NUMBER OF NODES': missing");
  EXPECT_EQ(error_of([&] { (void)tntp("<NUMBER OF NODES> x\n"); }),
            "t_net.tntp:1: field 'NUMBER OF NODES': expected a count, got 'x'");
  EXPECT_EQ(error_of([&] { (void)tntp("<NUMBER OF NODES> 3\n"); }),
            "t_net.tntp:1: field 'END OF METADATA': missing");
}

TEST(SharedData, Rome99HasTheDeclaredSize) {
  const auto file = kShared / "dimacs" / "rome99.gr";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " absent (../shared/data not here)";
  const Graph g = caravan::formats::read_dimacs_graph(file);
  EXPECT_EQ(g.node_count(), 3353U);
  EXPECT_EQ(g.arc_count(), 8870U);
  // First arc line of the file: a 2958 2959 535.
  EXPECT_EQ(g.arc_weight(NodeId(2957), NodeId(2958)), 535U);
}

TEST(SharedData, TntpRoadGraphsHaveTheDeclaredSizes) {
  struct Case {
    const char* file;
    std::uint32_t nodes, links;
  };
  for (const Case& c : {Case{"ChicagoRegional/ChicagoRegional_net.tntp", 12982, 39018},
                        Case{"Philadelphia/Philadelphia_net.tntp", 13389, 40003},
                        Case{"Berlin-Center/berlin-center_net.tntp", 12981, 28376},
                        Case{"Austin/Austin_net.tntp", 7388, 18961}}) {
    const auto file = kShared / "tntp" / c.file;
    if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " absent (../shared/data not here)";
    const Graph g = caravan::formats::read_tntp_graph(file);
    EXPECT_EQ(g.node_count(), c.nodes) << c.file;
    EXPECT_EQ(g.arc_count(), c.links) << c.file; // no self-loops in these files
  }
}

} // namespace
