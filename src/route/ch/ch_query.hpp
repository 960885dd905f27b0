// Reusable per-thread query on a contraction hierarchy: bidirectional search with stall-on-demand,
// path unpacking.
#pragma once

#include <vector>

#include "graph/min_id_queue.hpp"
#include "route/ch/ch.hpp"

namespace caravan::route {

/// A query object that owns its scratch memory (two distance arrays of node_count entries and two
/// heaps) and is reused for many queries, one per thread:
///   `q.reset().add_source(s).add_target(t).run(); q.distance(); q.node_path();`
/// Several sources and targets may be added (each with an initial weight): the result is then the
/// best over all pairs. The hierarchy must outlive the query.
class ChQuery {
public:
  explicit ChQuery(const ContractionHierarchy& ch);

  ChQuery& reset();
  ChQuery& add_source(NodeId s, graph::Weight initial = 0);
  ChQuery& add_target(NodeId t, graph::Weight initial = 0);
  ChQuery& run();

  /// Shortest-path weight of the last run, graph::kInfWeight if no target is reachable.
  [[nodiscard]] graph::Weight distance() const { return best_; }
  /// Nodes of the shortest path of the last run in the input graph, first source to target,
  /// shortcuts unpacked; empty when unreachable.
  [[nodiscard]] std::vector<NodeId> node_path() const;
  /// Nodes settled by both searches in the last run (a measure of its work).
  [[nodiscard]] std::uint32_t settled_count() const { return settled_; }

  /// Shorthand for reset().add_source(s).add_target(t).run().distance().
  graph::Weight distance(NodeId s, NodeId t) {
    return reset().add_source(s).add_target(t).run().distance();
  }

private:
  struct Side {
    std::vector<graph::Weight> dist;
    std::vector<std::uint32_t> parent_arc; ///< arc (in this side's ChArcs) that reached the node
    std::vector<std::uint32_t> parent;     ///< rank the arc starts at
    std::vector<std::uint32_t> touched;
    graph::MinIdQueue queue;
  };
  void settle_next(Side& self, const ChArcs& arcs, const ChArcs& opposite, const Side& other);
  void reach(Side& side, std::uint32_t r, graph::Weight d);

  const ContractionHierarchy* ch_;
  Side fwd_;
  Side bwd_;
  graph::Weight best_ = graph::kInfWeight;
  std::uint32_t meet_ = 0xFFFFFFFFU;
  std::uint32_t settled_ = 0;
};

/// Appends to `out` the input-graph nodes strictly after `from_rank` up to and including
/// `to_rank` along the hierarchy arc from `from_rank` to `to_rank` (given in input orientation,
/// with its weight and middle rank), unpacking shortcuts recursively.
void unpack_ch_arc(const ContractionHierarchy& ch, std::uint32_t from_rank, std::uint32_t to_rank,
                   std::uint32_t middle, std::vector<NodeId>& out);

} // namespace caravan::route
