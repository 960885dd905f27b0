// The network as GeoPackage layers through GDAL/OGR; the reader checks what the CSV reader checks
// and names file, layer, feature id and field.
#include "storage/network_gpkg.hpp"

#include "formats/atomic_file.hpp"
#include "formats/csv.hpp"
#include "formats/parse_error.hpp"
#include "storage/gdal_support.hpp"
#include "storage/styles.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace caravan::storage {

using detail::FieldSpec;
using detail::FieldType;
using detail::LayerReader;
using detail::set_text;
using formats::split_list;

namespace {

constexpr std::string_view kModeList = "rail_1520, rail_1435, road, ferry, sea";

std::string join(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : ";") + i;
  return s;
}

std::string mode_or_star(const std::optional<Mode>& m) {
  return m ? std::string(to_string(*m)) : std::string("*");
}

OGRLineString line_of(const std::vector<LatLon>& pts) {
  OGRLineString ls;
  for (const LatLon& p : pts) ls.addPoint(p.lon, p.lat);
  return ls;
}

OGRPoint point_of(const LatLon& p) {
  return OGRPoint(p.lon, p.lat);
}

const std::vector<FieldSpec> kPlaceFields{
    {"id", FieldType::text},      {"name", FieldType::text},  {"aliases", FieldType::text},
    {"country", FieldType::text}, {"kind", FieldType::text},  {"centre", FieldType::text},
    {"region", FieldType::text},  {"source", FieldType::text}};

const std::vector<FieldSpec> kLinkFields{{"id", FieldType::text},
                                         {"from_node", FieldType::text},
                                         {"to_node", FieldType::text},
                                         {"mode", FieldType::text},
                                         {"length_km", FieldType::real},
                                         {"duration_h", FieldType::real},
                                         {"duration_h_low", FieldType::real},
                                         {"duration_h_high", FieldType::real},
                                         {"cost_usd_per_teu", FieldType::real},
                                         {"co2_g_per_tkm", FieldType::real},
                                         {"oneway", FieldType::boolean},
                                         {"status", FieldType::text},
                                         {"open_year", FieldType::integer},
                                         {"tracks", FieldType::integer},
                                         {"capacity", FieldType::real},
                                         {"capacity_unit", FieldType::text},
                                         {"source", FieldType::text},
                                         {"polyline", FieldType::boolean},
                                         {"geometry_source", FieldType::text},
                                         {"geometry_note", FieldType::text}};

const std::vector<FieldSpec> kTransferFields{{"node", FieldType::text},
                                             {"from_mode", FieldType::text},
                                             {"to_mode", FieldType::text},
                                             {"duration_h", FieldType::real},
                                             {"duration_h_low", FieldType::real},
                                             {"duration_h_high", FieldType::real},
                                             {"cost_usd_per_teu", FieldType::real},
                                             {"source", FieldType::text}};

const std::vector<FieldSpec> kBorderFields{{"from_node", FieldType::text},
                                           {"to_node", FieldType::text},
                                           {"mode", FieldType::text},
                                           {"dwell_h", FieldType::real},
                                           {"dwell_h_low", FieldType::real},
                                           {"dwell_h_high", FieldType::real},
                                           {"cost_usd_per_teu", FieldType::real},
                                           {"source", FieldType::text}};

const std::vector<FieldSpec> kCorridorFields{{"id", FieldType::text},
                                             {"name", FieldType::text},
                                             {"nodes", FieldType::text},
                                             {"description", FieldType::text},
                                             {"source", FieldType::text}};

void write_layers(detail::GpkgOutput& out, const Network& net, const GpkgInfo& info) {
  {
    OGRLayer* l = out.layer("places", wkbPoint, kPlaceFields, "Caravan network: places (nodes)");
    for (const Node& n : net.nodes()) {
      OGRFeature f(l->GetLayerDefn());
      set_text(f, "id", n.id);
      set_text(f, "name", n.name);
      set_text(f, "aliases", join(n.aliases));
      set_text(f, "country", n.country);
      set_text(f, "kind", to_string(n.kind));
      if (n.centre != CentreRank::none) set_text(f, "centre", to_string(n.centre));
      set_text(f, "region", n.region);
      set_text(f, "source", n.source);
      OGRPoint p = point_of(n.pos);
      f.SetGeometry(&p);
      out.add(l, f);
    }
  }
  {
    OGRLayer* l = out.layer("links", wkbLineString, kLinkFields,
                            "Caravan network: links, drawn along their geometry where known");
    for (std::size_t i = 0; i < net.link_count(); ++i) {
      const LinkId id(static_cast<std::uint32_t>(i));
      const Link& k = net.link(id);
      const LinkGeometry& g = net.geometry(id);
      OGRFeature f(l->GetLayerDefn());
      set_text(f, "id", k.id);
      set_text(f, "from_node", net.node(k.from).id);
      set_text(f, "to_node", net.node(k.to).id);
      set_text(f, "mode", to_string(k.mode));
      f.SetField("length_km", k.length.value());
      f.SetField("duration_h", k.duration.typical.value());
      f.SetField("duration_h_low", k.duration.low.value());
      f.SetField("duration_h_high", k.duration.high.value());
      f.SetField("cost_usd_per_teu", k.cost_per_teu.value());
      f.SetField("co2_g_per_tkm", k.co2_intensity.value);
      f.SetField("oneway", k.oneway ? 1 : 0);
      set_text(f, "status", to_string(k.status));
      if (k.open_year != 0) f.SetField("open_year", static_cast<GIntBig>(k.open_year));
      if (k.tracks != 0) f.SetField("tracks", static_cast<GIntBig>(k.tracks));
      if (k.capacity_unit != CapacityUnit::none) {
        f.SetField("capacity", k.capacity);
        set_text(f, "capacity_unit", to_string(k.capacity_unit));
      }
      set_text(f, "source", k.source);
      const bool poly = !g.points.empty();
      f.SetField("polyline", poly ? 1 : 0);
      set_text(f, "geometry_source", to_string(poly ? g.source : GeometrySource::schematic));
      set_text(f, "geometry_note", g.note);
      OGRLineString ls = line_of(net.drawn_points(id));
      f.SetGeometry(&ls);
      out.add(l, f);
    }
  }
  if (!net.transfers().empty()) {
    OGRLayer* l = out.layer("transfers", wkbPoint, kTransferFields,
                            "Caravan network: mode and gauge changes at places");
    for (const Transfer& t : net.transfers()) {
      OGRFeature f(l->GetLayerDefn());
      set_text(f, "node", net.node(t.node).id);
      set_text(f, "from_mode", mode_or_star(t.from_mode));
      set_text(f, "to_mode", mode_or_star(t.to_mode));
      f.SetField("duration_h", t.duration.typical.value());
      f.SetField("duration_h_low", t.duration.low.value());
      f.SetField("duration_h_high", t.duration.high.value());
      f.SetField("cost_usd_per_teu", t.cost_per_teu.value());
      set_text(f, "source", t.source);
      OGRPoint p = point_of(net.node(t.node).pos);
      f.SetGeometry(&p);
      out.add(l, f);
    }
  }
  if (!net.borders().empty()) {
    OGRLayer* l = out.layer("borders", wkbLineString, kBorderFields,
                            "Caravan network: border crossings (dwell and charges), from -> to");
    for (const BorderCrossing& b : net.borders()) {
      OGRFeature f(l->GetLayerDefn());
      set_text(f, "from_node", net.node(b.from).id);
      set_text(f, "to_node", net.node(b.to).id);
      set_text(f, "mode", mode_or_star(b.mode));
      f.SetField("dwell_h", b.dwell.typical.value());
      f.SetField("dwell_h_low", b.dwell.low.value());
      f.SetField("dwell_h_high", b.dwell.high.value());
      f.SetField("cost_usd_per_teu", b.cost_per_teu.value());
      set_text(f, "source", b.source);
      OGRLineString ls = line_of({net.node(b.from).pos, net.node(b.to).pos});
      f.SetGeometry(&ls);
      out.add(l, f);
    }
  }
  if (!net.corridors().empty()) {
    OGRLayer* l = out.layer("corridors", wkbLineString, kCorridorFields,
                            "Caravan network: named corridors through their places");
    for (const Corridor& c : net.corridors()) {
      OGRFeature f(l->GetLayerDefn());
      std::vector<std::string> ids;
      std::vector<LatLon> pts;
      for (NodeId n : c.nodes) {
        ids.push_back(net.node(n).id);
        pts.push_back(net.node(n).pos);
      }
      set_text(f, "id", c.id);
      set_text(f, "name", c.name);
      set_text(f, "nodes", join(ids));
      set_text(f, "description", c.description);
      set_text(f, "source", c.source);
      OGRLineString ls = line_of(pts);
      f.SetGeometry(&ls);
      out.add(l, f);
    }
  }
  {
    OGRLayer* l = out.layer("caravan_metadata", wkbNone,
                            {{"key", FieldType::text}, {"value", FieldType::text}},
                            "What wrote this GeoPackage and from what");
    auto meta = [&](const char* k, const std::string& v) {
      OGRFeature f(l->GetLayerDefn());
      set_text(f, "key", k);
      set_text(f, "value", v);
      out.add(l, f);
    };
    out.style("links", "caravan modes", categorized_qml("mode", mode_categories(), 0.8),
              "links coloured by mode (the web map's colours)");
    out.style("places", "caravan places",
              categorized_qml("kind",
                              {{"seaport", "seaport", "#2471a3"},
                               {"border", "border", "#000000"},
                               {"dry_port", "dry port", "#d68910"},
                               {"rail_terminal", "rail terminal", "#c0392b"},
                               {"city", "city", "#ffffff"},
                               {"junction", "junction", "#bbbbbb"}},
                              2.2, true),
              "places by kind");
    meta("format", "caravan-network");
    meta("schema_version", std::to_string(kGpkgSchemaVersion));
    if (!info.generator.empty()) meta("generator", info.generator);
    if (!info.network.empty()) meta("network", info.network);
  }
}

// ---- reading ----

void warn_unknown(const LayerReader& r, std::initializer_list<std::string_view> known,
                  std::vector<std::string>& warnings) {
  for (const auto& n : r.unknown_fields(known))
    warnings.push_back(r.where() + ": unknown field '" + n + "' ignored");
}

std::string check_id(const LayerReader& r, const OGRFeature& f, std::string_view field) {
  std::string id = r.required_text(f, field);
  if (id.find(';') != std::string::npos)
    r.fail(f, field, "ids may not contain ';', got '" + id + "'");
  return id;
}

NodeId node_ref(const LayerReader& r, const OGRFeature& f, std::string_view field,
                const NetworkBuilder& b) {
  const std::string id = r.required_text(f, field);
  if (auto n = b.find_node_id(id)) return *n;
  r.fail(f, field, "unknown node id '" + id + "'");
}

Mode mode_of(const LayerReader& r, const OGRFeature& f, std::string_view field) {
  const std::string s = r.required_text(f, field);
  if (auto m = parse_mode(s)) return *m;
  r.fail(f, field, "expected one of " + std::string(kModeList) + ", got '" + s + "'");
}

std::optional<Mode> mode_or_any(const LayerReader& r, const OGRFeature& f, std::string_view field,
                                bool required) {
  const std::string s = required ? r.required_text(f, field) : r.text(f, field);
  if (s.empty() || s == "*") return std::nullopt;
  if (auto m = parse_mode(s)) return *m;
  r.fail(f, field, "expected one of " + std::string(kModeList) + " or '*', got '" + s + "'");
}

HoursRange hours_range(const LayerReader& r, const OGRFeature& f, const std::string& base) {
  const double typical = r.number(f, base);
  if (typical < 0.0) r.fail(f, base, fmt::format("expected at least 0, got {}", typical));
  const double low = r.optional_number(f, base + "_low").value_or(typical);
  const double high = r.optional_number(f, base + "_high").value_or(typical);
  if (low < 0.0) r.fail(f, base + "_low", fmt::format("expected at least 0, got {}", low));
  if (low > typical)
    r.fail(f, base + "_low",
           fmt::format("expected at most {} (the typical value), got {}", typical, low));
  if (high < typical)
    r.fail(f, base + "_high",
           fmt::format("expected at least {} (the typical value), got {}", typical, high));
  return {Hours(low), Hours(typical), Hours(high)};
}

/// Runs a builder call; its NetworkError becomes a ParseError naming the feature.
template <class F> auto checked(const LayerReader& r, const OGRFeature& f, F&& call) {
  try {
    return call();
  } catch (const NetworkError& e) {
    r.fail(f, "", e.what());
  }
}

std::vector<LatLon> line_points(const LayerReader& r, const OGRFeature& f) {
  const OGRGeometry* g = f.GetGeometryRef();
  if (g == nullptr || g->IsEmpty()) r.fail(f, "geom", "missing geometry (expected a LineString)");
  if (wkbFlatten(g->getGeometryType()) != wkbLineString)
    r.fail(f, "geom",
           std::string("expected a LineString, got ") +
               OGRGeometryTypeToName(g->getGeometryType()));
  const OGRLineString* ls = g->toLineString();
  std::vector<LatLon> pts;
  pts.reserve(static_cast<std::size_t>(ls->getNumPoints()));
  for (int i = 0; i < ls->getNumPoints(); ++i) {
    const double lon = ls->getX(i);
    const double lat = ls->getY(i);
    if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180.0 || lon > 180.0 || lat < -90.0 ||
        lat > 90.0)
      r.fail(f, "geom",
             fmt::format("point {} ({}, {}) is outside WGS84 longitude/latitude", i + 1, lon, lat));
    pts.push_back({lat, lon});
  }
  if (pts.size() < 2) r.fail(f, "geom", "a line needs at least two points");
  return pts;
}

void read_places(LayerReader& r, NetworkBuilder& b, std::vector<std::string>& warnings) {
  r.require_fields({"id", "name", "country", "kind"});
  warn_unknown(r, {"id", "name", "aliases", "country", "kind", "centre", "region", "source"},
               warnings);
  const auto features = r.features();
  if (features.empty())
    throw formats::ParseError(r.where(), 0, "", "no places: the layer is empty");
  for (const auto& fp : features) {
    const OGRFeature& f = *fp;
    Node n;
    n.id = check_id(r, f, "id");
    if (b.find_node_id(n.id)) r.fail(f, "id", "duplicate node id '" + n.id + "'");
    n.name = r.required_text(f, "name");
    n.country = r.required_text(f, "country");
    if (n.country.size() != 2 || !std::isupper(static_cast<unsigned char>(n.country[0])) ||
        !std::isupper(static_cast<unsigned char>(n.country[1])))
      r.fail(f, "country",
             "expected an ISO 3166-1 alpha-2 code such as KZ, got '" + n.country + "'");
    const OGRGeometry* g = f.GetGeometryRef();
    if (g == nullptr || g->IsEmpty()) r.fail(f, "geom", "missing geometry (expected a Point)");
    if (wkbFlatten(g->getGeometryType()) != wkbPoint)
      r.fail(f, "geom",
             std::string("expected a Point, got ") + OGRGeometryTypeToName(g->getGeometryType()));
    const OGRPoint* p = g->toPoint();
    n.pos.lon = p->getX();
    n.pos.lat = p->getY();
    if (!std::isfinite(n.pos.lat) || n.pos.lat < -90.0 || n.pos.lat > 90.0)
      r.fail(f, "geom", fmt::format("latitude {} is outside -90..90", n.pos.lat));
    if (!std::isfinite(n.pos.lon) || n.pos.lon < -180.0 || n.pos.lon > 180.0)
      r.fail(f, "geom", fmt::format("longitude {} is outside -180..180", n.pos.lon));
    const std::string kind = r.required_text(f, "kind");
    auto k = parse_node_kind(kind);
    if (!k)
      r.fail(f, "kind",
             "expected one of city, rail_terminal, dry_port, seaport, border, junction, got '" +
                 kind + "'");
    n.kind = *k;
    if (const std::string c = r.text(f, "centre"); !c.empty() && c != "none") {
      const auto rank = parse_centre_rank(c);
      if (!rank)
        r.fail(f, "centre", "expected republican_city, region_centre or empty, got '" + c + "'");
      n.centre = *rank;
    }
    n.aliases = split_list(r.text(f, "aliases"));
    n.region = r.text(f, "region");
    n.source = r.text(f, "source");
    checked(r, f, [&] { return b.add_node(std::move(n)); });
  }
}

void read_links(LayerReader& r, NetworkBuilder& b, std::vector<std::string>& warnings) {
  r.require_fields(
      {"id", "from_node", "to_node", "mode", "length_km", "duration_h", "co2_g_per_tkm"});
  warn_unknown(r,
               {"id",
                "from_node",
                "to_node",
                "mode",
                "length_km",
                "duration_h",
                "duration_h_low",
                "duration_h_high",
                "cost_usd_per_teu",
                "co2_g_per_tkm",
                "oneway",
                "status",
                "open_year",
                "tracks",
                "capacity",
                "capacity_unit",
                "source",
                "polyline",
                "geometry_source",
                "geometry_note"},
               warnings);
  for (const auto& fp : r.features()) {
    const OGRFeature& f = *fp;
    Link l;
    l.id = check_id(r, f, "id");
    if (b.has_link_id(l.id)) r.fail(f, "id", "duplicate link id '" + l.id + "'");
    l.from = node_ref(r, f, "from_node", b);
    l.to = node_ref(r, f, "to_node", b);
    if (l.from == l.to) r.fail(f, "to_node", "a link must join two different nodes");
    l.mode = mode_of(r, f, "mode");
    l.length = Km(r.number(f, "length_km"));
    if (l.length.value() < 0.0)
      r.fail(f, "length_km", fmt::format("expected at least 0, got {}", l.length.value()));
    l.duration = hours_range(r, f, "duration_h");
    l.cost_per_teu = Usd(r.optional_number(f, "cost_usd_per_teu").value_or(0.0));
    if (l.cost_per_teu.value() < 0.0)
      r.fail(f, "cost_usd_per_teu",
             fmt::format("expected at least 0, got {}", l.cost_per_teu.value()));
    l.co2_intensity = GramsCo2PerTonneKm{r.number(f, "co2_g_per_tkm")};
    if (l.co2_intensity.value < 0.0)
      r.fail(f, "co2_g_per_tkm", fmt::format("expected at least 0, got {}", l.co2_intensity.value));
    l.oneway = r.optional_bool(f, "oneway").value_or(false);
    if (const std::string s = r.text(f, "status"); !s.empty()) {
      auto st = parse_link_status(s);
      if (!st)
        r.fail(f, "status", "expected existing, under_construction or planned, got '" + s + "'");
      l.status = *st;
    }
    l.open_year = static_cast<int>(r.optional_integer(f, "open_year", 1800, 2200).value_or(0));
    l.tracks = static_cast<int>(r.optional_integer(f, "tracks", 1, 16).value_or(0));
    const std::string unit = r.text(f, "capacity_unit");
    if (auto cap = r.optional_number(f, "capacity")) {
      l.capacity = *cap;
      auto u = parse_capacity_unit(unit);
      if (unit.empty() || !u || *u == CapacityUnit::none)
        r.fail(f, "capacity_unit",
               "expected trains_per_day, teu_per_day, vehicles_per_hour or tonnes_per_year, got '" +
                   unit + "'");
      l.capacity_unit = *u;
    } else if (!unit.empty() && unit != "none") {
      r.fail(f, "capacity", "missing value (capacity_unit is given)");
    }
    l.source = r.text(f, "source");
    const LinkId id = checked(r, f, [&] { return b.add_link(std::move(l)); });

    // The line is the link's own polyline when `polyline` says so; without the field, when it has
    // more than two points (a line drawn by hand in a GIS).
    std::optional<bool> poly = r.optional_bool(f, "polyline");
    if (!poly) {
      const OGRGeometry* g = f.GetGeometryRef();
      poly = g != nullptr && wkbFlatten(g->getGeometryType()) == wkbLineString &&
             g->toLineString()->getNumPoints() > 2;
    }
    if (*poly) {
      LinkGeometry g;
      const std::string src = r.text(f, "geometry_source");
      if (!src.empty()) {
        const auto gs = parse_geometry_source(src);
        if (!gs)
          r.fail(f, "geometry_source",
                 "expected one of osm-track, osm-road, osm-stations, marnet, schematic, got '" +
                     src + "'");
        g.source = *gs;
      }
      g.points = line_points(r, f);
      g.note = r.text(f, "geometry_note");
      checked(r, f, [&] {
        b.set_geometry(id, std::move(g));
        return 0;
      });
    }
  }
}

void read_transfers(LayerReader& r, NetworkBuilder& b, std::vector<std::string>& warnings) {
  r.require_fields({"node", "from_mode", "to_mode", "duration_h", "cost_usd_per_teu"});
  warn_unknown(r,
               {"node", "from_mode", "to_mode", "duration_h", "duration_h_low", "duration_h_high",
                "cost_usd_per_teu", "source"},
               warnings);
  for (const auto& fp : r.features()) {
    const OGRFeature& f = *fp;
    Transfer x;
    x.node = node_ref(r, f, "node", b);
    x.from_mode = mode_or_any(r, f, "from_mode", true);
    x.to_mode = mode_or_any(r, f, "to_mode", true);
    if (x.from_mode && x.to_mode && *x.from_mode == *x.to_mode)
      r.fail(f, "to_mode", "a transfer must change mode (from_mode equals to_mode)");
    x.duration = hours_range(r, f, "duration_h");
    x.cost_per_teu = Usd(r.number(f, "cost_usd_per_teu"));
    if (x.cost_per_teu.value() < 0.0)
      r.fail(f, "cost_usd_per_teu",
             fmt::format("expected at least 0, got {}", x.cost_per_teu.value()));
    x.source = r.text(f, "source");
    checked(r, f, [&] {
      b.add_transfer(std::move(x));
      return 0;
    });
  }
}

void read_borders(LayerReader& r, NetworkBuilder& b, std::vector<std::string>& warnings) {
  r.require_fields({"from_node", "to_node", "dwell_h", "cost_usd_per_teu"});
  warn_unknown(r,
               {"from_node", "to_node", "mode", "dwell_h", "dwell_h_low", "dwell_h_high",
                "cost_usd_per_teu", "source"},
               warnings);
  for (const auto& fp : r.features()) {
    const OGRFeature& f = *fp;
    BorderCrossing x;
    x.from = node_ref(r, f, "from_node", b);
    x.to = node_ref(r, f, "to_node", b);
    x.mode = mode_or_any(r, f, "mode", false);
    x.dwell = hours_range(r, f, "dwell_h");
    x.cost_per_teu = Usd(r.number(f, "cost_usd_per_teu"));
    if (x.cost_per_teu.value() < 0.0)
      r.fail(f, "cost_usd_per_teu",
             fmt::format("expected at least 0, got {}", x.cost_per_teu.value()));
    x.source = r.text(f, "source");
    if (!b.has_arc(x.from, x.to, x.mode))
      r.fail(f, "from_node",
             fmt::format("border crossing '{}' -> '{}' matches no link in that direction",
                         b.node(x.from).id, b.node(x.to).id));
    if (b.node(x.from).country == b.node(x.to).country)
      r.fail(f, "to_node",
             fmt::format("'{}' -> '{}' does not cross a national border (both in {})",
                         b.node(x.from).id, b.node(x.to).id, b.node(x.to).country));
    checked(r, f, [&] {
      b.add_border(std::move(x));
      return 0;
    });
  }
}

void read_corridors(LayerReader& r, NetworkBuilder& b, std::vector<std::string>& warnings) {
  r.require_fields({"id", "name", "nodes"});
  warn_unknown(r, {"id", "name", "nodes", "description", "source"}, warnings);
  for (const auto& fp : r.features()) {
    const OGRFeature& f = *fp;
    Corridor c;
    c.id = check_id(r, f, "id");
    if (b.has_corridor_id(c.id)) r.fail(f, "id", "duplicate corridor id '" + c.id + "'");
    c.name = r.required_text(f, "name");
    const auto ids = split_list(r.required_text(f, "nodes"));
    if (ids.size() < 2) r.fail(f, "nodes", "a corridor needs at least two nodes");
    for (const auto& nid : ids) {
      auto n = b.find_node_id(nid);
      if (!n) r.fail(f, "nodes", "unknown node id '" + nid + "'");
      for (NodeId prev : c.nodes)
        if (prev == *n)
          r.fail(f, "nodes", "node '" + nid + "' appears twice (a corridor may not loop)");
      c.nodes.push_back(*n);
    }
    c.description = r.text(f, "description");
    c.source = r.text(f, "source");
    checked(r, f, [&] { return b.add_corridor(std::move(c)); });
  }
}

} // namespace

bool is_geopackage_path(std::string_view arg) {
  constexpr std::string_view ext = ".gpkg";
  if (arg.size() <= ext.size()) return false;
  const std::string_view tail = arg.substr(arg.size() - ext.size());
  for (std::size_t i = 0; i < ext.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(tail[i])) != ext[i]) return false;
  return true;
}

void write_network_gpkg(const Network& net, const std::filesystem::path& file,
                        const GpkgInfo& info) {
  formats::write_atomically_via(file, ".gpkg", [&](const std::filesystem::path& tmp) {
    detail::GpkgOutput out(tmp, file.string());
    write_layers(out, net, info);
    out.close();
  });
}

formats::NetworkReadResult read_network_gpkg(const std::filesystem::path& file) {
  detail::DatasetPtr ds = detail::open_geopackage(file);
  const std::string label = file.string();
  NetworkBuilder b;
  std::vector<std::string> warnings;
  auto layer = [&](const char* name, bool required) -> std::optional<LayerReader> {
    detail::QuietGdal quiet;
    OGRLayer* l = ds->GetLayerByName(name);
    if (l == nullptr) {
      if (required)
        throw formats::ParseError(label, 0, "",
                                  fmt::format("no layer '{}' (a Caravan network GeoPackage has "
                                              "places and links; docs/storage.md)",
                                              name));
      return std::nullopt;
    }
    return LayerReader(label, *ds, *l);
  };
  auto places = layer("places", true);
  read_places(*places, b, warnings);
  auto links = layer("links", true);
  read_links(*links, b, warnings);
  if (auto t = layer("transfers", false)) read_transfers(*t, b, warnings);
  if (auto t = layer("borders", false)) read_borders(*t, b, warnings);
  if (auto t = layer("corridors", false)) read_corridors(*t, b, warnings);
  try {
    return {std::move(b).build(), std::move(warnings)};
  } catch (const NetworkError& e) {
    throw formats::ParseError(label, 0, "", e.what());
  }
}

} // namespace caravan::storage
