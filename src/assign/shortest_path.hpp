// Shortest-path trees from one origin and the all-or-nothing load of every origin's demand.
#pragma once

#include "assign/network.hpp"

#include <span>
#include <vector>

namespace caravan::assign {

/// A reusable one-to-all Dijkstra query; owns its scratch memory (one per thread). Paths never
/// pass through a zone below FIRST THRU NODE other than the origin.
class ShortestPathTree {
public:
  explicit ShortestPathTree(const Network& network);
  void run(NodeIndex origin, std::span<const double> cost);

  [[nodiscard]] std::span<const double> dist() const { return dist_; }
  /// The link entering each node on its shortest path; kNone for the origin and unreached nodes.
  [[nodiscard]] std::span<const LinkIndex> pred_link() const { return pred_; }
  /// Reached nodes in the order they were settled (origin first).
  [[nodiscard]] std::span<const NodeIndex> settled() const { return settled_; }

private:
  const Network* net_;
  std::vector<double> dist_;
  std::vector<LinkIndex> pred_;
  std::vector<NodeIndex> settled_;
  /// Indexed 4-ary min-heap on dist_ (decrease-key, no stale entries) and each node's slot.
  std::vector<NodeIndex> heap_;
  std::vector<std::uint32_t> heap_pos_;
  std::vector<NodeIndex> touched_;
  void sift_up(std::uint32_t i);
  void sift_down(std::uint32_t i);
};

struct AllOrNothing {
  std::vector<double> flow;   ///< per link
  double shortest_cost = 0.0; ///< sum over OD pairs of demand * shortest path cost
};

/// Loads each origin's demand on its shortest-path tree under `cost`, in parallel over origins
/// (deterministic: chunk sums are added in a fixed order). Throws AssignError when a destination
/// with demand is unreachable.
AllOrNothing all_or_nothing(const Network& network, const Demand& demand,
                            std::span<const double> cost, int threads = 0);

/// Demand without the OD pairs whose destination cannot be reached (tap-b instead adds
/// artificial high-cost links; some TNTP networks, e.g. Austin-VISTA, are not strongly connected).
struct ReachableDemand {
  Demand demand;
  std::size_t dropped_pairs = 0;
  double dropped_flow = 0.0;
};
ReachableDemand drop_unreachable(const Network& network, const Demand& demand);

} // namespace caravan::assign
