// Results written to a GeoPackage: the choice by file name and the metadata rows.
#include "result_store.hpp"

#include "storage/network_gpkg.hpp"

namespace caravan::app {

bool is_gpkg_output(const std::string& out) {
  return storage::is_geopackage_path(out);
}

storage::ResultInfo result_info(const std::string& kind, const LoadedNetwork& ln,
                                std::vector<std::pair<std::string, std::string>> extra) {
  storage::ResultInfo info;
  info.kind = kind;
  info.generator = std::string("caravan ") + CARAVAN_VERSION;
  info.network = ln.label;
  info.extra = std::move(extra);
  info.extra.emplace_back("network_hash", ln.content_hash);
  return info;
}

} // namespace caravan::app
