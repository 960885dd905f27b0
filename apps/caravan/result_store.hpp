// Results written to a GeoPackage (`-o FILE.gpkg`, docs/storage.md): the choice and the metadata.
#pragma once

#include "context.hpp"
#include "storage/results_gpkg.hpp"

#include <string>
#include <utility>
#include <vector>

namespace caravan::app {

/// Whether an --out asks for a GeoPackage (FILE.gpkg, docs/storage.md) rather than text.
bool is_gpkg_output(const std::string& out);

/// The metadata of a result written to a GeoPackage: `kind`, the Caravan version, the network, its
/// content hash and `extra` key/value rows.
storage::ResultInfo result_info(const std::string& kind, const LoadedNetwork& ln,
                                std::vector<std::pair<std::string, std::string>> extra = {});

} // namespace caravan::app
