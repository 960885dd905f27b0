// Many-to-many shortest-path weight tables on a contraction hierarchy by bucket search.
#pragma once

#include <span>
#include <vector>

#include "route/ch/ch.hpp"

namespace caravan::route {

/// A sources x targets table of shortest-path weights, row-major (kInfWeight where unreachable).
struct DistanceTable {
  std::uint32_t rows = 0;
  std::uint32_t columns = 0;
  std::vector<graph::Weight> weights;

  [[nodiscard]] graph::Weight at(std::uint32_t source_index, std::uint32_t target_index) const {
    return weights[static_cast<std::size_t>(source_index) * columns + target_index];
  }
};

struct ManyToManyOptions {
  /// Run the upward searches on TBB worker threads (one search per task).
  bool parallel = true;
};

/// Bucket many-to-many: one backward upward search per target fills buckets at the nodes it
/// settles (stalled nodes excluded); one forward upward search per source scans the buckets of the
/// nodes it settles. Cost is |S| + |T| upward searches plus the bucket scans.
[[nodiscard]] DistanceTable many_to_many(const ContractionHierarchy& ch,
                                         std::span<const NodeId> sources,
                                         std::span<const NodeId> targets,
                                         const ManyToManyOptions& options = {});

} // namespace caravan::route
