// GeoPackage networks: CSV -> GeoPackage -> CSV gives the same files byte for byte and the same
// routes; the layers have the geometry types and fields QGIS reads; truncated, garbage and
// malformed files give errors naming the file, layer, feature and field, and never crash.
#include "formats/atomic_file.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "formats/parse_error.hpp"
#include "route/router.hpp"
#include "storage/network_gpkg.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace caravan;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

Network builtin(const std::string& name) {
  return formats::parse_network(*formats::builtin_network(name)).network;
}

class GeoPackage : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("caravan_gpkg_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Runs SQL on a copy of `src` (opened for update) and returns the copy.
  fs::path edited(const fs::path& src, const std::string& sql) {
    const fs::path p = dir_ / ("edited_" + std::to_string(++edits_) + ".gpkg");
    fs::copy_file(src, p);
    GDALAllRegister();
    GDALDataset* ds = GDALDataset::Open(p.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE);
    EXPECT_NE(ds, nullptr);
    if (ds == nullptr) return p;
    OGRLayer* r = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (r != nullptr) ds->ReleaseResultSet(r);
    GDALClose(ds);
    return p;
  }

  std::string read_error(const fs::path& p) {
    try {
      static_cast<void>(storage::read_network_gpkg(p));
    } catch (const formats::ParseError& e) {
      return e.what();
    }
    ADD_FAILURE() << p << " was read without an error";
    return {};
  }

  fs::path dir_;
  int edits_ = 0;
};

void expect_same_csv(const Network& a, const Network& b) {
  const formats::NetworkFiles fa = formats::format_network(a);
  const formats::NetworkFiles fb = formats::format_network(b);
  ASSERT_EQ(fa.contents.size(), fb.contents.size());
  for (const auto& [name, text] : fa.contents) {
    ASSERT_TRUE(fb.contents.contains(name)) << name;
    EXPECT_EQ(text, fb.contents.at(name)) << name << " differs after the round trip";
  }
}

TEST_F(GeoPackage, EurasiaRoundTripGivesTheSameCsvFiles) {
  const Network net = builtin("eurasia");
  ASSERT_TRUE(net.has_geometry());
  const fs::path file = dir_ / "eurasia.gpkg";
  storage::write_network_gpkg(net, file, {"caravan test", "eurasia"});
  const formats::NetworkReadResult back = storage::read_network_gpkg(file);
  EXPECT_TRUE(back.warnings.empty());
  EXPECT_EQ(back.network.node_count(), net.node_count());
  EXPECT_EQ(back.network.link_count(), net.link_count());
  expect_same_csv(net, back.network);
  // And CSV written from the read-back network reads as the same network again.
  formats::write_network(back.network, dir_ / "csv");
  expect_same_csv(net, formats::read_network(dir_ / "csv").network);
}

TEST_F(GeoPackage, ExampleRoundTripGivesTheSameCsvFiles) {
  const Network net = builtin("example");
  const fs::path file = dir_ / "example.gpkg";
  storage::write_network_gpkg(net, file);
  const Network back = storage::read_network_gpkg(file).network;
  EXPECT_FALSE(back.has_geometry());
  expect_same_csv(net, back);
}

TEST_F(GeoPackage, RoundTripGivesTheSameRoutes) {
  for (const char* name : {"eurasia", "example"}) {
    const Network net = builtin(name);
    const fs::path file = dir_ / (std::string(name) + ".gpkg");
    storage::write_network_gpkg(net, file);
    const Network back = storage::read_network_gpkg(file).network;
    Router ra(net);
    Router rb(back);
    std::mt19937 rng(21);
    std::uniform_int_distribution<std::uint32_t> pick(
        0, static_cast<std::uint32_t>(net.node_count() - 1));
    int routed = 0;
    for (int i = 0; i < 60; ++i) {
      RouteRequest req;
      req.from = NodeId(pick(rng));
      req.to = NodeId(pick(rng));
      if (req.from == req.to) continue;
      req.costing.objective = static_cast<Objective>(i % 4);
      const RouteOutcome a = ra.route(req);
      const RouteOutcome b = rb.route(req);
      ASSERT_EQ(a.ok(), b.ok()) << name << " " << net.node(req.from).id << " -> "
                                << net.node(req.to).id;
      if (!a.ok()) continue;
      ++routed;
      EXPECT_EQ(a.route->totals.hours.value(), b.route->totals.hours.value());
      EXPECT_EQ(a.route->totals.usd.value(), b.route->totals.usd.value());
      EXPECT_EQ(a.route->totals.km.value(), b.route->totals.km.value());
      EXPECT_EQ(a.route->totals.co2.value(), b.route->totals.co2.value());
      ASSERT_EQ(a.route->legs.size(), b.route->legs.size());
      for (std::size_t l = 0; l < a.route->legs.size(); ++l) {
        ASSERT_EQ(a.route->legs[l].arcs.size(), b.route->legs[l].arcs.size());
        for (std::size_t k = 0; k < a.route->legs[l].arcs.size(); ++k)
          EXPECT_EQ(net.link(net.arc(a.route->legs[l].arcs[k]).link).id,
                    back.link(back.arc(b.route->legs[l].arcs[k]).link).id);
      }
    }
    EXPECT_GT(routed, 20) << name;
  }
}

TEST_F(GeoPackage, LayersHaveTheirGeometryTypesAndFields) {
  const Network net = builtin("eurasia");
  const fs::path file = dir_ / "eurasia.gpkg";
  storage::write_network_gpkg(net, file);
  GDALAllRegister();
  GDALDataset* ds = GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY);
  ASSERT_NE(ds, nullptr);
  ASSERT_STREQ(ds->GetDriver()->GetDescription(), "GPKG");
  struct Want {
    const char* name;
    OGRwkbGeometryType type;
    std::size_t count;
  };
  for (const Want& w :
       {Want{"places", wkbPoint, net.node_count()}, Want{"links", wkbLineString, net.link_count()},
        Want{"transfers", wkbPoint, net.transfers().size()},
        Want{"borders", wkbLineString, net.borders().size()},
        Want{"corridors", wkbLineString, net.corridors().size()}}) {
    OGRLayer* l = ds->GetLayerByName(w.name);
    ASSERT_NE(l, nullptr) << w.name;
    EXPECT_EQ(l->GetGeomType(), w.type) << w.name;
    EXPECT_EQ(static_cast<std::size_t>(l->GetFeatureCount()), w.count) << w.name;
    ASSERT_NE(l->GetSpatialRef(), nullptr);
    EXPECT_STREQ(l->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");
  }
  // A link with a surveyed polyline is drawn along it, with its source; one without is the
  // straight segment between its places.
  OGRLayer* links = ds->GetLayerByName("links");
  for (const char* fld : {"id", "from_node", "to_node", "mode", "length_km", "duration_h",
                          "cost_usd_per_teu", "co2_g_per_tkm", "source", "geometry_source"})
    EXPECT_GE(links->GetLayerDefn()->GetFieldIndex(fld), 0) << fld;
  std::size_t with_line = 0;
  for (std::size_t i = 0; i < net.link_count(); ++i) {
    const LinkId id(static_cast<std::uint32_t>(i));
    OGRFeature* f = links->GetFeature(static_cast<GIntBig>(i + 1));
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(std::string(f->GetFieldAsString("id")), net.link(id).id);
    const OGRLineString* ls = f->GetGeometryRef()->toLineString();
    const LinkGeometry& g = net.geometry(id);
    if (!g.points.empty()) {
      ++with_line;
      ASSERT_EQ(static_cast<std::size_t>(ls->getNumPoints()), g.points.size());
      EXPECT_EQ(ls->getX(1), g.points[1].lon);
      EXPECT_EQ(ls->getY(1), g.points[1].lat);
      EXPECT_EQ(std::string(f->GetFieldAsString("geometry_source")), to_string(g.source));
    } else {
      ASSERT_EQ(ls->getNumPoints(), 2);
      EXPECT_EQ(ls->getX(0), net.node(net.link(id).from).pos.lon);
      EXPECT_EQ(std::string(f->GetFieldAsString("geometry_source")), "schematic");
    }
    OGRFeature::DestroyFeature(f);
  }
  EXPECT_GT(with_line, 50U);
  GDALClose(ds);
}

TEST_F(GeoPackage, OgrinfoListsTheLayers) {
  if (std::system("command -v ogrinfo >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "ogrinfo not installed (Debian gdal-bin)";
  const fs::path file = dir_ / "eurasia.gpkg";
  storage::write_network_gpkg(builtin("eurasia"), file);
  FILE* p = ::popen(("ogrinfo -so -q " + file.string() + " 2>&1").c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  EXPECT_EQ(::pclose(p), 0) << out;
  for (const char* want :
       {"1: places (Point)", "2: links (Line String)", "3: transfers (Point)",
        "4: borders (Line String)", "5: corridors (Line String)", "6: caravan_metadata (None)"})
    EXPECT_NE(out.find(want), std::string::npos) << want << " not in:\n" << out;
}

TEST_F(GeoPackage, WritingReplacesTheFileAndLeavesNoTemporaryFile) {
  const fs::path file = dir_ / "net.gpkg";
  storage::write_network_gpkg(builtin("eurasia"), file);
  storage::write_network_gpkg(builtin("example"), file);
  EXPECT_EQ(storage::read_network_gpkg(file).network.node_count(), builtin("example").node_count());
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    ++entries;
    EXPECT_EQ(e.path().filename(), "net.gpkg");
  }
  EXPECT_EQ(entries, 1U);
  EXPECT_THROW(storage::write_network_gpkg(builtin("example"), dir_ / "no" / "such" / "x.gpkg"),
               formats::WriteError);
}

TEST_F(GeoPackage, MissingGarbageAndTruncatedFilesGiveClearErrors) {
  EXPECT_EQ(read_error(dir_ / "absent.gpkg"),
            (dir_ / "absent.gpkg").string() + ": cannot open: no such file");
  spit(dir_ / "garbage.gpkg", "this is not a GeoPackage\n");
  EXPECT_EQ(read_error(dir_ / "garbage.gpkg"),
            (dir_ / "garbage.gpkg").string() + ": not a readable GeoPackage");
  spit(dir_ / "empty.gpkg", "");
  EXPECT_NE(read_error(dir_ / "empty.gpkg").find("empty.gpkg: "), std::string::npos);

  const fs::path good = dir_ / "eurasia.gpkg";
  storage::write_network_gpkg(builtin("eurasia"), good);
  const std::string bytes = slurp(good);
  for (std::size_t len : {std::size_t{16}, std::size_t{100}, std::size_t{4096}, bytes.size() / 3,
                          bytes.size() / 2, bytes.size() - 4096}) {
    const fs::path p = dir_ / ("truncated_" + std::to_string(len) + ".gpkg");
    spit(p, bytes.substr(0, len));
    const std::string e = read_error(p);
    EXPECT_EQ(e.rfind(p.string() + ": ", 0), 0U) << e;
  }
}

TEST_F(GeoPackage, CorruptedBytesNeverCrash) {
  const fs::path good = dir_ / "example.gpkg";
  storage::write_network_gpkg(builtin("example"), good);
  const std::string bytes = slurp(good);
  std::mt19937 rng(2126);
  std::uniform_int_distribution<std::size_t> pos(0, bytes.size() - 1);
  std::uniform_int_distribution<int> val(0, 255);
  for (int i = 0; i < 40; ++i) {
    std::string b = bytes;
    for (int k = 0; k < 1 + i % 8; ++k) b[pos(rng)] = static_cast<char>(val(rng));
    const fs::path p = dir_ / ("fuzzed_" + std::to_string(i) + ".gpkg");
    spit(p, b);
    try {
      const Network n = storage::read_network_gpkg(p).network;
      EXPECT_GT(n.node_count(), 0U);
    } catch (const formats::ParseError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(p.string(), 0), 0U) << e.what();
    }
    fs::remove(p);
  }
}

TEST_F(GeoPackage, MalformedFieldsNameLayerFeatureAndField) {
  const fs::path good = dir_ / "eurasia.gpkg";
  storage::write_network_gpkg(builtin("eurasia"), good);
  auto err = [&](const std::string& sql) { return read_error(edited(good, sql)); };
  EXPECT_NE(err("UPDATE links SET mode = 'rail' WHERE fid = 5")
                .find(": layer 'links', feature 5: field 'mode': expected one of rail_1520, "
                      "rail_1435, road, ferry, sea, got 'rail'"),
            std::string::npos);
  EXPECT_NE(err("UPDATE links SET length_km = 'long' WHERE fid = 3")
                .find(": layer 'links', feature 3: field 'length_km': expected a number, got "
                      "'long'"),
            std::string::npos);
  EXPECT_NE(err("UPDATE links SET from_node = 'atlantis' WHERE fid = 2")
                .find(": layer 'links', feature 2: field 'from_node': unknown node id 'atlantis'"),
            std::string::npos);
  EXPECT_NE(err("UPDATE links SET duration_h_low = 1000 WHERE fid = 7")
                .find(": layer 'links', feature 7: field 'duration_h_low': expected at most"),
            std::string::npos);
  EXPECT_NE(err("UPDATE places SET kind = NULL WHERE fid = 9")
                .find(": layer 'places', feature 9: field 'kind': missing value"),
            std::string::npos);
  EXPECT_NE(err("UPDATE places SET country = 'Kazakhstan' WHERE fid = 1")
                .find(": layer 'places', feature 1: field 'country': expected an ISO 3166-1"),
            std::string::npos);
  EXPECT_NE(err("UPDATE places SET id = (SELECT id FROM places WHERE fid = 1) WHERE fid = 2")
                .find(": layer 'places', feature 2: field 'id': duplicate node id"),
            std::string::npos);
  EXPECT_NE(err("UPDATE transfers SET from_mode = 'camel' WHERE fid = 4")
                .find(": layer 'transfers', feature 4: field 'from_mode': expected one of"),
            std::string::npos);
  EXPECT_NE(err("UPDATE corridors SET nodes = 'x' WHERE fid = 1")
                .find(": layer 'corridors', feature 1: field 'nodes': a corridor needs at least "
                      "two nodes"),
            std::string::npos);
  EXPECT_NE(err("UPDATE borders SET dwell_h = NULL WHERE fid = 2")
                .find(": layer 'borders', feature 2: field 'dwell_h': missing value"),
            std::string::npos);
  EXPECT_NE(err("UPDATE links SET geometry_source = 'guess' WHERE polyline = 1")
                .find("field 'geometry_source': expected one of osm-track"),
            std::string::npos);
  EXPECT_NE(err("DROP TABLE links").find(": no layer 'links'"), std::string::npos);
  EXPECT_NE(err("ALTER TABLE links DROP COLUMN mode")
                .find(": layer 'links': field 'mode': missing field"),
            std::string::npos);
  // A place's geometry out of range, or a link geometry of the wrong type.
  EXPECT_NE(err("UPDATE places SET geom = NULL WHERE fid = 3")
                .find(": layer 'places', feature 3: field 'geom': missing geometry"),
            std::string::npos);
}

TEST_F(GeoPackage, UnknownFieldsAreWarnedAboutAndIgnored) {
  const fs::path good = dir_ / "example.gpkg";
  storage::write_network_gpkg(builtin("example"), good);
  const fs::path p = edited(good, "ALTER TABLE links ADD COLUMN remark TEXT");
  const formats::NetworkReadResult r = storage::read_network_gpkg(p);
  ASSERT_EQ(r.warnings.size(), 1U);
  EXPECT_EQ(r.warnings[0], p.string() + ": layer 'links': unknown field 'remark' ignored");
  expect_same_csv(builtin("example"), r.network);
}

TEST(GeoPackagePath, IsRecognisedByItsExtension) {
  EXPECT_TRUE(storage::is_geopackage_path("eurasia.gpkg"));
  EXPECT_TRUE(storage::is_geopackage_path("dir/Net.GPKG"));
  EXPECT_FALSE(storage::is_geopackage_path(".gpkg"));
  EXPECT_FALSE(storage::is_geopackage_path("eurasia"));
  EXPECT_FALSE(storage::is_geopackage_path("data/eurasia/"));
}

} // namespace
