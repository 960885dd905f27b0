// Conversion of routes, comparisons, matrices and the network itself into dicts of columns.
#include "result_tables.hpp"

#include "report/analysis_output.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <limits>
#include <set>

namespace caravan::py {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <typename T> pyb::array_t<T> array(const std::vector<T>& v) {
  return pyb::array_t<T>(static_cast<pyb::ssize_t>(v.size()), v.data());
}

/// Column builder: numbers collected in vectors, converted to NumPy arrays at the end.
struct Columns {
  std::vector<std::pair<std::string, std::vector<double>>> num;
  std::vector<std::pair<std::string, pyb::list>> obj;
  std::vector<double>& n(const std::string& name) {
    for (auto& [k, v] : num)
      if (k == name) return v;
    return num.emplace_back(name, std::vector<double>{}).second;
  }
  pyb::list& o(const std::string& name) {
    for (auto& [k, v] : obj)
      if (k == name) return v;
    return obj.emplace_back(name, pyb::list{}).second;
  }
  pyb::dict done() {
    pyb::dict d;
    for (auto& [k, v] : obj) d[pyb::str(k)] = v;
    for (auto& [k, v] : num) d[pyb::str(k)] = array(v);
    return d;
  }
};

void put_totals(pyb::dict& d, const Totals& t) {
  d["km"] = t.km.value();
  d["hours"] = t.hours.value();
  d["days"] = t.hours.value() / 24.0;
  d["usd"] = t.usd.value();
  d["kg_co2"] = t.co2.value();
}

void add_totals(Columns& c, const Totals& t) {
  c.n("km").push_back(t.km.value());
  c.n("hours").push_back(t.hours.value());
  c.n("usd").push_back(t.usd.value());
  c.n("kg_co2").push_back(t.co2.value());
}

std::string countries_of_leg(const Network& net, const Leg& leg) {
  std::string out = net.node(leg.from).country;
  std::string last = out;
  for (ArcId a : leg.arcs) {
    const std::string& c = net.node(net.arc(a).head).country;
    if (c != last) out += ">" + c;
    last = c;
  }
  return out;
}
} // namespace

pyb::dict route_dict(const Network& net, const Route& r) {
  pyb::dict d;
  d["from"] = net.node(r.from).name;
  d["to"] = net.node(r.to).name;
  d["from_id"] = net.node(r.from).id;
  d["to_id"] = net.node(r.to).id;
  d["objective"] = std::string(to_string(r.objective));
  d["teu"] = r.shipment.teu.value();
  d["tonnes"] = r.shipment.tonnes().value();
  put_totals(d, r.totals);
  d["transfers"] = r.transfers;
  d["borders"] = r.borders;
  d["modes"] = report::mode_chain(r);

  Columns legs;
  Columns links;
  for (std::size_t i = 0; i < r.legs.size(); ++i) {
    const Leg& leg = r.legs[i];
    legs.o("from").append(net.node(leg.from).name);
    legs.o("to").append(net.node(leg.to).name);
    legs.o("from_id").append(net.node(leg.from).id);
    legs.o("to_id").append(net.node(leg.to).id);
    legs.o("mode").append(std::string(to_string(leg.mode)));
    add_totals(legs, leg.totals);
    legs.n("border_hours").push_back(leg.border_hours.value());
    legs.n("borders").push_back(leg.borders);
    legs.o("corridor")
        .append(leg.corridor.valid() ? pyb::object(pyb::str(net.corridor(leg.corridor).name))
                                     : pyb::object(pyb::none()));
    legs.o("countries").append(countries_of_leg(net, leg));
    pyb::list link_ids;
    std::vector<std::string> sources;
    for (ArcId a : leg.arcs) {
      const Arc& arc = net.arc(a);
      const Link& l = net.link(arc.link);
      link_ids.append(l.id);
      if (!l.source.empty() && std::find(sources.begin(), sources.end(), l.source) == sources.end())
        sources.push_back(l.source);
      links.n("leg").push_back(static_cast<double>(i));
      links.o("link_id").append(l.id);
      links.o("from_id").append(net.node(arc.tail).id);
      links.o("to_id").append(net.node(arc.head).id);
      links.o("mode").append(std::string(to_string(l.mode)));
      links.n("km").push_back(l.length.value());
      links.o("source").append(l.source);
    }
    legs.o("links").append(link_ids);
    std::string joined;
    for (const auto& s : sources) joined += (joined.empty() ? "" : "; ") + s;
    legs.o("sources").append(joined);
  }
  d["legs"] = legs.done();
  d["links"] = links.done();

  Columns steps;
  auto add_step = [&](const TransferStep& t, const char* kind) {
    steps.o("kind").append(kind);
    steps.o("at").append(net.node(t.at).name);
    steps.o("at_id").append(net.node(t.at).id);
    steps.o("from_mode").append(std::string(to_string(t.from_mode)));
    steps.o("to_mode").append(std::string(to_string(t.to_mode)));
    steps.n("hours").push_back(t.totals.hours.value());
    steps.n("usd").push_back(t.totals.usd.value());
  };
  if (r.start_handling) add_step(*r.start_handling, "port_handling_origin");
  for (const TransferStep& t : r.transfer_steps) add_step(t, "transfer");
  if (r.end_handling) add_step(*r.end_handling, "port_handling_destination");
  d["steps"] = steps.done();
  return d;
}

pyb::dict comparison_dict(const Network& net, const CorridorComparison& c) {
  pyb::dict d;
  d["best"] = c.best ? pyb::object(route_dict(net, *c.best)) : pyb::object(pyb::none());
  Columns rows;
  pyb::dict routes;
  int rank = 0;
  for (const CorridorOption& opt : c.options) {
    const Corridor& cor = net.corridor(opt.corridor);
    rows.o("corridor_id").append(cor.id);
    rows.o("corridor").append(cor.name);
    rows.o("connects").append(opt.route.has_value());
    if (!opt.route) {
      rows.n("rank").push_back(kNaN);
      for (const char* k : {"km", "hours", "usd", "kg_co2", "usd_per_teu", "kg_co2_per_teu",
                            "borders", "transfers", "share"})
        rows.n(k).push_back(kNaN);
      rows.o("modes").append(pyb::none());
      rows.o("entry").append(pyb::none());
      rows.o("exit").append(pyb::none());
      continue;
    }
    const Route& r = *opt.route;
    rows.n("rank").push_back(++rank);
    add_totals(rows, r.totals);
    rows.n("usd_per_teu").push_back(r.totals.usd.value() / r.shipment.teu.value());
    rows.n("kg_co2_per_teu").push_back(r.totals.co2.value() / r.shipment.teu.value());
    rows.n("borders").push_back(r.borders);
    rows.n("transfers").push_back(r.transfers);
    rows.n("share").push_back(opt.share);
    rows.o("modes").append(report::mode_chain(r));
    rows.o("entry").append(net.node(opt.entry).name);
    rows.o("exit").append(net.node(opt.exit).name);
    routes[pyb::str(cor.id)] = route_dict(net, r);
  }
  d["corridors"] = rows.done();
  d["routes"] = routes;
  return d;
}

pyb::dict matrix_dict(const Network& net, const Matrix& m) {
  Columns c;
  for (std::size_t i = 0; i < m.origins.size(); ++i)
    for (std::size_t k = 0; k < m.destinations.size(); ++k) {
      if (m.origins[i] == m.destinations[k]) continue;
      const Node& a = net.node(m.origins[i]);
      const Node& b = net.node(m.destinations[k]);
      c.o("from").append(a.name);
      c.o("to").append(b.name);
      c.o("from_id").append(a.id);
      c.o("to_id").append(b.id);
      const auto& cell = m.cell(i, k);
      c.o("reachable").append(cell.has_value());
      if (cell) {
        add_totals(c, cell->totals);
        c.n("transfers").push_back(cell->transfers);
        c.n("borders").push_back(cell->borders);
      } else {
        for (const char* k2 : {"km", "hours", "usd", "kg_co2", "transfers", "borders"})
          c.n(k2).push_back(kNaN);
      }
    }
  // Column order as in `caravan matrix --format csv`.
  pyb::dict out;
  pyb::dict done = c.done();
  for (const char* k : {"from", "to", "from_id", "to_id", "reachable", "km", "hours", "usd",
                        "kg_co2", "transfers", "borders"})
    if (done.contains(k)) out[k] = done[k];
  return out;
}

pyb::dict places_dict(const Network& net) {
  Columns c;
  for (std::uint32_t i = 0; i < net.node_count(); ++i) {
    const Node& n = net.node(NodeId(i));
    c.o("id").append(n.id);
    c.o("name").append(n.name);
    c.o("country").append(n.country);
    c.n("lat").push_back(n.pos.lat);
    c.n("lon").push_back(n.pos.lon);
    c.o("kind").append(std::string(to_string(n.kind)));
    c.o("centre").append(std::string(to_string(n.centre)));
    c.o("region").append(n.region);
    c.o("aliases").append(n.aliases);
    c.o("source").append(n.source);
  }
  return c.done();
}

pyb::dict links_dict(const Network& net, bool geometry) {
  Columns c;
  for (std::uint32_t i = 0; i < net.link_count(); ++i) {
    const Link& l = net.link(LinkId(i));
    c.o("id").append(l.id);
    c.o("from_id").append(net.node(l.from).id);
    c.o("to_id").append(net.node(l.to).id);
    c.o("mode").append(std::string(to_string(l.mode)));
    c.n("km").push_back(l.length.value());
    c.n("hours").push_back(l.duration.typical.value());
    c.n("hours_low").push_back(l.duration.low.value());
    c.n("hours_high").push_back(l.duration.high.value());
    c.n("usd_per_teu").push_back(l.cost_per_teu.value());
    c.n("g_co2_per_tkm").push_back(l.co2_intensity.value);
    c.o("oneway").append(l.oneway);
    c.o("status").append(std::string(to_string(l.status)));
    c.n("open_year").push_back(l.open_year == 0 ? kNaN : l.open_year);
    c.n("capacity").push_back(l.capacity);
    c.o("capacity_unit").append(std::string(to_string(l.capacity_unit)));
    c.o("source").append(l.source);
    if (geometry) {
      pyb::list pts;
      for (const LatLon& p : net.drawn_points(LinkId(i))) pts.append(pyb::make_tuple(p.lon, p.lat));
      c.o("points").append(pts);
      c.o("geometry_source").append(std::string(to_string(net.geometry(LinkId(i)).source)));
    }
  }
  return c.done();
}

} // namespace caravan::py
