// services.csv: weekly departures and "sails when full" headways, and file:line:field errors.
#include "formats/parse_error.hpp"
#include "formats/services_csv.hpp"

#include <gtest/gtest.h>

#include <string>

namespace caravan::formats {
namespace {

const char* kNodes = "id,name,country,lat,lon,kind\n"
                     "a,Aktau,KZ,43.6,51.2,seaport\n"
                     "b,Baku,AZ,40.4,49.9,seaport\n"
                     "c,Tbilisi,GE,41.7,44.8,city\n";
const char* kLinks = "id,from,to,mode,length_km,duration_h,co2_g_per_tkm,oneway\n"
                     "ab,a,b,ferry,470,23,150,false\n"
                     "bc,b,c,rail_1520,550,20,18,false\n";
const char* kHeader = "id,from,to,mode,operator,departures,utc_offset,headway_h,headway_h_low,"
                      "headway_h_high,transit_h,cutoff_h,capacity,capacity_unit,valid_from,"
                      "valid_to,source\n";

Network net() {
  return parse_network({"net", {{"nodes.csv", kNodes}, {"links.csv", kLinks}}}).network;
}

Timetable parse(const std::string& rows) {
  const Network n = net();
  return parse_services_csv(std::string(kHeader) + rows, "services.csv", n);
}

std::string error_of(const std::string& rows) {
  try {
    static_cast<void>(parse(rows));
  } catch (const ParseError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ServicesCsv, WeeklyDeparturesAreStoredInUtcHoursOfTheWeek) {
  const Network n = net();
  const Timetable tt = parse_services_csv(
      std::string(kHeader) +
          "s1,a,b,ferry,KMTF,Tue 14:00;mon 02:00,+05:00,,,,22,6,225,teu,2026-01-01,2026-12-31,x\n",
      "services.csv", n);
  ASSERT_EQ(tt.services().size(), 1u);
  const Service& s = tt.services()[0];
  EXPECT_EQ(s.link, *n.find_link_id("ab"));
  ASSERT_EQ(s.weekly_utc_h.size(), 2u);
  // Mon 02:00 +05:00 is Sun 21:00 UTC (hour 165); Tue 14:00 +05:00 is Tue 09:00 UTC (hour 33).
  EXPECT_DOUBLE_EQ(s.weekly_utc_h[0], 33.0);
  EXPECT_DOUBLE_EQ(s.weekly_utc_h[1], 165.0);
  EXPECT_EQ(s.utc_offset_min, 300);
  EXPECT_DOUBLE_EQ(s.transit.typical.value(), 22.0);
  EXPECT_DOUBLE_EQ(s.cutoff.value(), 6.0);
  EXPECT_EQ(s.capacity_unit, "teu");
  EXPECT_EQ(*s.valid_from_day, days_from_civil(2026, 1, 1));
  const ArcId forward(n.first_out(*n.find_node_id("a")));
  EXPECT_EQ(tt.on_arc(forward).size(), 1u);
}

TEST(ServicesCsv, HeadwayServiceHasARangeAndAMeanWaitOfHalfOfIt) {
  const Timetable tt = parse("s1,b,a,ferry,ASCO,,,84,42,168,22,,,,,,x\n");
  const Service& s = tt.services()[0];
  ASSERT_TRUE(s.headway.has_value());
  EXPECT_DOUBLE_EQ(s.headway->low.value(), 42.0);
  EXPECT_DOUBLE_EQ(s.headway->high.value(), 168.0);
  EXPECT_DOUBLE_EQ(s.mean_wait().value(), 42.0);
  EXPECT_FALSE(s.weekly());
}

TEST(ServicesCsv, WeeklyMeanWaitWeighsTheGaps) {
  // Gaps of 24 h and 144 h: (24^2 + 144^2) / 2 / 168 = 63.43 h.
  const Timetable tt = parse("s1,a,b,ferry,,Mon 00:00;Tue 00:00,Z,,,,22,,,,,,x\n");
  EXPECT_NEAR(tt.services()[0].mean_wait().value(), (24.0 * 24 + 144.0 * 144) / 2 / 168, 1e-9);
}

TEST(ServicesCsv, ErrorsNameFileLineAndField) {
  EXPECT_EQ(error_of("s1,a,x,ferry,,Tue 14:00,+04:00,,,,22,,,,,,\n"),
            "services.csv:2: field 'to': unknown node id 'x'");
  EXPECT_EQ(error_of("s1,a,b,rail_1520,,Tue 14:00,+04:00,,,,22,,,,,,\n"),
            "services.csv:2: field 'mode': no rail_1520 link from 'a' to 'b' (the links there are "
            "of another mode)");
  EXPECT_EQ(error_of("s1,a,c,ferry,,Tue 14:00,+04:00,,,,22,,,,,,\n"),
            "services.csv:2: field 'to': no link from 'a' to 'c' in that direction");
  EXPECT_EQ(error_of("s1,a,b,ferry,,Tue 14:00,+04:00,,,,0,,,,,,\n"),
            "services.csv:2: field 'transit_h': expected a positive number, got 0");
  EXPECT_EQ(error_of("s1,a,b,ferry,,Tue 25:00,+04:00,,,,22,,,,,,\n"),
            "services.csv:2: field 'departures': expected weekday and time such as 'Thu 14:00' "
            "(';'-separated), got 'Tue 25:00'");
  EXPECT_EQ(error_of("s1,a,b,ferry,,Tue 14:00,,,,,22,,,,,,\n"),
            "services.csv:2: field 'utc_offset': missing value (the departures' local time: "
            "+HH:MM, -HH:MM or Z)");
  EXPECT_EQ(error_of("s1,a,b,ferry,,Tue 14:00,+4,,,,22,,,,,,\n"),
            "services.csv:2: field 'utc_offset': expected +HH:MM, -HH:MM or Z, got '+4'");
  EXPECT_EQ(error_of("s1,a,b,ferry,,Tue 14:00,+04:00,48,,,22,,,,,,\n"),
            "services.csv:2: field 'headway_h': give either departures or headway_h, not both");
  EXPECT_EQ(error_of("s1,a,b,ferry,,,,,,,22,,,,,,\n"),
            "services.csv:2: field 'departures': missing value (give weekly departures, e.g. 'Tue "
            "14:00;Fri 14:00', or headway_h for a service that sails when full)");
  EXPECT_EQ(error_of("s1,a,b,ferry,,,,48,60,,22,,,,,,\n"),
            "services.csv:2: field 'headway_h_low': expected at most 48 (the typical value), got "
            "60");
  EXPECT_EQ(error_of("s1,a,b,ferry,,,,48,,,22,,,,2026-02-30,,\n"),
            "services.csv:2: field 'valid_from': expected a date YYYY-MM-DD (1970 or later), got "
            "'2026-02-30'");
  EXPECT_EQ(error_of("s1,a,b,ferry,,,,48,,,22,,,,2026-03-01,2026-02-01,\n"),
            "services.csv:2: field 'valid_to': the last day of operation is before valid_from");
  EXPECT_EQ(error_of("s1,a,b,ferry,,,,48,,,22,,5,boxes,,,\n"),
            "services.csv:2: field 'capacity_unit': expected teu, wagons or trucks, got 'boxes'");
  EXPECT_EQ(error_of("s1,a,b,ferry,,,,48,,,22,,,,,,\ns1,b,a,ferry,,,,48,,,22,,,,,,\n"),
            "services.csv:3: field 'id': duplicate service id 's1'");
  EXPECT_EQ(error_of("s1,a,b,ferry,,Tue 14:00;tue 14:00,Z,,,,22,,,,,,\n"),
            "services.csv:2: field 'departures': departure 'tue 14:00' is given twice");
}

TEST(ServicesCsv, DatesTimesAndOffsetsParse) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(*parse_date("2026-03-03"), days_from_civil(2026, 3, 3));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2026-3-3"));
  const double t = *parse_datetime("2026-03-03T08:00");
  EXPECT_DOUBLE_EQ(t, static_cast<double>(days_from_civil(2026, 3, 3)) * 24 + 8);
  EXPECT_DOUBLE_EQ(*parse_datetime("2026-03-03T12:00+04:00"), t);
  EXPECT_DOUBLE_EQ(*parse_datetime("2026-03-03T08:00Z"), t);
  EXPECT_FALSE(parse_datetime("2026-03-03"));
  EXPECT_FALSE(parse_datetime("2026-03-03T08:00+4"));
  EXPECT_EQ(format_datetime(t), "2026-03-03T08:00Z");
  EXPECT_EQ(format_datetime(t, 240), "2026-03-03T12:00+04:00");
  EXPECT_EQ(format_weekday_time(t), "Tue 08:00"); // 2026-03-03 is a Tuesday
  EXPECT_EQ(format_weekday_time(t, -600), "Mon 22:00");
  EXPECT_EQ(format_duration(Hours(51.5)), "2 d 3 h");
  EXPECT_EQ(format_duration(Hours(5.5)), "5 h 30 min");
  EXPECT_DOUBLE_EQ(*parse_weekly_time("Sunday 23:30"), 6 * 24 + 23.5);
}

TEST(ServicesCsv, BuiltInEurasiaServicesParse) {
  // The built-in network carries data/eurasia/services.csv (tested in tests/data too).
  const char* dir = CARAVAN_REPO_DIR "/data/eurasia";
  const NetworkFiles files = read_network_files(dir);
  ASSERT_TRUE(files.contents.contains("services.csv"));
  const Network n = parse_network(files).network;
  const Timetable tt = parse_services(files, n);
  EXPECT_GE(tt.services().size(), 10u);
}

} // namespace
} // namespace caravan::formats
