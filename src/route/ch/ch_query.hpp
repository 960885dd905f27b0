// Reusable per-thread query on a contraction hierarchy: a rank-order sweep of both upward search
// spaces or a bidirectional Dijkstra with stall-on-demand, and path unpacking.
#pragma once

#include <vector>

#include "graph/min_id_queue.hpp"
#include "route/ch/ch.hpp"

namespace caravan::route {

/// How ChQuery searches the hierarchy.
///  - sweep: every node reachable upward from the sources (then from the targets) is visited once
///    in rank order, found through a two-level bitset of reached ranks; no priority queue and
///    branch-free relaxation, with stall-on-demand (a node reached more cheaply from above does
///    not relax its arcs); the forward sweep stops relaxing from nodes whose distance already
///    reaches the best path found. It visits the whole upward search space below the core that
///    is not stalled, which pays while that space is small (a few thousand arcs).
///  - dijkstra: bidirectional Dijkstra on the upward graphs with stall-on-demand, stopping when
///    both queue minima reach the best path found; it settles fewer nodes than the sweep visits,
///    at a higher cost per node.
///  - automatic: sweep when the hierarchy's mean upward search space below the core
///    (ContractionHierarchy::upward_search_space().arcs_below_core) has at most kSweepMaxArcs
///    arcs, else dijkstra.
/// Both methods stop at the core (ContractionHierarchy::core_begin) and join the core nodes the
/// two sides reached through the core table.
enum class ChQueryMethod { automatic, sweep, dijkstra };

/// A query object that owns its scratch memory (distance arrays of node_count entries, and the
/// bitsets or heaps of its method) and is reused for many queries, one per thread:
///   `q.reset().add_source(s).add_target(t).run(); q.distance(); q.node_path();`
/// Several sources and targets may be added (each with an initial weight): the result is then the
/// best over all pairs. The hierarchy must outlive the query.
class ChQuery {
public:
  /// Largest mean upward search space (arcs) for which `automatic` picks the sweep.
  static constexpr double kSweepMaxArcs = 3000;

  explicit ChQuery(const ContractionHierarchy& ch, ChQueryMethod method = ChQueryMethod::automatic);

  ChQuery& reset();
  ChQuery& add_source(NodeId s, graph::Weight initial = 0);
  ChQuery& add_target(NodeId t, graph::Weight initial = 0);
  ChQuery& run();

  /// Shortest-path weight of the last run, graph::kInfWeight if no target is reachable.
  [[nodiscard]] graph::Weight distance() const { return best_; }
  /// Nodes of the shortest path of the last run in the input graph, first source to target,
  /// shortcuts unpacked; empty when unreachable.
  [[nodiscard]] std::vector<NodeId> node_path() const;
  /// Nodes settled (dijkstra) or visited (sweep) by both searches in the last run (a measure of
  /// its work).
  [[nodiscard]] std::uint32_t settled_count() const { return settled_; }
  /// The method in use (never `automatic`).
  [[nodiscard]] ChQueryMethod method() const { return method_; }

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
  struct CoreEntry {
    std::uint32_t rank;
    graph::Weight dist;
  };
  void settle_next(Side& self, const ChArcs& arcs, const ChArcs& opposite, const Side& other,
                   std::vector<CoreEntry>& entries);
  /// Best path from a forward core entry through the core table to a backward one.
  void combine_core_entries();
  void reach(Side& side, std::uint32_t r, graph::Weight d);
  void mark(std::uint32_t r);
  template <int kSide> void sweep(Side& self);
  void run_dijkstra();
  void run_sweep();
  /// Ranks from `top` (the meeting node or a core entry) down to a source (side 0) or a target
  /// (side 1).
  [[nodiscard]] std::vector<std::uint32_t> chain(int side, std::uint32_t top) const;

  const ContractionHierarchy* ch_;
  ChQueryMethod method_;
  /// Sweep only: reached ranks, one bit per rank (`bits_`) and one bit per non-zero word of it
  /// (`summary_`); both are all-zero between sweeps.
  std::vector<std::uint64_t> bits_;
  std::vector<std::uint64_t> summary_;
  Side fwd_;
  Side bwd_;
  /// Core nodes each side reached (the sweep lists them in rank order) and their distances.
  std::vector<CoreEntry> fwd_entries_;
  std::vector<CoreEntry> bwd_entries_;
  /// When the best path goes through the core table: its forward and backward core entries.
  std::uint32_t core_from_ = 0xFFFFFFFFU;
  std::uint32_t core_to_ = 0xFFFFFFFFU;
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
