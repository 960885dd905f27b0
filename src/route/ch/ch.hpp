// Contraction hierarchy for a single-criterion CSR graph: the immutable index and how it is built.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace caravan::route {

/// Progress of a hierarchy build, reported through `ChBuildOptions::progress`.
struct ChBuildProgress {
  std::string_view phase;      ///< "priorities", "contraction" or "index"
  std::uint32_t done = 0;      ///< nodes done in this phase
  std::uint32_t total = 0;     ///< nodes in this phase
  std::uint64_t shortcuts = 0; ///< shortcuts added so far
};

/// The node-ordering formula (see ChBuildOptions).
enum class ChPriority { edge_difference, edge_quotient };

/// How a hierarchy is built. The defaults suit road graphs.
struct ChBuildOptions {
  /// Witness searches stop after settling this many nodes when a node is contracted (a stopped
  /// search adds the shortcut, so the limit trades preprocessing time for index size, never
  /// correctness) ...
  std::uint32_t witness_settle_limit = 500;
  /// ... and this many when a node's priority is only estimated (10 rather than 30 since the
  /// core table: 27-35 % faster builds with equal or faster queries, see
  /// docs/contraction-hierarchies.md).
  std::uint32_t estimate_settle_limit = 10;
  /// How the edge difference enters the priority (smallest contracted first):
  ///  - edge_difference: edge_difference_weight * (shortcuts added - arcs removed)
  ///  - edge_quotient:   edge_difference_weight * shortcuts added / arcs removed
  ///                     + hop_quotient_weight * input arcs in the shortcuts / input arcs removed
  /// plus, in both, contracted_neighbours_weight * (neighbours already contracted)
  /// + level_weight * level (1 + the highest level of a contracted neighbour). A level weight of
  /// 0.5 rather than 1 gave 4-13 % smaller upward search spaces (in arcs) and 3-15 % fewer
  /// shortcuts on every real graph and the 10^5-node synthetic one (see
  /// docs/contraction-hierarchies.md).
  ChPriority priority = ChPriority::edge_quotient;
  double edge_difference_weight = 1;
  double hop_quotient_weight = 1;
  double contracted_neighbours_weight = 0;
  double level_weight = 0.5;
  /// Re-estimate the priority of the node at the head of the queue before contracting it, and put
  /// it back if it is no longer the minimum (neighbour updates are always done).
  bool lazy_updates = true;
  /// Use TBB worker threads for the parts that pay: initial priorities and neighbour updates
  /// (when a node has at least `parallel_update_threshold` neighbours; a lower threshold made the
  /// build slower on 2 busy cores, see docs/contraction-hierarchies.md).
  bool parallel = true;
  std::uint32_t parallel_update_threshold = 64;
  /// Core table: the distances between every pair of the `core_size` highest-ranked nodes are
  /// stored (core_size^2 weights), and the sweep query stops at the core and combines the two
  /// sides' core entries through the table instead of sweeping the densest part of the hierarchy
  /// (see docs/contraction-hierarchies.md). 0 = no table; kAutomaticCoreSize = the square root
  /// of the hierarchy's arc count (so the table has no more entries than the hierarchy has arcs),
  /// at most kMaxAutomaticCoreSize. Capped at the node count and at kMaxCoreSize. Besides the
  /// weights, the table keeps each shortest path's last core node before its end (2 bytes), so
  /// that a path through the core unpacks without a search.
  static constexpr std::uint32_t kAutomaticCoreSize = 0xFFFFFFFFU;
  static constexpr std::uint32_t kMaxAutomaticCoreSize = 4096;
  static constexpr std::uint32_t kMaxCoreSize = 65535;
  std::uint32_t core_size = kAutomaticCoreSize;
  /// Called about every 1 % of nodes per phase; must be cheap. The library never prints.
  std::function<void(const ChBuildProgress&)> progress;
};

/// The arcs of one direction of the hierarchy, in rank space: the arcs of rank r are
/// `first_out[r] .. first_out[r+1]-1`; every head has a higher rank than its tail. `middle` is the
/// rank of the node a shortcut bypasses, or kNoMiddle for an arc of the input graph.
struct ChArcs {
  static constexpr std::uint32_t kNoMiddle = 0xFFFFFFFFU;
  std::vector<std::uint32_t> first_out{0};
  std::vector<std::uint32_t> head;
  std::vector<graph::Weight> weight;
  std::vector<std::uint32_t> middle;

  /// Index of the arc from `tail` to `head`, or kNoMiddle when there is none (both in ranks).
  [[nodiscard]] std::uint32_t find(std::uint32_t tail, std::uint32_t to) const;
};

/// One arc of the compact query layout: head rank and weight side by side, so that a query reads
/// one 8-byte record per arc.
struct ChQueryArc {
  std::uint32_t head;
  graph::Weight weight;
};

/// Mean size of the search space of one upward search without pruning (every node reachable
/// upward from a start node, and the arcs leaving them), over a sample of start nodes.
struct ChSearchSpace {
  double nodes = 0;
  double arcs = 0;
  /// Arcs of the same closures when core nodes are not expanded (what the sweep scans).
  double arcs_below_core = 0;
};

class ChQuery;

/// An immutable contraction hierarchy: build it once (`build_contraction_hierarchy`), share it
/// between threads, and query it with one `ChQuery` or many-to-many call per thread.
class ContractionHierarchy {
public:
  ContractionHierarchy() = default;

  [[nodiscard]] std::uint32_t node_count() const {
    return static_cast<std::uint32_t>(rank_.size());
  }
  /// Position of a node in the contraction order (0 = contracted first).
  [[nodiscard]] std::uint32_t rank(NodeId v) const { return rank_[v.index()]; }
  [[nodiscard]] NodeId node_at_rank(std::uint32_t r) const { return NodeId(order_[r]); }
  /// Upward arcs v->w (rank w > rank v), indexed by rank, as the forward search scans them.
  [[nodiscard]] const ChArcs& forward() const { return forward_; }
  /// Arcs u->v of the input orientation with rank u > rank v, stored at v with head u, as the
  /// backward search scans them.
  [[nodiscard]] const ChArcs& backward() const { return backward_; }
  [[nodiscard]] graph::WeightUnit unit() const { return unit_; }
  /// Arcs that are shortcuts (not arcs of the input graph), both directions.
  [[nodiscard]] std::uint64_t shortcut_count() const { return shortcuts_; }
  [[nodiscard]] std::size_t memory_bytes() const;
  /// Mean upward search space (forward and backward averaged) over a fixed sample of up to 256
  /// start nodes; ChQuery uses it to choose its method.
  [[nodiscard]] ChSearchSpace upward_search_space() const { return search_space_; }
  /// Ranks at or above this one form the core (node_count() when there is no core table).
  [[nodiscard]] std::uint32_t core_begin() const { return core_begin_; }
  /// Shortest-path weight between two core ranks (graph::kInfWeight when unreachable).
  [[nodiscard]] graph::Weight core_distance(std::uint32_t from_rank, std::uint32_t to_rank) const {
    const std::size_t k = node_count() - core_begin_;
    return core_table_[(from_rank - core_begin_) * k + (to_rank - core_begin_)];
  }
  /// A shortest path between two core ranks as a sequence of core ranks, `from_rank` first, in
  /// which every step is one arc of the hierarchy (upward in forward(), or downward, stored in
  /// backward() at the lower end); a single rank when they are equal, empty when unreachable.
  [[nodiscard]] std::vector<std::uint32_t> core_path(std::uint32_t from_rank,
                                                     std::uint32_t to_rank) const;

private:
  friend ContractionHierarchy build_contraction_hierarchy(const graph::Graph&,
                                                          const ChBuildOptions&);
  friend class ChQuery;
  /// Builds the compact query layout, the search-space statistic and the core table (the top
  /// `core_size` ranks) from forward_/backward_.
  void prepare_queries(std::uint32_t core_size, bool parallel);
  /// Dijkstra inside the core from `from_rank`: one table row and its parents (core positions).
  void core_search(std::uint32_t from_rank, std::vector<graph::Weight>& dist,
                   std::vector<std::uint32_t>& parent) const;

  /// Compact query layout in rank space: node r's upward arcs are
  /// `query_arcs_[query_first_[2r] .. query_first_[2r+1])` (the forward arcs) and its downward
  /// arcs `query_arcs_[query_first_[2r+1] .. query_first_[2r+2])` (the backward arcs), so both
  /// lists of one node are adjacent in memory.
  std::vector<std::uint32_t> query_first_;
  std::vector<ChQueryArc> query_arcs_;
  ChSearchSpace search_space_;
  /// The core: first rank, the arcs among core ranks in input orientation (CSR over core
  /// positions, rank - core_begin_), and the row-major table of their pairwise distances.
  std::uint32_t core_begin_ = 0;
  std::vector<std::uint32_t> core_first_;
  std::vector<ChQueryArc> core_arcs_;
  std::vector<graph::Weight> core_table_;
  /// Row-major like the table: the core position before the end on the shortest path from the
  /// row's core node to the column's (kNoCoreParent for the start itself and unreachable ones).
  static constexpr std::uint16_t kNoCoreParent = 0xFFFF;
  std::vector<std::uint16_t> core_parent_;
  std::vector<std::uint32_t> rank_;
  std::vector<std::uint32_t> order_;
  ChArcs forward_;
  ChArcs backward_;
  graph::WeightUnit unit_ = graph::WeightUnit::unspecified;
  std::uint64_t shortcuts_ = 0;
};

/// Contracts every node of `g` in order of priority (edge difference, contracted neighbours and
/// level; lazy updates and neighbour updates) with bounded witness searches. Distances in the
/// hierarchy equal those in `g`. Throws std::overflow_error if a shortcut would reach
/// graph::kMaxPathWeight.
[[nodiscard]] ContractionHierarchy build_contraction_hierarchy(const graph::Graph& g,
                                                               const ChBuildOptions& options = {});

} // namespace caravan::route
