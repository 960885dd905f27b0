// `caravan impact` end to end on the built-in network and scenarios, and the data fixes that let
// Black Sea routes reach Central Europe and Türkiye.
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct CmdResult {
  int code = -1;
  std::string out; ///< stdout (stderr too when asked)
};

CmdResult run(const std::string& args, bool with_stderr = true) {
  const std::string cmd =
      std::string(CARAVAN_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  CmdResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

const std::string kScenarios = std::string(CARAVAN_REPO_DIR) + "/data/eurasia/scenarios/";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(ImpactCli, CenterWestHighwayReportWithClaimAndSvg) {
  const auto svg = std::filesystem::temp_directory_path() /
                   ("caravan_cw_" + std::to_string(::getpid()) + ".svg");
  const CmdResult r =
      run("impact --scenario " + kScenarios + "center-west-highway.toml --svg " + svg.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("870 pairs: 24 better, 0 worse, 106 newly reachable, 0 no longer reachable"),
            std::string::npos)
      << r.out;
  // The largest change: Astana -> Irgiz, 1,895 -> 865 km, 67.1 -> 37.0 h.
  EXPECT_NE(r.out.find("Astana         Irgiz              1895      865    -1030    67.1    37.0   "
                       "-30.1"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Astana -> Irgiz by road: claimed saving 573 km; computed 2028 -> 865 km "
                       "(saving 1163 km)"),
            std::string::npos)
      << r.out;
  const std::string s = slurp(svg);
  EXPECT_EQ(s.rfind("<svg ", 0), 0u);
  EXPECT_NE(s.find(">Irgiz</text>"), std::string::npos);
  EXPECT_NE(s.find("Claim Astana -&gt; Irgiz by road: saving 573 km (source); model: 1163 km"),
            std::string::npos);
  std::filesystem::remove(svg);
}

TEST(ImpactCli, JsonAndCsvCarryMatricesAndPairs) {
  const CmdResult j =
      run("impact --scenario " + kScenarios + "moyinty-kyzylzhar.toml --format json", false);
  ASSERT_EQ(j.code, 0) << j.out;
  const auto doc = nlohmann::json::parse(j.out);
  const std::size_t n = doc["places"].size();
  EXPECT_EQ(n, 30u);
  EXPECT_EQ(doc["before"]["km"].size(), n);
  EXPECT_EQ(doc["after"]["usd"][0].size(), n);
  EXPECT_EQ(doc["summary"]["pairs"], n * (n - 1));
  ASSERT_EQ(doc["claims"].size(), 2u);
  EXPECT_EQ(doc["claims"][0]["claimed_saving"], 800.0);
  const CmdResult c =
      run("impact --scenario " + kScenarios + "moyinty-kyzylzhar.toml --format csv", false);
  ASSERT_EQ(c.code, 0);
  EXPECT_EQ(c.out.rfind("from,to,change,km_before,km_after,km_change,hours_before", 0), 0u);
  EXPECT_EQ(static_cast<std::size_t>(std::count(c.out.begin(), c.out.end(), '\n')),
            n * (n - 1) + 1);
}

TEST(ImpactCli, BaseOptionOverridesCompareAgainst) {
  // The fast variant against the network as it is: only the four faster sections differ, and
  // Petropavl -> Dostyk gains 836 km x (24/743.3 - 24/1500) h = 13.6 h.
  const CmdResult r = run("impact --scenario " + kScenarios + "dostyk-moyinty-fast.toml --base " +
                          kScenarios + "dostyk-moyinty.toml --top 1");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Compared with: scenario 'dostyk-moyinty'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("870 pairs: 94 better, 0 worse, 0 newly reachable"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Petropavl      Dostyk             1912     1912       +0    61.8    48.1   "
                       "-13.6"),
            std::string::npos)
      << r.out;
}

TEST(ImpactCli, EveryBuiltinScenarioRuns) {
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(kScenarios)) {
    if (e.path().extension() != ".toml") continue;
    ++files;
    const CmdResult r = run("impact --scenario " + e.path().string() + " --top 3");
    EXPECT_EQ(r.code, 0) << e.path() << "\n" << r.out;
  }
  EXPECT_EQ(files, 9);
}

TEST(ImpactCli, BadScenarioExitsTwoNamingFileLineAndField) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("caravan_bad_" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path)
      << "name = \"bad\"\n[[change_link]]\nid = \"kz_dostyk_aktogai\"\ntracks = 1\n";
  const CmdResult r = run("impact --scenario " + path.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find(path.string() +
                       ":2: field 'change_link.id': unknown link 'kz_dostyk_aktogai' (did you "
                       "mean 'kz_dostyk_aktogay'"),
            std::string::npos)
      << r.out;
  std::filesystem::remove(path);
}

TEST(DataFixes, MiddleCorridorReachesDuisburgAndPotiReachesIstanbul) {
  const CmdResult c = run("compare --from Lianyungang --to Duisburg");
  ASSERT_EQ(c.code, 0) << c.out;
  const auto at = c.out.find("Middle Corridor (TITR) via Poti to Constanța");
  ASSERT_NE(at, std::string::npos) << c.out;
  const std::string line = c.out.substr(at, c.out.find('\n', at) - at);
  EXPECT_EQ(line.find("does not serve"), std::string::npos) << line;
  EXPECT_NE(line.find("ferry>rail_1435"), std::string::npos) << line;
  // By distance the Black Sea ferry (1,118 km EST) beats the rail detour via Kars (2,442 km).
  const CmdResult r = run("route --from Poti --to Istanbul --by distance --format json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["total"]["km"], 1118.0);
  EXPECT_NE(doc["legs"].dump().find("\"ferry\""), std::string::npos) << doc["legs"].dump();
}

} // namespace
