// Dijkstra on the state graph (node x arriving mode x transfers used) and route assembly.
#include "route/router.hpp"

#include "route/arc_filter.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <queue>
#include <tuple>

namespace caravan {

namespace {
constexpr std::uint32_t kModesPerNode = kModeCount + 1; // + "no mode yet" at the origin
constexpr std::uint32_t kStartMode = kModeCount;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNoState = std::numeric_limits<std::uint32_t>::max();

Objective secondary_of(Objective o) {
  return o == Objective::time ? Objective::cost : Objective::time;
}
} // namespace

std::string_view to_string(RouteEngine e) {
  return e == RouteEngine::contraction_hierarchy ? "ch" : "dijkstra";
}

Router::Router(const Network& net) : net_(&net) {}

std::uint32_t Router::search(const RouteRequest& req, bool to_all) {
  const Network& net = *net_;
  const Costing& c = req.costing;
  const auto n = static_cast<std::uint32_t>(net.node_count());
  settled_ = 0;
  from_ = req.from;
  objective_ = c.objective;
  shipment_ = req.shipment;
  excluded_ = false;
  const ArcFilter filter(net, c);
  if (req.from.index() >= n || filter.node_blocked(req.from) ||
      (!to_all && (req.to.index() >= n || filter.node_blocked(req.to)))) {
    excluded_ = true;
    ++epoch_; // forget the previous search
    return kNoState;
  }

  layers_ = c.max_transfers ? static_cast<std::uint32_t>(*c.max_transfers) + 1 : 1;
  phases_ = static_cast<std::uint32_t>(c.via.size()) + 1;
  const std::size_t states = static_cast<std::size_t>(layers_) * phases_ * n * kModesPerNode + 1;
  final_state_ = static_cast<std::uint32_t>(states - 1); // the destination, after port handling
  if (dist_.size() < states) {
    dist_.resize(states);
    pred_state_.resize(states);
    pred_arc_.resize(states);
    stamp_.assign(states, 0);
    epoch_ = 0;
  }
  if (++epoch_ == 0) { // wrapped: reset stamps
    std::fill(stamp_.begin(), stamp_.end(), 0);
    epoch_ = 1;
  }
  // state = ((layer * phases + phase) * n + node) * modes + mode
  auto state_of = [&](std::uint32_t layer, std::uint32_t phase, NodeId v, std::uint32_t mode) {
    return ((layer * phases_ + phase) * n + v.index()) * kModesPerNode + mode;
  };
  auto label = [&](std::uint32_t s) -> Label {
    return stamp_[s] == epoch_ ? dist_[s] : Label{kInf, kInf};
  };

  const Objective prim = c.objective;
  const Objective sec = secondary_of(prim);
  using Entry = std::tuple<double, double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> pq;
  // Phase p: the first p via points have been passed, in order. With via_links, each via point
  // after the first must be reached from the previous one over a single link.
  auto advance = [&](std::uint32_t phase, NodeId tail, NodeId head) {
    while (phase + 1 < phases_ && c.via[phase] == head &&
           (!c.via_links || phase == 0 || c.via[phase - 1] == tail))
      ++phase, tail = head;
    return phase;
  };
  const std::uint32_t start =
      state_of(0, advance(0, NodeId::invalid(), req.from), req.from, kStartMode);
  dist_[start] = {0.0, 0.0};
  pred_state_[start] = kNoState;
  stamp_[start] = epoch_;
  pq.emplace(0.0, 0.0, start);

  std::uint32_t polls = 0;
  while (!pq.empty()) {
    const auto [p, q, s] = pq.top();
    pq.pop();
    const Label ls = label(s);
    if (p > ls.primary || (p == ls.primary && q > ls.secondary)) continue; // stale entry
    ++settled_;
    if (c.interrupt != nullptr) c.interrupt->poll(polls);
    if (s == final_state_) return s;
    const std::uint32_t mode_in = s % kModesPerNode;
    const NodeId u((s / kModesPerNode) % n);
    const std::uint32_t layer_phase = s / kModesPerNode / n;
    const std::uint32_t layer = layer_phase / phases_;
    const std::uint32_t phase = layer_phase % phases_;
    for (std::uint32_t ai = net.first_out(u); ai < net.end_out(u); ++ai) {
      const Arc& a = net.arc(ArcId(ai));
      if (!filter.usable(a)) continue;
      const Link& l = net.link(a.link);
      const auto mode_out = static_cast<std::uint32_t>(l.mode);
      Totals step = arc_totals(net, a, req.shipment);
      double penalty =
          c.link_penalty.empty() ? 0.0 : (c.link_penalty[a.link.index()] - 1.0) * step.get(prim);
      std::uint32_t next_layer = layer;
      if (mode_in == kStartMode) {
        if (const Transfer* h = end_handling(net, u, l.mode, true, prim, req.shipment))
          step += transfer_totals(*h, req.shipment);
      } else if (mode_in != mode_out) {
        const Transfer* t = net.find_transfer(u, static_cast<Mode>(mode_in), l.mode);
        if (t == nullptr) continue;
        if (c.max_transfers) {
          if (next_layer + 1 >= layers_) continue;
          ++next_layer;
        }
        step += transfer_totals(*t, req.shipment);
      }
      const std::uint32_t next_phase = advance(phase, u, a.head);
      const Label nl{p + step.get(prim) + penalty, q + step.get(sec)};
      const std::uint32_t ns = state_of(next_layer, next_phase, a.head, mode_out);
      const Label old = label(ns);
      if (nl.primary < old.primary || (nl.primary == old.primary && nl.secondary < old.secondary)) {
        dist_[ns] = nl;
        stamp_[ns] = epoch_;
        pred_state_[ns] = s;
        pred_arc_[ns] = ArcId(ai);
        pq.emplace(nl.primary, nl.secondary, ns);
        if (!to_all && a.head == req.to && next_phase + 1 == phases_) {
          Label fl = nl;
          if (const Transfer* h = end_handling(net, a.head, l.mode, false, prim, req.shipment)) {
            const Totals ht = transfer_totals(*h, req.shipment);
            fl = {fl.primary + ht.get(prim), fl.secondary + ht.get(sec)};
          }
          const Label fo = label(final_state_);
          if (fl.primary < fo.primary ||
              (fl.primary == fo.primary && fl.secondary < fo.secondary)) {
            dist_[final_state_] = fl;
            stamp_[final_state_] = epoch_;
            pred_state_[final_state_] = ns;
            pred_arc_[final_state_] = ArcId::invalid();
            pq.emplace(fl.primary, fl.secondary, final_state_);
          }
        }
      }
    }
  }
  return kNoState;
}

Route Router::assemble(std::uint32_t state) const {
  if (state == final_state_) state = pred_state_[state];
  std::vector<ArcId> arcs;
  for (std::uint32_t s = state; pred_state_[s] != kNoState; s = pred_state_[s])
    arcs.push_back(pred_arc_[s]);
  std::reverse(arcs.begin(), arcs.end());
  const NodeId to((state / kModesPerNode) % static_cast<std::uint32_t>(net_->node_count()));
  return make_route(*net_, from_, to, arcs, objective_, shipment_);
}

RouteOutcome Router::route(const RouteRequest& req) {
  const std::uint32_t found = search(req, false);
  if (found == kNoState)
    return {std::nullopt, excluded_ ? RouteFailure::endpoint_excluded : RouteFailure::unreachable,
            RouteEngine::dijkstra};
  return {assemble(found), RouteFailure::unreachable, RouteEngine::dijkstra};
}

void Router::tree(const RouteRequest& req) {
  search(req, true);
}

std::uint32_t Router::best_final_state(NodeId v) const {
  const auto n = static_cast<std::uint32_t>(net_->node_count());
  const Objective sec = secondary_of(objective_);
  std::uint32_t best = kNoState;
  Label bl{kInf, kInf};
  for (std::uint32_t layer = 0; layer < layers_; ++layer)
    for (std::uint32_t mode = 0; mode < kModeCount; ++mode) {
      const std::uint32_t s =
          ((layer * phases_ + phases_ - 1) * n + v.index()) * kModesPerNode + mode;
      if (stamp_[s] != epoch_) continue;
      Label l = dist_[s];
      if (const Transfer* h =
              end_handling(*net_, v, static_cast<Mode>(mode), false, objective_, shipment_)) {
        const Totals ht = transfer_totals(*h, shipment_);
        l = {l.primary + ht.get(objective_), l.secondary + ht.get(sec)};
      }
      if (l.primary < bl.primary || (l.primary == bl.primary && l.secondary < bl.secondary)) {
        bl = l;
        best = s;
      }
    }
  return best;
}

std::optional<Route> Router::route_to(NodeId to) const {
  if (excluded_ || to.index() >= net_->node_count() || to == from_) return std::nullopt;
  const std::uint32_t s = best_final_state(to);
  if (s == kNoState) return std::nullopt;
  return assemble(s);
}

std::vector<NodeId> route_nodes(const Network& net, const Route& r) {
  std::vector<NodeId> out{r.from};
  for (const Leg& leg : r.legs)
    for (ArcId a : leg.arcs) out.push_back(net.arc(a).head);
  return out;
}

Route make_route(const Network& net, NodeId from, NodeId to, const std::vector<ArcId>& arcs,
                 Objective objective, const Shipment& shipment) {
  Route r;
  r.from = from;
  r.to = to;
  r.objective = objective;
  r.shipment = shipment;
  std::vector<std::pair<CorridorId, double>> corridor_km;
  auto close_leg = [&](Leg& leg) {
    double best = -1.0;
    for (const auto& [cid, km] : corridor_km)
      if (km > best) {
        best = km;
        leg.corridor = cid;
      }
    corridor_km.clear();
    r.totals += leg.totals;
    r.borders += leg.borders;
    r.legs.push_back(std::move(leg));
  };
  Leg cur;
  bool open = false;
  for (ArcId aid : arcs) {
    const Arc& a = net.arc(aid);
    const Link& l = net.link(a.link);
    if (open && l.mode != cur.mode) {
      const Transfer* t = net.find_transfer(a.tail, cur.mode, l.mode);
      assert(t != nullptr);
      TransferStep ts{a.tail, cur.mode, l.mode, t ? transfer_totals(*t, shipment) : Totals{}};
      close_leg(cur);
      r.totals += ts.totals;
      r.transfer_steps.push_back(ts);
      ++r.transfers;
      cur = Leg{};
      open = false;
    }
    if (!open) {
      cur.from = a.tail;
      cur.mode = l.mode;
      open = true;
    }
    cur.to = a.head;
    cur.arcs.push_back(aid);
    cur.totals += arc_totals(net, a, shipment);
    if (a.border.valid()) cur.border_hours += net.border(a.border).dwell.typical;
    if (net.crosses_border(a)) ++cur.borders;
    for (CorridorId cid : net.corridors_of(a.link)) {
      auto it = std::find_if(corridor_km.begin(), corridor_km.end(),
                             [&](const auto& e) { return e.first == cid; });
      if (it == corridor_km.end()) {
        corridor_km.emplace_back(cid, l.length.value());
        cur.corridors.push_back(cid);
      } else {
        it->second += l.length.value();
      }
    }
  }
  if (open) close_leg(cur);
  if (!r.legs.empty()) {
    const Mode first = r.legs.front().mode, last = r.legs.back().mode;
    if (const Transfer* h = end_handling(net, from, first, true, objective, shipment)) {
      r.start_handling = TransferStep{from, first, first, transfer_totals(*h, shipment)};
      r.totals += r.start_handling->totals;
    }
    if (const Transfer* h = end_handling(net, to, last, false, objective, shipment)) {
      r.end_handling = TransferStep{to, last, last, transfer_totals(*h, shipment)};
      r.totals += r.end_handling->totals;
    }
  }
  return r;
}

} // namespace caravan
