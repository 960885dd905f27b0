// GDAL/OGR plumbing shared by the GeoPackage readers and writers: driver registration, errors
// collected instead of printed, owning dataset pointers, the GeoPackage written atomically, and a
// feature reader whose every error names the file, layer, feature id and field. Internal to
// src/storage (the public headers do not include GDAL).
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace caravan::storage::detail {

/// Registers GDAL's drivers once per process.
void init_gdal();

/// While alive, GDAL's errors on this thread are recorded (CPLGetLastErrorMsg) but not printed.
class QuietGdal {
public:
  QuietGdal();
  ~QuietGdal();
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

/// GDAL's last error message on this thread, or `fallback` when it has none.
std::string gdal_error(std::string_view fallback = "unknown GDAL error");

struct DatasetCloser {
  void operator()(GDALDataset* d) const;
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

/// Opens a GeoPackage read-only. Throws formats::ParseError naming the file when it is missing,
/// not a GeoPackage or unreadable.
DatasetPtr open_geopackage(const std::filesystem::path& file);

/// A field of a layer being written.
enum class FieldType { text, real, integer, boolean, datetime };
struct FieldSpec {
  const char* name;
  FieldType type;
};

/// A new GeoPackage written into a temporary file and published by commit(): readers of `path`
/// see the old file or the complete new one. Everything is written in one transaction.
class GpkgOutput {
public:
  /// `tmp` is the temporary file to create (formats::write_atomically_via); `label` names the
  /// target in errors.
  GpkgOutput(const std::filesystem::path& tmp, std::string label);
  ~GpkgOutput();
  GpkgOutput(const GpkgOutput&) = delete;
  GpkgOutput& operator=(const GpkgOutput&) = delete;

  /// A new layer in EPSG:4326 (x = longitude, y = latitude); wkbNone for a plain table.
  OGRLayer* layer(const std::string& name, OGRwkbGeometryType geometry,
                  const std::vector<FieldSpec>& fields, const std::string& description = "",
                  const std::string& fid = "fid");
  /// Makes `qml` the default QGIS style of `layer` (a row of `layer_styles`, written by close()).
  void style(const std::string& layer, const std::string& name, const std::string& qml,
             const std::string& description);
  /// Adds `f` to `layer`. Throws formats::WriteError.
  void add(OGRLayer* layer, OGRFeature& f);
  /// Runs SQL on the dataset (e.g. for layer_styles). Throws formats::WriteError.
  void execute(const std::string& sql);
  GDALDataset& dataset() { return *ds_; }
  /// Commits the transaction and closes the file. Throws formats::WriteError.
  void close();

private:
  struct Style {
    std::string layer, name, qml, description;
  };
  void write_styles();
  std::string label_;
  std::vector<Style> styles_;
  DatasetPtr ds_;
  OGRSpatialReference srs_;
  bool in_transaction_ = false;
};

/// Sets a text field, leaving it NULL when `v` is empty.
void set_text(OGRFeature& f, const char* name, std::string_view v);

using FeaturePtr = std::unique_ptr<OGRFeature, decltype(&OGRFeature::DestroyFeature)>;

/// Reads one layer of a GeoPackage; every error names file, layer, feature id and field.
class LayerReader {
public:
  LayerReader(std::string file, GDALDataset& ds, OGRLayer& layer);

  [[nodiscard]] const std::string& name() const { return layer_name_; }
  /// Throws unless every field in `names` exists.
  void require_fields(std::initializer_list<std::string_view> names) const;
  [[nodiscard]] bool has_field(std::string_view name) const;
  /// Names of fields not in `known`.
  [[nodiscard]] std::vector<std::string>
  unknown_fields(std::initializer_list<std::string_view> known) const;

  /// Every feature, in feature id order. Throws when GDAL fails to read the layer, or when a
  /// numeric field holds text (which GDAL would read as 0).
  std::vector<FeaturePtr> features();

  /// `FILE: layer 'L', feature N: field 'F': message`.
  [[noreturn]] void fail(const OGRFeature& f, std::string_view field,
                         const std::string& message) const;
  [[nodiscard]] std::string where(const OGRFeature& f) const;
  [[nodiscard]] std::string where() const;

  [[nodiscard]] std::string text(const OGRFeature& f, std::string_view field) const;
  [[nodiscard]] std::string required_text(const OGRFeature& f, std::string_view field) const;
  [[nodiscard]] std::optional<double> optional_number(const OGRFeature& f,
                                                      std::string_view field) const;
  [[nodiscard]] double number(const OGRFeature& f, std::string_view field) const;
  [[nodiscard]] std::optional<long long>
  optional_integer(const OGRFeature& f, std::string_view field, long long lo, long long hi) const;
  [[nodiscard]] std::optional<bool> optional_bool(const OGRFeature& f,
                                                  std::string_view field) const;

private:
  int index(std::string_view field) const; ///< -1 when absent
  void check_numeric_storage();
  std::string file_;
  std::string layer_name_;
  GDALDataset& ds_;
  OGRLayer& layer_;
  std::unordered_map<std::string, int> fields_;
};

} // namespace caravan::storage::detail
