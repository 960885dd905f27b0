// Place sets named on the command line (`centres:KZ`, `kind:seaport`, lists of names).
#pragma once

#include "context.hpp"

#include <string>
#include <vector>

namespace caravan::app {
/// The default place set of `caravan impact`, defined here only (docs/scenarios.md explains it):
/// every Kazakh regional centre (`centres:KZ`: the Kazakh nodes with a `centre` rank) plus the
/// main gateways: to China Dostyk, Altynkol (Khorgos) and Bakhty; the Caspian ports Aktau and
/// Kuryk; to Uzbekistan Saryagash and Maktaaral; to Turkmenistan Bolashak; to Russia Petropavl (a
/// centre too).
inline constexpr const char* kImpactPlaces =
    "centres:KZ,Aktau,Kuryk,Dostyk,Altynkol,Bakhty,Saryagash,Maktaaral,Bolashak,Petropavl";

/// Resolves a comma-separated set: place names, `country:XX`, `centres:XX`, `kind:K`, `all`.
/// Throws UsageError naming `option`. Defined in matrix_cmd.cpp.
std::vector<NodeId> resolve_node_set(const LoadedNetwork& ln, const std::string& option,
                                     const std::string& spec);

} // namespace caravan::app
