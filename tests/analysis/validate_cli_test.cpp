// End-to-end tests of `caravan validate`: exit 0 and a per-check report on the eurasia data, exit 2
// and named problems on a broken copy.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct CmdResult {
  int code = -1;
  std::string out; ///< stdout and stderr together
};

CmdResult run(const std::string& args) {
  const std::string cmd = std::string(CARAVAN_BINARY) + " " + args + " 2>&1";
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

const std::filesystem::path kRepo(CARAVAN_REPO_DIR);

TEST(ValidateCli, EurasiaDataIsValid) {
  const CmdResult r = run("validate --network " + (kRepo / "data" / "eurasia").string());
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
    nodes << "xx_lost,Lost,,KZ,10.0,10.0,city,,\n"; // isolated, and far outside Kazakhstan
    std::ofstream corr(net / "corridors.csv", std::ios::app);
    corr << "broken,Broken,kz_dostyk;ge_poti,,\n"; // no direct link
    std::ofstream links(net / "links.csv", std::ios::app);
    links << "too_short,kz_almaty,kz_astana,road,100,10,,,0.95,0,110,existing,,,,,\n";
  }
  const CmdResult r = run("validate --network " + net.string());
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
