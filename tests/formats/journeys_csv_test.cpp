// Tests of the published-journey (calibration) CSV reader: a good file, and errors naming
// file:line:field.
#include "formats/csv_network.hpp"
#include "formats/journeys_csv.hpp"
#include "formats/parse_error.hpp"

#include <gtest/gtest.h>

#include <string>

namespace caravan::formats {
namespace {

const Network& small_network() {
  static const Network net = [] {
    NetworkFiles f;
    f.label = "net";
    f.contents["nodes.csv"] = "id,name,country,lat,lon,kind\n"
                              "a,Alpha,CN,45,82,border\n"
                              "b,Beta,KZ,45.2,82.4,border\n"
                              "c,Gamma,KZ,46,79,junction\n";
    f.contents["links.csv"] =
        "id,from,to,mode,length_km,speed_kmh,cost_usd_per_teu_km,co2_g_per_tkm\n"
        "ab,a,b,rail_1435,12,50,0.3,18\n"
        "bc,b,c,rail_1520,300,50,0.3,22\n"
        "ac,a,c,road,350,60,1.0,90\n";
    return parse_network(f).network;
  }();
  return net;
}

const std::string kHeader = "id,from,to,via,by,avoid_modes,year,published,km_low,km_high,days_low,"
                            "days_high,range_note,source,reason\n";

std::string error_of(const std::string& text) {
  try {
    (void)parse_journeys(text, "cal.csv", small_network());
  } catch (const ParseError& e) {
    return e.what();
  }
  return "no error";
}

TEST(JourneysCsv, ReadsAGoodFile) {
  const std::string text =
      "# published journeys\n" + kHeader +
      "a_c,a,c,b,time,road,2027,\"312 km, 1 day\",296.4,327.6,0.8,1.2,\u00b15 %; \u00b120 %,"
      "FACTS \u00a71 https://example.org,\n"
      "c_a_km,c,a,,distance,road;ferry,,312 km,300,330,,,,FACTS \u00a72,the link is an estimate\n"
      "a_b_days,a,b,,,,,1 day,,,0.5,1.5,,FACTS \u00a73,\n";
  const auto js = parse_journeys(text, "cal.csv", small_network());
  ASSERT_EQ(js.size(), 3u);
  const Network& net = small_network();

  EXPECT_EQ(js[0].id, "a_c");
  EXPECT_EQ(net.node(js[0].from).id, "a");
  EXPECT_EQ(net.node(js[0].to).id, "c");
  ASSERT_EQ(js[0].via.size(), 1u);
  EXPECT_EQ(net.node(js[0].via[0]).id, "b");
  EXPECT_EQ(js[0].objective, Objective::time);
  EXPECT_TRUE(js[0].avoid_modes.contains(Mode::road));
  EXPECT_FALSE(js[0].avoid_modes.contains(Mode::ferry));
  EXPECT_EQ(js[0].year, 2027);
  EXPECT_EQ(js[0].published, "312 km, 1 day");
  EXPECT_DOUBLE_EQ(*js[0].km_low, 296.4);
  EXPECT_DOUBLE_EQ(*js[0].km_high, 327.6);
  EXPECT_DOUBLE_EQ(*js[0].days_low, 0.8);
  EXPECT_DOUBLE_EQ(*js[0].days_high, 1.2);
  EXPECT_EQ(js[0].range_note, "\u00b15 %; \u00b120 %");
  EXPECT_EQ(js[0].source, "FACTS \u00a71 https://example.org");
  EXPECT_TRUE(js[0].reason.empty());

  EXPECT_EQ(js[1].objective, Objective::distance);
  EXPECT_TRUE(js[1].avoid_modes.contains(Mode::road));
  EXPECT_TRUE(js[1].avoid_modes.contains(Mode::ferry));
  EXPECT_TRUE(js[1].via.empty());
  EXPECT_FALSE(js[1].year.has_value());
  EXPECT_FALSE(js[1].days_low.has_value());
  EXPECT_EQ(js[1].reason, "the link is an estimate");

  EXPECT_EQ(js[2].objective, Objective::time) << "an empty `by` routes by time";
  EXPECT_FALSE(js[2].km_low.has_value());
  EXPECT_DOUBLE_EQ(*js[2].days_high, 1.5);
}

struct BadCase {
  const char* name;
  std::string rows; ///< after the header (line 2 on)
  const char* error;
};

void PrintTo(const BadCase& c, std::ostream* os) {
  *os << c.name;
}

class JourneysCsvErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(JourneysCsvErrors, NameFileLineAndField) {
  const BadCase& c = GetParam();
  EXPECT_EQ(error_of(kHeader + c.rows), c.error);
}

const std::string kGood = "ok,a,c,,,,,1 day,,,0.5,1.5,,src,\n";

INSTANTIATE_TEST_SUITE_P(
    All, JourneysCsvErrors,
    ::testing::Values(
        BadCase{"unknown_place", kGood + "x,a,nowhere,,,,,1 day,,,0.5,1.5,,src,\n",
                "cal.csv:3: field 'to': unknown node id 'nowhere'"},
        BadCase{"unknown_via", "x,a,c,b;zz,,,,1 day,,,0.5,1.5,,src,\n",
                "cal.csv:2: field 'via': unknown node id 'zz'"},
        BadCase{"days_low_above_high", kGood + "late,a,c,,,,,1 day,,,2,1.5,,src,\n",
                "cal.csv:3: field 'days_high': the range's high end is below its low end"},
        BadCase{"bad_number", "x,a,c,,,,,300 km,300,3x0,,,,src,\n",
                "cal.csv:2: field 'km_high': expected a number, got '3x0'"},
        BadCase{"half_a_range", "x,a,c,,,,,300 km,300,,,,,src,\n",
                "cal.csv:2: field 'km_high': give both ends of the range, or neither"},
        BadCase{"no_range", "x,a,c,,,,,300 km,,,,,,src,\n",
                "cal.csv:2: field 'km_low': a journey needs a km range, a days range or both"},
        BadCase{"bad_objective", "x,a,c,,fastest,,,1 day,,,0.5,1.5,,src,\n",
                "cal.csv:2: field 'by': expected time, cost, co2 or distance, got 'fastest'"},
        BadCase{"bad_mode", "x,a,c,,,plane,,1 day,,,0.5,1.5,,src,\n",
                "cal.csv:2: field 'avoid_modes': unknown mode 'plane'"},
        BadCase{"duplicate_id", kGood + kGood, "cal.csv:3: field 'id': duplicate journey id 'ok'"},
        BadCase{"same_place", "x,a,a,,,,,1 day,,,0.5,1.5,,src,\n",
                "cal.csv:2: field 'to': same place as 'from'"},
        BadCase{"missing_source", "x,a,c,,,,,1 day,,,0.5,1.5,,,\n",
                "cal.csv:2: field 'source': missing value"}));

TEST(JourneysCsv, MissingColumnIsNamed) {
  EXPECT_EQ(error_of("id,from,to,published\nx,a,c,1 day\n"),
            "cal.csv:1: field 'source': missing column");
}

} // namespace
} // namespace caravan::formats
