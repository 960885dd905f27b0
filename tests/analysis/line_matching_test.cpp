// Line matching features: each case draws the track and the places on one ASCII map and states the
// path, length, unmatched links and flags that `caravan build-network` builds on.
#include "analysis/line_matching.hpp"
#include "support/ascii_network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace caravan {
namespace {

using testing::build_map_network;
using testing::MapSpec;

constexpr double kGridKm = 1.0;

/// Position of map cell (row, col), as build_map_network places its letters.
LatLon cell(int row, int col) {
  return {45.0 - row * kGridKm / 111.0, 60.0 + col * kGridKm / 111.0};
}

/// One step east-west on row `row` (0.71 km at 45 N) and one north-south (1.0 km) on the map.
/// Rows count from the raw string's first line break: the first drawn line is row 1.
double h(int row) {
  return great_circle(cell(row, 0), cell(row, 1)).value();
}
const double kV = great_circle(cell(0, 0), cell(1, 0)).value();

/// The track drawn on `map`: every '-', '|' and '+' is a vertex; '-' joins its left and right
/// neighbours, '|' those above and below, '+' all four (when they join that way too).
LineGraph draw_lines(std::string_view map) {
  std::vector<std::string> rows;
  std::string row;
  for (char c : map) {
    if (c == '\n') {
      rows.push_back(row);
      row.clear();
    } else {
      row += c;
    }
  }
  rows.push_back(row);
  auto at = [&](int r, int c) {
    if (r < 0 || c < 0 || r >= static_cast<int>(rows.size()) ||
        c >= static_cast<int>(rows[r].size()))
      return ' ';
    return rows[r][c];
  };
  LineGraph g;
  std::map<std::pair<int, int>, std::uint32_t> vertex;
  auto v = [&](int r, int c) {
    auto [it, added] = vertex.emplace(std::pair{r, c}, static_cast<std::uint32_t>(0));
    if (added) {
      it->second = static_cast<std::uint32_t>(g.vertices.size());
      g.vertices.push_back(cell(r, c));
    }
    return it->second;
  };
  const std::string across = "-+", down = "|+";
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    for (int c = 0; c < static_cast<int>(rows[r].size()); ++c) {
      if (across.find(at(r, c)) != std::string::npos &&
          across.find(at(r, c + 1)) != std::string::npos)
        g.segments.push_back({v(r, c), v(r, c + 1)});
      if (down.find(at(r, c)) != std::string::npos && down.find(at(r + 1, c)) != std::string::npos)
        g.segments.push_back({v(r, c), v(r + 1, c)});
    }
  }
  return g;
}

/// The remeasured row of the link from letter `from` to letter `to`.
const LinkRemeasure& row_of(const Network& net, const std::vector<LinkRemeasure>& rows, char from,
                            char to) {
  for (const LinkRemeasure& r : rows) {
    const Link& l = net.link(r.link);
    if (net.node(l.from).id == std::string(1, from) && net.node(l.to).id == std::string(1, to))
      return r;
  }
  throw std::invalid_argument("no such link");
}

TEST(LineMatching, MeasuresAlongTheTrackFlagsDifferencesAndListsUnmatchedLinks) {
  //    A                       B        - | + railway track; capital letters: places
  //    +-----------+-----------+        grid: 1 char = 1 km north-south, 0.71 km east-west
  //    |           |           |        snap 1.5 km
  //    |           +-----------+
  //    |                       |        A-B  17 km   along the top: 24 steps, 17.0 km
  //    +-----------------------+        B-C  30 km   down the east side and back west: FLAG
  //                 C                   A-D   9 km   D is on a piece that joins nothing
  //                                     C-E  10 km   road: no road is drawn (only track)
  //    D+-----+              E          A-E  12 km   E is 5 km from any track
  constexpr std::string_view kMap = R"(
 A                       B
 +-----------+-----------+
 |           |           |
 |           +-----------+
 |                       |
 +-----------------------+
              C

D+-----+               E
)";
  const Network net =
      build_map_network({.map = kMap,
                         .grid_km = kGridKm,
                         .links = {{.nodes = "AB", .mode = "rail_1520", .km = 17.0},
                                   {.nodes = "BC", .mode = "rail_1520", .km = 30.0},
                                   {.nodes = "AD", .mode = "rail_1435", .km = 9.0},
                                   {.nodes = "CE", .mode = "road", .km = 10.0},
                                   {.nodes = "AE", .mode = "rail_1520", .km = 12.0}}});
  const LineGraph track = draw_lines(kMap);
  const std::vector<LinkRemeasure> rows =
      remeasure_links(net, track, LineGraph{}, {.snap = Km(1.5), .flag_percent = 3.0});
  ASSERT_EQ(rows.size(), 5U);

  //  link  | matched | measured km | snaps km  | flagged
  //  A-B   | yes     | 24 h        | 1 v, 1 v  | no  (17.0 against 17)
  //  B-C   | yes     | 4 v + 11 h  | 1 v, 1 v  | yes (11.8 against 30)
  const LinkRemeasure& ab = row_of(net, rows, 'A', 'B');
  ASSERT_TRUE(ab.match.matched());
  EXPECT_EQ(ab.source, GeometrySource::osm_track);
  EXPECT_NEAR(ab.match.length.value(), 24 * h(2), 1e-6);
  EXPECT_NEAR(ab.match.snap_from.value(), kV, 1e-6);
  EXPECT_NEAR(ab.match.snap_to.value(), kV, 1e-6);
  EXPECT_EQ(ab.match.points.size(), 25U); // every vertex of the top line, none simplified away
  EXPECT_NEAR(ab.difference_percent, (24 * h(2) - 17) / 17 * 100, 1e-6);
  EXPECT_FALSE(ab.flagged);

  const LinkRemeasure& bc = row_of(net, rows, 'B', 'C');
  ASSERT_TRUE(bc.match.matched());
  EXPECT_NEAR(bc.match.length.value(), 4 * kV + 11 * h(6), 1e-6);
  EXPECT_NEAR(bc.match.points.front().lon, cell(2, 25).lon, 1e-9);
  EXPECT_NEAR(bc.match.points.back().lat, cell(6, 14).lat, 1e-9);
  EXPECT_NEAR(bc.difference_percent, -60.7, 0.1);
  EXPECT_TRUE(bc.flagged);

  //  link  | why unmatched
  //  A-D   | not_joined: D's piece of track joins nothing
  //  C-E   | from_too_far: a road link looks at roads only, and none is drawn
  //  A-E   | to_too_far: no track within 1.5 km of E
  EXPECT_EQ(row_of(net, rows, 'A', 'D').match.failure, LineMatchFailure::not_joined);
  EXPECT_EQ(row_of(net, rows, 'C', 'E').match.failure, LineMatchFailure::from_too_far);
  EXPECT_EQ(row_of(net, rows, 'C', 'E').source, GeometrySource::osm_road);
  EXPECT_EQ(row_of(net, rows, 'A', 'E').match.failure, LineMatchFailure::to_too_far);
  for (char to : {'D', 'E'}) {
    const LinkRemeasure& r = row_of(net, rows, 'A', to);
    EXPECT_FALSE(r.flagged);
    EXPECT_TRUE(r.match.points.empty());
    EXPECT_EQ(r.match.length.value(), 0.0);
  }

  // Only the selected modes are measured.
  const auto rail_only = remeasure_links(net, track, LineGraph{}, {.snap = Km(1.5), .road = false});
  EXPECT_EQ(rail_only.size(), 4U);
}

TEST(LineMatching, SnapsBothEndsOntoLinesThatJoin) {
  //     +-----------+        the nearest vertex to A (0.71 km) is on a stray piece that joins
  //    A--           B       nothing; A is snapped to the line that reaches B instead (1.23 km)
  constexpr std::string_view kMap = R"(
 +-----------+
A--           B
)";
  const Network net = build_map_network(
      {.map = kMap, .grid_km = kGridKm, .links = {{.nodes = "AB", .mode = "rail_1520"}}});
  const auto rows = remeasure_links(net, draw_lines(kMap), {}, {.snap = Km(1.5)});
  ASSERT_EQ(rows.size(), 1U);
  ASSERT_TRUE(rows[0].match.matched());
  EXPECT_NEAR(rows[0].match.length.value(), 12 * h(1), 1e-6);
  EXPECT_NEAR(rows[0].match.snap_from.value(), std::hypot(h(1), kV), 0.002);
}

TEST(LineMatching, TakesTheShorterBranchAndReportsDegenerateEnds) {
  //    A           B         two lines from the junction below A to the one below B: the
  //    +-----------+         straight one (12 steps) and the loop below (2 + 12 + 2 steps)
  //    |           |
  //    +-----------+
  //       C                  C and D (2 km below C) both snap to the vertex above C
  //       D
  constexpr std::string_view kMap = R"(
 A           B
 +-----------+
 |           |
 +-----------+
    C
    D
)";
  const LineGraph lines = draw_lines(kMap);
  const std::vector<LineEnds> ends = {{cell(2, 1), cell(2, 13)},  // on the line
                                      {cell(2, 13), cell(2, 1)},  // the other way
                                      {cell(5, 4), cell(6, 4)},   // C, D: 1 and 2 km off
                                      {cell(2, 1), cell(1, 13)}}; // to B: 1 km off
  const auto m = match_lines(lines, ends, {.snap = Km(0.6)});
  ASSERT_TRUE(m[0].matched());
  EXPECT_NEAR(m[0].length.value(), 12 * h(2), 1e-6);
  EXPECT_EQ(m[0].snap_from.value(), 0.0);
  ASSERT_TRUE(m[1].matched());
  EXPECT_NEAR(m[1].length.value(), 12 * h(2), 1e-6);
  EXPECT_NEAR(m[1].points.front().lon, cell(2, 13).lon, 1e-9);
  EXPECT_NEAR(m[1].points.back().lon, cell(2, 1).lon, 1e-9);
  EXPECT_EQ(m[2].failure, LineMatchFailure::from_too_far); // C is 1 km off, the snap 0.6 km
  EXPECT_EQ(m[3].failure, LineMatchFailure::to_too_far);
  const auto wide = match_lines(lines, ends, {.snap = Km(2.5)});
  EXPECT_EQ(wide[2].failure, LineMatchFailure::same_point);
  EXPECT_TRUE(wide[3].matched());

  LineGraph broken = lines;
  broken.segments.push_back({0, 999});
  EXPECT_THROW((void)match_lines(broken, ends), std::invalid_argument);
}

} // namespace
} // namespace caravan
