// A loaded network as the Python module holds it: the immutable Network, its name index, the label
// messages name it by and the reader's warnings.
#pragma once

#include "core/names.hpp"
#include "core/network.hpp"

#include <memory>
#include <string>
#include <vector>

namespace caravan::py {

struct NetworkHandle {
  std::string label; ///< "eurasia", a directory or a file, as given
  std::shared_ptr<const Network> net;
  std::shared_ptr<const NodeNames> names;
  std::vector<std::string> warnings;
};

/// A built-in network by name; throws UnknownName (a KeyError) listing the built-in names.
NetworkHandle load_builtin(const std::string& name);

/// A network directory in Caravan's CSV format; throws formats::ParseError.
NetworkHandle read_csv_directory(const std::string& path);

/// An OpenStreetMap extract (.osm.pbf, .osm, .osm.bz2) imported with the default options and
/// `country` given to every node; throws std::invalid_argument when the file cannot be read.
NetworkHandle import_osm_file(const std::string& path, const std::string& country);

/// A network built from `net` (a scenario applied, for instance), named `label`.
NetworkHandle wrap(std::string label, Network net);

} // namespace caravan::py
