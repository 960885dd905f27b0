// Multi-criteria label setting (Martins) over time, cost and CO2 on node x mode x transfers states.
#include "route/pareto.hpp"

#include "route/arc_filter.hpp"

#include <algorithm>
#include <limits>
#include <queue>
#include <tuple>

namespace caravan {

namespace {
constexpr std::uint32_t kModesPerNode = kModeCount + 1;
constexpr std::uint32_t kStartMode = kModeCount;
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct Label {
  double h, u, c;
  std::uint32_t state;
  std::uint32_t pred;
  ArcId arc;
  bool dead;
};

bool dominates(const Label& a, double h, double u, double c) {
  return a.h <= h && a.u <= u && a.c <= c;
}
} // namespace

ParetoFront ParetoRouter::run(const RouteRequest& req, const ParetoOptions& options) {
  const Network& net = *net_;
  const Costing& cst = req.costing;
  const auto n = static_cast<std::uint32_t>(net.node_count());
  ParetoFront front;
  const ArcFilter filter(net, cst);
  if (req.from.index() >= n || req.to.index() >= n || req.from == req.to ||
      filter.node_blocked(req.from) || filter.node_blocked(req.to))
    return front;
  const std::uint32_t layers =
      cst.max_transfers ? static_cast<std::uint32_t>(*cst.max_transfers) + 1 : 1;
  auto state_of = [&](std::uint32_t layer, NodeId v, std::uint32_t mode) {
    return (layer * n + v.index()) * kModesPerNode + mode;
  };

  std::vector<Label> labels;
  // The last bag is the destination after port handling (a virtual final state).
  std::vector<std::vector<std::uint32_t>> bags(
      static_cast<std::size_t>(layers) * n * kModesPerNode + 1);
  const auto final_state = static_cast<std::uint32_t>(bags.size() - 1);
  std::vector<std::uint32_t> at_target; // settled target labels
  using Entry = std::tuple<double, double, double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> pq;

  // Adds a label to a state's bag unless dominated there; removes the labels it dominates.
  auto insert = [&](std::uint32_t state, double h, double u, double c, std::uint32_t pred,
                    ArcId arc) {
    auto& bag = bags[state];
    for (std::uint32_t o : bag)
      if (dominates(labels[o], h, u, c)) return kNone;
    std::erase_if(bag, [&](std::uint32_t o) {
      Label& other = labels[o];
      if (h <= other.h && u <= other.u && c <= other.c) {
        other.dead = true;
        return true;
      }
      return false;
    });
    if (labels.size() >= options.max_labels) {
      front.truncated = true;
      return kNone;
    }
    const auto id = static_cast<std::uint32_t>(labels.size());
    labels.push_back({h, u, c, state, pred, arc, false});
    bag.push_back(id);
    pq.emplace(h, u, c, id);
    return id;
  };
  const std::uint32_t start = state_of(0, req.from, kStartMode);
  labels.push_back({0, 0, 0, start, kNone, ArcId::invalid(), false});
  bags[start].push_back(0);
  pq.emplace(0.0, 0.0, 0.0, 0);

  std::uint32_t polls = 0;
  while (!pq.empty()) {
    const auto [h0, u0, c0, li] = pq.top();
    pq.pop();
    if (labels[li].dead) continue;
    if (req.costing.interrupt != nullptr) req.costing.interrupt->poll(polls);
    const Label cur = labels[li];
    if (cur.state == final_state) {
      // Settled in lexicographic order and not pruned: non-dominated unless equal to one we have.
      bool duplicate = false;
      for (std::uint32_t t : at_target)
        duplicate = duplicate || dominates(labels[t], cur.h, cur.u, cur.c);
      if (!duplicate) at_target.push_back(li);
      continue;
    }
    const std::uint32_t mode_in = cur.state % kModesPerNode;
    const NodeId v((cur.state / kModesPerNode) % n);
    const std::uint32_t layer = cur.state / kModesPerNode / n;
    if (v == req.to) continue; // its final label was made when it was
    for (std::uint32_t ai = net.first_out(v); ai < net.end_out(v); ++ai) {
      const Arc& a = net.arc(ArcId(ai));
      if (!filter.usable(a)) continue;
      const Link& l = net.link(a.link);
      const auto mode_out = static_cast<std::uint32_t>(l.mode);
      Totals step = arc_totals(net, a, req.shipment);
      std::uint32_t next_layer = layer;
      if (mode_in == kStartMode) {
        if (const Transfer* hd = end_handling(net, v, l.mode, true, Objective::time, req.shipment))
          step += transfer_totals(*hd, req.shipment);
      } else if (mode_in != mode_out) {
        const Transfer* t = net.find_transfer(v, static_cast<Mode>(mode_in), l.mode);
        if (t == nullptr) continue;
        if (cst.max_transfers) {
          if (next_layer + 1 >= layers) continue;
          ++next_layer;
        }
        step += transfer_totals(*t, req.shipment);
      }
      const double h = cur.h + step.hours.value(), u = cur.u + step.usd.value(),
                   c = cur.c + step.co2.value();
      bool pruned = false;
      for (std::uint32_t t : at_target) pruned = pruned || dominates(labels[t], h, u, c);
      if (pruned) continue;
      const std::uint32_t ns = state_of(next_layer, a.head, mode_out);
      const std::uint32_t id = insert(ns, h, u, c, li, ArcId(ai));
      if (id == kNone || a.head != req.to) continue;
      // Reaching the destination: the final label adds port handling when arriving by ship.
      double fh = h, fu = u;
      if (const Transfer* hd =
              end_handling(net, a.head, l.mode, false, Objective::time, req.shipment)) {
        const Totals ht = transfer_totals(*hd, req.shipment);
        fh += ht.hours.value();
        fu += ht.usd.value();
      }
      bool final_pruned = false;
      for (std::uint32_t t : at_target)
        final_pruned = final_pruned || dominates(labels[t], fh, fu, c);
      if (!final_pruned) insert(final_state, fh, fu, c, id, ArcId::invalid());
    }
  }
  front.labels = labels.size();
  for (std::uint32_t t : at_target) {
    std::vector<ArcId> arcs;
    for (std::uint32_t x = t; labels[x].pred != kNone; x = labels[x].pred)
      if (labels[x].arc.valid()) arcs.push_back(labels[x].arc);
    std::reverse(arcs.begin(), arcs.end());
    front.routes.push_back(make_route(net, req.from, req.to, arcs, Objective::time, req.shipment));
  }
  return front;
}

} // namespace caravan
