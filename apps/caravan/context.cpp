// Network loading, name resolution, output and error handling shared by all subcommands.
#include "context.hpp"

#include "core/place_query.hpp"
#include "formats/atomic_file.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "formats/parse_error.hpp"
#include "storage/network_gpkg.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

namespace caravan::app {

LoadedNetwork load_network(const std::string& arg) {
  formats::NetworkReadResult r;
  std::string hash;
  if (storage::is_geopackage_path(arg)) {
    r = storage::read_network_gpkg(arg);
    // The hash of a GeoPackage network is that of the CSV files it converts to.
    hash = formats::content_hash(formats::format_network(r.network));
  } else {
    const formats::NetworkFiles files = [&] {
      std::error_code ec;
      if (!std::filesystem::exists(arg, ec))
        if (auto builtin = formats::builtin_network(arg)) return *builtin;
      return formats::read_network_files(arg);
    }();
    r = formats::parse_network(files);
    hash = formats::content_hash(files);
  }
  for (const auto& w : r.warnings) fmt::print(stderr, "warning: {}\n", w);
  return LoadedNetwork(arg, std::move(r.network), std::move(hash));
}

NodeId resolve_node(const LoadedNetwork& n, const std::string& option, const std::string& query) {
  try {
    return resolve_place(n.net, *n.names, n.label, option, query);
  } catch (const PlaceQueryError& e) {
    throw UsageError(e.what());
  }
}

CountryId resolve_country(const Network& net, const std::string& option, const std::string& code) {
  try {
    return resolve_country_code(net, option, code);
  } catch (const PlaceQueryError& e) {
    throw UsageError(e.what());
  }
}

void emit(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return;
  }
  formats::write_file_atomically(path, text);
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const formats::ParseError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kBadInput;
  } catch (const UsageError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kBadInput;
  } catch (const NetworkError& e) {
    fmt::print(stderr, "error: invalid network: {}\n", e.what());
    return kBadInput;
  } catch (const formats::WriteError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kFailure;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kFailure;
  }
}

} // namespace caravan::app
