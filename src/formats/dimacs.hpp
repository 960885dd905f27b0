// Reader for DIMACS 9th Implementation Challenge shortest-path graphs (.gr arcs, .co coordinates).
#pragma once

#include <filesystem>
#include <istream>
#include <string>

#include "graph/graph.hpp"

namespace caravan::formats {

/// Reads a `.gr` file: `c` comment lines, one `p sp <nodes> <arcs>` line, then `a <u> <v> <w>`
/// lines with 1-based node ids and non-negative integer weights (the format of rome99.gr and of the
/// USA road graphs, distance and travel-time variants alike). Node ids become 0-based. The unit is
/// the caller's to state (DIMACS distance graphs are in metres, travel-time graphs in an unstated
/// unit). Throws ParseError naming file:line:field on any malformed line, a node id out of range,
/// an arc count that differs from the `p` line, or a weight of 2^31 or more. (Shortest-path weights
/// must stay below 2^31, true of every DIMACS road graph; contraction checks this on shortcuts.)
[[nodiscard]] graph::Graph read_dimacs_graph(const std::filesystem::path& gr_file,
                                             graph::WeightUnit unit = graph::WeightUnit::metre);
/// Same, from a stream; `name` is used in error messages.
[[nodiscard]] graph::Graph read_dimacs_graph(std::istream& in, const std::string& name,
                                             graph::WeightUnit unit = graph::WeightUnit::metre);

/// Reads a `.co` file (`p aux sp co <nodes>`, then `v <id> <x> <y>` with integer coordinates, in
/// the USA files longitude and latitude times 10^6) into `g.x`/`g.y` as degrees (value / 10^6).
/// The node count must match `g`. Throws ParseError.
void read_dimacs_coordinates(const std::filesystem::path& co_file, graph::Graph& g);
void read_dimacs_coordinates(std::istream& in, const std::string& name, graph::Graph& g);

} // namespace caravan::formats
