// Bucket-based many-to-many: backward searches fill per-node buckets, forward searches scan them.
#include "route/ch/many_to_many.hpp"

#include <algorithm>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "graph/min_id_queue.hpp"

namespace caravan::route {

using graph::kInfWeight;
using graph::Weight;

namespace {

/// A complete upward search (no stopping criterion) with stall-on-demand; owns its scratch.
class UpwardSearch {
public:
  struct Settled {
    std::uint32_t rank;
    Weight dist;
  };

  explicit UpwardSearch(std::uint32_t n) : dist_(n, kInfWeight), queue_(n) {}

  /// Settles every node reachable upward from `start`; returns the unstalled ones.
  const std::vector<Settled>& run(const ChArcs& arcs, const ChArcs& opposite, std::uint32_t start) {
    for (std::uint32_t r : touched_) dist_[r] = kInfWeight;
    touched_.clear();
    settled_.clear();
    queue_.clear();
    dist_[start] = 0;
    touched_.push_back(start);
    queue_.push(start, 0);
    while (!queue_.empty()) {
      const auto [v, d] = queue_.pop();
      bool stalled = false;
      for (std::uint32_t a = opposite.first_out[v]; a < opposite.first_out[v + 1]; ++a) {
        const Weight dx = dist_[opposite.head[a]];
        if (dx != kInfWeight && dx + opposite.weight[a] < d) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      settled_.push_back({v, d});
      for (std::uint32_t a = arcs.first_out[v]; a < arcs.first_out[v + 1]; ++a) {
        const std::uint32_t w = arcs.head[a];
        const Weight nd = d + arcs.weight[a];
        if (nd < dist_[w]) {
          if (dist_[w] == kInfWeight) touched_.push_back(w);
          dist_[w] = nd;
          queue_.push_or_decrease(w, nd);
        }
      }
    }
    return settled_;
  }

private:
  std::vector<Weight> dist_;
  std::vector<std::uint32_t> touched_;
  std::vector<Settled> settled_;
  graph::MinIdQueue queue_;
};

struct BucketEntry {
  std::uint32_t target_index;
  Weight dist;
};

} // namespace

DistanceTable many_to_many(const ContractionHierarchy& ch, std::span<const NodeId> sources,
                           std::span<const NodeId> targets, const ManyToManyOptions& options) {
  const std::uint32_t n = ch.node_count();
  DistanceTable table;
  table.rows = static_cast<std::uint32_t>(sources.size());
  table.columns = static_cast<std::uint32_t>(targets.size());
  table.weights.assign(static_cast<std::size_t>(table.rows) * table.columns, kInfWeight);
  if (table.weights.empty()) return table;

  tbb::enumerable_thread_specific<UpwardSearch> searches([n] { return UpwardSearch(n); });
  auto for_each_index = [&](std::size_t count, const auto& body) {
    if (options.parallel) {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 8),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          UpwardSearch& s = searches.local();
                          for (std::size_t i = r.begin(); i < r.end(); ++i) body(s, i);
                        });
    } else {
      UpwardSearch& s = searches.local();
      for (std::size_t i = 0; i < count; ++i) body(s, i);
    }
  };

  // Backward searches: the search space of every target, then buckets by rank (counting sort).
  std::vector<std::vector<UpwardSearch::Settled>> spaces(targets.size());
  for_each_index(targets.size(), [&](UpwardSearch& s, std::size_t j) {
    spaces[j] = s.run(ch.backward(), ch.forward(), ch.rank(targets[j]));
  });
  std::vector<std::uint32_t> bucket_first(static_cast<std::size_t>(n) + 1, 0);
  for (const auto& space : spaces) {
    for (const auto& e : space) ++bucket_first[e.rank + 1];
  }
  for (std::uint32_t r = 0; r < n; ++r) bucket_first[r + 1] += bucket_first[r];
  std::vector<BucketEntry> buckets(bucket_first[n]);
  {
    std::vector<std::uint32_t> next(bucket_first.begin(), bucket_first.end() - 1);
    for (std::uint32_t j = 0; j < spaces.size(); ++j) {
      for (const auto& e : spaces[j]) buckets[next[e.rank]++] = {j, e.dist};
    }
    spaces = {};
  }

  // Forward searches: scan the bucket of every settled node.
  for_each_index(sources.size(), [&](UpwardSearch& s, std::size_t i) {
    Weight* row = table.weights.data() + i * table.columns;
    for (const auto& e : s.run(ch.forward(), ch.backward(), ch.rank(sources[i]))) {
      for (std::uint32_t b = bucket_first[e.rank]; b < bucket_first[e.rank + 1]; ++b) {
        const Weight d = e.dist + buckets[b].dist;
        if (d < row[buckets[b].target_index]) row[buckets[b].target_index] = d;
      }
    }
  });
  return table;
}

} // namespace caravan::route
