// Plain Dijkstra on a CSR graph: the reference that contraction hierarchies are checked against.
#pragma once

#include <vector>

#include "graph/graph.hpp"
#include "graph/min_id_queue.hpp"

namespace caravan::graph {

/// A reusable one-to-one / one-to-all Dijkstra search that owns its scratch memory (one per
/// thread). The graph must outlive the query. Stops as soon as the target is settled.
class DijkstraQuery {
public:
  explicit DijkstraQuery(const Graph& g);

  /// Shortest-path weight from `source` to `target`, kInfWeight if unreachable.
  Weight distance(NodeId source, NodeId target);
  /// Shortest-path weights from `source` to every node (kInfWeight where unreachable).
  std::vector<Weight> distances_from(NodeId source);
  /// Nodes of a shortest path from the last `distance` call's source to its target (empty if
  /// unreachable).
  [[nodiscard]] std::vector<NodeId> path_to(NodeId target) const;
  /// Nodes settled by the last search (a measure of its work).
  [[nodiscard]] std::uint32_t settled_count() const { return settled_; }

private:
  void run(NodeId source, std::uint32_t target);

  const Graph* g_;
  std::vector<Weight> dist_;
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> touched_;
  MinIdQueue queue_;
  std::uint32_t source_ = 0;
  std::uint32_t settled_ = 0;
};

} // namespace caravan::graph
