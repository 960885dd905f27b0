// Fuzz target: the DIMACS readers (the first byte picks .gr, or .co read into a 4-node graph); an
// accepted graph must have its arcs inside it.
#include "targets.hpp"

#include "formats/dimacs.hpp"
#include "formats/parse_error.hpp"

#include <cmath>
#include <sstream>

namespace caravan::fuzz {

Outcome dimacs(std::string_view data) {
  if (data.empty() || declared_count(data, "P SP") > kMaxDeclaredNodes) return {};
  std::istringstream in{std::string(data.substr(1))};
  try {
    if (static_cast<unsigned char>(data[0]) % 2 == 0) {
      const graph::Graph g = formats::read_dimacs_graph(in, "fuzz.gr");
      check(g.first_out.size() == std::size_t{g.node_count()} + 1, "first_out has a wrong size");
      check(g.first_out.back() == g.arc_count(), "first_out does not end at the arc count");
      for (std::uint32_t h : g.head) check(h < g.node_count(), "arc head outside the graph");
      for (graph::Weight w : g.weight) check(w < graph::kMaxPathWeight, "weight of 2^31 or more");
    } else {
      graph::Graph g;
      g.first_out.assign(5, 0);
      formats::read_dimacs_coordinates(in, "fuzz.co", g);
      check(g.x.size() == 4 && g.y.size() == 4, "coordinates for another node count");
      for (std::size_t i = 0; i < 4; ++i)
        check(std::isfinite(g.x[i]) && std::isfinite(g.y[i]), "non-finite coordinate");
    }
  } catch (const formats::ParseError& e) {
    return {false, e.what()};
  }
  return {true, {}};
}

} // namespace caravan::fuzz
