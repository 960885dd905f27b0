// `caravan export --to FILE.gpkg` and `--network FILE.gpkg` through the built program: the same
// routes as from the built-in network, a CSV directory back, and clear errors with exit code 2.
#include "support/run_caravan.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using caravan::testing::run_caravan;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class GeoPackageCli : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("caravan_gpkg_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(GeoPackageCli, ExportThenRouteFromTheGeoPackage) {
  const fs::path gpkg = dir_ / "eurasia.gpkg";
  const auto w = run_caravan("export --network eurasia --to " + gpkg.string());
  ASSERT_EQ(w.code, 0) << w.out;
  EXPECT_NE(w.out.find("wrote " + gpkg.string() + ": "), std::string::npos) << w.out;
  ASSERT_TRUE(fs::is_regular_file(gpkg));
  for (const char* pair : {"--from Xian --to Duisburg", "--from Khorgos --to Poti --by cost"}) {
    const auto a =
        run_caravan(std::string("route --network eurasia ") + pair + " --format json", false);
    const auto b =
        run_caravan("route --network " + gpkg.string() + " " + pair + " --format json", false);
    ASSERT_EQ(a.code, 0) << pair;
    EXPECT_EQ(b.code, 0) << pair;
    EXPECT_EQ(a.out, b.out) << pair;
  }
}

TEST_F(GeoPackageCli, ExportToCsvFromTheGeoPackageGivesTheSameFiles) {
  const fs::path gpkg = dir_ / "example.gpkg";
  ASSERT_EQ(run_caravan("export -q --network example --to " + gpkg.string()).code, 0);
  const auto direct = run_caravan("export -q --network example --to " + (dir_ / "a").string());
  const auto back =
      run_caravan("export -q --network " + gpkg.string() + " --to " + (dir_ / "b").string());
  ASSERT_EQ(direct.code, 0) << direct.out;
  ASSERT_EQ(back.code, 0) << back.out;
  EXPECT_EQ(back.out, "");
  for (const char* f : {"nodes.csv", "links.csv", "transfers.csv", "borders.csv", "corridors.csv"})
    EXPECT_EQ(slurp(dir_ / "a" / f), slurp(dir_ / "b" / f)) << f;
}

TEST_F(GeoPackageCli, BadGeoPackagesExitWithCode2AndNameTheFile) {
  const fs::path bad = dir_ / "bad.gpkg";
  std::ofstream(bad) << "not sqlite";
  const auto r = run_caravan("route --network " + bad.string() + " --from Xian --to Duisburg");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "error: " + bad.string() + ": not a readable GeoPackage\n");
  const auto v = run_caravan("validate --network " + (dir_ / "none.gpkg").string());
  EXPECT_EQ(v.code, 2);
  EXPECT_EQ(v.out, "error: " + (dir_ / "none.gpkg").string() + ": cannot open: no such file\n");
  const auto e = run_caravan("export --network example --to -");
  EXPECT_EQ(e.code, 2);
  EXPECT_NE(e.out.find("--to: give a FILE.gpkg or a directory"), std::string::npos) << e.out;
  EXPECT_FALSE(fs::exists(dir_ / "x.gpkg"));
  const auto n =
      run_caravan("export --network " + bad.string() + " --to " + (dir_ / "x.gpkg").string());
  EXPECT_EQ(n.code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "x.gpkg"));
}

} // namespace
