// GDAL/OGR plumbing for the GeoPackage readers and writers.
#include "storage/gdal_support.hpp"

#include "formats/atomic_file.hpp"
#include "formats/parse_error.hpp"

#include <cpl_error.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <mutex>

namespace caravan::storage::detail {

void init_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

QuietGdal::QuietGdal() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

QuietGdal::~QuietGdal() {
  CPLPopErrorHandler();
}

std::string gdal_error(std::string_view fallback) {
  const char* msg = CPLGetLastErrorMsg();
  if (msg == nullptr || *msg == '\0') return std::string(fallback);
  return msg;
}

void DatasetCloser::operator()(GDALDataset* d) const {
  if (d != nullptr) GDALClose(GDALDataset::ToHandle(d));
}

DatasetPtr open_geopackage(const std::filesystem::path& file) {
  init_gdal();
  std::error_code ec;
  if (!std::filesystem::exists(file, ec))
    throw formats::ParseError(file.string(), 0, "", "cannot open: no such file");
  if (std::filesystem::is_directory(file, ec))
    throw formats::ParseError(file.string(), 0, "", "is a directory, not a GeoPackage file");
  QuietGdal quiet;
  const char* const drivers[] = {"GPKG", nullptr};
  GDALDataset* ds = GDALDataset::FromHandle(
      GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  if (ds == nullptr) {
    const std::string why = gdal_error("");
    throw formats::ParseError(file.string(), 0, "",
                              "not a readable GeoPackage" + (why.empty() ? "" : " (" + why + ")"));
  }
  return DatasetPtr(ds);
}

GpkgOutput::GpkgOutput(const std::filesystem::path& tmp, std::string label)
    : label_(std::move(label)) {
  init_gdal();
  QuietGdal quiet;
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (drv == nullptr) throw formats::WriteError(label_ + ": GDAL has no GPKG driver");
  ds_.reset(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds_) throw formats::WriteError(label_ + ": cannot create GeoPackage: " + gdal_error());
  if (srs_.importFromEPSG(4326) != OGRERR_NONE) srs_.SetWellKnownGeogCS("WGS84");
  srs_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}

GpkgOutput::~GpkgOutput() {
  if (ds_ && in_transaction_) {
    QuietGdal quiet;
    ds_->RollbackTransaction();
  }
}

OGRLayer* GpkgOutput::layer(const std::string& name, OGRwkbGeometryType geometry,
                            const std::vector<FieldSpec>& fields, const std::string& description,
                            const std::string& fid) {
  QuietGdal quiet;
  if (in_transaction_) {
    if (ds_->CommitTransaction() != OGRERR_NONE)
      throw formats::WriteError(label_ + ": cannot write: " + gdal_error());
    in_transaction_ = false;
  }
  std::vector<std::string> opts{"FID=" + fid, "SPATIAL_INDEX=YES"};
  if (geometry != wkbNone) opts.emplace_back("GEOMETRY_NAME=geom");
  if (!description.empty()) opts.push_back("DESCRIPTION=" + description);
  std::vector<const char*> copts;
  for (const auto& o : opts) copts.push_back(o.c_str());
  copts.push_back(nullptr);
  OGRLayer* l = ds_->CreateLayer(name.c_str(), geometry == wkbNone ? nullptr : &srs_, geometry,
                                 const_cast<char**>(copts.data()));
  if (l == nullptr)
    throw formats::WriteError(
        fmt::format("{}: cannot create layer '{}': {}", label_, name, gdal_error()));
  for (const FieldSpec& f : fields) {
    OGRFieldType t = OFTString;
    OGRFieldSubType st = OFSTNone;
    switch (f.type) {
    case FieldType::text:
      t = OFTString;
      break;
    case FieldType::real:
      t = OFTReal;
      break;
    case FieldType::integer:
      t = OFTInteger64;
      break;
    case FieldType::boolean:
      t = OFTInteger;
      st = OFSTBoolean;
      break;
    case FieldType::datetime:
      t = OFTDateTime;
      break;
    }
    OGRFieldDefn d(f.name, t);
    d.SetSubType(st);
    if (l->CreateField(&d) != OGRERR_NONE)
      throw formats::WriteError(fmt::format("{}: cannot create field '{}' of layer '{}': {}",
                                            label_, f.name, name, gdal_error()));
  }
  if (ds_->StartTransaction() != OGRERR_NONE)
    throw formats::WriteError(label_ + ": cannot write: " + gdal_error());
  in_transaction_ = true;
  return l;
}

void GpkgOutput::add(OGRLayer* layer, OGRFeature& f) {
  QuietGdal quiet;
  if (layer->CreateFeature(&f) != OGRERR_NONE)
    throw formats::WriteError(fmt::format("{}: cannot write a feature of layer '{}': {}", label_,
                                          layer->GetName(), gdal_error()));
}

void GpkgOutput::execute(const std::string& sql) {
  QuietGdal quiet;
  OGRLayer* res = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (res != nullptr) ds_->ReleaseResultSet(res);
  if (CPLGetLastErrorType() == CE_Failure)
    throw formats::WriteError(label_ + ": cannot write: " + gdal_error());
}

void GpkgOutput::style(const std::string& layer, const std::string& name, const std::string& qml,
                       const std::string& description) {
  styles_.push_back({layer, name, qml, description});
}

void GpkgOutput::write_styles() {
  if (styles_.empty()) return;
  // The table QGIS reads a GeoPackage layer's default style from (the layout QGIS creates).
  OGRLayer* l = layer("layer_styles", wkbNone,
                      {{"f_table_catalog", FieldType::text},
                       {"f_table_schema", FieldType::text},
                       {"f_table_name", FieldType::text},
                       {"f_geometry_column", FieldType::text},
                       {"styleName", FieldType::text},
                       {"styleQML", FieldType::text},
                       {"styleSLD", FieldType::text},
                       {"useAsDefault", FieldType::boolean},
                       {"description", FieldType::text},
                       {"owner", FieldType::text},
                       {"ui", FieldType::text},
                       {"update_time", FieldType::datetime}},
                      "QGIS styles of the layers", "id");
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  for (const Style& s : styles_) {
    OGRFeature f(l->GetLayerDefn());
    f.SetField("f_table_catalog", "");
    f.SetField("f_table_schema", "");
    f.SetField("f_table_name", s.layer.c_str());
    f.SetField("f_geometry_column", "geom");
    f.SetField("styleName", s.name.c_str());
    f.SetField("styleQML", s.qml.c_str());
    f.SetField("useAsDefault", 1);
    f.SetField("description", s.description.c_str());
    f.SetField("owner", "caravan");
    f.SetField("update_time", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
               static_cast<float>(tm.tm_sec), 100);
    add(l, f);
  }
}

void GpkgOutput::close() {
  write_styles();
  QuietGdal quiet;
  if (in_transaction_) {
    in_transaction_ = false;
    if (ds_->CommitTransaction() != OGRERR_NONE)
      throw formats::WriteError(label_ + ": cannot write: " + gdal_error());
  }
  CPLErrorReset();
  ds_.reset();
  if (CPLGetLastErrorType() == CE_Failure)
    throw formats::WriteError(label_ + ": cannot write: " + gdal_error());
}

void set_text(OGRFeature& f, const char* name, std::string_view v) {
  if (!v.empty()) f.SetField(name, std::string(v).c_str());
}

LayerReader::LayerReader(std::string file, GDALDataset& ds, OGRLayer& layer)
    : file_(std::move(file)), layer_name_(layer.GetName()), ds_(ds), layer_(layer) {
  OGRFeatureDefn* d = layer_.GetLayerDefn();
  for (int i = 0; i < d->GetFieldCount(); ++i) fields_.emplace(d->GetFieldDefn(i)->GetNameRef(), i);
}

int LayerReader::index(std::string_view field) const {
  auto it = fields_.find(std::string(field));
  return it == fields_.end() ? -1 : it->second;
}

bool LayerReader::has_field(std::string_view name) const {
  return index(name) >= 0;
}

void LayerReader::require_fields(std::initializer_list<std::string_view> names) const {
  for (std::string_view n : names)
    if (!has_field(n)) throw formats::ParseError(where(), 0, std::string(n), "missing field");
}

std::vector<std::string>
LayerReader::unknown_fields(std::initializer_list<std::string_view> known) const {
  std::vector<std::string> out;
  OGRFeatureDefn* d = layer_.GetLayerDefn();
  for (int i = 0; i < d->GetFieldCount(); ++i) {
    const std::string n = d->GetFieldDefn(i)->GetNameRef();
    if (std::find(known.begin(), known.end(), n) == known.end()) out.push_back(n);
  }
  return out;
}

namespace {
std::string sql_name(std::string_view id) {
  std::string s = "\"";
  for (char c : id) s += c == '"' ? std::string("\"\"") : std::string(1, c);
  return s + "\"";
}
} // namespace

void LayerReader::check_numeric_storage() {
  QuietGdal quiet;
  const std::string fid = layer_.GetFIDColumn();
  if (fid.empty()) return;
  OGRFeatureDefn* d = layer_.GetLayerDefn();
  for (int i = 0; i < d->GetFieldCount(); ++i) {
    const OGRFieldType t = d->GetFieldDefn(i)->GetType();
    if (t != OFTReal && t != OFTInteger && t != OFTInteger64) continue;
    const std::string col = sql_name(d->GetFieldDefn(i)->GetNameRef());
    const std::string sql = fmt::format(
        "SELECT {0} + 0 AS row_id, CAST({1} AS TEXT) AS v FROM {2} WHERE typeof({1}) NOT IN "
        "('integer', 'real', 'null') ORDER BY {0} LIMIT 1",
        sql_name(fid), col, sql_name(layer_name_));
    OGRLayer* res = ds_.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (res == nullptr) continue;
    OGRFeature* f = res->GetNextFeature();
    if (f != nullptr) {
      const long long id = f->GetFieldAsInteger64(0);
      const std::string v = f->GetFieldAsString(1);
      OGRFeature::DestroyFeature(f);
      ds_.ReleaseResultSet(res);
      throw formats::ParseError(fmt::format("{}: layer '{}', feature {}", file_, layer_name_, id),
                                0, d->GetFieldDefn(i)->GetNameRef(),
                                "expected a number, got '" + v + "'");
    }
    ds_.ReleaseResultSet(res);
  }
}

std::vector<FeaturePtr> LayerReader::features() {
  check_numeric_storage();
  QuietGdal quiet;
  std::vector<FeaturePtr> out;
  layer_.ResetReading();
  while (OGRFeature* f = layer_.GetNextFeature()) out.emplace_back(f, &OGRFeature::DestroyFeature);
  if (CPLGetLastErrorType() == CE_Failure)
    throw formats::ParseError(where(), 0, "", "cannot read: " + gdal_error());
  std::stable_sort(out.begin(), out.end(), [](const FeaturePtr& a, const FeaturePtr& b) {
    return a->GetFID() < b->GetFID();
  });
  return out;
}

std::string LayerReader::where() const {
  return fmt::format("{}: layer '{}'", file_, layer_name_);
}

std::string LayerReader::where(const OGRFeature& f) const {
  return fmt::format("{}: layer '{}', feature {}", file_, layer_name_,
                     static_cast<long long>(f.GetFID()));
}

void LayerReader::fail(const OGRFeature& f, std::string_view field,
                       const std::string& message) const {
  throw formats::ParseError(where(f), 0, std::string(field), message);
}

std::string LayerReader::text(const OGRFeature& f, std::string_view field) const {
  const int i = index(field);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return {};
  return f.GetFieldAsString(i);
}

std::string LayerReader::required_text(const OGRFeature& f, std::string_view field) const {
  const int i = index(field);
  if (i < 0) throw formats::ParseError(where(), 0, std::string(field), "missing field");
  std::string s = text(f, field);
  if (s.empty()) fail(f, field, "missing value");
  return s;
}

std::optional<double> LayerReader::optional_number(const OGRFeature& f,
                                                   std::string_view field) const {
  const int i = index(field);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  double v = 0.0;
  const OGRFieldType t = f.GetFieldDefnRef(i)->GetType();
  if (t == OFTReal || t == OFTInteger || t == OFTInteger64) {
    v = f.GetFieldAsDouble(i);
  } else {
    const std::string s = f.GetFieldAsString(i);
    if (s.empty()) return std::nullopt;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || p != end) fail(f, field, "expected a number, got '" + s + "'");
  }
  if (!std::isfinite(v)) fail(f, field, "expected a finite number");
  return v;
}

double LayerReader::number(const OGRFeature& f, std::string_view field) const {
  if (index(field) < 0) throw formats::ParseError(where(), 0, std::string(field), "missing field");
  auto v = optional_number(f, field);
  if (!v) fail(f, field, "missing value");
  return *v;
}

std::optional<long long> LayerReader::optional_integer(const OGRFeature& f, std::string_view field,
                                                       long long lo, long long hi) const {
  auto v = optional_number(f, field);
  if (!v) return std::nullopt;
  if (*v != std::floor(*v) || *v < static_cast<double>(lo) || *v > static_cast<double>(hi))
    fail(f, field, fmt::format("expected a whole number from {} to {}, got {}", lo, hi, *v));
  return static_cast<long long>(*v);
}

std::optional<bool> LayerReader::optional_bool(const OGRFeature& f, std::string_view field) const {
  const int i = index(field);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  const OGRFieldType t = f.GetFieldDefnRef(i)->GetType();
  if (t == OFTInteger || t == OFTInteger64) {
    const long long v = f.GetFieldAsInteger64(i);
    if (v == 0 || v == 1) return v == 1;
    fail(f, field, fmt::format("expected 0 or 1, got {}", v));
  }
  const std::string s = f.GetFieldAsString(i);
  if (s == "true" || s == "1" || s == "yes") return true;
  if (s == "false" || s == "0" || s == "no") return false;
  fail(f, field, "expected true or false, got '" + s + "'");
}

} // namespace caravan::storage::detail
