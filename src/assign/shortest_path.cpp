// Dijkstra trees with the first-thru-node rule and the parallel all-or-nothing assignment.
#include "assign/shortest_path.hpp"

#include <algorithm>
#include <limits>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace caravan::assign {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kArity = 4;
} // namespace

ShortestPathTree::ShortestPathTree(const Network& network)
    : net_(&network), dist_(network.num_nodes(), kInf), pred_(network.num_nodes(), kNone),
      heap_pos_(network.num_nodes(), kNone) {
  settled_.reserve(network.num_nodes());
}

void ShortestPathTree::sift_up(std::uint32_t i) {
  const NodeIndex v = heap_[i];
  const double d = dist_[v];
  while (i > 0) {
    const std::uint32_t parent = (i - 1) / kArity;
    const NodeIndex p = heap_[parent];
    if (!(d < dist_[p])) break;
    heap_[i] = p;
    heap_pos_[p] = i;
    i = parent;
  }
  heap_[i] = v;
  heap_pos_[v] = i;
}

void ShortestPathTree::sift_down(std::uint32_t i) {
  const auto n = static_cast<std::uint32_t>(heap_.size());
  const NodeIndex v = heap_[i];
  const double d = dist_[v];
  for (;;) {
    const std::uint32_t first = i * kArity + 1;
    if (first >= n) break;
    const std::uint32_t last = std::min(first + kArity, n);
    std::uint32_t best = first;
    double best_d = dist_[heap_[first]];
    for (std::uint32_t c = first + 1; c < last; ++c) {
      const double cd = dist_[heap_[c]];
      if (cd < best_d) {
        best = c;
        best_d = cd;
      }
    }
    if (!(best_d < d)) break;
    heap_[i] = heap_[best];
    heap_pos_[heap_[i]] = i;
    i = best;
  }
  heap_[i] = v;
  heap_pos_[v] = i;
}

void ShortestPathTree::run(NodeIndex origin, std::span<const double> cost) {
  for (NodeIndex v : touched_) {
    dist_[v] = kInf;
    pred_[v] = kNone;
  }
  touched_.clear();
  settled_.clear();
  heap_.clear();
  const auto first_out = net_->first_out();
  const auto head = net_->head();
  dist_[origin] = 0.0;
  touched_.push_back(origin);
  heap_.push_back(origin);
  heap_pos_[origin] = 0;
  while (!heap_.empty()) {
    const NodeIndex u = heap_.front();
    heap_pos_[u] = kNone;
    const NodeIndex last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) {
      heap_[0] = last;
      sift_down(0);
    }
    settled_.push_back(u);
    if (u != origin && !net_->passable(u)) continue;
    const double d = dist_[u];
    for (std::uint32_t a = first_out[u]; a < first_out[u + 1]; ++a) {
      const NodeIndex v = head[a];
      const double nd = d + cost[a];
      if (!(nd < dist_[v])) continue;
      if (dist_[v] == kInf) {
        touched_.push_back(v);
        dist_[v] = nd;
        pred_[v] = a;
        heap_.push_back(v);
        sift_up(static_cast<std::uint32_t>(heap_.size() - 1));
      } else if (heap_pos_[v] != kNone) { // (settled nodes cannot improve: costs are >= 0)
        dist_[v] = nd;
        pred_[v] = a;
        sift_up(heap_pos_[v]);
      }
    }
  }
}

AllOrNothing all_or_nothing(const Network& network, const Demand& demand,
                            std::span<const double> cost, int threads) {
  const std::size_t n_orig = demand.origins().size();
  const std::size_t m = network.num_links();
  // Fixed chunks so that the floating-point sums do not depend on the thread schedule.
  const std::size_t chunks = std::min<std::size_t>(n_orig, 16);
  std::vector<AllOrNothing> part(std::max<std::size_t>(chunks, 1));
  struct Scratch {
    explicit Scratch(const Network& n) : tree(n), load(n.num_nodes(), 0.0) {}
    ShortestPathTree tree;
    std::vector<double> load;
  };
  tbb::enumerable_thread_specific<Scratch> scratch([&] { return Scratch(network); });
  const auto tail = network.tail();
  auto work = [&] {
    tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
      Scratch& s = scratch.local();
      AllOrNothing& out = part[c];
      out.flow.assign(m, 0.0);
      const std::size_t lo = n_orig * c / chunks, hi = n_orig * (c + 1) / chunks;
      for (std::size_t k = lo; k < hi; ++k) {
        const NodeIndex o = demand.origins()[k];
        s.tree.run(o, cost);
        const auto dests = demand.destinations(k);
        const auto flows = demand.flows(k);
        const auto dist = s.tree.dist();
        for (std::size_t i = 0; i < dests.size(); ++i) {
          if (dist[dests[i]] == kInf)
            throw AssignError("zone " + std::to_string(dests[i] + 1) +
                              " cannot be reached from zone " + std::to_string(o + 1));
          s.load[dests[i]] += flows[i];
          out.shortest_cost += flows[i] * dist[dests[i]];
        }
        const auto settled = s.tree.settled();
        const auto pred = s.tree.pred_link();
        for (std::size_t i = settled.size(); i-- > 1;) {
          const NodeIndex v = settled[i];
          const double l = s.load[v];
          if (l == 0.0) continue;
          s.load[v] = 0.0;
          const LinkIndex a = pred[v];
          out.flow[a] += l;
          s.load[tail[a]] += l;
        }
        s.load[o] = 0.0;
      }
    });
  };
  if (threads > 0) {
    tbb::task_arena arena(threads);
    arena.execute(work);
  } else {
    work();
  }
  AllOrNothing total;
  total.flow.assign(m, 0.0);
  for (const AllOrNothing& p : part) {
    if (p.flow.empty()) continue;
    for (std::size_t a = 0; a < m; ++a) total.flow[a] += p.flow[a];
    total.shortest_cost += p.shortest_cost;
  }
  return total;
}

ReachableDemand drop_unreachable(const Network& network, const Demand& demand) {
  ReachableDemand r;
  std::vector<Demand::Entry> kept;
  ShortestPathTree tree(network);
  const std::vector<double> unit(network.num_links(), 1.0);
  for (std::size_t k = 0; k < demand.origins().size(); ++k) {
    const NodeIndex o = demand.origins()[k];
    tree.run(o, unit);
    const auto dests = demand.destinations(k);
    const auto flows = demand.flows(k);
    for (std::size_t i = 0; i < dests.size(); ++i) {
      if (tree.dist()[dests[i]] == kInf) {
        ++r.dropped_pairs;
        r.dropped_flow += flows[i];
      } else {
        kept.push_back({o, dests[i], flows[i]});
      }
    }
  }
  r.demand = Demand::build(demand.num_zones(), std::move(kept));
  return r;
}

} // namespace caravan::assign
