// Contraction hierarchy construction: node ordering with lazy and neighbour updates, bounded
// witness search.
#include "route/ch/ch.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "graph/min_id_queue.hpp"

namespace caravan::route {

using graph::kInfWeight;
using graph::Weight;

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFU;

/// An arc of the graph under contraction: `other` is the head in `out` lists and the tail in `in`
/// lists; `middle` is the node a shortcut bypasses (kNone for an input arc).
struct DynArc {
  std::uint32_t other;
  Weight weight;
  std::uint32_t middle;
  std::uint32_t hops; ///< input arcs the arc stands for (1 for an input arc)
};

struct Shortcut {
  std::uint32_t from;
  std::uint32_t to;
  std::uint64_t weight;
  std::uint32_t hops;
};

/// What contracting a node would add.
struct Simulation {
  std::uint32_t shortcuts = 0;
  std::uint64_t hops = 0;
};

/// The remaining graph: contracted nodes are removed from their neighbours' lists, but keep their
/// own lists, which then hold exactly their arcs to higher-ranked nodes.
struct DynGraph {
  std::vector<std::vector<DynArc>> out;
  std::vector<std::vector<DynArc>> in;

  /// Adds arc u->w or lowers its weight; returns true when a new arc was added.
  bool add_or_improve(std::uint32_t u, std::uint32_t w, Weight weight, std::uint32_t middle,
                      std::uint32_t hops) {
    for (DynArc& a : out[u]) {
      if (a.other != w) continue;
      if (weight < a.weight) {
        a = {w, weight, middle, hops};
        for (DynArc& b : in[w]) {
          if (b.other == u) {
            b = {u, weight, middle, hops};
            break;
          }
        }
      }
      return false;
    }
    out[u].push_back({w, weight, middle, hops});
    in[w].push_back({u, weight, middle, hops});
    return true;
  }

  static void remove(std::vector<DynArc>& list, std::uint32_t other) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].other == other) {
        list[i] = list.back();
        list.pop_back();
        return;
      }
    }
  }
};

/// Dijkstra from one in-neighbour of the node being contracted, avoiding that node, bounded by a
/// distance and a number of settled nodes. One per thread.
class WitnessSearch {
public:
  explicit WitnessSearch(std::uint32_t n) : is_target_(n, 0U), dist_(n, kInfWeight), queue_(n) {}

  /// Searches until every target (marked by `mark_target`) is settled, the distance passes
  /// `limit`, or `settle_limit` nodes are settled.
  void run(const DynGraph& g, std::uint32_t source, std::uint32_t avoid, Weight limit,
           std::uint32_t settle_limit, std::uint32_t targets) {
    for (std::uint32_t v : touched_) dist_[v] = kInfWeight;
    touched_.clear();
    queue_.clear();
    dist_[source] = 0;
    touched_.push_back(source);
    queue_.push(source, 0);
    std::uint32_t settled = 0;
    while (!queue_.empty()) {
      const auto [v, d] = queue_.pop();
      if (d > limit || ++settled > settle_limit) break;
      if (is_target_[v] == stamp_ && --targets == 0) break;
      for (const DynArc& a : g.out[v]) {
        if (a.other == avoid) continue;
        const Weight nd = d + a.weight;
        if (nd < dist_[a.other]) {
          if (dist_[a.other] == kInfWeight) touched_.push_back(a.other);
          dist_[a.other] = nd;
          queue_.push_or_decrease(a.other, nd);
        }
      }
    }
  }

  [[nodiscard]] Weight dist(std::uint32_t v) const { return dist_[v]; }

  /// Starts a new set of targets.
  void new_targets() {
    if (++stamp_ == 0) {
      std::fill(is_target_.begin(), is_target_.end(), 0U);
      stamp_ = 1;
    }
  }
  void mark_target(std::uint32_t v) { is_target_[v] = stamp_; }
  [[nodiscard]] bool is_target(std::uint32_t v) const { return is_target_[v] == stamp_; }

private:
  std::vector<std::uint32_t> is_target_;
  std::uint32_t stamp_ = 0;
  std::vector<Weight> dist_;
  std::vector<std::uint32_t> touched_;
  graph::MinIdQueue queue_;
};

/// Shortcuts needed to contract `v` now: counted, and appended to `out` if given.
Simulation find_shortcuts(const DynGraph& g, std::uint32_t v, WitnessSearch& ws,
                          std::uint32_t settle_limit, std::vector<Shortcut>* out) {
  Simulation sim;
  const auto& ins = g.in[v];
  const auto& outs = g.out[v];
  if (ins.empty() || outs.empty()) return sim;
  Weight max_out = 0;
  ws.new_targets();
  for (const DynArc& o : outs) {
    max_out = std::max(max_out, o.weight);
    ws.mark_target(o.other);
  }
  const auto target_count = static_cast<std::uint32_t>(outs.size());
  for (const DynArc& i : ins) {
    const std::uint32_t u = i.other;
    const std::uint64_t limit64 = static_cast<std::uint64_t>(i.weight) + max_out;
    const Weight limit =
        static_cast<Weight>(std::min<std::uint64_t>(limit64, graph::kMaxPathWeight));
    ws.run(g, u, v, limit, settle_limit, target_count);
    for (const DynArc& o : outs) {
      if (o.other == u) continue;
      const std::uint64_t via = static_cast<std::uint64_t>(i.weight) + o.weight;
      if (ws.dist(o.other) > via) {
        ++sim.shortcuts;
        sim.hops += i.hops + o.hops;
        if (out != nullptr) out->push_back({u, o.other, via, i.hops + o.hops});
      }
    }
  }
  return sim;
}

ChArcs to_rank_space(const std::vector<std::vector<DynArc>>& lists,
                     const std::vector<std::uint32_t>& order,
                     const std::vector<std::uint32_t>& rank, std::uint64_t& shortcuts) {
  ChArcs arcs;
  const auto n = static_cast<std::uint32_t>(order.size());
  arcs.first_out.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::uint32_t r = 0; r < n; ++r) {
    arcs.first_out[r + 1] = arcs.first_out[r] + static_cast<std::uint32_t>(lists[order[r]].size());
  }
  const std::uint32_t m = arcs.first_out[n];
  arcs.head.resize(m);
  arcs.weight.resize(m);
  arcs.middle.resize(m);
  for (std::uint32_t r = 0; r < n; ++r) {
    std::vector<DynArc> sorted = lists[order[r]];
    for (DynArc& a : sorted) a.other = rank[a.other];
    std::sort(sorted.begin(), sorted.end(),
              [](const DynArc& a, const DynArc& b) { return a.other < b.other; });
    std::uint32_t pos = arcs.first_out[r];
    for (const DynArc& a : sorted) {
      arcs.head[pos] = a.other;
      arcs.weight[pos] = a.weight;
      arcs.middle[pos] = a.middle == kNone ? ChArcs::kNoMiddle : rank[a.middle];
      if (a.middle != kNone) ++shortcuts;
      ++pos;
    }
  }
  return arcs;
}

} // namespace

std::uint32_t ChArcs::find(std::uint32_t tail, std::uint32_t to) const {
  for (std::uint32_t a = first_out[tail]; a < first_out[tail + 1]; ++a) {
    if (head[a] == to) return a;
  }
  return kNoMiddle;
}

std::size_t ContractionHierarchy::memory_bytes() const {
  auto arcs_bytes = [](const ChArcs& a) {
    return (a.first_out.capacity() + a.head.capacity() + a.weight.capacity() +
            a.middle.capacity()) *
           sizeof(std::uint32_t);
  };
  return (rank_.capacity() + order_.capacity() + query_first_.capacity() + core_first_.capacity() +
          core_table_.capacity()) *
             sizeof(std::uint32_t) +
         core_parent_.capacity() * sizeof(std::uint16_t) +
         (query_arcs_.capacity() + core_arcs_.capacity()) * sizeof(ChQueryArc) +
         arcs_bytes(forward_) + arcs_bytes(backward_);
}

void ContractionHierarchy::core_search(std::uint32_t from_rank, std::vector<Weight>& dist,
                                       std::vector<std::uint32_t>& parent) const {
  const std::uint32_t k = node_count() - core_begin_;
  dist.assign(k, kInfWeight);
  parent.assign(k, kNone);
  graph::MinIdQueue queue(k);
  dist[from_rank - core_begin_] = 0;
  queue.push(from_rank - core_begin_, 0);
  while (!queue.empty()) {
    const auto [v, d] = queue.pop();
    for (std::uint32_t a = core_first_[v]; a < core_first_[v + 1]; ++a) {
      const std::uint32_t h = core_arcs_[a].head;
      const Weight nd = d + core_arcs_[a].weight;
      if (nd < dist[h]) {
        if (dist[h] == kInfWeight) {
          queue.push(h, nd);
        } else {
          queue.decrease_key(h, nd);
        }
        dist[h] = nd;
        parent[h] = v;
      }
    }
  }
}

std::vector<std::uint32_t> ContractionHierarchy::core_path(std::uint32_t from_rank,
                                                           std::uint32_t to_rank) const {
  std::vector<std::uint32_t> path;
  if (core_distance(from_rank, to_rank) == kInfWeight) return path;
  const std::size_t k = node_count() - core_begin_;
  const std::uint16_t* const parent =
      core_parent_.data() + static_cast<std::size_t>(from_rank - core_begin_) * k;
  for (std::uint32_t v = to_rank - core_begin_; v != from_rank - core_begin_; v = parent[v]) {
    path.push_back(v + core_begin_);
  }
  path.push_back(from_rank);
  std::reverse(path.begin(), path.end());
  return path;
}

void ContractionHierarchy::prepare_queries(std::uint32_t core_size, bool parallel) {
  const auto n = static_cast<std::uint32_t>(rank_.size());
  query_first_.assign(2 * static_cast<std::size_t>(n) + 1, 0);
  query_arcs_.clear();
  query_arcs_.reserve(forward_.head.size() + backward_.head.size());
  for (std::uint32_t r = 0; r < n; ++r) {
    query_first_[2 * static_cast<std::size_t>(r)] = static_cast<std::uint32_t>(query_arcs_.size());
    for (std::uint32_t a = forward_.first_out[r]; a < forward_.first_out[r + 1]; ++a) {
      query_arcs_.push_back({forward_.head[a], forward_.weight[a]});
    }
    query_first_[2 * static_cast<std::size_t>(r) + 1] =
        static_cast<std::uint32_t>(query_arcs_.size());
    for (std::uint32_t a = backward_.first_out[r]; a < backward_.first_out[r + 1]; ++a) {
      query_arcs_.push_back({backward_.head[a], backward_.weight[a]});
    }
  }
  query_first_[2 * static_cast<std::size_t>(n)] = static_cast<std::uint32_t>(query_arcs_.size());

  // Core: the top ranks. Between two core nodes the hierarchy has an up-down shortest path whose
  // nodes all rank at least as high as the lower end, so the arcs among core nodes suffice for
  // their distances: the upward arcs of each core node, and each downward arc u -> x (stored at
  // x in backward_ with head u) for core nodes x.
  if (core_size == ChBuildOptions::kAutomaticCoreSize) {
    const double arcs = static_cast<double>(forward_.head.size() + backward_.head.size());
    core_size = std::min(ChBuildOptions::kMaxAutomaticCoreSize,
                         static_cast<std::uint32_t>(std::sqrt(arcs)));
  }
  const std::uint32_t k = std::min({core_size, n, ChBuildOptions::kMaxCoreSize});
  core_begin_ = n - k;
  std::vector<std::vector<ChQueryArc>> core_out(k);
  for (std::uint32_t r = core_begin_; r < n; ++r) {
    for (std::uint32_t a = forward_.first_out[r]; a < forward_.first_out[r + 1]; ++a) {
      core_out[r - core_begin_].push_back({forward_.head[a] - core_begin_, forward_.weight[a]});
    }
    for (std::uint32_t a = backward_.first_out[r]; a < backward_.first_out[r + 1]; ++a) {
      core_out[backward_.head[a] - core_begin_].push_back({r - core_begin_, backward_.weight[a]});
    }
  }
  core_first_.assign(1, 0);
  core_arcs_.clear();
  for (const auto& list : core_out) {
    core_arcs_.insert(core_arcs_.end(), list.begin(), list.end());
    core_first_.push_back(static_cast<std::uint32_t>(core_arcs_.size()));
  }
  core_table_.assign(static_cast<std::size_t>(k) * k, kInfWeight);
  core_parent_.assign(static_cast<std::size_t>(k) * k, kNoCoreParent);
  auto fill_rows = [&](std::uint32_t begin, std::uint32_t end) {
    std::vector<Weight> row;
    std::vector<std::uint32_t> parent;
    for (std::uint32_t i = begin; i < end; ++i) {
      core_search(core_begin_ + i, row, parent);
      const std::size_t offset = static_cast<std::size_t>(i) * k;
      std::copy(row.begin(), row.end(), core_table_.begin() + static_cast<std::ptrdiff_t>(offset));
      for (std::uint32_t j = 0; j < k; ++j) {
        // Positions are below kMaxCoreSize (< 2^16 - 1), so they fit; kNone becomes the marker.
        core_parent_[offset + j] =
            parent[j] == kNone ? kNoCoreParent : static_cast<std::uint16_t>(parent[j]);
      }
    }
  };
  if (parallel) {
    tbb::parallel_for(
        tbb::blocked_range<std::uint32_t>(0, k, 16),
        [&](const tbb::blocked_range<std::uint32_t>& r) { fill_rows(r.begin(), r.end()); });
  } else {
    fill_rows(0, k);
  }

  // Search-space statistic: full upward closures from evenly spaced start ranks, both directions.
  search_space_ = {};
  if (n == 0) return;
  const std::uint32_t samples = std::min<std::uint32_t>(n, 256);
  std::vector<std::uint8_t> seen(n, 0);
  std::vector<std::uint32_t> stack;
  std::vector<std::uint32_t> visited;
  std::uint64_t nodes = 0;
  std::uint64_t arcs = 0;
  std::uint64_t arcs_below_core = 0;
  for (std::uint32_t i = 0; i < samples; ++i) {
    const auto start = static_cast<std::uint32_t>(static_cast<std::uint64_t>(i) * n / samples);
    for (int side = 0; side < 2; ++side) {
      stack.assign(1, start);
      seen[start] = 1;
      visited.assign(1, start);
      while (!stack.empty()) {
        const std::uint32_t v = stack.back();
        stack.pop_back();
        ++nodes;
        const std::size_t k = 2 * static_cast<std::size_t>(v) + static_cast<std::size_t>(side);
        if (v < core_begin_) arcs_below_core += query_first_[k + 1] - query_first_[k];
        for (std::uint32_t a = query_first_[k]; a < query_first_[k + 1]; ++a) {
          ++arcs;
          const std::uint32_t w = query_arcs_[a].head;
          if (seen[w] == 0) {
            seen[w] = 1;
            visited.push_back(w);
            stack.push_back(w);
          }
        }
      }
      for (std::uint32_t v : visited) seen[v] = 0;
    }
  }
  search_space_.nodes = static_cast<double>(nodes) / (2.0 * samples);
  search_space_.arcs = static_cast<double>(arcs) / (2.0 * samples);
  search_space_.arcs_below_core = static_cast<double>(arcs_below_core) / (2.0 * samples);
}

ContractionHierarchy build_contraction_hierarchy(const graph::Graph& g,
                                                 const ChBuildOptions& options) {
  const std::uint32_t n = g.node_count();
  DynGraph dyn;
  dyn.out.resize(n);
  dyn.in.resize(n);
  for (std::uint32_t u = 0; u < n; ++u) {
    for (std::uint32_t a = g.out_begin(u); a < g.out_end(u); ++a) {
      if (g.weight[a] >= graph::kMaxPathWeight) throw std::overflow_error("arc weight too large");
      dyn.add_or_improve(u, g.head[a], g.weight[a], kNone, 1);
    }
  }

  std::vector<std::uint32_t> contracted_neighbours(n, 0);
  std::vector<std::uint32_t> level(n, 0);
  auto key_of = [&](std::uint32_t v, WitnessSearch& ws) {
    const Simulation sim = find_shortcuts(dyn, v, ws, options.estimate_settle_limit, nullptr);
    const auto removed = static_cast<double>(dyn.in[v].size() + dyn.out[v].size());
    double removed_hops = 0;
    for (const DynArc& a : dyn.in[v]) removed_hops += a.hops;
    for (const DynArc& a : dyn.out[v]) removed_hops += a.hops;
    double p = options.contracted_neighbours_weight * contracted_neighbours[v] +
               options.level_weight * static_cast<double>(level[v]);
    if (options.priority == ChPriority::edge_difference) {
      p += options.edge_difference_weight * (static_cast<double>(sim.shortcuts) - removed);
    } else if (removed > 0) {
      p += options.edge_difference_weight * static_cast<double>(sim.shortcuts) / removed +
           options.hop_quotient_weight * static_cast<double>(sim.hops) / removed_hops;
    }
    return static_cast<std::uint32_t>(std::clamp(p * 1000.0 + (1 << 30), 0.0, 2147483647.0));
  };
  auto report = [&](std::string_view phase, std::uint32_t done, std::uint64_t shortcuts) {
    if (options.progress) options.progress(ChBuildProgress{phase, done, n, shortcuts});
  };
  const std::uint32_t step = std::max<std::uint32_t>(1, n / 100);

  tbb::enumerable_thread_specific<WitnessSearch> searches([n] { return WitnessSearch(n); });
  std::vector<std::uint32_t> keys(n);
  report("priorities", 0, 0);
  if (options.parallel) {
    tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, n, 1024),
                      [&](const tbb::blocked_range<std::uint32_t>& r) {
                        WitnessSearch& ws = searches.local();
                        for (std::uint32_t v = r.begin(); v < r.end(); ++v) keys[v] = key_of(v, ws);
                      });
  } else {
    WitnessSearch& ws = searches.local();
    for (std::uint32_t v = 0; v < n; ++v) keys[v] = key_of(v, ws);
  }
  report("priorities", n, 0);

  graph::MinIdQueue queue(n);
  for (std::uint32_t v = 0; v < n; ++v) queue.push(v, keys[v]);
  WitnessSearch& main_search = searches.local();
  std::vector<std::uint32_t> rank(n, kNone);
  std::vector<std::uint32_t> order;
  order.reserve(n);
  std::vector<Shortcut> shortcuts;
  std::vector<std::uint32_t> neighbours;
  std::uint64_t shortcut_count = 0;
  while (!queue.empty()) {
    const std::uint32_t v = queue.pop().id;
    // Lazy update: re-estimate; if v is no longer the minimum, put it back.
    if (options.lazy_updates) {
      const std::uint32_t key = key_of(v, main_search);
      if (!queue.empty() && key > queue.peek().key) {
        queue.push(v, key);
        continue;
      }
    }
    shortcuts.clear();
    find_shortcuts(dyn, v, main_search, options.witness_settle_limit, &shortcuts);
    for (const Shortcut& s : shortcuts) {
      if (s.weight >= graph::kMaxPathWeight) {
        throw std::overflow_error("contraction: a shortcut weight reaches 2^31; path weights "
                                  "of this graph do not fit the 32-bit weight type");
      }
      if (dyn.add_or_improve(s.from, s.to, static_cast<Weight>(s.weight), v, s.hops)) {
        ++shortcut_count;
      }
    }
    neighbours.clear();
    for (const DynArc& a : dyn.in[v]) {
      DynGraph::remove(dyn.out[a.other], v);
      neighbours.push_back(a.other);
    }
    for (const DynArc& a : dyn.out[v]) {
      DynGraph::remove(dyn.in[a.other], v);
      neighbours.push_back(a.other);
    }
    rank[v] = static_cast<std::uint32_t>(order.size());
    order.push_back(v);
    std::sort(neighbours.begin(), neighbours.end());
    neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
    for (std::uint32_t x : neighbours) {
      ++contracted_neighbours[x];
      level[x] = std::max(level[x], level[v] + 1);
    }
    // Neighbour updates: their edge difference changed.
    if (options.parallel && neighbours.size() >= options.parallel_update_threshold) {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, neighbours.size(), 2),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          WitnessSearch& ws = searches.local();
                          for (std::size_t i = r.begin(); i < r.end(); ++i) {
                            keys[neighbours[i]] = key_of(neighbours[i], ws);
                          }
                        });
    } else {
      for (std::uint32_t x : neighbours) keys[x] = key_of(x, main_search);
    }
    for (std::uint32_t x : neighbours) queue.update_key(x, keys[x]);
    if (order.size() % step == 0)
      report("contraction", static_cast<std::uint32_t>(order.size()), shortcut_count);
  }
  report("contraction", n, shortcut_count);

  ContractionHierarchy ch;
  ch.unit_ = g.unit;
  std::uint64_t shortcuts_in_index = 0;
  ch.forward_ = to_rank_space(dyn.out, order, rank, shortcuts_in_index);
  ch.backward_ = to_rank_space(dyn.in, order, rank, shortcuts_in_index);
  ch.shortcuts_ = shortcuts_in_index;
  ch.rank_ = std::move(rank);
  ch.order_ = std::move(order);
  ch.prepare_queries(options.core_size, options.parallel);
  report("index", n, shortcut_count);
  return ch;
}

} // namespace caravan::route
