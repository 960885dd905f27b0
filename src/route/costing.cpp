// Objective names and the per-arc and per-transfer cost of a shipment.
#include "route/costing.hpp"

namespace caravan {

std::string_view to_string(Objective o) {
  switch (o) {
  case Objective::time:
    return "time";
  case Objective::cost:
    return "cost";
  case Objective::co2:
    return "co2";
  case Objective::distance:
    return "distance";
  }
  return "?";
}

std::optional<Objective> parse_objective(std::string_view s) {
  for (Objective o : {Objective::time, Objective::cost, Objective::co2, Objective::distance})
    if (to_string(o) == s) return o;
  return std::nullopt;
}

bool link_is_open(const Link& l, std::optional<int> year) {
  if (l.status == LinkStatus::existing) return !year || l.open_year == 0 || l.open_year <= *year;
  return year && l.open_year != 0 && l.open_year <= *year;
}

double Totals::get(Objective o) const {
  switch (o) {
  case Objective::time:
    return hours.value();
  case Objective::cost:
    return usd.value();
  case Objective::co2:
    return co2.value();
  case Objective::distance:
    return km.value();
  }
  return 0.0;
}

Totals arc_totals(const Network& net, const Arc& a, const Shipment& shipment) {
  const Link& l = net.link(a.link);
  Totals t{l.length, l.duration.typical, l.cost_per_teu * shipment.teu.value(),
           emissions(l.co2_intensity, l.length, shipment.tonnes())};
  if (a.border.valid()) {
    const BorderCrossing& b = net.border(a.border);
    t.hours += b.dwell.typical;
    t.usd += b.cost_per_teu * shipment.teu.value();
  }
  return t;
}

Totals transfer_totals(const Transfer& t, const Shipment& shipment) {
  return Totals{Km(0), t.duration.typical, t.cost_per_teu * shipment.teu.value(), KgCo2(0)};
}

const Transfer* end_handling(const Network& net, NodeId at, Mode ship, bool boarding, Objective o,
                             const Shipment& shipment) {
  if (ship != Mode::ferry && ship != Mode::sea) return nullptr;
  const Transfer* best = nullptr;
  double best_value = 0.0;
  for (const Transfer& t : net.transfers_at(at)) {
    const std::optional<Mode>& into = boarding ? t.to_mode : t.from_mode;
    const std::optional<Mode>& other = boarding ? t.from_mode : t.to_mode;
    if (!into || *into != ship || (other && *other == ship)) continue;
    const double v = transfer_totals(t, shipment).get(o);
    if (best == nullptr || v < best_value) {
      best = &t;
      best_value = v;
    }
  }
  return best;
}

} // namespace caravan
