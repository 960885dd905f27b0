// Builds the state-graph assignment network of a Caravan network and reports TEU flows on it.
#include "assign/freight.hpp"

#include <algorithm>
#include <cstdint>

namespace caravan::freight {

namespace {
constexpr double kDaysPerYear = 365.0;
constexpr double kHoursPerDay = 24.0;
constexpr std::uint32_t kNoState = assign::kNone;
constexpr auto kModes = static_cast<std::uint32_t>(kModeCount);
} // namespace

double capacity_teu_per_day(const Link& link, const FreightOptions& o) {
  if (!(link.capacity > 0.0)) return 0.0;
  switch (link.capacity_unit) {
  case CapacityUnit::none:
    return 0.0;
  case CapacityUnit::trains_per_day:
    return link.capacity * o.teu_per_train;
  case CapacityUnit::teu_per_day:
    return link.capacity;
  case CapacityUnit::vehicles_per_hour:
    return link.capacity * kHoursPerDay * o.teu_per_vehicle;
  case CapacityUnit::tonnes_per_year:
    return link.capacity / o.tonnes_per_teu / kDaysPerYear;
  }
  return 0.0;
}

FreightNetwork build_freight_network(const Network& net, const FreightOptions& o) {
  if (o.by != Objective::time && o.by != Objective::cost)
    throw assign::AssignError("freight assignment minimises time or cost");
  if (!(o.teu_per_train > 0.0) || !(o.teu_per_vehicle > 0.0) || !(o.tonnes_per_teu > 0.0) ||
      !(o.value_of_time_usd_per_teu_h >= 0.0) || !(o.bpr_alpha >= 0.0) || !(o.bpr_power >= 0.0))
    throw assign::AssignError("capacity conversions must be positive and BPR parameters >= 0");
  const auto n = static_cast<std::uint32_t>(net.node_count());
  const Shipment shipment{Teu(1.0), Tonnes(o.tonnes_per_teu)};
  const double hour_weight = o.by == Objective::time ? 1.0 : o.value_of_time_usd_per_teu_h;
  const bool with_usd = o.by == Objective::cost;

  // Modes arriving at and leaving each node over open links.
  std::vector<std::uint32_t> in_modes(n, 0), out_modes(n, 0);
  for (const Arc& a : net.arcs()) {
    const Link& l = net.link(a.link);
    if (!link_is_open(l, o.year)) continue;
    out_modes[a.tail.index()] |= 1u << static_cast<unsigned>(l.mode);
    in_modes[a.head.index()] |= 1u << static_cast<unsigned>(l.mode);
  }
  // States after the N zones: arr(v, m) for arriving modes, dep(v, m) for leaving modes.
  std::vector<std::uint32_t> arr(static_cast<std::size_t>(n) * kModes, kNoState);
  std::vector<std::uint32_t> dep(arr.size(), kNoState);
  std::uint32_t next = n;
  for (std::uint32_t v = 0; v < n; ++v)
    for (std::uint32_t m = 0; m < kModes; ++m) {
      if (in_modes[v] & (1u << m)) arr[v * kModes + m] = next++;
      if (out_modes[v] & (1u << m)) dep[v * kModes + m] = next++;
    }

  FreightNetwork fn;
  std::vector<assign::LinkSpec> specs;
  auto add = [&](std::uint32_t tail, std::uint32_t head, Piece piece, ArcId arc, Totals t,
                 double capacity) {
    assign::LinkSpec s;
    s.tail = tail;
    s.head = head;
    s.free_flow_time = hour_weight * t.hours.value();
    s.fixed_cost = with_usd ? t.usd.value() : 0.0;
    s.capacity = capacity > 0.0 ? capacity : 0.0;
    s.alpha = capacity > 0.0 ? o.bpr_alpha : 0.0;
    s.power = o.bpr_power;
    specs.push_back(s);
    fn.piece.push_back(piece);
    fn.arc.push_back(arc);
    fn.capacity_teu_per_day.push_back(capacity);
    fn.free_flow_hours.push_back(t.hours.value());
  };

  for (std::uint32_t ai = 0; ai < net.arc_count(); ++ai) {
    const Arc& a = net.arc(ArcId(ai));
    const Link& l = net.link(a.link);
    if (!link_is_open(l, o.year)) continue;
    const auto m = static_cast<std::uint32_t>(l.mode);
    add(dep[a.tail.index() * kModes + m], arr[a.head.index() * kModes + m], Piece::arc, ArcId(ai),
        arc_totals(net, a, shipment), capacity_teu_per_day(l, o));
  }
  for (std::uint32_t v = 0; v < n; ++v) {
    const NodeId node(v);
    for (std::uint32_t m1 = 0; m1 < kModes; ++m1) {
      const std::uint32_t a = arr[v * kModes + m1];
      if (a == kNoState) continue;
      for (std::uint32_t m2 = 0; m2 < kModes; ++m2) {
        const std::uint32_t d = dep[v * kModes + m2];
        if (d == kNoState) continue;
        if (m1 == m2) {
          add(a, d, Piece::through, ArcId::invalid(), Totals{}, 0.0);
        } else if (const Transfer* t =
                       net.find_transfer(node, static_cast<Mode>(m1), static_cast<Mode>(m2))) {
          add(a, d, Piece::transfer, ArcId::invalid(), transfer_totals(*t, shipment), 0.0);
        }
      }
    }
    for (std::uint32_t m = 0; m < kModes; ++m) {
      const auto mode = static_cast<Mode>(m);
      if (const std::uint32_t d = dep[v * kModes + m]; d != kNoState) {
        const Transfer* h = end_handling(net, node, mode, true, o.by, shipment);
        add(v, d, Piece::board, ArcId::invalid(), h ? transfer_totals(*h, shipment) : Totals{},
            0.0);
      }
      if (const std::uint32_t a = arr[v * kModes + m]; a != kNoState) {
        const Transfer* h = end_handling(net, node, mode, false, o.by, shipment);
        add(a, v, Piece::alight, ArcId::invalid(), h ? transfer_totals(*h, shipment) : Totals{},
            0.0);
      }
    }
  }
  fn.network = assign::Network::build(next, n, n, specs);
  return fn;
}

FreightResult assign_freight(const Network& net, std::span<const OdFlow> demand,
                             const FreightOptions& options, const assign::Options& solver,
                             double binding_ratio) {
  const FreightNetwork fn = build_freight_network(net, options);
  std::vector<assign::Demand::Entry> entries;
  entries.reserve(demand.size());
  for (const OdFlow& f : demand) {
    if (f.from.index() >= net.node_count() || f.to.index() >= net.node_count())
      throw assign::AssignError("demand names a node outside the network");
    entries.push_back({f.from.index(), f.to.index(), f.teu_per_day});
  }
  const assign::Demand d = assign::Demand::build(fn.network.num_zones(), std::move(entries));

  FreightResult r;
  r.binding_ratio = binding_ratio;
  r.total_teu_per_day = d.total();
  r.solution = assign::assign(fn.network, d, solver);

  const auto link_of_input = fn.network.link_of_input();
  for (std::size_t i = 0; i < fn.piece.size(); ++i) {
    if (fn.piece[i] != Piece::arc) continue;
    const assign::LinkIndex a = link_of_input[i];
    const double x = r.solution.flow[a];
    if (!(x > 0.0)) continue;
    ArcLoad load;
    load.arc = fn.arc[i];
    load.teu_per_day = x;
    load.capacity_teu_per_day = fn.capacity_teu_per_day[i];
    load.free_flow_hours = fn.free_flow_hours[i];
    const double t0 = fn.network.free_flow_time()[a];
    load.congested_hours =
        t0 > 0.0 ? load.free_flow_hours * (r.solution.time[a] - fn.network.fixed_cost()[a]) / t0
                 : load.free_flow_hours;
    r.loads.push_back(load);
  }
  auto km_of = [&](const ArcLoad& l) { return net.link(net.arc(l.arc).link).length.value(); };
  for (const ArcLoad& l : r.loads) r.total_teu_km_per_day += l.teu_per_day * km_of(l);

  r.shares.resize(net.corridors().size());
  for (std::size_t c = 0; c < r.shares.size(); ++c)
    r.shares[c].corridor = CorridorId(static_cast<std::uint32_t>(c));
  for (const ArcLoad& l : r.loads) {
    for (CorridorId c : net.corridors_of(net.arc(l.arc).link)) {
      CorridorShare& s = r.shares[c.index()];
      s.teu_per_day = std::max(s.teu_per_day, l.teu_per_day);
      s.teu_km_per_day += l.teu_per_day * km_of(l);
    }
  }
  for (CorridorShare& s : r.shares)
    s.share_of_teu_km =
        r.total_teu_km_per_day > 0.0 ? s.teu_km_per_day / r.total_teu_km_per_day : 0.0;
  std::stable_sort(r.shares.begin(), r.shares.end(), [](const auto& a, const auto& b) {
    return a.teu_km_per_day > b.teu_km_per_day;
  });
  std::stable_sort(r.loads.begin(), r.loads.end(), [&](const ArcLoad& a, const ArcLoad& b) {
    return a.teu_per_day * km_of(a) > b.teu_per_day * km_of(b);
  });
  for (const ArcLoad& l : r.loads)
    if (l.capacity_teu_per_day > 0.0 && l.ratio() >= binding_ratio) r.binding.push_back(l);
  std::stable_sort(r.binding.begin(), r.binding.end(),
                   [](const ArcLoad& a, const ArcLoad& b) { return a.ratio() > b.ratio(); });
  return r;
}

} // namespace caravan::freight
