// Tests of the WKT LINESTRING reader and writer (the `wkt` column of geometry.csv).
#include "formats/wkt.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caravan::formats {
namespace {

std::string error_of(std::string_view wkt) {
  std::string error;
  if (parse_wkt_linestring(wkt, error)) return "no error";
  return error;
}

TEST(Wkt, WritesLonLatWithTheShortestDecimals) {
  const std::vector<LatLon> pts{{43.65, 51.17}, {39.95, 49.41}, {-33.8688, 151.2093}, {0.1, -0.2}};
  EXPECT_EQ(format_wkt_linestring(pts),
            "LINESTRING (51.17 43.65, 49.41 39.95, 151.2093 -33.8688, -0.2 0.1)");
}

TEST(Wkt, RoundTripsExactly) {
  const std::vector<LatLon> pts{{45.17018, 82.56981},
                                {45.252857142857, 82.486651234},
                                {1.0 / 3.0, -179.99999999999},
                                {-89.5, 2.0 / 7.0},
                                {0.0, 0.0},
                                {41.0082, 28.9784}};
  std::string error;
  const auto back = parse_wkt_linestring(format_wkt_linestring(pts), error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->size(), pts.size());
  for (std::size_t i = 0; i < pts.size(); ++i) {
    EXPECT_EQ((*back)[i].lat, pts[i].lat) << "point " << i;
    EXPECT_EQ((*back)[i].lon, pts[i].lon) << "point " << i;
  }
}

TEST(Wkt, ReadsAnyCaseAndSpacing) {
  std::string error;
  const auto p =
      parse_wkt_linestring("  linestring(51.17 43.65,49.41   39.95 , +50 -1.5e1 )  ", error);
  ASSERT_TRUE(p) << error;
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ((*p)[0].lon, 51.17);
  EXPECT_EQ((*p)[0].lat, 43.65);
  EXPECT_EQ((*p)[1].lon, 49.41);
  EXPECT_EQ((*p)[1].lat, 39.95);
  EXPECT_EQ((*p)[2].lon, 50.0);
  EXPECT_EQ((*p)[2].lat, -15.0);
}

TEST(Wkt, BadTextSaysWhatIsWrong) {
  EXPECT_EQ(error_of(""), "expected 'LINESTRING (lon lat, ...)'");
  EXPECT_EQ(error_of("POINT (1 2)"), "expected 'LINESTRING (lon lat, ...)'");
  EXPECT_EQ(error_of("MULTILINESTRING ((1 2, 3 4))"), "expected 'LINESTRING (lon lat, ...)'");
  EXPECT_EQ(error_of("LINESTRING 1 2, 3 4"), "expected '(' after LINESTRING");
  EXPECT_EQ(error_of("LINESTRING EMPTY"), "expected '(' after LINESTRING");
  EXPECT_EQ(error_of("LINESTRING Z (1 2 3, 4 5 6)"), "expected '(' after LINESTRING");
  EXPECT_EQ(error_of("LINESTRING (1 2, 3)"), "point 2: expected two numbers 'lon lat'");
  EXPECT_EQ(error_of("LINESTRING (1 2, x 4)"), "point 2: expected two numbers 'lon lat'");
  EXPECT_EQ(error_of("LINESTRING (nan 2, 3 4)"), "point 1: expected two numbers 'lon lat'");
  EXPECT_EQ(error_of("LINESTRING (1 inf, 3 4)"), "point 1: expected two numbers 'lon lat'");
  EXPECT_EQ(error_of("LINESTRING (+-1 2, 3 4)"), "point 1: expected two numbers 'lon lat'");
  EXPECT_EQ(error_of("LINESTRING (1 2 3, 4 5 6)"), "point 1: expected ',' or ')' after it");
  EXPECT_EQ(error_of("LINESTRING (1 2; 3 4)"), "point 1: expected ',' or ')' after it");
  EXPECT_EQ(error_of("LINESTRING (1 2, 3 4"), "point 2: expected ',' or ')' after it");
  EXPECT_EQ(error_of("LINESTRING (1 2, 3 4) x"), "unexpected text after the closing ')'");
  EXPECT_EQ(error_of("LINESTRING (1 2)"), "a LINESTRING needs at least 2 points");
}

TEST(Wkt, CoordinatesOutsideWgs84AreRejected) {
  // Latitude first is the usual mistake: WKT is lon lat.
  EXPECT_EQ(error_of("LINESTRING (51.17 43.65, 39.95 95)"),
            "point 2: latitude 95 is outside [-90, 90] (WKT order is lon lat)");
  EXPECT_EQ(error_of("LINESTRING (190 5, 3 4)"), "point 1: longitude 190 is outside [-180, 180]");
  EXPECT_EQ(error_of("LINESTRING (-180 -90, 180 90)"), "no error");
}

} // namespace
} // namespace caravan::formats
