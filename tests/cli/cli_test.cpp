// End-to-end tests of the `caravan` program: exit codes, error messages, outputs.
#include "support/run_caravan.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace {

using caravan::testing::CmdResult;
using caravan::testing::run_caravan;

const std::string kExample =
    std::string("--network ") + CARAVAN_REPO_DIR + "/examples/silk-road-mini";

TEST(Cli, HelpListsSubcommandsAndOptions) {
  const CmdResult top = run_caravan("--help");
  EXPECT_EQ(top.code, 0);
  EXPECT_NE(top.out.find("route"), std::string::npos);
  const CmdResult r = run_caravan("route --help");
  EXPECT_EQ(r.code, 0);
  for (const char* opt :
       {"--from", "--to", "--by", "--avoid-country", "--avoid-mode", "--format", "--max-transfers"})
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt;
}

TEST(Cli, RouteTableOnTheExampleNetwork) {
  const CmdResult r = run_caravan("route " + kExample + " --from Urumqi --to Poti");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("transfer at Dostyk: rail_1435 -> rail_1520"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ferry"), std::string::npos);
}

TEST(Cli, JsonFollowsTheContract) {
  const CmdResult r =
      run_caravan("route " + kExample + " --from khorgos --to POTI --by cost --format json");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["from"], "Altynkol");
  EXPECT_EQ(j["to"], "Poti");
  EXPECT_EQ(j["objective"], "cost");
  for (const char* k : {"km", "hours", "usd", "kg_co2", "transfers", "borders"})
    EXPECT_TRUE(j["total"].contains(k)) << k;
  ASSERT_FALSE(j["legs"].empty());
  for (const auto& leg : j["legs"])
    for (const char* k : {"from", "to", "mode", "km", "hours", "usd", "kg_co2", "corridor"})
      EXPECT_TRUE(leg.contains(k)) << k;
  double km = 0;
  for (const auto& leg : j["legs"]) km += leg["km"].get<double>();
  EXPECT_NEAR(km, j["total"]["km"].get<double>(), 0.5);
}

TEST(Cli, EngineOptionPicksAndReportsTheEngine) {
  const std::string q = "route --from Lianyungang --to Duisburg --by cost --format json";
  auto run = [&](const std::string& extra) {
    const CmdResult r = run_caravan(q + " " + extra, false);
    EXPECT_EQ(r.code, 0) << extra << ": " << r.out;
    return r.code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json::object();
  };
  // The built-in network is small: auto answers with Dijkstra.
  const auto dij = run("");
  EXPECT_EQ(dij["engine"], "dijkstra");
  const auto ch = run("--engine ch");
  EXPECT_EQ(ch["engine"], "ch");
  EXPECT_EQ(run("--engine auto --ch-min-states 0")["engine"], "ch");
  EXPECT_EQ(run("--engine dijkstra --ch-min-states 0")["engine"], "dijkstra");
  // The same route, to the last digit.
  EXPECT_EQ(ch["total"], dij["total"]);
  EXPECT_EQ(ch["legs"], dij["legs"]);
  // Constraints the hierarchy cannot honour fall back to Dijkstra.
  EXPECT_EQ(run("--engine ch --avoid-country RU")["engine"], "dijkstra");
  EXPECT_EQ(run("--engine ch --max-transfers 1")["engine"], "dijkstra");
  EXPECT_EQ(run("--engine ch --year 2030")["engine"], "dijkstra");
  EXPECT_EQ(run("--engine ch --teu 4")["engine"], "ch");
  EXPECT_EQ(run_caravan(q + " --engine fast").code, 2);
  const CmdResult help = run_caravan("serve --help");
  EXPECT_NE(help.out.find("--engine"), std::string::npos);
  EXPECT_NE(help.out.find("--ch-min-states"), std::string::npos);
}

TEST(Cli, GeoJsonIsAFeatureCollection) {
  const CmdResult r =
      run_caravan("route " + kExample + " --from Urumqi --to Aktau --format geojson");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["type"], "FeatureCollection");
  EXPECT_EQ(j["features"][0]["geometry"]["type"], "LineString");
}

TEST(Cli, UnknownPlaceSuggestsTheClosestNames) {
  const CmdResult r = run_caravan("route " + kExample + " --from Urumqi --to Potti");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--to: no place named 'Potti'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("did you mean Poti"), std::string::npos) << r.out;
}

TEST(Cli, ImpossibleConstraintsExitThree) {
  const CmdResult r =
      run_caravan("route " + kExample + " --from Urumqi --to Poti --avoid-mode ferry");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("no route from Urumqi to Poti"), std::string::npos) << r.out;
  const CmdResult c =
      run_caravan("route " + kExample + " --from Urumqi --to Poti --avoid-country GE");
  EXPECT_EQ(c.code, 3);
  const CmdResult u =
      run_caravan("route " + kExample + " --from Urumqi --to Poti --avoid-country XX");
  EXPECT_EQ(u.code, 2);
  EXPECT_NE(u.out.find("--avoid-country: no node lies in country 'XX'"), std::string::npos)
      << u.out;
}

TEST(Cli, BadOptionValuesAreUsageErrors) {
  EXPECT_EQ(run_caravan("route " + kExample + " --from Urumqi --to Poti --by speed").code, 2);
  EXPECT_EQ(run_caravan("route " + kExample + " --from Urumqi").code, 2);
  EXPECT_EQ(run_caravan("route " + kExample + " --from Urumqi --to Poti --teu -1").code, 2);
  EXPECT_EQ(run_caravan("frobnicate").code, 2);
}

TEST(Cli, MalformedNetworkNamesFileLineAndField) {
  const auto dir = std::filesystem::temp_directory_path() / "caravan-cli-bad-net";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  FILE* f = std::fopen((dir / "nodes.csv").c_str(), "w");
  std::fputs("id,name,country,lat,lon,kind\na,A,KZ,1,1,city\nb,B,KZ,1,2,city\n", f);
  std::fclose(f);
  f = std::fopen((dir / "links.csv").c_str(), "w");
  std::fputs("id,from,to,mode,length_km,speed_kmh,co2_g_per_tkm\nab,a,b,road,-5,50,90\n", f);
  std::fclose(f);
  const CmdResult r = run_caravan("route --network " + dir.string() + " --from A --to B");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("links.csv:2: field 'length_km': expected a non-negative number, got '-5'"),
            std::string::npos)
      << r.out;
  std::filesystem::remove_all(dir);
}

TEST(Cli, OutputFileIsWrittenWholeOrNotAtAll) {
  const auto out = std::filesystem::temp_directory_path() / "caravan-cli-route.json";
  std::filesystem::remove(out);
  ASSERT_EQ(
      run_caravan("route " + kExample + " --from Urumqi --to Poti -f json -o " + out.string()).code,
      0);
  EXPECT_TRUE(std::filesystem::exists(out));
  std::filesystem::remove(out);
  // A failing query leaves no file behind.
  EXPECT_EQ(
      run_caravan("route " + kExample + " --from Urumqi --to Nowhere -f json -o " + out.string())
          .code,
      2);
  EXPECT_FALSE(std::filesystem::exists(out));
}

} // namespace

namespace {

TEST(CliAnalysis, ParetoAlternativesCompareMatrixAndReliability) {
  const CmdResult p = run_caravan("pareto " + kExample + " --from Urumqi --to Poti --format json");
  ASSERT_EQ(p.code, 0) << p.out;
  EXPECT_GE(nlohmann::json::parse(p.out)["count"].get<int>(), 1);
  const CmdResult a =
      run_caravan("alternatives " + kExample + " --from Urumqi --to Aktau -k 3 --format json");
  ASSERT_EQ(a.code, 0) << a.out;
  EXPECT_EQ(nlohmann::json::parse(a.out)["count"].get<int>(), 2);
  const CmdResult c = run_caravan("compare " + kExample + " --from Urumqi --to Poti --format csv");
  ASSERT_EQ(c.code, 0) << c.out;
  EXPECT_EQ(c.out.rfind("rank,corridor_id,corridor,connects", 0), 0u) << c.out;
  EXPECT_NE(c.out.find(",middle_corridor,Middle Corridor (TITR),true,5071.5,9.95,"),
            std::string::npos)
      << c.out;
  const CmdResult m =
      run_caravan("matrix " + kExample + " --from centres:KZ --to Poti,Aktau --format csv");
  ASSERT_EQ(m.code, 0) << m.out;
  EXPECT_NE(m.out.find("Almaty,Poti,kz_almaty,ge_poti,true,"), std::string::npos) << m.out;
  const CmdResult r = run_caravan("route " + kExample +
                                  " --from Urumqi --to Poti --reliability --seed 3 --format json");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto rel = nlohmann::json::parse(r.out)["reliability"];
  EXPECT_EQ(rel["samples"], 10000);
  EXPECT_LE(rel["p50_days"].get<double>(), rel["p90_days"].get<double>());
  EXPECT_EQ(run_caravan("route " + kExample +
                        " --from Urumqi --to Poti --reliability --seed 3 --format json")
                .out,
            r.out);
}

TEST(CliAnalysis, ClearErrorsOnBadSetsAndNames) {
  const CmdResult empty = run_caravan("matrix " + kExample + " --from , --to Poti");
  EXPECT_EQ(empty.code, 2);
  EXPECT_NE(empty.out.find("--from: the set ',' names no place"), std::string::npos) << empty.out;
  const CmdResult bad = run_caravan("matrix " + kExample + " --from country:ZZ --to Poti");
  EXPECT_EQ(bad.code, 2);
  const CmdResult name = run_caravan("pareto " + kExample + " --from Urumqi --to Potti");
  EXPECT_EQ(name.code, 2);
  EXPECT_NE(name.out.find("did you mean Poti"), std::string::npos);
  const CmdResult impossible =
      run_caravan("alternatives " + kExample + " --from Urumqi --to Poti --avoid-mode ferry");
  EXPECT_EQ(impossible.code, 3);
}

} // namespace
