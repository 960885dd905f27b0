// `route`, `compare`, `matrix` and `impact` with `-o FILE.gpkg`: their layers, per-leg attributes,
// the matrix table and lines, impact before/after, and the QGIS styles in layer_styles.
#include "support/run_caravan.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using caravan::testing::run_caravan;

class ResultsGpkg : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("caravan_results_gpkg_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    GDALAllRegister();
  }
  void TearDown() override {
    if (ds_ != nullptr) GDALClose(ds_);
    fs::remove_all(dir_);
  }
  GDALDataset* open(const fs::path& p) {
    if (ds_ != nullptr) GDALClose(ds_);
    ds_ = GDALDataset::Open(p.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY);
    return ds_;
  }
  /// The single value of a one-row SQL query, as text.
  std::string sql(const std::string& q) {
    OGRLayer* r = ds_->ExecuteSQL(q.c_str(), nullptr, nullptr);
    if (r == nullptr) return "<no result>";
    OGRFeature* f = r->GetNextFeature();
    std::string v = f == nullptr ? "<no row>" : f->GetFieldAsString(0);
    OGRFeature::DestroyFeature(f);
    ds_->ReleaseResultSet(r);
    return v;
  }
  fs::path dir_;
  GDALDataset* ds_ = nullptr;
};

TEST_F(ResultsGpkg, RouteWritesTheRouteItsLegsAndTransfers) {
  const fs::path out = dir_ / "route.gpkg";
  const auto r = run_caravan("route --from Xian --to Duisburg -o " + out.string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, "");
  const auto table = run_caravan("route --from Xian --to Duisburg", false);
  ASSERT_NE(open(out), nullptr);
  for (const char* l : {"routes", "route_legs", "route_transfers", "caravan_metadata"})
    EXPECT_NE(ds_->GetLayerByName(l), nullptr) << l;
  EXPECT_EQ(ds_->GetLayerByName("routes")->GetGeomType(), wkbLineString);
  EXPECT_EQ(ds_->GetLayerByName("route_legs")->GetGeomType(), wkbLineString);
  EXPECT_EQ(ds_->GetLayerByName("route_transfers")->GetGeomType(), wkbPoint);
  EXPECT_EQ(sql("SELECT count(*) FROM routes"), "1");
  EXPECT_EQ(sql("SELECT from_name || ' -> ' || to_name FROM routes"), "Xi'an -> Duisburg");
  // The legs carry their own totals; their km add up to the route's.
  const double route_km = std::stod(sql("SELECT km FROM routes"));
  const double legs_km = std::stod(sql("SELECT sum(km) FROM route_legs"));
  EXPECT_NEAR(legs_km, route_km, 1e-6);
  EXPECT_EQ(sql("SELECT count(*) FROM route_legs WHERE mode IS NULL OR hours IS NULL OR "
                "links IS NULL OR geometry_source IS NULL"),
            "0");
  EXPECT_EQ(sql("SELECT legs FROM routes"), sql("SELECT count(*) FROM route_legs"));
  EXPECT_EQ(sql("SELECT transfers FROM routes"),
            sql("SELECT count(*) FROM route_transfers WHERE kind = 'transfer'"));
  EXPECT_GT(route_km, 8000.0);
  EXPECT_EQ(table.code, 0);
  EXPECT_EQ(sql("SELECT value FROM caravan_metadata WHERE key = 'result'"), "route");
  EXPECT_EQ(sql("SELECT value FROM caravan_metadata WHERE key = 'network'"), "eurasia");
  // Legs are styled by mode in QGIS.
  EXPECT_NE(sql("SELECT styleQML FROM layer_styles WHERE f_table_name = 'route_legs'")
                .find("attr=\"mode\""),
            std::string::npos);
}

TEST_F(ResultsGpkg, CompareWritesOneRoutePerCorridor) {
  const fs::path out = dir_ / "compare.gpkg";
  const auto r = run_caravan("compare --from Lianyungang --to Duisburg -o " + out.string());
  ASSERT_EQ(r.code, 0) << r.out;
  ASSERT_NE(open(out), nullptr);
  EXPECT_EQ(sql("SELECT label FROM routes WHERE route = 1"), "best");
  EXPECT_EQ(sql("SELECT count(*) > 1 FROM routes WHERE corridor IS NOT NULL"), "1");
  EXPECT_EQ(sql("SELECT count(*) FROM routes WHERE corridor IS NOT NULL AND (corridor_share < 0 "
                "OR corridor_share > 1)"),
            "0");
  // No corridor's route beats the best one on the objective (time).
  EXPECT_EQ(sql("SELECT count(*) FROM routes WHERE hours < (SELECT hours FROM routes WHERE route "
                "= 1) - 1e-9"),
            "0");
}

TEST_F(ResultsGpkg, MatrixWritesATableAndLinesBetweenTheCentres) {
  const fs::path out = dir_ / "matrix.gpkg";
  const auto r = run_caravan("matrix --from centres:KZ --to centres:KZ -o " + out.string());
  ASSERT_EQ(r.code, 0) << r.out;
  ASSERT_NE(open(out), nullptr);
  const auto csv = run_caravan("matrix --from centres:KZ --to centres:KZ --format csv", false);
  ASSERT_EQ(csv.code, 0);
  OGRLayer* t = ds_->GetLayerByName("matrix");
  OGRLayer* l = ds_->GetLayerByName("matrix_lines");
  ASSERT_NE(t, nullptr);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(t->GetGeomType(), wkbNone);
  EXPECT_EQ(l->GetGeomType(), wkbLineString);
  const int n = std::stoi(sql("SELECT count(DISTINCT origin) FROM matrix"));
  EXPECT_GE(n, 17); // Kazakhstan's 3 republican cities and 17 region centres, minus any not in data
  EXPECT_EQ(sql("SELECT count(*) FROM matrix"), std::to_string(n * (n - 1)));
  EXPECT_EQ(sql("SELECT count(*) FROM matrix_lines"),
            sql("SELECT count(*) FROM matrix WHERE reachable = 1"));
  // Each line runs from its origin to its destination (straight: two points).
  EXPECT_EQ(sql("SELECT count(*) FROM matrix_lines WHERE ST_NumPoints(geom) != 2"), "0");
  // Every reachable pair's hours are positive.
  EXPECT_EQ(sql("SELECT count(*) FROM matrix WHERE reachable = 1 AND NOT hours > 0"), "0");
}

TEST_F(ResultsGpkg, ImpactWritesBeforeAndAfterWithChangeStyles) {
  const fs::path out = dir_ / "impact.gpkg";
  const fs::path scenario =
      fs::path(CARAVAN_REPO_DIR) / "data" / "eurasia" / "scenarios" / "center-west-highway.toml";
  const auto r = run_caravan("impact --scenario " + scenario.string() + " -o " + out.string());
  ASSERT_EQ(r.code, 0) << r.out;
  ASSERT_NE(open(out), nullptr);
  const int places = std::stoi(sql("SELECT count(*) FROM impact_places"));
  EXPECT_EQ(sql("SELECT count(*) FROM impact_pairs"), std::to_string(places * (places - 1)));
  EXPECT_NE(sql("SELECT count(*) FROM impact_pairs WHERE change = 'better'"), "0");
  // A better pair is faster after than before, by its delta.
  EXPECT_EQ(sql("SELECT count(*) FROM impact_pairs WHERE change = 'better' AND NOT "
                "(after_hours < before_hours AND abs(after_hours - before_hours - delta) < 1e-6)"),
            "0");
  // Every changed pair has its route before and after.
  EXPECT_EQ(sql("SELECT count(*) FROM impact_routes WHERE side = 'after'"),
            sql("SELECT count(*) FROM impact_pairs WHERE change IN ('better', 'worse', 'now "
                "reachable')"));
  EXPECT_EQ(sql("SELECT value FROM caravan_metadata WHERE key = 'scenario'"),
            "center-west-highway");
  const std::string qml =
      sql("SELECT styleQML FROM layer_styles WHERE f_table_name = 'impact_pairs' AND "
          "useAsDefault = 1 AND f_table_schema = '' AND f_geometry_column = 'geom'");
  EXPECT_NE(qml.find("<renderer-v2 type=\"categorizedSymbol\" attr=\"change\""), std::string::npos)
      << qml;
  EXPECT_NE(qml.find("value=\"worse\""), std::string::npos);
}

TEST_F(ResultsGpkg, NetworkExportStylesLinksByMode) {
  const fs::path out = dir_ / "eurasia.gpkg";
  ASSERT_EQ(run_caravan("export -q --to " + out.string()).code, 0);
  ASSERT_NE(open(out), nullptr);
  const std::string qml = sql("SELECT styleQML FROM layer_styles WHERE f_table_name = 'links' "
                              "AND useAsDefault = 1 AND f_table_schema = ''");
  EXPECT_NE(qml.find("attr=\"mode\""), std::string::npos) << qml;
  for (const char* mode : {"rail_1520", "rail_1435", "road", "ferry", "sea"})
    EXPECT_NE(qml.find(std::string("value=\"") + mode + "\""), std::string::npos) << mode;
}

TEST_F(ResultsGpkg, AnUnwritableGeoPackageIsAnError) {
  const auto r =
      run_caravan("route --from Xian --to Duisburg -o " + (dir_ / "no" / "r.gpkg").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("r.gpkg: cannot write"), std::string::npos) << r.out;
}

} // namespace
