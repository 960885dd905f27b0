// Formatting a Route as JSON, GeoJSON and a text table.
#include "report/route_output.hpp"

#include <fmt/format.h>

#include <cmath>

namespace caravan::report {

using json = nlohmann::ordered_json;

double round_to(double v, int decimals) {
  const double k = std::pow(10.0, decimals);
  return std::round(v * k) / k;
}

namespace {

json totals_json(const Totals& t) {
  return json{{"km", round_to(t.km.value(), 1)},
              {"hours", round_to(t.hours.value(), 2)},
              {"days", round_to(t.hours.value() / 24.0, 2)},
              {"usd", round_to(t.usd.value(), 2)},
              {"kg_co2", round_to(t.co2.value(), 1)}};
}

std::vector<std::string> countries_of_leg(const Network& net, const Leg& leg) {
  std::vector<std::string> out{net.node(leg.from).country};
  for (ArcId a : leg.arcs) {
    const std::string& c = net.node(net.arc(a).head).country;
    if (out.back() != c) out.push_back(c);
  }
  return out;
}

} // namespace

json route_to_json(const Network& net, const Route& r, const GeometryOptions& geometry) {
  json j;
  j["from"] = net.node(r.from).name;
  j["to"] = net.node(r.to).name;
  j["from_id"] = net.node(r.from).id;
  j["to_id"] = net.node(r.to).id;
  j["objective"] = std::string(to_string(r.objective));
  j["shipment"] = {{"teu", r.shipment.teu.value()},
                   {"tonnes", r.shipment.tonnes().value()},
                   {"note", "usd and kg_co2 are for the whole shipment"}};
  json total = totals_json(r.totals);
  total["transfers"] = r.transfers;
  total["borders"] = r.borders;
  j["total"] = total;
  j["legs"] = json::array();
  for (const Leg& leg : r.legs) {
    json l = totals_json(leg.totals);
    l["from"] = net.node(leg.from).name;
    l["to"] = net.node(leg.to).name;
    l["from_id"] = net.node(leg.from).id;
    l["to_id"] = net.node(leg.to).id;
    l["mode"] = std::string(to_string(leg.mode));
    l["border_hours"] = round_to(leg.border_hours.value(), 2);
    l["borders"] = leg.borders;
    l["corridor"] = leg.corridor.valid() ? json(net.corridor(leg.corridor).name) : json(nullptr);
    json cs = json::array();
    for (CorridorId c : leg.corridors) cs.push_back(net.corridor(c).name);
    l["corridors"] = cs;
    l["countries"] = countries_of_leg(net, leg);
    json nodes = json::array({net.node(leg.from).id});
    json links = json::array();
    for (ArcId a : leg.arcs) {
      nodes.push_back(net.node(net.arc(a).head).id);
      links.push_back(net.link(net.arc(a).link).id);
    }
    l["nodes"] = nodes;
    l["links"] = links;
    const auto sections = arc_sections(net, leg.arcs, geometry);
    l["geometry_source"] = sections_source(sections);
    l["geometry_km"] = sections_km(sections);
    if (geometry.include) {
      json ss = json::array();
      for (const GeometrySection& s : sections) {
        json ids = json::array();
        for (LinkId id : s.links) ids.push_back(net.link(id).id);
        ss.push_back({{"geometry_source", std::string(to_string(s.source))},
                      {"km", round_to(s.km, 1)},
                      {"links", ids},
                      {"coordinates", coordinates_json(s.points)}});
      }
      l["sections"] = ss;
    }
    j["legs"].push_back(l);
  }
  j["port_handling"] = json::array();
  for (const auto* h : {&r.start_handling, &r.end_handling}) {
    if (!h->has_value()) continue;
    const TransferStep& t = **h;
    json x = totals_json(t.totals);
    x.erase("km");
    x.erase("kg_co2");
    x["at"] = net.node(t.at).name;
    x["at_id"] = net.node(t.at).id;
    x["where"] = h == &r.start_handling ? "origin" : "destination";
    x["mode"] = std::string(to_string(t.to_mode));
    j["port_handling"].push_back(x);
  }
  j["transfers"] = json::array();
  for (const TransferStep& t : r.transfer_steps) {
    json x = totals_json(t.totals);
    x.erase("km");
    x.erase("kg_co2");
    x["at"] = net.node(t.at).name;
    x["at_id"] = net.node(t.at).id;
    x["from_mode"] = std::string(to_string(t.from_mode));
    x["to_mode"] = std::string(to_string(t.to_mode));
    j["transfers"].push_back(x);
  }
  return j;
}

json route_features(const Network& net, const Route& r, const GeometryOptions& geometry,
                    const json& extra) {
  json features = json::array();
  auto point = [&](NodeId n) { return json::array({net.node(n).pos.lon, net.node(n).pos.lat}); };
  auto with_extra = [&](json props) {
    if (extra.is_object())
      for (const auto& [k, v] : extra.items()) props[k] = v;
    return props;
  };
  for (std::size_t i = 0; i < r.legs.size(); ++i) {
    const Leg& leg = r.legs[i];
    const auto sections = arc_sections(net, leg.arcs, geometry);
    json props = totals_json(leg.totals);
    props["kind"] = "leg";
    props["index"] = i;
    props["from"] = net.node(leg.from).name;
    props["to"] = net.node(leg.to).name;
    props["mode"] = std::string(to_string(leg.mode));
    props["corridor"] =
        leg.corridor.valid() ? json(net.corridor(leg.corridor).name) : json(nullptr);
    props["borders"] = leg.borders;
    props["geometry_source"] = sections_source(sections);
    props["geometry_km"] = sections_km(sections);
    bool schematic = false;
    for (const GeometrySection& s : sections)
      schematic = schematic || s.source == GeometrySource::schematic;
    props["schematic"] = schematic;
    features.push_back(
        {{"type", "Feature"},
         {"geometry",
          {{"type", "LineString"}, {"coordinates", coordinates_json(join_sections(sections))}}},
         {"properties", with_extra(props)}});
    for (ArcId a : leg.arcs) {
      const Arc& arc = net.arc(a);
      if (!net.crosses_border(arc)) continue;
      json bp{{"kind", "border"},
              {"from", net.node(arc.tail).name},
              {"to", net.node(arc.head).name},
              {"from_country", net.node(arc.tail).country},
              {"to_country", net.node(arc.head).country},
              {"dwell_hours", arc.border.valid()
                                  ? round_to(net.border(arc.border).dwell.typical.value(), 2)
                                  : 0.0}};
      features.push_back({{"type", "Feature"},
                          {"geometry", {{"type", "Point"}, {"coordinates", point(arc.head)}}},
                          {"properties", with_extra(bp)}});
    }
  }
  for (const TransferStep& t : r.transfer_steps) {
    json props = totals_json(t.totals);
    props.erase("km");
    props.erase("kg_co2");
    props["kind"] = "transfer";
    props["at"] = net.node(t.at).name;
    props["from_mode"] = std::string(to_string(t.from_mode));
    props["to_mode"] = std::string(to_string(t.to_mode));
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Point"}, {"coordinates", point(t.at)}}},
                        {"properties", with_extra(props)}});
  }
  return features;
}

json route_to_geojson(const Network& net, const Route& r, const GeometryOptions& geometry) {
  json total = totals_json(r.totals);
  total["from"] = net.node(r.from).name;
  total["to"] = net.node(r.to).name;
  total["objective"] = std::string(to_string(r.objective));
  return json{{"type", "FeatureCollection"},
              {"properties", total},
              {"features", route_features(net, r, geometry)}};
}

std::string route_to_table(const Network& net, const Route& r) {
  std::string out = fmt::format("{} -> {}  (by {}; {} TEU, {} t of cargo)\n", net.node(r.from).name,
                                net.node(r.to).name, to_string(r.objective), r.shipment.teu.value(),
                                r.shipment.tonnes().value());
  const std::string rule(112, '-');
  out += fmt::format("{:<3} {:<22} {:<22} {:<9} {:>8} {:>8} {:>9} {:>8} {:>3}  {}\n", "#", "from",
                     "to", "mode", "km", "hours", "USD", "kg CO2", "brd", "corridor");
  out += rule + "\n";
  auto handling_line = [&](const TransferStep& t, const char* where) {
    return fmt::format("    {:<45} {:<9} {:>8} {:>8.1f} {:>9.0f}\n",
                       fmt::format("port handling at {} ({}, {})", net.node(t.at).name, where,
                                   to_string(t.to_mode)),
                       "", "", t.totals.hours.value(), t.totals.usd.value());
  };
  if (r.start_handling) out += handling_line(*r.start_handling, "origin");
  for (std::size_t i = 0; i < r.legs.size(); ++i) {
    const Leg& leg = r.legs[i];
    out += fmt::format("{:<3} {:<22} {:<22} {:<9} {:>8.0f} {:>8.1f} {:>9.0f} {:>8.0f} {:>3}  {}\n",
                       i + 1, net.node(leg.from).name, net.node(leg.to).name, to_string(leg.mode),
                       leg.totals.km.value(), leg.totals.hours.value(), leg.totals.usd.value(),
                       leg.totals.co2.value(), leg.borders,
                       leg.corridor.valid() ? net.corridor(leg.corridor).name : "");
    if (i < r.transfer_steps.size()) {
      const TransferStep& t = r.transfer_steps[i];
      out += fmt::format("    {:<45} {:<9} {:>8} {:>8.1f} {:>9.0f}\n",
                         fmt::format("transfer at {}: {} -> {}", net.node(t.at).name,
                                     to_string(t.from_mode), to_string(t.to_mode)),
                         "", "", t.totals.hours.value(), t.totals.usd.value());
    }
  }
  if (r.end_handling) out += handling_line(*r.end_handling, "destination");
  out += rule + "\n";
  out += fmt::format("{:<3} {:<22} {:<22} {:<9} {:>8.0f} {:>8.1f} {:>9.0f} {:>8.0f} {:>3}  {:.1f} "
                     "days, {} transfer(s)\n",
                     "", "total", "", "", r.totals.km.value(), r.totals.hours.value(),
                     r.totals.usd.value(), r.totals.co2.value(), r.borders,
                     r.totals.hours.value() / 24.0, r.transfers);
  return out;
}

} // namespace caravan::report
