// Compressed (CSR) directed graph with one integer weight per arc, for large single-criterion road
// graphs.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/units.hpp"

namespace caravan::graph {

/// Integer arc weight in the graph's `WeightUnit`. Path weights are summed in 32 bits: a graph must
/// keep every shortest-path weight below `kMaxPathWeight` (the readers and the generator check
/// this).
using Weight = std::uint32_t;
inline constexpr Weight kInfWeight = std::numeric_limits<Weight>::max();
inline constexpr Weight kMaxPathWeight = std::numeric_limits<Weight>::max() / 2;

/// What one unit of an integer arc weight measures.
enum class WeightUnit : std::uint8_t {
  metre,       ///< length in metres (DIMACS distance graphs, synthetic length)
  decisecond,  ///< travel time in tenths of a second (synthetic road graphs)
  millisecond, ///< travel time in milliseconds (TNTP free-flow time)
  unspecified, ///< a unit the source does not state (DIMACS travel-time graphs, TNTP length)
};

/// Converts a weight in a time unit to hours; returns NaN hours for length and unspecified units.
[[nodiscard]] Hours weight_to_hours(Weight w, WeightUnit unit);
/// Converts a weight in a length unit to km; returns NaN km for time and unspecified units.
[[nodiscard]] Km weight_to_km(Weight w, WeightUnit unit);
[[nodiscard]] const char* to_string(WeightUnit unit);

/// One arc as given by a reader or generator, before the graph is compressed.
struct Arc {
  std::uint32_t tail = 0;
  std::uint32_t head = 0;
  Weight weight = 0;
};

/// A directed graph in structure-of-arrays CSR form: the arcs leaving node v are the indices
/// `first_out[v] .. first_out[v+1]-1` of `head` and `weight`. Nodes are 0-based and dense; the
/// public entry points take `NodeId`, the arrays hold raw 32-bit indices for speed. Parallel arcs
/// are allowed (shortest paths use the cheapest); self-loops are dropped when the graph is built.
struct Graph {
  std::vector<std::uint32_t> first_out{0};
  std::vector<std::uint32_t> head;
  std::vector<Weight> weight;
  WeightUnit unit = WeightUnit::unspecified;
  /// Optional node positions (WGS84 degrees, or any planar unit for synthetic graphs); either empty
  /// or one entry per node.
  std::vector<double> x;
  std::vector<double> y;

  [[nodiscard]] std::uint32_t node_count() const {
    return static_cast<std::uint32_t>(first_out.size() - 1);
  }
  [[nodiscard]] std::uint32_t arc_count() const { return static_cast<std::uint32_t>(head.size()); }
  [[nodiscard]] std::uint32_t out_begin(std::uint32_t v) const { return first_out[v]; }
  [[nodiscard]] std::uint32_t out_end(std::uint32_t v) const { return first_out[v + 1]; }
  /// Weight of the cheapest arc from `from` to `to`, or kInfWeight when there is none.
  [[nodiscard]] Weight arc_weight(NodeId from, NodeId to) const;
  /// Bytes held by the arrays.
  [[nodiscard]] std::size_t memory_bytes() const;
};

/// Builds a CSR graph with `node_count` nodes from an arc list (any order). Self-loops are dropped.
/// Throws std::invalid_argument when an arc names a node >= node_count.
[[nodiscard]] Graph build_graph(std::uint32_t node_count, std::vector<Arc> arcs,
                                WeightUnit unit = WeightUnit::unspecified);

/// The same graph with every arc reversed (arc u->v becomes v->u with the same weight).
[[nodiscard]] Graph reverse(const Graph& g);

/// Largest weakly connected component of `g` as a new graph with nodes renumbered in their old
/// order; `old_id_of_new` (if given) receives the mapping. Positions are carried over.
[[nodiscard]] Graph largest_weak_component(const Graph& g,
                                           std::vector<std::uint32_t>* old_id_of_new = nullptr);

} // namespace caravan::graph
