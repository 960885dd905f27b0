// Formatting of Pareto fronts, alternatives, corridor comparisons, matrices and reliability
// results.
#include "report/analysis_output.hpp"

#include "formats/csv.hpp"
#include "report/route_output.hpp"

#include <fmt/format.h>

namespace caravan::report {

using json = nlohmann::ordered_json;

std::string mode_chain(const Route& r) {
  std::string s;
  for (const Leg& l : r.legs) s += (s.empty() ? "" : ">") + std::string(to_string(l.mode));
  return s;
}

std::string corridor_names(const Network& net, const Route& r) {
  std::vector<CorridorId> seen;
  for (const Leg& l : r.legs)
    for (CorridorId c : l.corridors)
      if (std::find(seen.begin(), seen.end(), c) == seen.end()) seen.push_back(c);
  std::string s;
  for (CorridorId c : seen) s += (s.empty() ? "" : "; ") + net.corridor(c).name;
  return s;
}

json routes_to_json(const Network& net, const std::vector<Route>& routes, const std::string& kind,
                    const GeometryOptions& geometry) {
  json j;
  j["kind"] = kind;
  j["count"] = routes.size();
  j["routes"] = json::array();
  for (const Route& r : routes) {
    json x = route_to_json(net, r, geometry);
    x["modes"] = mode_chain(r);
    x["corridors"] = corridor_names(net, r);
    j["routes"].push_back(x);
  }
  return j;
}

namespace {
json route_summary(const Route& r) {
  return json{{"route_km", round_to(r.totals.km.value(), 1)},
              {"route_days", round_to(r.totals.hours.value() / 24.0, 2)},
              {"route_usd", round_to(r.totals.usd.value(), 2)},
              {"route_kg_co2", round_to(r.totals.co2.value(), 1)}};
}

json collection(json features, json props) {
  return json{{"type", "FeatureCollection"},
              {"properties", std::move(props)},
              {"features", std::move(features)}};
}

void append_all(json& to, const json& from) {
  for (const auto& f : from) to.push_back(f);
}
} // namespace

json routes_to_geojson(const Network& net, const std::vector<Route>& routes,
                       const std::string& kind, const GeometryOptions& geometry) {
  json features = json::array();
  for (std::size_t i = 0; i < routes.size(); ++i) {
    json extra = route_summary(routes[i]);
    extra["route"] = i + 1;
    extra["modes"] = mode_chain(routes[i]);
    append_all(features, route_features(net, routes[i], geometry, extra));
  }
  json props{{"kind", kind}, {"count", routes.size()}};
  if (!routes.empty()) {
    props["from"] = net.node(routes.front().from).name;
    props["to"] = net.node(routes.front().to).name;
  }
  return collection(std::move(features), std::move(props));
}

std::string routes_to_table(const Network& net, const std::vector<Route>& routes,
                            const std::string& title) {
  std::string out = title + "\n";
  out += fmt::format("{:<3} {:>7} {:>8} {:>8} {:>7} {:>4} {:>4}  {:<40} {}\n", "#", "days", "USD",
                     "kg CO2", "km", "trf", "brd", "modes", "corridors");
  out += std::string(110, '-') + "\n";
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const Route& r = routes[i];
    out += fmt::format("{:<3} {:>7.1f} {:>8.0f} {:>8.0f} {:>7.0f} {:>4} {:>4}  {:<40} {}\n", i + 1,
                       r.totals.hours.value() / 24.0, r.totals.usd.value(), r.totals.co2.value(),
                       r.totals.km.value(), r.transfers, r.borders, mode_chain(r),
                       corridor_names(net, r));
  }
  return out;
}

json comparison_to_json(const Network& net, const CorridorComparison& c, Objective o,
                        const GeometryOptions& geometry) {
  json j;
  j["objective"] = std::string(to_string(o));
  j["best"] = c.best ? route_to_json(net, *c.best, geometry) : json(nullptr);
  j["corridors"] = json::array();
  int rank = 0;
  for (const CorridorOption& opt : c.options) {
    json x;
    x["corridor_id"] = net.corridor(opt.corridor).id;
    x["corridor"] = net.corridor(opt.corridor).name;
    x["connects"] = opt.route.has_value();
    if (opt.route) {
      x["rank"] = ++rank;
      x["entry"] = net.node(opt.entry).name;
      x["exit"] = net.node(opt.exit).name;
      x["share_along_corridor"] = round_to(opt.share, 3);
      const Route& r = *opt.route;
      x["km"] = round_to(r.totals.km.value(), 1);
      x["days"] = round_to(r.totals.hours.value() / 24.0, 2);
      x["usd_per_teu"] = round_to(r.totals.usd.value() / r.shipment.teu.value(), 2);
      x["kg_co2_per_teu"] = round_to(r.totals.co2.value() / r.shipment.teu.value(), 1);
      x["borders"] = r.borders;
      x["transfers"] = r.transfers;
      x["modes"] = mode_chain(r);
      x["route"] = route_to_json(net, r, geometry);
    }
    j["corridors"].push_back(x);
  }
  return j;
}

json comparison_to_geojson(const Network& net, const CorridorComparison& c, Objective o,
                           const GeometryOptions& geometry) {
  json features = json::array();
  int rank = 0;
  for (const CorridorOption& opt : c.options) {
    if (!opt.route) continue;
    json extra = route_summary(*opt.route);
    extra["rank"] = ++rank;
    extra["corridor_id"] = net.corridor(opt.corridor).id;
    extra["corridor"] = net.corridor(opt.corridor).name;
    append_all(features, route_features(net, *opt.route, geometry, extra));
  }
  json props{{"kind", "compare"}, {"objective", std::string(to_string(o))}};
  if (c.best) {
    props["from"] = net.node(c.best->from).name;
    props["to"] = net.node(c.best->to).name;
  }
  return collection(std::move(features), std::move(props));
}

std::string comparison_to_table(const Network& net, const CorridorComparison& c, Objective o) {
  std::string out;
  if (c.best)
    out += fmt::format("{} -> {}: corridors ranked by {} (per TEU of {} t)\n",
                       net.node(c.best->from).name, net.node(c.best->to).name, to_string(o),
                       c.best->shipment.tonnes_per_teu.value());
  out += fmt::format("{:<4} {:<44} {:>7} {:>6} {:>8} {:>8} {:>4} {:>4}  {}\n", "rank", "corridor",
                     "km", "days", "USD/TEU", "kgCO2/TEU", "brd", "trf", "modes");
  out += std::string(120, '-') + "\n";
  int rank = 0;
  for (const CorridorOption& opt : c.options) {
    const std::string name = net.corridor(opt.corridor).name;
    if (!opt.route) {
      out += fmt::format("{:<4} {:<44} {}\n", "-", name, "does not serve these places");
      continue;
    }
    const Route& r = *opt.route;
    out += fmt::format("{:<4} {:<44} {:>7.0f} {:>6.1f} {:>8.0f} {:>8.0f} {:>4} {:>4}  {}\n", ++rank,
                       name, r.totals.km.value(), r.totals.hours.value() / 24.0,
                       r.totals.usd.value() / r.shipment.teu.value(),
                       r.totals.co2.value() / r.shipment.teu.value(), r.borders, r.transfers,
                       mode_chain(r));
  }
  return out;
}

std::string comparison_to_csv(const Network& net, const CorridorComparison& c) {
  std::string out = "rank,corridor_id,corridor,connects,km,days,usd_per_teu,kg_co2_per_teu,borders,"
                    "transfers,modes\n";
  int rank = 0;
  for (const CorridorOption& opt : c.options) {
    const Corridor& cor = net.corridor(opt.corridor);
    if (!opt.route) {
      out += fmt::format(",{},{},false,,,,,,,\n", formats::csv_escape(cor.id),
                         formats::csv_escape(cor.name));
      continue;
    }
    const Route& r = *opt.route;
    out += fmt::format("{},{},{},true,{},{},{},{},{},{},{}\n", ++rank, formats::csv_escape(cor.id),
                       formats::csv_escape(cor.name), round_to(r.totals.km.value(), 1),
                       round_to(r.totals.hours.value() / 24.0, 2),
                       round_to(r.totals.usd.value() / r.shipment.teu.value(), 2),
                       round_to(r.totals.co2.value() / r.shipment.teu.value(), 1), r.borders,
                       r.transfers, mode_chain(r));
  }
  return out;
}

json matrix_to_json(const Network& net, const Matrix& m) {
  json j;
  j["objective"] = std::string(to_string(m.objective));
  json o = json::array(), d = json::array();
  for (NodeId n : m.origins) o.push_back(net.node(n).name);
  for (NodeId n : m.destinations) d.push_back(net.node(n).name);
  j["origins"] = o;
  j["destinations"] = d;
  auto table = [&](auto get) {
    json rows = json::array();
    for (std::size_t i = 0; i < m.origins.size(); ++i) {
      json row = json::array();
      for (std::size_t k = 0; k < m.destinations.size(); ++k) {
        const auto& c = m.cell(i, k);
        row.push_back(c ? json(get(*c)) : json(nullptr));
      }
      rows.push_back(row);
    }
    return rows;
  };
  j["km"] = table([](const MatrixCell& c) { return round_to(c.totals.km.value(), 1); });
  j["hours"] = table([](const MatrixCell& c) { return round_to(c.totals.hours.value(), 2); });
  j["usd"] = table([](const MatrixCell& c) { return round_to(c.totals.usd.value(), 2); });
  j["kg_co2"] = table([](const MatrixCell& c) { return round_to(c.totals.co2.value(), 1); });
  j["transfers"] = table([](const MatrixCell& c) { return c.transfers; });
  j["borders"] = table([](const MatrixCell& c) { return c.borders; });
  return j;
}

json matrix_to_geojson(const Network& net, const Matrix& m,
                       const std::vector<std::optional<Route>>& routes,
                       const GeometryOptions& geometry) {
  json features = json::array();
  for (std::size_t i = 0; i < m.origins.size(); ++i)
    for (std::size_t k = 0; k < m.destinations.size(); ++k) {
      const auto& cell = m.cell(i, k);
      if (!cell) continue;
      const std::size_t at = i * m.destinations.size() + k;
      const Route* r = at < routes.size() && routes[at] ? &*routes[at] : nullptr;
      std::vector<GeometrySection> sections;
      if (r)
        for (const Leg& leg : r->legs)
          for (auto& s : arc_sections(net, leg.arcs, geometry)) sections.push_back(std::move(s));
      std::vector<LatLon> pts = join_sections(sections);
      if (pts.empty()) pts = {net.node(m.origins[i]).pos, net.node(m.destinations[k]).pos};
      const Node& a = net.node(m.origins[i]);
      const Node& b = net.node(m.destinations[k]);
      json props{{"kind", "pair"},
                 {"from", a.name},
                 {"to", b.name},
                 {"from_id", a.id},
                 {"to_id", b.id},
                 {"km", round_to(cell->totals.km.value(), 1)},
                 {"hours", round_to(cell->totals.hours.value(), 2)},
                 {"days", round_to(cell->totals.hours.value() / 24.0, 2)},
                 {"usd", round_to(cell->totals.usd.value(), 2)},
                 {"kg_co2", round_to(cell->totals.co2.value(), 1)},
                 {"transfers", cell->transfers},
                 {"borders", cell->borders},
                 {"geometry_source", r ? sections_source(sections) : "schematic"},
                 {"geometry_km", sections_km(sections)}};
      features.push_back(
          {{"type", "Feature"},
           {"geometry", {{"type", "LineString"}, {"coordinates", coordinates_json(pts)}}},
           {"properties", props}});
    }
  return collection(std::move(features),
                    json{{"kind", "matrix"}, {"objective", std::string(to_string(m.objective))}});
}

std::string matrix_to_csv(const Network& net, const Matrix& m) {
  std::string out = "from,to,from_id,to_id,reachable,km,hours,usd,kg_co2,transfers,borders\n";
  for (std::size_t i = 0; i < m.origins.size(); ++i)
    for (std::size_t k = 0; k < m.destinations.size(); ++k) {
      if (m.origins[i] == m.destinations[k]) continue;
      const Node& a = net.node(m.origins[i]);
      const Node& b = net.node(m.destinations[k]);
      const auto& c = m.cell(i, k);
      if (!c) {
        out += fmt::format("{},{},{},{},false,,,,,,\n", formats::csv_escape(a.name),
                           formats::csv_escape(b.name), formats::csv_escape(a.id),
                           formats::csv_escape(b.id));
        continue;
      }
      out += fmt::format("{},{},{},{},true,{},{},{},{},{},{}\n", formats::csv_escape(a.name),
                         formats::csv_escape(b.name), formats::csv_escape(a.id),
                         formats::csv_escape(b.id), round_to(c->totals.km.value(), 1),
                         round_to(c->totals.hours.value(), 2), round_to(c->totals.usd.value(), 2),
                         round_to(c->totals.co2.value(), 1), c->transfers, c->borders);
    }
  return out;
}

std::string matrix_to_table(const Network& net, const Matrix& m) {
  const char* unit = m.objective == Objective::time   ? "days"
                     : m.objective == Objective::cost ? "USD"
                     : m.objective == Objective::co2  ? "kg CO2"
                                                      : "km";
  std::string out = fmt::format("{} ({})\n{:<16}", to_string(m.objective), unit, "from \\ to");
  for (NodeId d : m.destinations) out += fmt::format(" {:>10.10}", net.node(d).name);
  out += "\n";
  for (std::size_t i = 0; i < m.origins.size(); ++i) {
    out += fmt::format("{:<16.16}", net.node(m.origins[i]).name);
    for (std::size_t k = 0; k < m.destinations.size(); ++k) {
      const auto& c = m.cell(i, k);
      if (m.origins[i] == m.destinations[k])
        out += fmt::format(" {:>10}", "-");
      else if (!c)
        out += fmt::format(" {:>10}", "n/a");
      else {
        const double v = m.objective == Objective::time ? c->totals.hours.value() / 24.0
                                                        : c->totals.get(m.objective);
        out += fmt::format(" {:>10.1f}", v);
      }
    }
    out += "\n";
  }
  return out;
}

json reliability_to_json(const ReliabilityResult& r, std::uint64_t seed) {
  json j;
  j["samples"] = r.samples;
  j["seed"] = seed;
  j["distribution"] = "triangular(low, typical, high) per link, border and transfer; route fixed";
  j["mean_days"] = round_to(r.mean.value() / 24.0, 2);
  j["p50_days"] = round_to(r.p50.value() / 24.0, 2);
  j["p90_days"] = round_to(r.p90.value() / 24.0, 2);
  j["p95_days"] = round_to(r.p95.value() / 24.0, 2);
  j["min_days"] = round_to(r.min.value() / 24.0, 2);
  j["max_days"] = round_to(r.max.value() / 24.0, 2);
  j["p_within_deadline"] =
      r.p_within_deadline ? json(round_to(*r.p_within_deadline, 4)) : json(nullptr);
  return j;
}

std::string reliability_to_table(const ReliabilityResult& r) {
  std::string out =
      fmt::format("transit time over {} samples: P50 {:.1f} days, P90 {:.1f}, P95 {:.1f} (mean "
                  "{:.1f}, range {:.1f}-{:.1f})\n",
                  r.samples, r.p50.value() / 24, r.p90.value() / 24, r.p95.value() / 24,
                  r.mean.value() / 24, r.min.value() / 24, r.max.value() / 24);
  if (r.p_within_deadline)
    out += fmt::format("probability of arriving within the deadline: {:.1f} %\n",
                       *r.p_within_deadline * 100);
  return out;
}

} // namespace caravan::report
