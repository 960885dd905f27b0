// Networks compiled into the binary (data/eurasia and the example), selectable by name.
#pragma once

#include "formats/csv_network.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace caravan::formats {

namespace builtin {
const std::map<std::string, std::string>& eurasia_files();
const std::map<std::string, std::string>& example_files();
} // namespace builtin

/// Names of the built-in networks ("eurasia", "example").
std::vector<std::string> builtin_network_names();

/// The built-in network's files by name, or nullopt for an unknown name.
std::optional<NetworkFiles> builtin_network(const std::string& name);

} // namespace caravan::formats
