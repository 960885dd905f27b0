// Reach as JSON, GeoJSON and a table.
#include "report/reach_output.hpp"

#include "core/geo.hpp"
#include "report/route_output.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace caravan::report {

using json = nlohmann::ordered_json;

namespace {

std::string num(double v) {
  return fmt::format("{:g}", v);
}

/// Modes of the legs and the nodes between them: ("road", "rail_1520"), ("Tashkent").
void summary(const Network& net, const Route& r, std::vector<std::string>& modes,
             std::vector<std::string>& via) {
  for (std::size_t i = 0; i < r.legs.size(); ++i) {
    modes.emplace_back(to_string(r.legs[i].mode));
    if (i + 1 < r.legs.size()) via.push_back(net.node(r.legs[i].to).name);
  }
}

/// The first `fraction` of the line (by great-circle length).
std::vector<LatLon> cut_line(const std::vector<LatLon>& pts, double fraction) {
  if (fraction >= 1.0 || pts.size() < 2) return pts;
  double total = 0;
  for (std::size_t i = 1; i < pts.size(); ++i) total += great_circle(pts[i - 1], pts[i]).value();
  const double target = total * std::max(0.0, fraction);
  std::vector<LatLon> out{pts.front()};
  double done = 0;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const double seg = great_circle(pts[i - 1], pts[i]).value();
    if (done + seg >= target) {
      const double f = seg > 0 ? (target - done) / seg : 0.0;
      out.push_back({pts[i - 1].lat + f * (pts[i].lat - pts[i - 1].lat),
                     pts[i - 1].lon + f * (pts[i].lon - pts[i - 1].lon)});
      return out;
    }
    done += seg;
    out.push_back(pts[i]);
  }
  return out;
}

std::vector<LatLon> arc_points(const Network& net, ArcId a) {
  const Arc& arc = net.arc(a);
  const Link& l = net.link(arc.link);
  return net.drawn_points(arc.link, l.from != arc.tail);
}

/// Convex hull (Andrew's monotone chain) in lon/lat, closed (first point repeated).
std::vector<LatLon> hull(std::vector<LatLon> p) {
  std::sort(p.begin(), p.end(), [](const LatLon& a, const LatLon& b) {
    return a.lon < b.lon || (a.lon == b.lon && a.lat < b.lat);
  });
  p.erase(std::unique(
              p.begin(), p.end(),
              [](const LatLon& a, const LatLon& b) { return a.lon == b.lon && a.lat == b.lat; }),
          p.end());
  if (p.size() < 3) return {};
  auto cross = [](const LatLon& o, const LatLon& a, const LatLon& b) {
    return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
  };
  std::vector<LatLon> h(2 * p.size());
  std::size_t k = 0;
  for (const auto& pt : p) {
    while (k >= 2 && cross(h[k - 2], h[k - 1], pt) <= 0) --k;
    h[k++] = pt;
  }
  for (std::size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
    while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  h.resize(k); // last point equals the first: closed
  if (h.size() < 4) return {};
  return h;
}

json ring_json(const std::vector<LatLon>& pts) {
  json c = json::array();
  for (const auto& p : pts) c.push_back(json::array({round_to(p.lon, 5), round_to(p.lat, 5)}));
  return c;
}

std::vector<double> hull_edges(const ReachResult& r, const std::vector<double>& edges) {
  const double budget_days = r.budget.value() / 24.0;
  std::vector<double> out;
  for (double e : edges)
    if (e < budget_days) out.push_back(e);
  out.push_back(budget_days);
  return out;
}

} // namespace

std::string day_band(double days, const std::vector<double>& edges) {
  double prev = 0;
  for (double e : edges) {
    if (days <= e) return num(prev) + "-" + num(e);
    prev = e;
  }
  return ">" + num(prev);
}

json reach_to_json(const Network& net, const ReachResult& r, const ReachOutputOptions& o) {
  json j;
  j["from"] = net.node(r.from).name;
  j["from_id"] = net.node(r.from).id;
  j["depart"] = o.timed ? json(format_datetime(r.depart)) : json(nullptr);
  j["budget_days"] = round_to(r.budget.value() / 24.0, 3);
  j["bands"] = o.band_days;
  json places = json::array();
  for (const ReachPlace& p : r.places) {
    std::vector<std::string> modes, via;
    summary(net, p.route.route, modes, via);
    json e;
    e["name"] = net.node(p.node).name;
    e["id"] = net.node(p.node).id;
    e["country"] = net.node(p.node).country;
    e["hours"] = round_to(p.hours.value(), 2);
    e["days"] = round_to(p.hours.value() / 24.0, 2);
    e["arrive"] = o.timed ? json(format_datetime(p.arrive)) : json(nullptr);
    e["band"] = day_band(p.hours.value() / 24.0, o.band_days);
    e["km"] = round_to(p.route.route.totals.km.value(), 1);
    e["usd"] = round_to(p.route.route.totals.usd.value(), 2);
    e["modes"] = modes;
    e["via"] = via;
    places.push_back(std::move(e));
  }
  j["places"] = std::move(places);
  json links = json::array();
  for (const ReachedArc& a : r.arcs) {
    const Arc& arc = net.arc(a.arc);
    links.push_back(json{{"link", net.link(arc.link).id},
                         {"from_id", net.node(arc.tail).id},
                         {"to_id", net.node(arc.head).id},
                         {"mode", std::string(to_string(net.link(arc.link).mode))},
                         {"depart_hours", round_to(a.depart.value(), 2)},
                         {"arrive_hours", round_to(a.arrive.value(), 2)},
                         {"fraction", round_to(a.fraction, 4)}});
  }
  j["links"] = std::move(links);
  return j;
}

json reach_to_geojson(const Network& net, const ReachResult& r, const ReachOutputOptions& o) {
  json features = json::array();
  const double budget_h = r.budget.value();
  for (const double edge : hull_edges(r, o.band_days)) {
    const double end_h = edge * 24.0;
    std::vector<LatLon> pts{net.node(r.from).pos};
    for (const ReachPlace& p : r.places)
      if (p.hours.value() <= end_h + 1e-9) pts.push_back(net.node(p.node).pos);
    for (const ReachedArc& a : r.arcs) {
      if (a.depart.value() >= end_h || a.arrive.value() <= end_h) continue;
      const double f = (end_h - a.depart.value()) / (a.arrive.value() - a.depart.value());
      pts.push_back(cut_line(arc_points(net, a.arc), f).back());
    }
    const auto h = hull(pts);
    if (h.empty()) continue;
    features.push_back(json{{"type", "Feature"},
                            {"geometry", {{"type", "Polygon"}, {"coordinates", {ring_json(h)}}}},
                            {"properties",
                             {{"kind", "band"},
                              {"band", day_band(edge - 1e-9, o.band_days)},
                              {"within_days", round_to(edge, 3)}}}});
  }
  for (const ReachedArc& a : r.arcs) {
    const Arc& arc = net.arc(a.arc);
    const double end_h = std::min(a.arrive.value(), budget_h);
    features.push_back(
        json{{"type", "Feature"},
             {"geometry",
              {{"type", "LineString"},
               {"coordinates", ring_json(cut_line(arc_points(net, a.arc), a.fraction))}}},
             {"properties",
              {{"kind", "link"},
               {"link", net.link(arc.link).id},
               {"from_id", net.node(arc.tail).id},
               {"to_id", net.node(arc.head).id},
               {"mode", std::string(to_string(net.link(arc.link).mode))},
               {"depart_hours", round_to(a.depart.value(), 2)},
               {"arrive_hours", round_to(a.arrive.value(), 2)},
               {"cut", a.fraction < 1.0},
               {"band", day_band(end_h / 24.0, o.band_days)}}}});
  }
  for (const ReachPlace& p : r.places) {
    const Node& n = net.node(p.node);
    features.push_back(
        json{{"type", "Feature"},
             {"geometry",
              {{"type", "Point"},
               {"coordinates", json::array({round_to(n.pos.lon, 5), round_to(n.pos.lat, 5)})}}},
             {"properties",
              {{"kind", "place"},
               {"name", n.name},
               {"id", n.id},
               {"hours", round_to(p.hours.value(), 2)},
               {"days", round_to(p.hours.value() / 24.0, 2)},
               {"band", day_band(p.hours.value() / 24.0, o.band_days)}}}});
  }
  json props{{"from", net.node(r.from).name},
             {"from_id", net.node(r.from).id},
             {"depart", o.timed ? json(format_datetime(r.depart)) : json(nullptr)},
             {"budget_days", round_to(budget_h / 24.0, 3)},
             {"bands", o.band_days},
             {"places", r.places.size()}};
  return json{{"type", "FeatureCollection"}, {"properties", props}, {"features", features}};
}

std::string reach_to_table(const Network& net, const ReachResult& r, const ReachOutputOptions& o) {
  std::string out =
      fmt::format("reach from {} within {:g} days{}: {} place(s)\n", net.node(r.from).name,
                  r.budget.value() / 24.0,
                  o.timed ? fmt::format(", leaving {} ({})", format_datetime(r.depart),
                                        format_weekday_time(r.depart))
                          : std::string(" (constant waits; --depart for timetables)"),
                  r.places.size());
  const int w = o.timed ? 18 : 0; // the arrival column only when there is a departure time
  out += fmt::format("{:<3} {:<22} {:<3} {:>6} {:<6} {:<{}}{}\n", "#", "place", "cc", "days",
                     "band", o.timed ? "arrives (UTC)" : "", w, "route");
  for (std::size_t i = 0; i < r.places.size(); ++i) {
    const ReachPlace& p = r.places[i];
    std::vector<std::string> modes, via;
    summary(net, p.route.route, modes, via);
    std::string route;
    for (std::size_t k = 0; k < modes.size(); ++k)
      route += (k == 0 ? "" : " > " + via[k - 1] + " > ") + modes[k];
    out += fmt::format("{:<3} {:<22} {:<3} {:>6.2f} {:<6} {:<{}}{}\n", i + 1, net.node(p.node).name,
                       net.node(p.node).country, p.hours.value() / 24.0,
                       day_band(p.hours.value() / 24.0, o.band_days),
                       o.timed ? format_datetime(p.arrive) : std::string(), w, route);
  }
  return out;
}

} // namespace caravan::report
