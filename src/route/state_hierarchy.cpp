// Builds the routing state graph as a plain weighted graph, contracts it, and answers route
// requests on it with weighted multi-source / multi-target queries.
#include "route/state_hierarchy.hpp"

#include <bit>
#include <cmath>
#include <limits>
#include <queue>
#include <stdexcept>

namespace caravan {

namespace {
/// The shipment hierarchies are built for. Costs scale linearly with TEU and emissions with tonnes,
/// so a request's best path is the same for any positive shipment (see ch_can_answer).
const Shipment kBuildShipment{};

/// Bit m set when an open link of mode m enters the node.
std::vector<std::uint8_t> entering_modes(const Network& net, std::optional<int> year) {
  std::vector<std::uint8_t> mask(net.node_count(), 0);
  for (std::size_t i = 0; i < net.arc_count(); ++i) {
    const Arc& a = net.arc(ArcId(static_cast<std::uint32_t>(i)));
    const Link& l = net.link(a.link);
    if (link_is_open(l, year))
      mask[a.head.index()] |= static_cast<std::uint8_t>(1U << static_cast<unsigned>(l.mode));
  }
  return mask;
}
} // namespace

std::size_t count_route_states(const Network& net, std::optional<int> year) {
  std::size_t n = 0;
  for (std::uint8_t m : entering_modes(net, year)) n += static_cast<std::size_t>(std::popcount(m));
  return n;
}

StateHierarchy::StateHierarchy(const Network& net, Objective objective, std::optional<int> year,
                               const route::ChBuildOptions& options)
    : net_(&net), objective_(objective), year_(year) {
  const std::vector<std::uint8_t> mask = entering_modes(net, year);
  first_state_.reserve(net.node_count() + 1);
  first_state_.push_back(0);
  for (std::uint32_t v = 0; v < net.node_count(); ++v) {
    for (Mode m : kAllModes)
      if ((mask[v] >> static_cast<unsigned>(m)) & 1U) {
        state_node_.push_back(NodeId(v));
        state_mode_.push_back(m);
      }
    first_state_.push_back(static_cast<std::uint32_t>(state_node_.size()));
  }
  const std::vector<ValuedArc> arcs = state_arcs();
  arc_count_ = static_cast<std::uint32_t>(arcs.size());
  scale_ = initial_scale(arcs);
  for (;;) {
    try {
      std::vector<graph::Arc> weighted;
      weighted.reserve(arcs.size());
      for (const ValuedArc& a : arcs) weighted.push_back({a.tail, a.head, to_weight(a.value)});
      ch_ = route::build_contraction_hierarchy(
          graph::build_graph(state_count(), std::move(weighted)), options);
      return;
    } catch (const std::overflow_error&) {
      if (scale_ <= kMinStateWeightScale) throw;
      scale_ /= 10.0;
    }
  }
}

double StateHierarchy::initial_scale(const std::vector<ValuedArc>& arcs) const {
  // Bound every shortest-path value: for states s, t in the strongly connected component of a
  // sampled state x, d(s, t) <= d(s, x) + d(x, t). Pairs outside the sampled components are caught
  // by the overflow check of the build, which then retries with a coarser unit.
  const std::uint32_t n = state_count();
  if (n == 0 || arcs.empty()) return kMaxStateWeightScale;
  struct Csr {
    std::vector<std::uint32_t> first;
    std::vector<std::pair<std::uint32_t, double>> out;
  };
  auto csr = [&](bool reverse) {
    std::vector<std::uint32_t> first(n + 1, 0);
    for (const ValuedArc& a : arcs) ++first[(reverse ? a.head : a.tail) + 1];
    for (std::uint32_t v = 0; v < n; ++v) first[v + 1] += first[v];
    std::vector<std::pair<std::uint32_t, double>> out(arcs.size());
    std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
    for (const ValuedArc& a : arcs)
      out[fill[reverse ? a.head : a.tail]++] = {reverse ? a.tail : a.head, a.value};
    return Csr{std::move(first), std::move(out)};
  };
  const auto fwd = csr(false);
  const auto bwd = csr(true);
  std::vector<double> dist(n);
  auto eccentricity = [&](const Csr& g, std::uint32_t x) {
    std::fill(dist.begin(), dist.end(), std::numeric_limits<double>::infinity());
    using Entry = std::pair<double, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> pq;
    dist[x] = 0.0;
    pq.emplace(0.0, x);
    double far = 0.0;
    while (!pq.empty()) {
      const auto [d, v] = pq.top();
      pq.pop();
      if (d > dist[v]) continue;
      far = d;
      for (std::uint32_t i = g.first[v]; i < g.first[v + 1]; ++i)
        if (d + g.out[i].second < dist[g.out[i].first]) {
          dist[g.out[i].first] = d + g.out[i].second;
          pq.emplace(d + g.out[i].second, g.out[i].first);
        }
    }
    return far;
  };
  double bound = 0.0;
  for (std::uint32_t k = 0; k < 4; ++k) {
    const std::uint32_t x = static_cast<std::uint32_t>(std::uint64_t{n} * k / 4);
    bound = std::max(bound, eccentricity(fwd, x) + eccentricity(bwd, x));
  }
  // Start and end weights come on top: a first step (an arc plus port handling) and the handling
  // at the end.
  double dearest_arc = 0.0, dearest_transfer = 0.0;
  for (const ValuedArc& a : arcs) dearest_arc = std::max(dearest_arc, a.value);
  for (const Transfer& t : net_->transfers())
    dearest_transfer =
        std::max(dearest_transfer, transfer_totals(t, kBuildShipment).get(objective_));
  bound += 2.0 * (dearest_arc + dearest_transfer);
  double scale = kMaxStateWeightScale;
  while (scale > kMinStateWeightScale &&
         scale * bound > static_cast<double>(graph::kMaxPathWeight) / 2.0)
    scale /= 10.0;
  return scale;
}

std::uint32_t StateHierarchy::state(NodeId v, Mode m) const {
  for (std::uint32_t s = first_state_[v.index()]; s < first_state_[v.index() + 1]; ++s)
    if (state_mode_[s] == m) return s;
  return kNoState;
}

std::optional<double> StateHierarchy::step_value(ArcId a, std::optional<Mode> mode_in) const {
  const Network& net = *net_;
  const Arc& arc = net.arc(a);
  const Link& l = net.link(arc.link);
  if (!link_is_open(l, year_)) return std::nullopt;
  // The same Totals arithmetic as Router::search, so the doubles are identical.
  Totals step = arc_totals(net, arc, kBuildShipment);
  if (!mode_in) {
    if (const Transfer* h = end_handling(net, arc.tail, l.mode, true, objective_, kBuildShipment))
      step += transfer_totals(*h, kBuildShipment);
  } else if (*mode_in != l.mode) {
    const Transfer* t = net.find_transfer(arc.tail, *mode_in, l.mode);
    if (t == nullptr) return std::nullopt;
    step += transfer_totals(*t, kBuildShipment);
  }
  return step.get(objective_);
}

void StateHierarchy::check_value(double value) const {
  if (!std::isfinite(value) || value < 0.0)
    throw std::invalid_argument("contraction hierarchy: a step of the state graph has a negative "
                                "or non-finite " +
                                std::string(to_string(objective_)));
}

graph::Weight StateHierarchy::to_weight(double value) const {
  check_value(value);
  const double w = std::round(value * scale_);
  if (w >= static_cast<double>(graph::kMaxPathWeight))
    throw std::overflow_error("contraction hierarchy: a step weight overflows");
  return static_cast<graph::Weight>(w);
}

graph::Weight StateHierarchy::step_weight(ArcId a, std::optional<Mode> mode_in) const {
  const std::optional<double> v = step_value(a, mode_in);
  return v ? to_weight(*v) : graph::kInfWeight;
}

graph::Weight StateHierarchy::end_weight(NodeId v, Mode m) const {
  const Transfer* h = end_handling(*net_, v, m, false, objective_, kBuildShipment);
  return h ? to_weight(transfer_totals(*h, kBuildShipment).get(objective_)) : 0;
}

std::vector<StateHierarchy::ValuedArc> StateHierarchy::state_arcs() const {
  const Network& net = *net_;
  std::vector<ValuedArc> arcs;
  for (std::uint32_t v = 0; v < net.node_count(); ++v)
    for (std::uint32_t s = first_state_[v]; s < first_state_[v + 1]; ++s)
      for (std::uint32_t ai = net.first_out(NodeId(v)); ai < net.end_out(NodeId(v)); ++ai) {
        const std::optional<double> value = step_value(ArcId(ai), state_mode_[s]);
        if (!value) continue;
        const Arc& a = net.arc(ArcId(ai));
        if (a.head == a.tail && net.link(a.link).mode == state_mode_[s]) continue; // a self-loop
        check_value(*value);
        arcs.push_back({s, state(a.head, net.link(a.link).mode), *value});
      }
  return arcs;
}

StateHierarchyQuery::StateHierarchyQuery(const StateHierarchy& h) : h_(&h), query_(h.hierarchy()) {}

std::vector<ArcId> StateHierarchyQuery::arcs(NodeId from, NodeId to) {
  const StateHierarchy& h = *h_;
  const Network& net = h.network();
  overflowed_ = false;
  query_.reset();
  bool any_target = false;
  for (Mode m : kAllModes)
    if (const std::uint32_t s = h.state(to, m); s != StateHierarchy::kNoState) {
      query_.add_target(NodeId(s), h.end_weight(to, m));
      any_target = true;
    }
  if (!any_target) return {};
  bool any_source = false;
  for (std::uint32_t ai = net.first_out(from); ai < net.end_out(from); ++ai) {
    const graph::Weight w = h.step_weight(ArcId(ai), std::nullopt);
    if (w == graph::kInfWeight) continue;
    const Arc& a = net.arc(ArcId(ai));
    query_.add_source(NodeId(h.state(a.head, net.link(a.link).mode)), w);
    any_source = true;
  }
  if (!any_source || query_.run().distance() == graph::kInfWeight) return {};

  // Back from states to arcs: between consecutive states, the cheapest arc of the later state's
  // mode (the one the graph kept among parallel arcs).
  const std::vector<NodeId> states = query_.node_path();
  std::vector<ArcId> out;
  out.reserve(states.size());
  std::uint64_t total = 0; // the path's weight, summed without 32-bit wrap-around
  auto cheapest = [&](NodeId tail, std::uint32_t next, std::optional<Mode> mode_in) {
    const NodeId head = h.node_of(next);
    const Mode mode = h.mode_of(next);
    ArcId best = ArcId::invalid();
    graph::Weight best_w = graph::kInfWeight;
    for (std::uint32_t ai = net.first_out(tail); ai < net.end_out(tail); ++ai) {
      const Arc& a = net.arc(ArcId(ai));
      if (a.head != head || net.link(a.link).mode != mode) continue;
      const graph::Weight w = h.step_weight(ArcId(ai), mode_in);
      if (w < best_w) {
        best_w = w;
        best = ArcId(ai);
      }
    }
    total += best_w;
    return best;
  };
  out.push_back(cheapest(from, states.front().index(), std::nullopt));
  for (std::size_t i = 0; i + 1 < states.size(); ++i) {
    const std::uint32_t s = states[i].index();
    out.push_back(cheapest(h.node_of(s), states[i + 1].index(), h.mode_of(s)));
  }
  total += h.end_weight(to, h.mode_of(states.back().index()));
  // The search sums in 32 bits: a path whose weight is not the search's distance overflowed (the
  // scale estimate missed a long path in an unsampled component).
  if (total != query_.distance()) {
    overflowed_ = true;
    return {};
  }
  return out;
}

RouteOutcome StateHierarchyQuery::route(const RouteRequest& req) {
  const Network& net = h_->network();
  if (req.from.index() >= net.node_count() || req.to.index() >= net.node_count())
    return {std::nullopt, RouteFailure::endpoint_excluded, RouteEngine::contraction_hierarchy};
  const std::vector<ArcId> path = arcs(req.from, req.to);
  if (path.empty())
    return {std::nullopt, RouteFailure::unreachable, RouteEngine::contraction_hierarchy};
  return {make_route(net, req.from, req.to, path, req.costing.objective, req.shipment),
          RouteFailure::unreachable, RouteEngine::contraction_hierarchy};
}

} // namespace caravan
