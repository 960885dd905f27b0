// Place sets named on the command line (`centres:KZ`, `kind:seaport`, lists of names).
#pragma once

#include "context.hpp"
#include "scenario/impact.hpp"

#include <string>
#include <vector>

namespace caravan::app {
/// The default place set of `caravan impact` (scenario/impact.hpp).
inline constexpr const char* kImpactPlaces = kDefaultImpactPlaces;

/// Resolves a comma-separated set: place names, `country:XX`, `centres:XX`, `kind:K`, `all`.
/// Throws UsageError naming `option`. Defined in matrix_cmd.cpp.
std::vector<NodeId> resolve_node_set(const LoadedNetwork& ln, const std::string& option,
                                     const std::string& spec);

} // namespace caravan::app
