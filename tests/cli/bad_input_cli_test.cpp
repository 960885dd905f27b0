// End-to-end: a malformed input file (network CSV, TNTP, demand CSV, scenario TOML, OSM) makes
// `caravan` exit with code 2, print the reader's `file:line: field 'x': ...` error on stderr (not
// stdout), and create no output file.
#include "support/run_caravan.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using caravan::testing::CmdResult;
using caravan::testing::run_caravan;

class BadInputCli : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("caravan_bad_input_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  /// The example network copied into `name`, with `file` replaced by `text`.
  fs::path bad_network(const std::string& name, const std::string& file, const std::string& text) {
    const fs::path net = dir_ / name;
    fs::copy(fs::path(CARAVAN_REPO_DIR) / "examples" / "silk-road-mini", net);
    write(name + "/" + file, text);
    return net;
  }
  /// Runs `args`; expects exit code 2, `message` on stderr and nothing of it on stdout, and no
  /// `output` afterwards.
  void expect_rejected(const std::string& args, const std::string& message,
                       const fs::path& output) {
    const CmdResult both = run_caravan(args, true);
    EXPECT_EQ(both.code, 2) << both.out;
    EXPECT_NE(both.out.find("error: " + message), std::string::npos) << both.out;
    const CmdResult stdout_only = run_caravan(args, false);
    EXPECT_EQ(stdout_only.code, 2);
    EXPECT_EQ(stdout_only.out.find(message), std::string::npos) << stdout_only.out;
    EXPECT_FALSE(fs::exists(output)) << output;
  }
  fs::path dir_;
};

TEST_F(BadInputCli, NetworkWithANonNumericLength) {
  const fs::path net = bad_network("net", "links.csv",
                                   "id,from,to,mode,length_km,duration_h,co2_g_per_tkm\n"
                                   "a,cn_urumqi,cn_alashankou,rail_1435,460,9,18\n"
                                   "b,cn_urumqi,cn_khorgos,rail_1435,x,9,18\n");
  const fs::path out = dir_ / "route.json";
  expect_rejected("route --network " + net.string() + " --from Urumqi --to Poti --format json -o " +
                      out.string(),
                  net.string() + "/links.csv:3: field 'length_km': expected a number, got 'x'",
                  out);
}

TEST_F(BadInputCli, NetworkWithNonUtf8Bytes) {
  const fs::path net = bad_network("net", "nodes.csv",
                                   "id,name,country,lat,lon,kind\n"
                                   "cn_urumqi,\xDCr\xFCmqi,CN,43.8,87.6,city\n");
  const fs::path out = dir_ / "matrix.csv";
  expect_rejected(
      "matrix --network " + net.string() + " --from all --to all -f csv -o " + out.string(),
      net.string() + "/nodes.csv:2: invalid UTF-8 byte sequence (files must be UTF-8)", out);
}

TEST_F(BadInputCli, NetworkWithACorridorLoop) {
  const fs::path net = bad_network("net", "corridors.csv",
                                   "id,name,nodes\nloop,Loop,kz_dostyk;kz_aktogay;kz_dostyk\n");
  expect_rejected("validate --network " + net.string(),
                  net.string() +
                      "/corridors.csv:2: field 'nodes': node 'kz_dostyk' appears twice (a "
                      "corridor may not loop)",
                  dir_ / "none");
}

TEST_F(BadInputCli, TntpWithANegativeCapacity) {
  write("Bad_net.tntp", "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n"
                        "<NUMBER OF LINKS> 2\n<END OF METADATA>\n"
                        "1 2 100 1 6 0.15 4 0 0 1 ;\n2 1 -100 1 6 0 4 0 0 1 ;\n");
  write("Bad_trips.tntp", "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n 2 : 10;\n");
  const fs::path out = dir_ / "flows.csv";
  expect_rejected("assign --tntp " + (dir_ / "Bad").string() + " --quiet -o " + out.string(),
                  (dir_ / "Bad_net.tntp").string() +
                      ":7: field 'capacity': must not be negative, got -100",
                  out);
}

TEST_F(BadInputCli, DemandWithNaN) {
  const fs::path demand = write("demand.csv", "from,to,teu_per_day\nUrumqi,Poti,nan\n");
  const fs::path out = dir_ / "flows.csv";
  expect_rejected("assign --network example --demand " + demand.string() + " -o " + out.string(),
                  demand.string() + ":2: field 'teu_per_day': expected a finite number, got 'nan'",
                  out);
}

TEST_F(BadInputCli, ScenarioWithATruncatedTable) {
  const fs::path scenario = write("s.toml", "name = \"s\"\n[[change_link]\n");
  const fs::path out = dir_ / "impact.csv";
  const fs::path svg = dir_ / "impact.svg";
  expect_rejected(
      "impact --network example -s " + scenario.string() + " -f csv -o " + out.string() +
          " --svg " + svg.string(),
      scenario.string() + ":2: Error while parsing table header: expected ']', saw '\\n'", out);
  EXPECT_FALSE(fs::exists(svg));
}

TEST_F(BadInputCli, OsmFileThatIsNotOsm) {
  const fs::path pbf = write("bad.osm.pbf", std::string("\0\0\0\x0dOSMHeader", 13));
  const fs::path out = dir_ / "imported";
  expect_rejected("import-osm " + pbf.string() + " -o " + out.string(), pbf.string() + ": ", out);
}

} // namespace
