// Fuzz target: the OSM import from memory (the first byte picks PBF, XML or OPL); an accepted
// extract must give a network whose links join its nodes.
#include "targets.hpp"

#include "formats/osm_import.hpp"

#include <array>
#include <cctype>
#include <stdexcept>

namespace caravan::fuzz {

namespace {

/// Whether `s` has a digit or '.' followed by e/E, an optional sign and a digit.
bool has_exponent(std::string_view s) {
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if ((s[i] != 'e' && s[i] != 'E') ||
        !(std::isdigit(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '.'))
      continue;
    std::size_t j = i + 1;
    if (s[j] == '+' || s[j] == '-') ++j;
    if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) return true;
  }
  return false;
}

} // namespace

Outcome osm(std::string_view data) {
  if (data.empty()) return {};
  static const std::array<std::string, 3> kFormats = {"pbf", "osm", "opl"};
  const std::string& format = kFormats[static_cast<unsigned char>(data[0]) % kFormats.size()];
  // libosmium 2.19's text coordinate parser overflows a signed integer on an exponent such as
  // "x7.e41" (undefined behaviour upstream, osmium/osm/location.hpp): skip text inputs with one.
  if (format != "pbf" && has_exponent(data.substr(1))) return {};
  formats::OsmImportResult r;
  try {
    r = formats::import_osm_data(data.substr(1), format);
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
