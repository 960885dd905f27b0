// `caravan route --depart` and services.csv in `caravan validate`, end to end.
#include "support/run_caravan.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

namespace caravan {
namespace {

using testing::run_caravan;
namespace fs = std::filesystem;

/// A copy of the eurasia network with `services` as its services.csv.
fs::path network_with(const std::string& name, const std::string& services) {
  const fs::path dir = fs::temp_directory_path() / ("caravan_tt_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(std::string(CARAVAN_REPO_DIR) + "/data/eurasia"))
    if (e.path().extension() == ".csv" && e.path().filename() != "services.csv")
      fs::copy_file(e.path(), dir / e.path().filename());
  std::ofstream(dir / "services.csv") << services;
  return dir;
}

TEST(TimetableCli, DepartShowsTheScheduleAndTheSailing) {
  const auto r = run_caravan("route --from Altynkol --to Constanta --avoid-country RU "
                             "--avoid-country BY --depart 2026-03-03T08:00",
                             false);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("schedule: depart 2026-03-03T08:00Z (Tue 08:00)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("next sailing Fri 12:00 (+04:00) (poti_constanta_e60)"), std::string::npos)
      << r.out;
}

TEST(TimetableCli, TuesdayAndFridayArriveDifferently) {
  // The Middle Corridor to Constanța ends with the weekly Poti sailing (Fri 12:00 +04:00): the
  // arrivals differ, and a route that takes the sailing leaves Poti at Fri 08:00 UTC.
  std::string arrive[2];
  const char* departs[2] = {"2026-03-03T08:00", "2026-03-06T08:00"};
  int sailings = 0;
  for (int i = 0; i < 2; ++i) {
    const auto r = run_caravan(std::string("route --from Altynkol --to Constanta --avoid-country "
                                           "RU --avoid-country BY --format json --depart ") +
                                   departs[i],
                               false);
    ASSERT_EQ(r.code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    arrive[i] = j["schedule"]["arrive"];
    EXPECT_EQ(j["engine"], "timetable");
    for (const auto& leg : j["schedule"]["legs"])
      for (const auto& why : leg["why"])
        if (why.get<std::string>().find("poti_constanta_e60") != std::string::npos) {
          ++sailings;
          EXPECT_EQ(leg["depart"].get<std::string>().substr(10), "T08:00Z");
          EXPECT_EQ(why, "next sailing Fri 12:00 (+04:00) (poti_constanta_e60)");
        }
  }
  EXPECT_GE(sailings, 1);
  EXPECT_NE(arrive[0], arrive[1]);
}

TEST(TimetableCli, BadDepartExitsTwo) {
  auto r = run_caravan("route --from Altynkol --to Baku --depart tuesday");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--depart: expected a date and time"), std::string::npos) << r.out;
  r = run_caravan("route --from Altynkol --to Baku --by cost --depart 2026-03-03T08:00");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--by time"), std::string::npos) << r.out;
}

TEST(TimetableCli, ValidateReportsServicesAndTheirErrors) {
  auto r = run_caravan("validate --network eurasia --no-country-check");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("services       ok    14 checked, 0 failed"), std::string::npos) << r.out;
  const std::string header = "id,from,to,mode,departures,utc_offset,headway_h,transit_h\n";
  const auto bad = network_with("bad", header + "s1,kz_aktau,az_alat,ferry,Tue 25:00,+05:00,,21\n");
  r = run_caravan("validate --no-country-check --network " + bad.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("services.csv:2: field 'departures': expected weekday and time"),
            std::string::npos)
      << r.out;
  const auto fast = network_with("fast", header + "s1,kz_aktau,az_alat,ferry,,,48,2\n");
  r = run_caravan("validate --no-country-check --network " + fast.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("services: s1: transit_h_low 2 h over link ferry_aktau_alat"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("note: s1: no service runs az_alat -> kz_aktau"), std::string::npos)
      << r.out;
  fs::remove_all(bad);
  fs::remove_all(fast);
}

TEST(TimetableCli, ReachListsPlacesAndWritesDayBands) {
  auto r = run_caravan("reach --from Khorgos --days 10", false);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("reach from Altynkol within 10 days (constant waits"), std::string::npos)
      << r.out;
  r = run_caravan("reach --from Khorgos --days 10 --depart 2026-03-03T08:00 --format geojson",
                  false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto g = nlohmann::json::parse(r.out);
  // Hulls of the places within 3, 7 and 10 days (the budget ends the 7-14 band).
  std::set<std::string> bands;
  std::set<double> within;
  for (const auto& f : g["features"])
    if (f["properties"]["kind"] == "band") {
      bands.insert(f["properties"]["band"]);
      within.insert(f["properties"]["within_days"].get<double>());
    }
  EXPECT_EQ(bands, (std::set<std::string>{"0-3", "3-7", "7-14"}));
  EXPECT_EQ(within, (std::set<double>{3, 7, 10}));
  EXPECT_EQ(g["properties"]["depart"], "2026-03-03T08:00Z");
  r = run_caravan("reach --from Khorgos --days 10 --bands 7,3");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--bands: expected ascending positive day counts"), std::string::npos)
      << r.out;
}

} // namespace
} // namespace caravan
