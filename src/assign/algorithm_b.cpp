// Dial's Algorithm B (2006): origin-based bushes equilibrated by Newton flow shifts between the
// longest used and the shortest path segments of each bush.
#include "assign/run_monitor.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace caravan::assign::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
/// Flow-only sweeps over all bushes after each bush-improving sweep (tap-b uses 20; 10 was
/// faster to a gap of 1e-8 on ChicagoSketch).
constexpr int kInnerSweeps = 10;
/// Flow-only sweeps skip bushes whose last excess cost is below this share of the largest one
/// (0.05 took ~35% less CPU to a gap of 1e-10 on ChicagoSketch than visiting every bush).
constexpr double kSkipShare = 0.05;
/// Bush link flows below this share of the origin's demand count as zero.
constexpr double kMinFlowShare = 1e-13;

/// One origin's bush: an acyclic set of links with the origin's flow on each, stored compactly.
struct Bush {
  NodeIndex origin = 0;
  std::vector<LinkIndex> links;
  std::vector<double> flow;
  double demand = 0.0;          ///< total demand from the origin
  std::vector<NodeIndex> order; ///< bush nodes in topological order (origin first)
  /// Rounding residue of links dropped by a parallel topology update, still to be taken off the
  /// global flows (in bush order, so that the sums do not depend on the thread schedule).
  std::vector<std::pair<LinkIndex, double>> residue;
};

/// Dense scratch for working on one bush at a time; the global flows and costs are shared.
class BushWorker {
public:
  BushWorker(const Network& n, Objective o, std::vector<double>& x, std::vector<double>& cost,
             std::vector<double>& der)
      : net_(n), obj_(o), x_(x), c_(cost), dc_(der), in_bush_(n.num_links(), 0),
        bflow_(n.num_links(), 0.0), node_load_(n.num_nodes(), 0.0), out_begin_(n.num_nodes(), 0),
        out_end_(n.num_nodes(), 0), pos_(n.num_nodes(), kNone), indeg_(n.num_nodes(), 0),
        L_(n.num_nodes(), kInf), U_(n.num_nodes(), -kInf), Uall_(n.num_nodes(), -kInf),
        predL_(n.num_nodes(), kNone), predU_(n.num_nodes(), kNone) {}

  /// Creates the bush of `origin` as its shortest-path tree with its demand on it; the caller
  /// adds the bush flows to the global flows.
  Bush initial_bush(NodeIndex origin, std::span<const NodeIndex> dests,
                    std::span<const double> flows, const ShortestPathTree& tree) {
    Bush b;
    b.origin = origin;
    for (double f : flows) b.demand += f;
    const auto pred = tree.pred_link();
    const auto settled = tree.settled();
    for (std::size_t i = 0; i < dests.size(); ++i) node_load_[dests[i]] += flows[i];
    for (std::size_t i = settled.size(); i-- > 1;) {
      const NodeIndex v = settled[i];
      const LinkIndex a = pred[v];
      b.links.push_back(a);
      const double l = node_load_[v];
      node_load_[v] = 0.0;
      b.flow.push_back(l);
      if (l != 0.0) node_load_[net_.tail()[a]] += l;
    }
    node_load_[origin] = 0.0;
    sort_bush(b);
    return b;
  }

  /// Improves the bush (drops unused links, adds shortcuts) and shifts flow, up to `passes`
  /// times. Returns the largest cost difference between the longest used and shortest path.
  double update(Bush& b, bool change_links, int passes) {
    load(b);
    if (change_links || b.order.empty()) {
      topological_order(b.origin);
    } else {
      order_.swap(b.order);
      for (std::size_t i = 0; i < order_.size(); ++i)
        pos_[order_[i]] = static_cast<std::uint32_t>(i);
    }
    labels(b.origin);
    if (change_links) {
      remove_unused();
      labels(b.origin); // the longest paths over the remaining links decide what may be added
      if (add_shortcuts(b.origin)) {
        topological_order(b.origin);
        labels(b.origin);
      }
    }
    double excess = 0.0;
    for (int p = 0; p < passes; ++p) {
      if (p > 0) labels(b.origin);
      excess = shift_flows();
      if (excess == 0.0) break;
    }
    store(b);
    return excess;
  }

  /// The bush-changing half of `update` against the current costs, without shifting flow and
  /// without writing the shared flows or costs (rounding residue of dropped links goes to
  /// b.residue). Safe to run for different bushes in parallel.
  void improve_topology(Bush& b) {
    frozen_ = true;
    residue_.clear();
    load(b);
    topological_order(b.origin);
    labels(b.origin);
    remove_unused();
    labels(b.origin);
    if (add_shortcuts(b.origin)) topological_order(b.origin);
    store(b);
    b.residue.swap(residue_);
    frozen_ = false;
  }

private:
  static void sort_bush(Bush& b) {
    std::vector<std::pair<LinkIndex, double>> v(b.links.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = {b.links[i], b.flow[i]};
    std::sort(v.begin(), v.end());
    for (std::size_t i = 0; i < v.size(); ++i) {
      b.links[i] = v[i].first;
      b.flow[i] = v[i].second;
    }
  }

  void load(const Bush& b) {
    min_flow_ = kMinFlowShare * std::max(1.0, b.demand);
    links_ = b.links;
    for (std::size_t i = 0; i < b.links.size(); ++i) {
      in_bush_[b.links[i]] = 1;
      bflow_[b.links[i]] = b.flow[i];
    }
    index_links();
  }

  /// Records each node's range of out-links in the sorted links_ (links are stored by tail).
  void index_links() {
    const auto tail = net_.tail();
    for (std::uint32_t i = 0; i < links_.size(); ++i) {
      const NodeIndex u = tail[links_[i]];
      if (i == 0 || tail[links_[i - 1]] != u) out_begin_[u] = i;
      out_end_[u] = i + 1;
    }
  }
  void clear_index() {
    const auto tail = net_.tail();
    for (LinkIndex a : links_) out_begin_[tail[a]] = out_end_[tail[a]] = 0;
  }

  void store(Bush& b) {
    clear_index();
    b.links.swap(links_);
    links_.clear();
    b.flow.resize(b.links.size());
    for (std::size_t i = 0; i < b.links.size(); ++i) {
      const LinkIndex a = b.links[i];
      b.flow[i] = bflow_[a];
      in_bush_[a] = 0;
      bflow_[a] = 0.0;
    }
    for (NodeIndex v : order_) {
      pos_[v] = kNone;
      L_[v] = kInf;
      U_[v] = -kInf;
      Uall_[v] = -kInf;
      predL_[v] = kNone;
      predU_[v] = kNone;
    }
    b.order.swap(order_);
    order_.clear();
  }

  /// Kahn's algorithm over the bush links from the origin.
  void topological_order(NodeIndex origin) {
    for (NodeIndex v : order_) pos_[v] = kNone;
    order_.clear();
    const auto head = net_.head();
    for (LinkIndex a : links_) ++indeg_[head[a]];
    order_.push_back(origin);
    for (std::size_t i = 0; i < order_.size(); ++i) {
      const NodeIndex u = order_[i];
      pos_[u] = static_cast<std::uint32_t>(i);
      for (std::uint32_t k = out_begin_[u]; k < out_end_[u]; ++k)
        if (--indeg_[head[links_[k]]] == 0) order_.push_back(head[links_[k]]);
    }
    bool cyclic = false;
    for (LinkIndex a : links_)
      if (indeg_[head[a]] != 0) {
        cyclic = true;
        indeg_[head[a]] = 0;
      }
    if (cyclic) throw AssignError("internal error: a bush became cyclic");
  }

  /// Shortest (L, over all bush links), longest used (U, over links with flow) and longest
  /// (Uall, over all bush links) path labels, in topological order.
  void labels(NodeIndex origin) {
    for (NodeIndex v : order_) {
      L_[v] = kInf;
      U_[v] = -kInf;
      Uall_[v] = -kInf;
      predL_[v] = kNone;
      predU_[v] = kNone;
    }
    L_[origin] = U_[origin] = Uall_[origin] = 0.0;
    const auto head = net_.head();
    for (NodeIndex u : order_) {
      for (std::uint32_t k = out_begin_[u]; k < out_end_[u]; ++k) {
        const LinkIndex a = links_[k];
        const NodeIndex v = head[a];
        const double ca = c_[a];
        if (L_[u] + ca < L_[v]) {
          L_[v] = L_[u] + ca;
          predL_[v] = a;
        }
        if (Uall_[u] + ca > Uall_[v]) Uall_[v] = Uall_[u] + ca;
        if (bflow_[a] > min_flow_ && U_[u] > -kInf && U_[u] + ca > U_[v]) {
          U_[v] = U_[u] + ca;
          predU_[v] = a;
        }
      }
    }
  }

  void remove_unused() {
    const auto head = net_.head();
    clear_index();
    std::size_t k = 0;
    for (LinkIndex a : links_) {
      if (bflow_[a] <= min_flow_ && predL_[head[a]] != a) {
        // Rounding residue (flow conserved only to ~1e-16) is dropped with the link.
        if (bflow_[a] != 0.0) {
          if (frozen_)
            residue_.emplace_back(a, bflow_[a]);
          else
            set_flow(a, std::max(0.0, x_[a] - bflow_[a]));
        }
        in_bush_[a] = 0;
        bflow_[a] = 0.0;
      } else {
        links_[k++] = a;
      }
    }
    links_.resize(k);
    index_links();
  }

  /// Adds shortcut links (Nie 2009, as in tap-b): first those with L(i) + c < L(j) and
  /// U(i) < U(j); if there are none, any link with U(i) < U(j). U is the longest path over all
  /// bush links, and bush links satisfy U(head) >= U(tail), so the bush stays acyclic.
  bool add_shortcuts(NodeIndex origin) {
    const auto head = net_.head();
    const auto tail = net_.tail();
    for (int strict = 1; strict >= 0; --strict) {
      bool added = false;
      for (LinkIndex a = 0; a < net_.num_links(); ++a) {
        if (in_bush_[a]) continue;
        const NodeIndex i = tail[a], j = head[a];
        if (j == origin || Uall_[i] == -kInf || Uall_[j] == -kInf) continue;
        if (i != origin && !net_.passable(i)) continue;
        if (!(Uall_[i] < Uall_[j])) continue;
        if (strict && !(L_[i] + c_[a] < L_[j])) continue;
        in_bush_[a] = 1;
        links_.push_back(a);
        added = true;
      }
      if (added) {
        clear_index();
        std::sort(links_.begin(), links_.end());
        index_links();
        return true;
      }
    }
    return false;
  }

  void set_flow(LinkIndex a, double x) {
    x_[a] = x;
    c_[a] = bpr::cost(obj_, net_, a, x);
    dc_[a] = bpr::cost_derivative(obj_, net_, a, x);
  }

  /// For each node in reverse topological order, moves flow from the longest used path segment
  /// to the shortest one (Newton step), back to where the two paths meet.
  double shift_flows() {
    const auto tail = net_.tail();
    double max_excess = 0.0;
    for (std::size_t idx = order_.size(); idx-- > 1;) {
      const NodeIndex j = order_[idx];
      const LinkIndex lb = predU_[j], la = predL_[j];
      if (lb == kNone || la == kNone || la == lb) continue;
      seg_min_.clear();
      seg_max_.clear();
      seg_min_.push_back(la);
      seg_max_.push_back(lb);
      NodeIndex p = tail[la], q = tail[lb];
      bool ok = true;
      while (p != q) {
        if (pos_[p] > pos_[q]) {
          const LinkIndex a = predL_[p];
          if (a == kNone) {
            ok = false;
            break;
          }
          seg_min_.push_back(a);
          p = tail[a];
        } else {
          const LinkIndex a = predU_[q];
          if (a == kNone) {
            ok = false;
            break;
          }
          seg_max_.push_back(a);
          q = tail[a];
        }
      }
      if (!ok) continue;
      double cmin = 0.0, cmax = 0.0, der = 0.0, room = kInf;
      for (LinkIndex a : seg_min_) {
        cmin += c_[a];
        der += dc_[a];
      }
      for (LinkIndex a : seg_max_) {
        cmax += c_[a];
        der += dc_[a];
        room = std::min(room, bflow_[a]);
      }
      const double diff = cmax - cmin;
      if (!(diff > 0.0) || !(room > 0.0)) continue;
      max_excess = std::max(max_excess, diff);
      double dx = der > 0.0 ? diff / der : room;
      if (dx >= room) dx = room;
      for (LinkIndex a : seg_max_) {
        bflow_[a] = bflow_[a] - dx <= min_flow_ ? 0.0 : bflow_[a] - dx;
        set_flow(a, std::max(0.0, x_[a] - dx));
      }
      for (LinkIndex a : seg_min_) {
        bflow_[a] += dx;
        set_flow(a, x_[a] + dx);
      }
    }
    return max_excess;
  }

  const Network& net_;
  Objective obj_;
  std::vector<double>& x_;
  std::vector<double>& c_;
  std::vector<double>& dc_;
  std::vector<std::uint8_t> in_bush_;
  std::vector<double> bflow_;
  std::vector<double> node_load_;
  std::vector<LinkIndex> links_; ///< the bush's links, sorted (so grouped by tail)
  std::vector<std::uint32_t> out_begin_, out_end_; ///< each node's range in links_
  std::vector<NodeIndex> order_;
  std::vector<std::uint32_t> pos_;
  std::vector<std::uint32_t> indeg_;
  std::vector<double> L_, U_, Uall_;
  std::vector<LinkIndex> predL_, predU_;
  std::vector<LinkIndex> seg_min_, seg_max_;
  double min_flow_ = 0.0; ///< bush flows at or below this are rounding residue
  bool frozen_ = false;   ///< in improve_topology: shared flows and costs are read-only
  std::vector<std::pair<LinkIndex, double>> residue_;
};

} // namespace

Result solve_algorithm_b(const Network& n, const Demand& d, const Options& o) {
  RunMonitor mon(n, d, o);
  Result result;
  const std::size_t m = n.num_links();
  std::vector<double> x(m, 0.0), cost(m), der(m);
  compute_costs(n, o.objective, x, cost);
  // Work that is independent per bush runs in parallel, each thread with its own scratch; the
  // results are combined in bush order, so the run does not depend on the number of threads.
  std::optional<tbb::task_arena> arena;
  if (o.threads > 0) arena.emplace(o.threads);
  auto in_arena = [&](auto&& f) {
    if (arena)
      arena->execute(f);
    else
      f();
  };
  struct Scratch {
    Scratch(const Network& n, Objective obj, std::vector<double>& x, std::vector<double>& c,
            std::vector<double>& dc)
        : tree(n), worker(n, obj, x, c, dc) {}
    ShortestPathTree tree;
    BushWorker worker;
  };
  tbb::enumerable_thread_specific<Scratch> scratch(
      [&] { return Scratch(n, o.objective, x, cost, der); });

  // The initial bushes: each origin's shortest-path tree at free flow, loaded with its demand.
  const std::size_t n_orig = d.origins().size();
  std::vector<Bush> bushes(n_orig);
  std::vector<std::uint8_t> unreachable(n_orig, 0);
  std::vector<NodeIndex> unreachable_dest(n_orig, 0);
  in_arena([&] {
    tbb::parallel_for(std::size_t{0}, n_orig, [&](std::size_t k) {
      Scratch& s = scratch.local();
      const NodeIndex origin = d.origins()[k];
      s.tree.run(origin, cost);
      for (NodeIndex dest : d.destinations(k))
        if (s.tree.dist()[dest] == kInf) {
          unreachable[k] = 1;
          unreachable_dest[k] = dest;
          return;
        }
      bushes[k] = s.worker.initial_bush(origin, d.destinations(k), d.flows(k), s.tree);
    });
  });
  for (std::size_t k = 0; k < n_orig; ++k)
    if (unreachable[k])
      throw AssignError("zone " + std::to_string(unreachable_dest[k] + 1) +
                        " cannot be reached from zone " + std::to_string(d.origins()[k] + 1));
  for (const Bush& b : bushes)
    for (std::size_t i = 0; i < b.links.size(); ++i) x[b.links[i]] += b.flow[i];
  compute_costs(n, o.objective, x, cost, der);

  BushWorker& worker = scratch.local().worker;
  std::vector<double> excess(bushes.size(), kInf);
  for (int it = 0;; ++it) {
    if (mon.record(it, x, result)) break;
    // Improve every bush against the same costs (in parallel), then shift flow bush by bush
    // (Gauss-Seidel: each bush sees the flows the previous ones left), as in tap-b's inner
    // iterations: shifting is cheap next to changing bush topology.
    in_arena([&] {
      tbb::parallel_for(std::size_t{0}, bushes.size(),
                        [&](std::size_t k) { scratch.local().worker.improve_topology(bushes[k]); });
    });
    bool residue = false;
    for (Bush& b : bushes) {
      for (const auto& [a, r] : b.residue) x[a] = std::max(0.0, x[a] - r);
      residue = residue || !b.residue.empty();
      b.residue.clear();
    }
    if (residue) compute_costs(n, o.objective, x, cost, der);
    bool timed_out = mon.out_of_time();
    double skip_below = 0.0;
    for (int sweep = 0; sweep <= kInnerSweeps && !timed_out; ++sweep) {
      double max_excess = 0.0;
      for (std::size_t k = 0; k < bushes.size(); ++k) {
        // Later sweeps leave out the bushes already much closer to equilibrium than the worst
        // one; every bush is visited again in the next iteration's first sweep.
        if (sweep > 0 && excess[k] < skip_below) continue;
        excess[k] = worker.update(bushes[k], false, 1);
        max_excess = std::max(max_excess, excess[k]);
        if (mon.out_of_time()) {
          timed_out = true;
          break;
        }
      }
      if (max_excess == 0.0) break;
      skip_below = kSkipShare * max_excess;
    }
    // Flows changed incrementally; refresh the costs to keep rounding from accumulating.
    compute_costs(n, o.objective, x, cost, der);
    if (timed_out) {
      mon.record(it + 1, x, result);
      result.reason = StopReason::time_limit;
      break;
    }
  }
  mon.finish(x, result);
  return result;
}

} // namespace caravan::assign::detail
