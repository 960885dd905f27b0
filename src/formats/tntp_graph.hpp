// Minimal reader of a TNTP `_net.tntp` file as a single-criterion road graph (not for assignment).
#pragma once

#include <filesystem>
#include <istream>
#include <string>

#include "graph/graph.hpp"

namespace caravan::formats {

/// Which TNTP column becomes the arc weight.
enum class TntpGraphWeight {
  free_flow_time, ///< column 5 (minutes in every shipped network) -> milliseconds
  length, ///< column 4 (the network's own length unit) -> thousandths of it, unit unspecified
};

/// Reads `<NUMBER OF NODES>` and `<NUMBER OF LINKS>` from the metadata, then one link per line
/// (`init term capacity length free_flow_time b power speed toll type ;`, blank-separated, the
/// trailing `;` optional, `~` lines are comments). Node ids become 0-based. Every link becomes an
/// arc (duplicate links are kept; shortest paths use the cheapest). `<FIRST THRU NODE>` is ignored:
/// as a road graph every node may be passed through. For assignment use the full TNTP reader.
/// Throws ParseError naming file:line:field.
[[nodiscard]] graph::Graph
read_tntp_graph(const std::filesystem::path& net_file,
                TntpGraphWeight weight = TntpGraphWeight::free_flow_time);
[[nodiscard]] graph::Graph
read_tntp_graph(std::istream& in, const std::string& name,
                TntpGraphWeight weight = TntpGraphWeight::free_flow_time);

} // namespace caravan::formats
