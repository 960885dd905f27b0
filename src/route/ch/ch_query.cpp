// Bidirectional upward Dijkstra on the hierarchy with stall-on-demand, and recursive shortcut
// unpacking.
#include "route/ch/ch_query.hpp"

#include <algorithm>

namespace caravan::route {

using graph::kInfWeight;
using graph::Weight;

namespace {
constexpr std::uint32_t kNone = 0xFFFFFFFFU;
}

ChQuery::ChQuery(const ContractionHierarchy& ch) : ch_(&ch) {
  const std::uint32_t n = ch.node_count();
  for (Side* s : {&fwd_, &bwd_}) {
    s->dist.assign(n, kInfWeight);
    s->parent_arc.assign(n, kNone);
    s->parent.assign(n, kNone);
    s->queue = graph::MinIdQueue(n);
  }
}

ChQuery& ChQuery::reset() {
  for (Side* s : {&fwd_, &bwd_}) {
    for (std::uint32_t r : s->touched) {
      s->dist[r] = kInfWeight;
      s->parent_arc[r] = kNone;
      s->parent[r] = kNone;
    }
    s->touched.clear();
    s->queue.clear();
  }
  best_ = kInfWeight;
  meet_ = kNone;
  settled_ = 0;
  return *this;
}

void ChQuery::reach(Side& side, std::uint32_t r, Weight d) {
  if (side.dist[r] == kInfWeight) side.touched.push_back(r);
  side.dist[r] = d;
  side.queue.push_or_decrease(r, d);
}

ChQuery& ChQuery::add_source(NodeId s, Weight initial) {
  const std::uint32_t r = ch_->rank(s);
  if (initial < fwd_.dist[r]) {
    reach(fwd_, r, initial);
    fwd_.parent_arc[r] = kNone;
    fwd_.parent[r] = kNone;
  }
  return *this;
}

ChQuery& ChQuery::add_target(NodeId t, Weight initial) {
  const std::uint32_t r = ch_->rank(t);
  if (initial < bwd_.dist[r]) {
    reach(bwd_, r, initial);
    bwd_.parent_arc[r] = kNone;
    bwd_.parent[r] = kNone;
  }
  return *this;
}

void ChQuery::settle_next(Side& self, const ChArcs& arcs, const ChArcs& opposite,
                          const Side& other) {
  const auto [v, d] = self.queue.pop();
  ++settled_;
  Weight* const dist = self.dist.data();
  if (other.dist[v] != kInfWeight && d + other.dist[v] < best_) {
    best_ = d + other.dist[v];
    meet_ = v;
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
  const ChArcs& up = ch_->forward();
  const ChArcs& down = ch_->backward();
  bool forward_turn = true;
  for (;;) {
    const bool f_live = !fwd_.queue.empty() && fwd_.queue.peek().key < best_;
    const bool b_live = !bwd_.queue.empty() && bwd_.queue.peek().key < best_;
    if (!f_live && !b_live) break;
    if ((forward_turn && f_live) || !b_live) {
      settle_next(fwd_, up, down, bwd_);
    } else {
      settle_next(bwd_, down, up, fwd_);
    }
    forward_turn = !forward_turn;
  }
  return *this;
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

std::vector<NodeId> ChQuery::node_path() const {
  std::vector<NodeId> path;
  if (best_ == kInfWeight) return path;
  // Up-path from the source to the meeting node, collected backwards.
  std::vector<std::uint32_t> up_chain;
  for (std::uint32_t r = meet_; fwd_.parent[r] != kNone; r = fwd_.parent[r]) up_chain.push_back(r);
  std::uint32_t start = up_chain.empty() ? meet_ : fwd_.parent[up_chain.back()];
  path.push_back(ch_->node_at_rank(start));
  for (auto it = up_chain.rbegin(); it != up_chain.rend(); ++it) {
    const std::uint32_t r = *it;
    unpack_ch_arc(*ch_, fwd_.parent[r], r, ch_->forward().middle[fwd_.parent_arc[r]], path);
  }
  // Down-path from the meeting node to the target: the backward search's parents point away from
  // the target, so walking them from meet_ follows the input orientation.
  for (std::uint32_t r = meet_; bwd_.parent[r] != kNone; r = bwd_.parent[r]) {
    const std::uint32_t lower = bwd_.parent[r];
    unpack_ch_arc(*ch_, r, lower, ch_->backward().middle[bwd_.parent_arc[r]], path);
  }
  return path;
}

} // namespace caravan::route
