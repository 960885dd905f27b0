// Routes, matrices and impact results as GeoPackage layers, with QGIS styles.
#include "storage/results_gpkg.hpp"

#include "formats/atomic_file.hpp"
#include "report/route_geometry.hpp"
#include "storage/gdal_support.hpp"
#include "storage/styles.hpp"

#include <fmt/format.h>

namespace caravan::storage {

using detail::FieldSpec;
using detail::FieldType;
using detail::GpkgOutput;
using detail::set_text;

namespace {

OGRLineString line_of(const std::vector<LatLon>& pts) {
  OGRLineString ls;
  for (const LatLon& p : pts) ls.addPoint(p.lon, p.lat);
  return ls;
}

const std::vector<FieldSpec> kTotalsFields{{"km", FieldType::real},
                                           {"hours", FieldType::real},
                                           {"usd", FieldType::real},
                                           {"kg_co2", FieldType::real}};

std::vector<FieldSpec> with(std::vector<FieldSpec> a, const std::vector<FieldSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

void set_totals(OGRFeature& f, const Totals& t, const std::string& prefix = "") {
  f.SetField((prefix + "km").c_str(), t.km.value());
  f.SetField((prefix + "hours").c_str(), t.hours.value());
  f.SetField((prefix + "usd").c_str(), t.usd.value());
  f.SetField((prefix + "kg_co2").c_str(), t.co2.value());
}

void write_metadata(GpkgOutput& out, const ResultInfo& info) {
  OGRLayer* l =
      out.layer("caravan_metadata", wkbNone, {{"key", FieldType::text}, {"value", FieldType::text}},
                "What wrote this GeoPackage and from what");
  auto meta = [&](const std::string& k, const std::string& v) {
    OGRFeature f(l->GetLayerDefn());
    set_text(f, "key", k);
    set_text(f, "value", v);
    out.add(l, f);
  };
  meta("format", "caravan-result");
  meta("result", info.kind);
  if (!info.generator.empty()) meta("generator", info.generator);
  if (!info.network.empty()) meta("network", info.network);
  for (const auto& [k, v] : info.extra) meta(k, v);
}

void write_atomically(const std::filesystem::path& file,
                      const std::function<void(GpkgOutput&)>& body) {
  formats::write_atomically_via(file, ".gpkg", [&](const std::filesystem::path& tmp) {
    GpkgOutput out(tmp, file.string());
    body(out);
    out.close();
  });
}

} // namespace

void write_routes_gpkg(const Network& net, const std::vector<LabelledRoute>& routes,
                       const std::filesystem::path& file, const ResultInfo& info) {
  write_atomically(file, [&](GpkgOutput& out) {
    const report::GeometryOptions geo;
    OGRLayer* rl = out.layer("routes", wkbLineString,
                             with({{"route", FieldType::integer},
                                   {"label", FieldType::text},
                                   {"corridor", FieldType::text},
                                   {"corridor_share", FieldType::real},
                                   {"from_node", FieldType::text},
                                   {"from_name", FieldType::text},
                                   {"to_node", FieldType::text},
                                   {"to_name", FieldType::text},
                                   {"objective", FieldType::text},
                                   {"teu", FieldType::real}},
                                  with(kTotalsFields, {{"legs", FieldType::integer},
                                                       {"transfers", FieldType::integer},
                                                       {"borders", FieldType::integer}})),
                             "Caravan routes: one line per route with its totals");
    for (std::size_t k = 0; k < routes.size(); ++k) {
      const Route& r = *routes[k].route;
      OGRFeature f(rl->GetLayerDefn());
      f.SetField("route", static_cast<GIntBig>(k + 1));
      set_text(f, "label", routes[k].label);
      set_text(f, "corridor", routes[k].corridor);
      if (routes[k].corridor_share >= 0.0) f.SetField("corridor_share", routes[k].corridor_share);
      set_text(f, "from_node", net.node(r.from).id);
      set_text(f, "from_name", net.node(r.from).name);
      set_text(f, "to_node", net.node(r.to).id);
      set_text(f, "to_name", net.node(r.to).name);
      set_text(f, "objective", to_string(r.objective));
      f.SetField("teu", r.shipment.teu.value());
      set_totals(f, r.totals);
      f.SetField("legs", static_cast<GIntBig>(r.legs.size()));
      f.SetField("transfers", static_cast<GIntBig>(r.transfers));
      f.SetField("borders", static_cast<GIntBig>(r.borders));
      OGRLineString ls = line_of(report::route_points(net, r, geo));
      f.SetGeometry(&ls);
      out.add(rl, f);
    }

    OGRLayer* ll = out.layer("route_legs", wkbLineString,
                             with({{"route", FieldType::integer},
                                   {"leg", FieldType::integer},
                                   {"from_node", FieldType::text},
                                   {"from_name", FieldType::text},
                                   {"to_node", FieldType::text},
                                   {"to_name", FieldType::text},
                                   {"mode", FieldType::text}},
                                  with(kTotalsFields, {{"border_hours", FieldType::real},
                                                       {"borders", FieldType::integer},
                                                       {"corridor", FieldType::text},
                                                       {"links", FieldType::text},
                                                       {"geometry_source", FieldType::text},
                                                       {"schematic_km", FieldType::real}})),
                             "Caravan route legs: one line per leg along the links' lines");
    for (std::size_t k = 0; k < routes.size(); ++k) {
      const Route& r = *routes[k].route;
      for (std::size_t i = 0; i < r.legs.size(); ++i) {
        const Leg& leg = r.legs[i];
        const auto sections = report::arc_sections(net, leg.arcs, geo);
        OGRFeature f(ll->GetLayerDefn());
        f.SetField("route", static_cast<GIntBig>(k + 1));
        f.SetField("leg", static_cast<GIntBig>(i + 1));
        set_text(f, "from_node", net.node(leg.from).id);
        set_text(f, "from_name", net.node(leg.from).name);
        set_text(f, "to_node", net.node(leg.to).id);
        set_text(f, "to_name", net.node(leg.to).name);
        set_text(f, "mode", to_string(leg.mode));
        set_totals(f, leg.totals);
        f.SetField("border_hours", leg.border_hours.value());
        f.SetField("borders", static_cast<GIntBig>(leg.borders));
        if (leg.corridor.valid()) set_text(f, "corridor", net.corridor(leg.corridor).name);
        std::string links;
        for (ArcId a : leg.arcs) links += (links.empty() ? "" : ";") + net.link(net.arc(a).link).id;
        set_text(f, "links", links);
        set_text(f, "geometry_source", report::sections_source(sections));
        double schematic = 0.0;
        for (const auto& s : sections)
          if (s.source == GeometrySource::schematic) schematic += s.km;
        f.SetField("schematic_km", schematic);
        OGRLineString ls = line_of(report::join_sections(sections));
        f.SetGeometry(&ls);
        out.add(ll, f);
      }
    }

    OGRLayer* tl = out.layer("route_transfers", wkbPoint,
                             {{"route", FieldType::integer},
                              {"step", FieldType::integer},
                              {"at_node", FieldType::text},
                              {"at_name", FieldType::text},
                              {"kind", FieldType::text},
                              {"from_mode", FieldType::text},
                              {"to_mode", FieldType::text},
                              {"hours", FieldType::real},
                              {"usd", FieldType::real}},
                             "Caravan route transfers: mode or gauge changes and port handling");
    for (std::size_t k = 0; k < routes.size(); ++k) {
      const Route& r = *routes[k].route;
      std::vector<std::pair<const TransferStep*, const char*>> steps;
      if (r.start_handling) steps.emplace_back(&*r.start_handling, "handling at origin");
      for (const TransferStep& t : r.transfer_steps) steps.emplace_back(&t, "transfer");
      if (r.end_handling) steps.emplace_back(&*r.end_handling, "handling at destination");
      for (std::size_t s = 0; s < steps.size(); ++s) {
        const TransferStep& t = *steps[s].first;
        OGRFeature f(tl->GetLayerDefn());
        f.SetField("route", static_cast<GIntBig>(k + 1));
        f.SetField("step", static_cast<GIntBig>(s + 1));
        set_text(f, "at_node", net.node(t.at).id);
        set_text(f, "at_name", net.node(t.at).name);
        set_text(f, "kind", steps[s].second);
        set_text(f, "from_mode", to_string(t.from_mode));
        set_text(f, "to_mode", to_string(t.to_mode));
        f.SetField("hours", t.totals.hours.value());
        f.SetField("usd", t.totals.usd.value());
        OGRPoint p(net.node(t.at).pos.lon, net.node(t.at).pos.lat);
        f.SetGeometry(&p);
        out.add(tl, f);
      }
    }
    write_metadata(out, info);
    out.style("route_legs", "caravan modes", categorized_qml("mode", mode_categories(), 1.4),
              "route legs coloured by mode");
    out.style("routes", "caravan routes",
              categorized_qml("label", {{"best", "best", "#000000"}}, 0.6),
              "the best route black, the others grey");
  });
}

void write_matrix_gpkg(const Network& net, const Matrix& m, const std::filesystem::path& file,
                       const ResultInfo& info) {
  write_atomically(file, [&](GpkgOutput& out) {
    const std::vector<FieldSpec> fields = with(
        {{"origin", FieldType::text},
         {"origin_name", FieldType::text},
         {"destination", FieldType::text},
         {"destination_name", FieldType::text},
         {"reachable", FieldType::boolean}},
        with(kTotalsFields, {{"transfers", FieldType::integer}, {"borders", FieldType::integer}}));
    auto fill = [&](OGRFeature& f, std::size_t i, std::size_t j) {
      const Node& o = net.node(m.origins[i]);
      const Node& d = net.node(m.destinations[j]);
      set_text(f, "origin", o.id);
      set_text(f, "origin_name", o.name);
      set_text(f, "destination", d.id);
      set_text(f, "destination_name", d.name);
      const auto& c = m.cell(i, j);
      f.SetField("reachable", c ? 1 : 0);
      if (c) {
        set_totals(f, c->totals);
        f.SetField("transfers", static_cast<GIntBig>(c->transfers));
        f.SetField("borders", static_cast<GIntBig>(c->borders));
      }
    };
    OGRLayer* t =
        out.layer("matrix", wkbNone, fields, "Caravan matrix: one row per origin-destination pair");
    for (std::size_t i = 0; i < m.origins.size(); ++i)
      for (std::size_t j = 0; j < m.destinations.size(); ++j) {
        if (m.origins[i] == m.destinations[j]) continue;
        OGRFeature f(t->GetLayerDefn());
        fill(f, i, j);
        out.add(t, f);
      }
    OGRLayer* l = out.layer("matrix_lines", wkbLineString, fields,
                            "Caravan matrix: a straight line from each origin to each reachable "
                            "destination");
    for (std::size_t i = 0; i < m.origins.size(); ++i)
      for (std::size_t j = 0; j < m.destinations.size(); ++j) {
        if (!m.cell(i, j)) continue;
        OGRFeature f(l->GetLayerDefn());
        fill(f, i, j);
        OGRLineString ls = line_of({net.node(m.origins[i]).pos, net.node(m.destinations[j]).pos});
        f.SetGeometry(&ls);
        out.add(l, f);
      }
    write_metadata(out, info);
  });
}

void write_impact_gpkg(const Network& before, const Network& after, const Impact& im,
                       const std::vector<report::PairRoutes>& routes,
                       const std::filesystem::path& file, const ResultInfo& info) {
  write_atomically(file, [&](GpkgOutput& out) {
    std::vector<FieldSpec> pair_fields{{"pair", FieldType::integer},
                                       {"origin", FieldType::text},
                                       {"origin_name", FieldType::text},
                                       {"destination", FieldType::text},
                                       {"destination_name", FieldType::text},
                                       {"change", FieldType::text},
                                       {"delta", FieldType::real},
                                       {"percent", FieldType::real}};
    // Field names must outlive the FieldSpecs: keep them in static storage.
    static const std::vector<std::string> kSideNames = [] {
      std::vector<std::string> v;
      for (const char* side : {"before_", "after_"})
        for (const char* q : {"km", "hours", "usd", "kg_co2"}) v.push_back(std::string(side) + q);
      return v;
    }();
    for (const std::string& n : kSideNames) pair_fields.push_back({n.c_str(), FieldType::real});

    auto fill = [&](OGRFeature& f, std::size_t k) {
      const PairImpact& p = im.pairs[k];
      const Node& o = after.node(im.places[p.i]);
      const Node& d = after.node(im.places[p.j]);
      f.SetField("pair", static_cast<GIntBig>(k + 1));
      set_text(f, "origin", o.id);
      set_text(f, "origin_name", o.name);
      set_text(f, "destination", d.id);
      set_text(f, "destination_name", d.name);
      set_text(f, "change", to_string(p.change));
      if (p.before && p.after) {
        f.SetField("delta", p.delta);
        f.SetField("percent", p.percent);
      }
      if (p.before) set_totals(f, *p.before, "before_");
      if (p.after) set_totals(f, *p.after, "after_");
    };
    OGRLayer* pl = out.layer("impact_pairs", wkbLineString, pair_fields,
                             "Caravan impact: a straight line per ordered pair of places, before "
                             "and after the scenario");
    for (std::size_t k = 0; k < im.pairs.size(); ++k) {
      const PairImpact& p = im.pairs[k];
      OGRFeature f(pl->GetLayerDefn());
      fill(f, k);
      OGRLineString ls = line_of({after.node(im.places[p.i]).pos, after.node(im.places[p.j]).pos});
      f.SetGeometry(&ls);
      out.add(pl, f);
    }

    std::vector<FieldSpec> route_fields = pair_fields;
    route_fields.push_back({"side", FieldType::text});
    route_fields.push_back({"geometry_source", FieldType::text});
    OGRLayer* rl = out.layer("impact_routes", wkbLineString, route_fields,
                             "Caravan impact: the routes of the pairs that changed, before (on "
                             "the base network) and after (on the scenario's)");
    const report::GeometryOptions geo;
    for (std::size_t k = 0; k < im.pairs.size() && k < routes.size(); ++k) {
      for (int side = 0; side < 2; ++side) {
        const std::optional<Route>& r = side == 0 ? routes[k].before : routes[k].after;
        if (!r) continue;
        const Network& net = side == 0 ? before : after;
        OGRFeature f(rl->GetLayerDefn());
        fill(f, k);
        set_text(f, "side", side == 0 ? "before" : "after");
        std::vector<report::GeometrySection> sections;
        for (const Leg& leg : r->legs) {
          auto s = report::arc_sections(net, leg.arcs, geo);
          sections.insert(sections.end(), s.begin(), s.end());
        }
        set_text(f, "geometry_source", report::sections_source(sections));
        OGRLineString ls = line_of(report::route_points(net, *r, geo));
        f.SetGeometry(&ls);
        out.add(rl, f);
      }
    }

    OGRLayer* ql = out.layer("impact_places", wkbPoint,
                             {{"place", FieldType::text},
                              {"name", FieldType::text},
                              {"country", FieldType::text},
                              {"region", FieldType::text}},
                             "Caravan impact: the places compared");
    for (NodeId n : im.places) {
      const Node& node = after.node(n);
      OGRFeature f(ql->GetLayerDefn());
      set_text(f, "place", node.id);
      set_text(f, "name", node.name);
      set_text(f, "country", node.country);
      set_text(f, "region", node.region);
      OGRPoint p(node.pos.lon, node.pos.lat);
      f.SetGeometry(&p);
      out.add(ql, f);
    }
    write_metadata(out, info);
    out.style("impact_pairs", "caravan change", categorized_qml("change", change_categories(), 0.5),
              "pairs coloured by change: better green, worse red");
    out.style("impact_routes", "caravan before/after",
              categorized_qml(
                  "side", {{"before", "before", "#9e9e9e"}, {"after", "after", "#1a9850"}}, 1.0),
              "routes before grey, after green");
  });
}

} // namespace caravan::storage
