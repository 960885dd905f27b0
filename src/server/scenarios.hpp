// The scenarios a server offers: each built-in scenario file read, applied and its impact computed
// once at start-up, immutable while serving.
#pragma once

#include "core/network.hpp"
#include "route/router.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace caravan::server {

/// One scenario ready to serve: its network and its impact report (JSON, as `caravan impact`).
struct ServedScenario {
  std::string id; ///< the file stem, e.g. "center-west-highway"
  std::string name;
  std::string title;
  std::string description;
  std::string source;
  std::string compared_with;              ///< what the impact report compares the scenario with
  std::shared_ptr<const Network> network; ///< the base network with the scenario applied
  std::string impact_json;                ///< report::impact_to_json over the given places
};

/// Reads every `*.toml` in `dir` (sorted by file stem), applies each to `base` and computes its
/// impact between `places` by time (against the scenario's compare_against, else the base network).
/// `places_label` says in the report how the places were chosen. Throws std::runtime_error naming
/// the file (`file:line: field ...`) for a scenario that cannot be read or applied.
std::vector<ServedScenario> load_scenarios(const Network& base, const std::filesystem::path& dir,
                                           const std::vector<NodeId>& places,
                                           const std::string& places_label);

} // namespace caravan::server
