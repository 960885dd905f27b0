// Queries on a contraction hierarchy: rank-order sweep or bidirectional upward Dijkstra with
// stall-on-demand, and recursive shortcut unpacking.
#include "route/ch/ch_query.hpp"

#include <algorithm>

namespace caravan::route {

using graph::kInfWeight;
using graph::Weight;

namespace {
constexpr std::uint32_t kNone = 0xFFFFFFFFU;
}

ChQuery::ChQuery(const ContractionHierarchy& ch, ChQueryMethod method) : ch_(&ch), method_(method) {
  if (method_ == ChQueryMethod::automatic) {
    method_ = ch.upward_search_space().arcs_below_core <= kSweepMaxArcs ? ChQueryMethod::sweep
                                                                        : ChQueryMethod::dijkstra;
  }
  const std::uint32_t n = ch.node_count();
  for (Side* s : {&fwd_, &bwd_}) {
    s->dist.assign(n, kInfWeight);
    if (method_ == ChQueryMethod::dijkstra) {
      s->parent_arc.assign(n, kNone);
      s->parent.assign(n, kNone);
      s->queue = graph::MinIdQueue(n);
    }
  }
  if (method_ == ChQueryMethod::sweep) {
    bits_.assign(n / 64 + 1, 0);
    summary_.assign(n / 4096 + 1, 0);
  }
}

ChQuery& ChQuery::reset() {
  for (Side* s : {&fwd_, &bwd_}) {
    if (method_ == ChQueryMethod::dijkstra) {
      for (std::uint32_t r : s->touched) {
        s->dist[r] = kInfWeight;
        s->parent_arc[r] = kNone;
        s->parent[r] = kNone;
      }
      s->queue.clear();
    } else {
      for (std::uint32_t r : s->touched) s->dist[r] = kInfWeight;
    }
    s->touched.clear();
  }
  best_ = kInfWeight;
  meet_ = kNone;
  core_from_ = kNone;
  core_to_ = kNone;
  fwd_entries_.clear();
  bwd_entries_.clear();
  settled_ = 0;
  return *this;
}

void ChQuery::reach(Side& side, std::uint32_t r, Weight d) {
  if (side.dist[r] == kInfWeight) side.touched.push_back(r);
  side.dist[r] = d;
  if (method_ == ChQueryMethod::dijkstra) {
    side.queue.push_or_decrease(r, d);
    side.parent_arc[r] = kNone;
    side.parent[r] = kNone;
  }
}

ChQuery& ChQuery::add_source(NodeId s, Weight initial) {
  const std::uint32_t r = ch_->rank(s);
  if (initial < fwd_.dist[r]) reach(fwd_, r, initial);
  return *this;
}

ChQuery& ChQuery::add_target(NodeId t, Weight initial) {
  const std::uint32_t r = ch_->rank(t);
  if (initial < bwd_.dist[r]) reach(bwd_, r, initial);
  return *this;
}

void ChQuery::mark(std::uint32_t r) {
  bits_[r >> 6] |= std::uint64_t{1} << (r & 63);
  summary_[r >> 12] |= std::uint64_t{1} << ((r >> 6) & 63);
}

template <int kSide> void ChQuery::sweep(Side& self) {
  // Start nodes were listed in `touched` by add_source/add_target; the sweep rebuilds the list as
  // every node it visits, in rank order (all nodes whose distance it sets).
  std::uint32_t lowest = 0xFFFFFFFFU;
  for (std::uint32_t r : self.touched) {
    mark(r);
    lowest = std::min(lowest, r);
  }
  self.touched.clear();
  if (lowest == 0xFFFFFFFFU) return;
  Weight* const dist = self.dist.data();
  const Weight* const other = bwd_.dist.data(); // read by the forward sweep only
  std::uint64_t* const bits = bits_.data();
  std::uint64_t* const summary = summary_.data();
  const std::uint32_t* const first = ch_->query_first_.data();
  const ChQueryArc* const arcs = ch_->query_arcs_.data();
  const auto summary_words = static_cast<std::uint32_t>(summary_.size());
  const std::uint32_t core = ch_->core_begin_;
  std::vector<CoreEntry>& entries = kSide == 0 ? fwd_entries_ : bwd_entries_;
  for (std::uint32_t k = lowest >> 12; k < summary_words; ++k) {
    std::uint64_t words = summary[k];
    while (words != 0) {
      const std::uint32_t j = (k << 6) | static_cast<std::uint32_t>(__builtin_ctzll(words));
      std::uint64_t w = bits[j];
      while (w != 0) {
        const auto bit = static_cast<std::uint32_t>(__builtin_ctzll(w));
        const std::uint32_t v = (j << 6) | bit;
        self.touched.push_back(v);
        const Weight d = dist[v];
        bool relax = true;
        if constexpr (kSide == 0) {
          // The backward sweep is complete: meet here, and relax no further than the best path.
          const std::uint64_t through = static_cast<std::uint64_t>(d) + other[v];
          if (through < best_) {
            best_ = static_cast<Weight>(through);
            meet_ = v;
          }
          relax = d < best_;
        }
        if (v >= core) {
          // The core is not swept: its entries meet through the table (combine_core_entries).
          if (relax) entries.push_back({v, d});
          relax = false;
        }
        if (relax) {
          // Stall on demand: a higher node already reached with a shorter path down to v means
          // that d is not v's distance, so no shortest path leaves v upward.
          const std::size_t oi = 2 * static_cast<std::size_t>(v) + 1 - kSide;
          for (const ChQueryArc *a = arcs + first[oi], *end = arcs + first[oi + 1]; a != end; ++a) {
            const Weight dx = dist[a->head];
            if (dx != kInfWeight && dx + a->weight < d) {
              relax = false;
              break;
            }
          }
        }
        if (relax) {
          const std::size_t fi = 2 * static_cast<std::size_t>(v) + kSide;
          for (const ChQueryArc *a = arcs + first[fi], *end = arcs + first[fi + 1]; a != end; ++a) {
            const std::uint32_t h = a->head;
            const Weight nd = d + a->weight;
            dist[h] = nd < dist[h] ? nd : dist[h];
            bits[h >> 6] |= std::uint64_t{1} << (h & 63);
            summary[h >> 12] |= std::uint64_t{1} << ((h >> 6) & 63);
          }
        }
        // Visited nodes only set bits above v (heads have higher ranks).
        w = bits[j] & (~std::uint64_t{1} << bit);
      }
      bits[j] = 0;
      words = summary[k] & (~std::uint64_t{1} << (j & 63));
    }
    summary[k] = 0;
  }
}

void ChQuery::run_sweep() {
  sweep<1>(bwd_);
  sweep<0>(fwd_);
  settled_ = static_cast<std::uint32_t>(fwd_.touched.size() + bwd_.touched.size());
  combine_core_entries();
}

void ChQuery::combine_core_entries() {
  // Paths through the core: from a forward entry a through the table to a backward entry b. A
  // shortest up-down path whose top is in the core enters it at some a, which the forward search
  // reached by the path's own prefix (every node before a is below the core), and leaves it at
  // some b, likewise; the table holds the a -> b distance.
  if (fwd_entries_.empty() || bwd_entries_.empty()) return;
  const std::uint32_t core = ch_->core_begin_;
  const std::size_t k = ch_->node_count() - core;
  const Weight* const table = ch_->core_table_.data();
  for (const CoreEntry& a : fwd_entries_) {
    if (a.dist >= best_) continue;
    const Weight* const row = table + (a.rank - core) * k;
    for (const CoreEntry& b : bwd_entries_) {
      const std::uint64_t through =
          static_cast<std::uint64_t>(a.dist) + row[b.rank - core] + b.dist;
      if (through < best_) {
        best_ = static_cast<Weight>(through);
        core_from_ = a.rank;
        core_to_ = b.rank;
      }
    }
  }
}

void ChQuery::settle_next(Side& self, const ChArcs& arcs, const ChArcs& opposite, const Side& other,
                          std::vector<CoreEntry>& entries) {
  const auto [v, d] = self.queue.pop();
  ++settled_;
  Weight* const dist = self.dist.data();
  if (other.dist[v] != kInfWeight && d + other.dist[v] < best_) {
    best_ = d + other.dist[v];
    meet_ = v;
  }
  if (v >= ch_->core_begin_) {
    // The search stops at the core; its entries meet through the table (combine_core_entries).
    entries.push_back({v, d});
    return;
  }
  // Stall on demand: a higher node reaching v by a shorter path means v's label is not the
  // shortest upward distance, so no shortest up-down path continues upward from v.
  {
    const std::uint32_t* head = opposite.head.data();
    const Weight* weight = opposite.weight.data();
    for (std::uint32_t a = opposite.first_out[v], end = opposite.first_out[v + 1]; a < end; ++a) {
      const Weight dx = dist[head[a]];
      if (dx != kInfWeight && dx + weight[a] < d) return;
    }
  }
  const std::uint32_t* head = arcs.head.data();
  const Weight* weight = arcs.weight.data();
  for (std::uint32_t a = arcs.first_out[v], end = arcs.first_out[v + 1]; a < end; ++a) {
    const std::uint32_t w = head[a];
    const Weight nd = d + weight[a];
    if (nd < dist[w]) {
      if (dist[w] == kInfWeight) {
        self.touched.push_back(w);
        self.queue.push(w, nd);
      } else {
        self.queue.decrease_key(w, nd);
      }
      dist[w] = nd;
      self.parent_arc[w] = a;
      self.parent[w] = v;
    }
  }
}

ChQuery& ChQuery::run() {
  if (method_ == ChQueryMethod::sweep) {
    run_sweep();
  } else {
    run_dijkstra();
  }
  return *this;
}

void ChQuery::run_dijkstra() {
  const ChArcs& up = ch_->forward();
  const ChArcs& down = ch_->backward();
  bool forward_turn = true;
  for (;;) {
    const bool f_live = !fwd_.queue.empty() && fwd_.queue.peek().key < best_;
    const bool b_live = !bwd_.queue.empty() && bwd_.queue.peek().key < best_;
    if (!f_live && !b_live) break;
    if ((forward_turn && f_live) || !b_live) {
      settle_next(fwd_, up, down, bwd_, fwd_entries_);
    } else {
      settle_next(bwd_, down, up, fwd_, bwd_entries_);
    }
    forward_turn = !forward_turn;
  }
  combine_core_entries();
}

void unpack_ch_arc(const ContractionHierarchy& ch, std::uint32_t from_rank, std::uint32_t to_rank,
                   std::uint32_t middle, std::vector<NodeId>& out) {
  // Explicit stack of (from, to, middle) segments, processed left to right.
  struct Segment {
    std::uint32_t from, to, middle;
  };
  std::vector<Segment> stack{{from_rank, to_rank, middle}};
  while (!stack.empty()) {
    const Segment s = stack.back();
    stack.pop_back();
    if (s.middle == ChArcs::kNoMiddle) {
      out.push_back(ch.node_at_rank(s.to));
      continue;
    }
    // from -> middle is stored at the lower node `middle` in the backward arcs (head `from`);
    // middle -> to is stored at `middle` in the forward arcs (head `to`).
    const std::uint32_t a = ch.backward().find(s.middle, s.from);
    const std::uint32_t b = ch.forward().find(s.middle, s.to);
    stack.push_back({s.middle, s.to, ch.forward().middle[b]});
    stack.push_back({s.from, s.middle, ch.backward().middle[a]});
  }
}

std::vector<std::uint32_t> ChQuery::chain(int side, std::uint32_t top) const {
  const Side& self = side == 0 ? fwd_ : bwd_;
  std::vector<std::uint32_t> chain{top};
  if (method_ == ChQueryMethod::dijkstra) {
    for (std::uint32_t r = top; self.parent[r] != kNone; r = self.parent[r]) {
      chain.push_back(self.parent[r]);
    }
    return chain;
  }
  // Sweep: no parents were recorded. The visited list is sorted by rank and a node's predecessor
  // has a lower rank, so one pass downward from the meeting node finds, for every node needed on
  // the path, a visited node whose distance plus the arc weight equals its distance (every
  // distance the sweep set is the length of a real path, so such a node exists unless the node
  // is a start).
  const std::vector<std::uint32_t>& visited = self.touched;
  const Weight* dist = self.dist.data();
  auto position = [&](std::uint32_t r) {
    const auto it = std::lower_bound(visited.begin(), visited.end(), r);
    return it != visited.end() && *it == r ? static_cast<std::size_t>(it - visited.begin())
                                           : visited.size();
  };
  const std::size_t meet_pos = position(top);
  std::vector<std::uint8_t> needed(meet_pos + 1, 0);
  std::vector<std::uint32_t> pred(meet_pos + 1, kNone);
  needed[meet_pos] = 1;
  const std::uint32_t* first = ch_->query_first_.data();
  const ChQueryArc* arcs = ch_->query_arcs_.data();
  for (std::size_t i = meet_pos; i-- > 0;) {
    const std::uint32_t u = visited[i];
    const std::size_t fi = 2 * static_cast<std::size_t>(u) + static_cast<std::size_t>(side);
    for (std::uint32_t a = first[fi]; a < first[fi + 1]; ++a) {
      const std::uint32_t h = arcs[a].head;
      if (h > top || dist[u] + arcs[a].weight != dist[h]) continue;
      const std::size_t p = position(h);
      if (p <= meet_pos && needed[p] != 0 && pred[p] == kNone) {
        pred[p] = static_cast<std::uint32_t>(i);
        needed[i] = 1;
      }
    }
  }
  for (std::size_t p = meet_pos; pred[p] != kNone; p = pred[p]) chain.push_back(visited[pred[p]]);
  return chain;
}

std::vector<NodeId> ChQuery::node_path() const {
  std::vector<NodeId> path;
  if (best_ == kInfWeight) return path;
  // Through the core, the path is: up to the forward entry, a core path, down from the backward
  // entry. Otherwise both chains start at the meeting node.
  const bool via_core = core_from_ != kNone;
  // Up-path: the chain runs from the meeting node (or core entry) down to a source.
  const std::vector<std::uint32_t> up = chain(0, via_core ? core_from_ : meet_);
  path.push_back(ch_->node_at_rank(up.back()));
  for (std::size_t i = up.size() - 1; i > 0; --i) {
    const std::uint32_t lower = up[i];
    const std::uint32_t higher = up[i - 1];
    const std::uint32_t a = ch_->forward().find(lower, higher);
    unpack_ch_arc(*ch_, lower, higher, ch_->forward().middle[a], path);
  }
  if (via_core) {
    const std::vector<std::uint32_t> steps = ch_->core_path(core_from_, core_to_);
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
      const std::uint32_t u = steps[i];
      const std::uint32_t w = steps[i + 1];
      const std::uint32_t middle = u < w ? ch_->forward().middle[ch_->forward().find(u, w)]
                                         : ch_->backward().middle[ch_->backward().find(w, u)];
      unpack_ch_arc(*ch_, u, w, middle, path);
    }
  }
  // Down-path: the backward chain runs from the meeting node (or core exit) down to a target,
  // which is the input orientation.
  const std::vector<std::uint32_t> down = chain(1, via_core ? core_to_ : meet_);
  for (std::size_t i = 0; i + 1 < down.size(); ++i) {
    const std::uint32_t higher = down[i];
    const std::uint32_t lower = down[i + 1];
    const std::uint32_t a = ch_->backward().find(lower, higher);
    unpack_ch_arc(*ch_, higher, lower, ch_->backward().middle[a], path);
  }
  return path;
}

} // namespace caravan::route
