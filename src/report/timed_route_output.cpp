// Schedules of departure-time routes: JSON and a text table.
#include "report/timed_route_output.hpp"

#include "report/route_output.hpp"

#include <fmt/format.h>

namespace caravan::report {

using json = nlohmann::ordered_json;

namespace {
struct LegTiming {
  EpochHours ready = 0, depart = 0, arrive = 0;
  double wait_h = 0;
  std::vector<std::string> why;
};

std::vector<LegTiming> leg_timings(const TimedRoute& r) {
  std::vector<LegTiming> out;
  std::size_t k = 0;
  for (const Leg& leg : r.route.legs) {
    LegTiming lt;
    for (std::size_t i = 0; i < leg.arcs.size() && k < r.steps.size(); ++i, ++k) {
      const TimedStep& s = r.steps[k];
      if (i == 0) {
        lt.ready = s.at_tail;
        lt.depart = s.depart;
      }
      lt.arrive = s.arrive;
      lt.wait_h += s.wait.value();
      if (!s.why.empty()) lt.why.push_back(s.why);
    }
    out.push_back(std::move(lt));
  }
  return out;
}
} // namespace

json schedule_to_json(const Network& net, const TimedRoute& r) {
  json j;
  j["depart"] = format_datetime(r.depart);
  j["arrive"] = format_datetime(r.arrive);
  j["hours"] = round_to(r.hours().value(), 2);
  j["days"] = round_to(r.hours().value() / 24.0, 2);
  j["end_handling_hours"] = round_to(r.end_handling.value(), 2);
  json legs = json::array();
  const auto timings = leg_timings(r);
  for (std::size_t i = 0; i < r.route.legs.size(); ++i) {
    const Leg& leg = r.route.legs[i];
    const LegTiming& t = timings[i];
    json l;
    l["from"] = net.node(leg.from).name;
    l["to"] = net.node(leg.to).name;
    l["from_id"] = net.node(leg.from).id;
    l["to_id"] = net.node(leg.to).id;
    l["mode"] = std::string(to_string(leg.mode));
    l["ready"] = format_datetime(t.ready);
    l["depart"] = format_datetime(t.depart);
    l["arrive"] = format_datetime(t.arrive);
    l["wait_hours"] = round_to(t.wait_h, 2);
    l["why"] = t.why;
    legs.push_back(std::move(l));
  }
  j["legs"] = std::move(legs);
  return j;
}

json timed_route_to_json(const Network& net, const TimedRoute& r, const GeometryOptions& geometry) {
  json j = route_to_json(net, r.route, geometry);
  j["total"]["constant_model_hours"] = j["total"]["hours"];
  j["total"]["hours"] = round_to(r.hours().value(), 2);
  j["total"]["days"] = round_to(r.hours().value() / 24.0, 2);
  j["schedule"] = schedule_to_json(net, r);
  return j;
}

std::string timed_route_to_table(const Network& net, const TimedRoute& r) {
  std::string out = route_to_table(net, r.route);
  out += fmt::format("\nschedule: depart {} ({}), arrive {} ({}): {:.1f} days (constant model "
                     "{:.1f})\n",
                     format_datetime(r.depart), format_weekday_time(r.depart),
                     format_datetime(r.arrive), format_weekday_time(r.arrive),
                     r.hours().value() / 24.0, r.route.totals.hours.value() / 24.0);
  out += fmt::format("{:<3} {:<18} {:<18} {:<9} {:<15} {:<15} {:>9}  {}\n", "#", "from", "to",
                     "mode", "departs (UTC)", "arrives (UTC)", "wait", "why");
  const auto timings = leg_timings(r);
  for (std::size_t i = 0; i < r.route.legs.size(); ++i) {
    const Leg& leg = r.route.legs[i];
    const LegTiming& t = timings[i];
    std::string why;
    for (const auto& w : t.why) why += (why.empty() ? "" : "; ") + w;
    auto when = [](EpochHours h) {
      return format_weekday_time(h) + " " + format_datetime(h).substr(5, 5);
    };
    out += fmt::format("{:<3} {:<18} {:<18} {:<9} {:<15} {:<15} {:>9}  {}\n", i + 1,
                       net.node(leg.from).name, net.node(leg.to).name, to_string(leg.mode),
                       when(t.depart), when(t.arrive), format_duration(Hours(t.wait_h)), why);
  }
  if (r.end_handling.value() > 0)
    out += fmt::format("    port handling at {}: {}\n", net.node(r.route.to).name,
                       format_duration(r.end_handling));
  return out;
}

} // namespace caravan::report
