// End-to-end tests of `caravan validate`: exit 0 and a per-check report on the eurasia data, exit 2
// and named problems on a broken copy.
#include "support/run_caravan.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using caravan::testing::CmdResult;
using caravan::testing::run_caravan;

const std::filesystem::path kRepo(CARAVAN_REPO_DIR);

TEST(ValidateCli, EurasiaDataIsValid) {
  const CmdResult r = run_caravan("validate --network " + (kRepo / "data" / "eurasia").string());
  EXPECT_EQ(r.code, 0) << r.out;
  for (const char* check :
       {"corridor_path", "link_length", "node_country", "isolated_node", "transfer_rule"})
    EXPECT_NE(r.out.find(check), std::string::npos) << check;
  EXPECT_NE(r.out.find("network is valid"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("SKIP"), std::string::npos)
      << "the country check must run on the eurasia data";
}

TEST(ValidateCli, BrokenCopyExitsTwoAndNamesEveryProblem) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("caravan-validate-" + std::to_string(::getpid()));
  const auto net = dir / "net";
  std::filesystem::create_directories(net);
  for (const char* f : {"nodes.csv", "links.csv", "transfers.csv", "borders.csv", "corridors.csv"})
    std::filesystem::copy_file(kRepo / "data" / "eurasia" / f, net / f);
  std::filesystem::copy_file(kRepo / "data" / "country-polygons.json",
                             dir / "country-polygons.json");
  {
    std::ofstream nodes(net / "nodes.csv", std::ios::app);
    nodes << "xx_lost,Lost,,KZ,10.0,10.0,city,,,\n"; // isolated, and far outside Kazakhstan
    std::ofstream corr(net / "corridors.csv", std::ios::app);
    corr << "broken,Broken,kz_dostyk;ge_poti,,\n"; // no direct link
    std::ofstream links(net / "links.csv", std::ios::app);
    links << "too_short,kz_almaty,kz_astana,road,100,10,,,0.95,0,110,existing,,,,,\n";
  }
  const CmdResult r = run_caravan("validate --network " + net.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("corridor_path: broken: no link from kz_dostyk to ge_poti"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("isolated_node: xx_lost"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("node_country: xx_lost"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("link_length: too_short"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4 problem(s) found"), std::string::npos) << r.out;
  std::filesystem::remove_all(dir);
}

} // namespace
