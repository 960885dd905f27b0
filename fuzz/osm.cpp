// Fuzz target: the OSM import from memory (the first byte picks PBF, XML or OPL); an accepted
// extract must give a network whose links join its nodes.
#include "targets.hpp"

#include "io/osm_import.hpp"

#include <array>
#include <stdexcept>

namespace caravan::fuzz {

Outcome osm(std::string_view data) {
  if (data.empty()) return {};
  static const std::array<std::string, 3> kFormats = {"pbf", "osm", "opl"};
  const std::string& format = kFormats[static_cast<unsigned char>(data[0]) % kFormats.size()];
  io::OsmImportResult r;
  try {
    r = io::import_osm_data(data.substr(1), format);
  } catch (const std::runtime_error& e) {
    // libosmium reports malformed data with exceptions derived from std::runtime_error.
    return {false, e.what()};
  }
  for (const Link& l : r.network.links())
    check(l.from.index() < r.network.nodes().size() && l.to.index() < r.network.nodes().size(),
          "a link names a node outside the network");
  return {true, {}};
}

} // namespace caravan::fuzz
