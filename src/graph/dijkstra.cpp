// Plain Dijkstra with a 4-ary indexed heap and lazily reset distance labels.
#include "graph/dijkstra.hpp"

#include <algorithm>

namespace caravan::graph {

namespace {
constexpr std::uint32_t kNoNode = 0xFFFFFFFFU;
}

DijkstraQuery::DijkstraQuery(const Graph& g)
    : g_(&g), dist_(g.node_count(), kInfWeight), parent_(g.node_count(), kNoNode),
      queue_(g.node_count()) {}

void DijkstraQuery::run(NodeId source, std::uint32_t target) {
  for (std::uint32_t v : touched_) {
    dist_[v] = kInfWeight;
    parent_[v] = kNoNode;
  }
  touched_.clear();
  queue_.clear();
  settled_ = 0;
  source_ = source.index();
  dist_[source_] = 0;
  touched_.push_back(source_);
  queue_.push(source_, 0);
  const Graph& g = *g_;
  while (!queue_.empty()) {
    const auto [v, d] = queue_.pop();
    ++settled_;
    if (v == target) return;
    for (std::uint32_t a = g.first_out[v], end = g.first_out[v + 1]; a < end; ++a) {
      const std::uint32_t w = g.head[a];
      const Weight nd = d + g.weight[a];
      if (nd < dist_[w]) {
        if (dist_[w] == kInfWeight) touched_.push_back(w);
        dist_[w] = nd;
        parent_[w] = v;
        queue_.push_or_decrease(w, nd);
      }
    }
  }
}

Weight DijkstraQuery::distance(NodeId source, NodeId target) {
  run(source, target.index());
  return dist_[target.index()];
}

std::vector<Weight> DijkstraQuery::distances_from(NodeId source) {
  run(source, kNoNode);
  return dist_;
}

std::vector<NodeId> DijkstraQuery::path_to(NodeId target) const {
  std::vector<NodeId> path;
  if (dist_[target.index()] == kInfWeight) return path;
  for (std::uint32_t v = target.index(); v != kNoNode; v = parent_[v]) path.emplace_back(v);
  std::reverse(path.begin(), path.end());
  return path;
}

} // namespace caravan::graph
