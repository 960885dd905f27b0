// A network as a GeoPackage (docs/storage.md): layers places, links, transfers, borders and
// corridors, and a caravan_metadata table. Read and written through GDAL/OGR.
#pragma once

#include "core/network.hpp"
#include "formats/csv_network.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace caravan::storage {

/// The version of the layer schema written into caravan_metadata.
inline constexpr int kGpkgSchemaVersion = 1;

/// Whether `arg` names a GeoPackage file (it ends in ".gpkg", in any case).
bool is_geopackage_path(std::string_view arg);

/// What the metadata table says about the writer and the network.
struct GpkgInfo {
  std::string generator; ///< e.g. "caravan 0.1.0"
  std::string network;   ///< where the network came from (a directory, a built-in name)
};

/// Writes `net` to `file` atomically (a temporary file beside it, then a rename). Throws
/// formats::WriteError naming the file.
void write_network_gpkg(const Network& net, const std::filesystem::path& file,
                        const GpkgInfo& info = {});

/// Reads a network from a GeoPackage written by write_network_gpkg (or made by hand with the same
/// layers and fields). Throws formats::ParseError naming the file, layer, feature id and field,
/// also for a missing, truncated or non-GeoPackage file.
formats::NetworkReadResult read_network_gpkg(const std::filesystem::path& file);

} // namespace caravan::storage
