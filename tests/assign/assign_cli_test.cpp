// End-to-end tests of `caravan assign` on a small TNTP network written by the test.
#include "support/run_caravan.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using caravan::testing::CmdResult;
using caravan::testing::run_caravan;

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

/// Two routes from zone 1 to zone 2: 1->2 with t = 10 + x, and 1->3->2 with t = 20 + 0.5 x.
/// Demand 40. UE: 20 on each route (cost 30, Beckmann 900); SO: 50/3 and 70/3 (total 3550/3).
class AssignCli : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("caravan-assign-cli-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    write(dir_ / "Two_net.tntp", "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n"
                                 "<FIRST THRU NODE> 3\n<NUMBER OF LINKS> 3\n<END OF METADATA>\n"
                                 "~ init term cap len fft b power speed toll type ;\n"
                                 "1 2 1 1 10 0.1 1 0 0 1 ;\n"
                                 "1 3 1 1 20 0.025 1 0 0 1 ;\n"
                                 "3 2 1 1 0 0 1 0 0 1 ;\n");
    write(dir_ / "Two_trips.tntp",
          "<NUMBER OF ZONES> 2\n<TOTAL OD FLOW> 40\n<END OF METADATA>\nOrigin 1\n 2 : 40;\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string base() const { return (dir_ / "Two").string(); }
  std::filesystem::path dir_;
};

double flow_in_csv(const std::string& csv, const std::string& from_to) {
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(from_to + ",", 0) == 0) return std::stod(line.substr(from_to.size() + 1));
  return -1;
}

TEST_F(AssignCli, UserEquilibriumWritesFlowsAndEndsWithGapAndObjective) {
  const auto out = dir_ / "flows.csv";
  const CmdResult r = run_caravan("assign --tntp " + base() + " --gap 1e-10 -o " + out.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("relative gap"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("iter"), std::string::npos) << r.out; // the per-iteration table
  EXPECT_NE(r.out.find("Beckmann objective: 900"), std::string::npos) << r.out;
  std::ifstream f(out);
  std::stringstream csv;
  csv << f.rdbuf();
  EXPECT_EQ(csv.str().rfind("from,to,flow\n", 0), 0u) << csv.str();
  EXPECT_NEAR(flow_in_csv(csv.str(), "1,2"), 20.0, 1e-6);
  EXPECT_NEAR(flow_in_csv(csv.str(), "1,3"), 20.0, 1e-6);
  EXPECT_NEAR(flow_in_csv(csv.str(), "3,2"), 20.0, 1e-6);
}

TEST_F(AssignCli, SystemOptimumWithFrankWolfe) {
  const auto out = dir_ / "so.csv";
  const CmdResult r =
      run_caravan("assign --tntp " + base() + " --objective so --algorithm fw --gap 1e-9 -q -o " +
                  out.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("total cost: 1183.3333"), std::string::npos) << r.out;
  std::ifstream f(out);
  std::stringstream csv;
  csv << f.rdbuf();
  EXPECT_NEAR(flow_in_csv(csv.str(), "1,2"), 50.0 / 3.0, 1e-4);
}

TEST_F(AssignCli, MalformedFileIsABadInputWithFileLineField) {
  write(dir_ / "Two_trips.tntp", "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n 2 : x;\n");
  const CmdResult r = run_caravan("assign --tntp " + base());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("Two_trips.tntp:4: field 'flow': expected a number, got 'x'"),
            std::string::npos)
      << r.out;
}

TEST_F(AssignCli, MissingFilesAndBadOptionsAreBadInput) {
  EXPECT_EQ(run_caravan("assign --tntp " + (dir_ / "Nope").string()).code, 2);
  EXPECT_EQ(run_caravan("assign --tntp " + base() + " --objective xx").code, 2);
  EXPECT_EQ(run_caravan("assign").code, 2);
}

TEST_F(AssignCli, FreightOnTheBuiltInNetworkReportsCorridorsBindingAndGap) {
  const std::string demand =
      std::string(CARAVAN_REPO_DIR) + "/examples/freight-demand/china-kazakhstan-2024.csv";
  const auto out = dir_ / "teu.csv";
  const CmdResult r =
      run_caravan("assign --network eurasia --demand " + demand + " -q -o " + out.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("corridor shares"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tar_northern"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("binding capacities"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("relative gap: "), std::string::npos) << r.out;
  // 1,406,500 TEU/year in the example file.
  EXPECT_NE(r.out.find("(1406500 TEU/year)"), std::string::npos) << r.out;
  std::ifstream f(out);
  std::stringstream csv;
  csv << f.rdbuf();
  EXPECT_EQ(csv.str().rfind("link,from,to,mode,length_km,teu_per_day,", 0), 0u) << csv.str();
  // By time, the whole China-Europe demand of the file (Xi'an, Chongqing, Chengdu to Malaszewicze
  // 700,000 and Yiwu, Zhengzhou to Duisburg 300,000 TEU/year) crosses Moscow -> Brest.
  EXPECT_NE(csv.str().find("ru_moscow_brest,ru_moscow,by_brest,rail_1520,1100,2739.73,1e+06,"),
            std::string::npos)
      << csv.str();
}

TEST_F(AssignCli, FreightJsonListsBindingCapacities) {
  // Four times the example: the Altynkol-Zhetygen line (18 trains/day) is over capacity. By cost
  // (rail USD 1,249 against USD 1,624 with the A-2 road from Altynkol), so the flow stays on rail;
  // by time the road via Almaty (1,134 km in 43 h) is quicker than the train.
  write(dir_ / "big.csv", "from,to,teu_per_day\nUrumqi,Tashkent,2500\n");
  const CmdResult r =
      run_caravan("assign --network eurasia --demand " + (dir_ / "big.csv").string() +
                  " -q --by cost --format json 2>/dev/null");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("\"binding\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"link\": \"kz_zhetygen_altynkol\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"relative_gap\""), std::string::npos) << r.out;
}

TEST_F(AssignCli, FreightDemandErrorsNameFileLineFieldAndSuggest) {
  write(dir_ / "bad.csv", "from,to,teu_per_year\nXi'an,Malaszewicze,100\nAlmatty,Moscow,5\n");
  const CmdResult r =
      run_caravan("assign --network eurasia --demand " + (dir_ / "bad.csv").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("bad.csv:3: field 'from': no place named 'Almatty'"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("did you mean"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Almaty"), std::string::npos) << r.out;

  write(dir_ / "neg.csv", "from,to,teu_per_day\nAlmaty,Moscow,-5\n");
  const CmdResult n =
      run_caravan("assign --network eurasia --demand " + (dir_ / "neg.csv").string());
  EXPECT_EQ(n.code, 2);
  EXPECT_NE(n.out.find("neg.csv:2: field 'teu_per_day'"), std::string::npos) << n.out;
  // --demand needs --network, and --tntp excludes both.
  EXPECT_EQ(run_caravan("assign --demand " + (dir_ / "neg.csv").string()).code, 2);
  EXPECT_EQ(run_caravan("assign --tntp " + base() + " --network eurasia --demand x.csv").code, 2);
}

} // namespace
