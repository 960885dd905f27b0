// Routing published journeys and comparing them with their published ranges.
#include "analysis/calibration.hpp"

#include "route/costing.hpp"

namespace caravan {

JourneyResult calibrate_journey(const Network& net, const PublishedJourney& j) {
  JourneyResult m;
  RouteRequest req;
  req.from = j.from;
  req.to = j.to;
  req.costing.objective = j.objective;
  req.costing.avoid_modes = j.avoid_modes;
  req.costing.via = j.via;
  req.costing.year = j.year;
  Router router(net);
  const RouteOutcome out = router.route(req);
  if (!out.ok()) {
    m.km_ok = m.days_ok = false;
    return m;
  }
  const Route& r = *out.route;
  m.routed = true;
  m.km = r.totals.km.value();
  double low = 0, high = 0, running = 0;
  const bool only_running = j.time_scope == PublishedJourney::TimeScope::running;
  for (const Leg& leg : r.legs) {
    m.path += (m.path.empty() ? "" : " | ") + std::string(to_string(leg.mode)) + " " +
              net.node(leg.from).id + "->" + net.node(leg.to).id;
    for (ArcId a : leg.arcs) {
      const Arc& arc = net.arc(a);
      const Link& l = net.link(arc.link);
      low += l.duration.low.value();
      high += l.duration.high.value();
      running += l.duration.typical.value();
      if (arc.border.valid() && !only_running) {
        low += net.border(arc.border).dwell.low.value();
        high += net.border(arc.border).dwell.high.value();
      }
    }
  }
  for (const TransferStep& t : r.transfer_steps) {
    if (only_running) break;
    const Transfer* tr = net.find_transfer(t.at, t.from_mode, t.to_mode);
    low += tr->duration.low.value();
    high += tr->duration.high.value();
  }
  // Port handling where the route starts or ends on a ship (already in the typical total).
  for (const bool start : {true, false}) {
    const auto& h = start ? r.start_handling : r.end_handling;
    if (!h || only_running) continue;
    const Mode ship = start ? h->to_mode : h->from_mode;
    if (const Transfer* t =
            end_handling(net, start ? r.from : r.to, ship, start, j.objective, r.shipment)) {
      low += t->duration.low.value();
      high += t->duration.high.value();
    }
  }
  m.days = (only_running ? running : r.totals.hours.value()) / 24.0;
  m.days_low = low / 24.0;
  m.days_high = high / 24.0;
  if (j.km_low) m.km_ok = m.km >= *j.km_low && m.km <= *j.km_high;
  if (j.days_low) m.days_ok = m.days >= *j.days_low && m.days <= *j.days_high;
  return m;
}

} // namespace caravan
