// Loading networks for the Python module: built-in, CSV directory or OSM extract.
#include "network_handle.hpp"

#include "errors.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "formats/osm_import.hpp"

#include <filesystem>

namespace caravan::py {

namespace {
NetworkHandle make(std::string label, formats::NetworkReadResult r) {
  NetworkHandle h;
  h.label = std::move(label);
  h.net = std::make_shared<const Network>(std::move(r.network));
  h.names = std::make_shared<const NodeNames>(*h.net);
  h.warnings = std::move(r.warnings);
  return h;
}
} // namespace

NetworkHandle load_builtin(const std::string& name) {
  auto files = formats::builtin_network(name);
  if (!files) {
    std::string known;
    for (const auto& n : formats::builtin_network_names()) known += (known.empty() ? "" : ", ") + n;
    throw UnknownName("no built-in network '" + name + "'; built-in networks: " + known);
  }
  return make(name, formats::parse_network(*files));
}

NetworkHandle read_csv_directory(const std::string& path) {
  return make(path, formats::read_network(path));
}

NetworkHandle import_osm_file(const std::string& path, const std::string& country) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw std::invalid_argument("no file " + path);
  formats::OsmImportOptions opt;
  opt.country = country;
  formats::OsmImportResult r;
  try {
    r = formats::import_osm(path, opt);
  } catch (const std::exception& e) { // libosmium: unknown format, corrupt file
    throw std::invalid_argument(path + ": " + e.what());
  }
  return wrap(path, std::move(r.network));
}

NetworkHandle wrap(std::string label, Network net) {
  NetworkHandle h;
  h.label = std::move(label);
  h.net = std::make_shared<const Network>(std::move(net));
  h.names = std::make_shared<const NodeNames>(*h.net);
  return h;
}

} // namespace caravan::py
