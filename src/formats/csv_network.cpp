// Reader and writer for the CSV network format; every error names file, line and field.
#include "formats/csv_network.hpp"

#include "core/names.hpp"
#include "formats/atomic_file.hpp"
#include "formats/csv.hpp"
#include "formats/wkt.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <string_view>

namespace caravan::formats {

namespace {

constexpr std::string_view kModeList = "rail_1520, rail_1435, road, ferry, sea";

std::string path_of(const NetworkFiles& f, const std::string& name) {
  return f.label.empty() ? name : (std::filesystem::path(f.label) / name).string();
}

void warn_unknown(const CsvTable& t, std::initializer_list<std::string_view> known,
                  std::vector<std::string>& warnings) {
  for (const auto& c : t.unknown_columns(known))
    warnings.push_back(t.file() + ": unknown column '" + c + "' ignored");
}

std::string check_id(const CsvTable& t, std::size_t row, std::string_view column) {
  std::string id = t.required_text(row, column);
  if (id.find(';') != std::string::npos)
    t.fail(row, column, "ids may not contain ';', got '" + id + "'");
  return id;
}

NodeId node_ref(const CsvTable& t, std::size_t row, std::string_view column,
                const NetworkBuilder& b) {
  const std::string id = t.required_text(row, column);
  if (auto n = b.find_node_id(id)) return *n;
  t.fail(row, column, "unknown node id '" + id + "'");
}

Mode mode_of(const CsvTable& t, std::size_t row, std::string_view column) {
  const std::string s = t.required_text(row, column);
  if (auto m = parse_mode(s)) return *m;
  t.fail(row, column, "expected one of " + std::string(kModeList) + ", got '" + s + "'");
}

std::optional<Mode> mode_or_any(const CsvTable& t, std::size_t row, std::string_view column,
                                bool required) {
  const std::string s = required ? t.required_text(row, column) : t.text(row, column);
  if (s.empty() || s == "*") return std::nullopt;
  if (auto m = parse_mode(s)) return *m;
  t.fail(row, column, "expected one of " + std::string(kModeList) + " or '*', got '" + s + "'");
}

void read_nodes(const CsvTable& t, NetworkBuilder& b, std::vector<std::string>& warnings) {
  t.require_columns({"id", "name", "country", "lat", "lon", "kind"});
  warn_unknown(
      t, {"id", "name", "country", "lat", "lon", "kind", "centre", "aliases", "region", "source"},
      warnings);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Node n;
    n.id = check_id(t, r, "id");
    if (b.find_node_id(n.id)) t.fail(r, "id", "duplicate node id '" + n.id + "'");
    n.name = t.required_text(r, "name");
    n.country = t.required_text(r, "country");
    if (n.country.size() != 2 || !std::isupper(static_cast<unsigned char>(n.country[0])) ||
        !std::isupper(static_cast<unsigned char>(n.country[1])))
      t.fail(r, "country",
             "expected an ISO 3166-1 alpha-2 code such as KZ, got '" + n.country + "'");
    n.pos.lat = t.number(r, "lat", -90.0, 90.0);
    n.pos.lon = t.number(r, "lon", -180.0, 180.0);
    const std::string kind = t.required_text(r, "kind");
    auto k = parse_node_kind(kind);
    if (!k)
      t.fail(r, "kind",
             "expected one of city, rail_terminal, dry_port, seaport, border, junction, got '" +
                 kind + "'");
    n.kind = *k;
    if (const std::string c = t.text(r, "centre"); !c.empty()) {
      const auto rank = parse_centre_rank(c);
      if (!rank)
        t.fail(r, "centre", "expected republican_city, region_centre or empty, got '" + c + "'");
      n.centre = *rank;
    }
    n.aliases = split_list(t.text(r, "aliases"));
    n.region = t.text(r, "region");
    n.source = t.text(r, "source");
    b.add_node(std::move(n));
  }
  if (t.rows() == 0)
    throw ParseError(t.file(), 0, "", "no nodes: the file has a header but no rows");
}

void read_links(const CsvTable& t, NetworkBuilder& b, std::vector<std::string>& warnings) {
  t.require_columns({"id", "from", "to", "mode", "length_km", "co2_g_per_tkm"});
  if (!t.has_column("speed_kmh") && !t.has_column("duration_h"))
    throw ParseError(t.file(), 1, "duration_h", "missing column (give duration_h or speed_kmh)");
  warn_unknown(t,
               {"id", "from", "to", "mode", "length_km", "speed_kmh", "duration_h",
                "duration_h_low", "duration_h_high", "cost_usd_per_teu_km", "cost_usd_per_teu",
                "co2_g_per_tkm", "oneway", "status", "open_year", "tracks", "capacity",
                "capacity_unit", "source"},
               warnings);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Link l;
    l.id = check_id(t, r, "id");
    if (b.has_link_id(l.id)) t.fail(r, "id", "duplicate link id '" + l.id + "'");
    l.from = node_ref(t, r, "from", b);
    l.to = node_ref(t, r, "to", b);
    if (l.from == l.to) t.fail(r, "to", "a link must join two different nodes");
    l.mode = mode_of(t, r, "mode");
    l.length = Km(t.number(r, "length_km"));
    const auto duration = t.optional_number(r, "duration_h");
    const auto speed = t.optional_number(r, "speed_kmh");
    double typical = 0.0;
    if (duration && speed) t.fail(r, "speed_kmh", "give either duration_h or speed_kmh, not both");
    if (duration) {
      typical = *duration;
    } else if (speed) {
      if (*speed <= 0.0) t.fail(r, "speed_kmh", "expected a positive number, got 0");
      typical = (l.length / KmPerHour{*speed}).value();
    } else {
      t.fail(r, t.has_column("duration_h") ? "duration_h" : "speed_kmh",
             "missing value (give duration_h or speed_kmh)");
    }
    l.duration = hours_range(t, r, "duration_h", typical);
    double cost = 0.0;
    if (t.has_column("cost_usd_per_teu")) cost += t.number(r, "cost_usd_per_teu");
    if (t.has_column("cost_usd_per_teu_km"))
      cost += t.number(r, "cost_usd_per_teu_km") * l.length.value();
    l.cost_per_teu = Usd(cost);
    l.co2_intensity = GramsCo2PerTonneKm{t.number(r, "co2_g_per_tkm")};
    l.oneway = t.optional_bool(r, "oneway").value_or(false);
    if (const std::string s = t.text(r, "status"); !s.empty()) {
      auto st = parse_link_status(s);
      if (!st)
        t.fail(r, "status", "expected existing, under_construction or planned, got '" + s + "'");
      l.status = *st;
    }
    l.open_year = static_cast<int>(t.optional_integer(r, "open_year", 1800, 2200).value_or(0));
    l.tracks = static_cast<int>(t.optional_integer(r, "tracks", 1, 16).value_or(0));
    if (auto cap = t.optional_number(r, "capacity")) {
      l.capacity = *cap;
      const std::string unit = t.text(r, "capacity_unit");
      auto u = parse_capacity_unit(unit);
      if (unit.empty() || !u)
        t.fail(r, "capacity_unit",
               "expected trains_per_day, teu_per_day, vehicles_per_hour or tonnes_per_year, got '" +
                   unit + "'");
      l.capacity_unit = *u;
    } else if (!t.text(r, "capacity_unit").empty()) {
      t.fail(r, "capacity", "missing value (capacity_unit is given)");
    }
    l.source = t.text(r, "source");
    b.add_link(std::move(l));
  }
}

void read_transfers(const CsvTable& t, NetworkBuilder& b, std::vector<std::string>& warnings) {
  t.require_columns({"node", "from_mode", "to_mode", "duration_h", "cost_usd_per_teu"});
  warn_unknown(t,
               {"node", "from_mode", "to_mode", "duration_h", "duration_h_low", "duration_h_high",
                "cost_usd_per_teu", "source"},
               warnings);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Transfer x;
    x.node = node_ref(t, r, "node", b);
    x.from_mode = mode_or_any(t, r, "from_mode", true);
    x.to_mode = mode_or_any(t, r, "to_mode", true);
    if (x.from_mode && x.to_mode && *x.from_mode == *x.to_mode)
      t.fail(r, "to_mode", "a transfer must change mode (from_mode equals to_mode)");
    x.duration = hours_range(t, r, "duration_h", t.number(r, "duration_h"));
    x.cost_per_teu = Usd(t.number(r, "cost_usd_per_teu"));
    x.source = t.text(r, "source");
    b.add_transfer(std::move(x));
  }
}

void read_borders(const CsvTable& t, NetworkBuilder& b, std::vector<std::string>& warnings) {
  t.require_columns({"from", "to", "dwell_h", "cost_usd_per_teu"});
  warn_unknown(t,
               {"from", "to", "mode", "dwell_h", "dwell_h_low", "dwell_h_high", "cost_usd_per_teu",
                "source"},
               warnings);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    BorderCrossing x;
    x.from = node_ref(t, r, "from", b);
    x.to = node_ref(t, r, "to", b);
    x.mode = mode_or_any(t, r, "mode", false);
    x.dwell = hours_range(t, r, "dwell_h", t.number(r, "dwell_h"));
    x.cost_per_teu = Usd(t.number(r, "cost_usd_per_teu"));
    x.source = t.text(r, "source");
    if (!b.has_arc(x.from, x.to, x.mode))
      t.fail(r, "from",
             fmt::format("border crossing '{}' -> '{}' matches no link in that direction",
                         b.node(x.from).id, b.node(x.to).id));
    if (b.node(x.from).country == b.node(x.to).country)
      t.fail(r, "to",
             fmt::format("'{}' -> '{}' does not cross a national border (both in {})",
                         b.node(x.from).id, b.node(x.to).id, b.node(x.to).country));
    b.add_border(std::move(x));
  }
}

void read_corridors(const CsvTable& t, NetworkBuilder& b, std::vector<std::string>& warnings) {
  t.require_columns({"id", "name", "nodes"});
  warn_unknown(t, {"id", "name", "nodes", "description", "source"}, warnings);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Corridor c;
    c.id = check_id(t, r, "id");
    if (b.has_corridor_id(c.id)) t.fail(r, "id", "duplicate corridor id '" + c.id + "'");
    c.name = t.required_text(r, "name");
    const auto ids = split_list(t.required_text(r, "nodes"));
    if (ids.size() < 2) t.fail(r, "nodes", "a corridor needs at least two nodes");
    for (const auto& id : ids) {
      auto n = b.find_node_id(id);
      if (!n) t.fail(r, "nodes", "unknown node id '" + id + "'");
      for (NodeId prev : c.nodes)
        if (prev == *n)
          t.fail(r, "nodes", "node '" + id + "' appears twice (a corridor may not loop)");
      c.nodes.push_back(*n);
    }
    c.description = t.text(r, "description");
    c.source = t.text(r, "source");
    b.add_corridor(std::move(c));
  }
}

void read_geometry(const CsvTable& t, NetworkBuilder& b, std::vector<std::string>& warnings) {
  t.require_columns({"link", "geometry_source", "wkt"});
  warn_unknown(t, {"link", "geometry_source", "source", "wkt"}, warnings);
  std::vector<std::uint8_t> seen;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string id = t.required_text(r, "link");
    const auto link = b.find_link_id(id);
    if (!link) t.fail(r, "link", "unknown link id '" + id + "'");
    if (seen.size() <= link->index()) seen.resize(link->index() + 1, 0);
    if (seen[link->index()]) t.fail(r, "link", "link '" + id + "' has a geometry row already");
    seen[link->index()] = 1;
    LinkGeometry g;
    const std::string src = t.required_text(r, "geometry_source");
    const auto gs = parse_geometry_source(src);
    if (!gs)
      t.fail(r, "geometry_source",
             "expected one of osm-track, osm-road, osm-stations, marnet, schematic, got '" + src +
                 "'");
    g.source = *gs;
    std::string error;
    auto pts = parse_wkt_linestring(t.required_text(r, "wkt"), error);
    if (!pts) t.fail(r, "wkt", error);
    g.points = std::move(*pts);
    g.note = t.text(r, "source");
    b.set_geometry(*link, std::move(g));
  }
}

std::string num(double v) {
  return fmt::format("{}", v);
}

} // namespace

NetworkReadResult parse_network(const NetworkFiles& files) {
  NetworkBuilder b;
  std::vector<std::string> warnings;
  auto table = [&](const std::string& name, bool required) -> std::optional<CsvTable> {
    auto it = files.contents.find(name);
    if (it == files.contents.end()) {
      if (required) throw ParseError(path_of(files, name), 0, "", "required file is missing");
      return std::nullopt;
    }
    return CsvTable(it->second, path_of(files, name));
  };
  read_nodes(*table("nodes.csv", true), b, warnings);
  read_links(*table("links.csv", true), b, warnings);
  if (auto t = table("transfers.csv", false)) read_transfers(*t, b, warnings);
  if (auto t = table("borders.csv", false)) read_borders(*t, b, warnings);
  if (auto t = table("corridors.csv", false)) read_corridors(*t, b, warnings);
  if (auto t = table("geometry.csv", false)) read_geometry(*t, b, warnings);
  return {std::move(b).build(), std::move(warnings)};
}

NetworkFiles read_network_files(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw ParseError(dir.string(), 0, "",
                     "not a network directory (expected nodes.csv and links.csv in it)");
  NetworkFiles files;
  files.label = dir.string();
  for (const char* name : {"nodes.csv", "links.csv", "transfers.csv", "borders.csv",
                           "corridors.csv", "geometry.csv", "services.csv"}) {
    const auto p = dir / name;
    if (std::filesystem::exists(p, ec)) files.contents.emplace(name, read_file(p));
  }
  return files;
}

std::string content_hash(const NetworkFiles& files) {
  std::uint64_t h = 14695981039346656037ULL;
  const auto add = [&h](std::string_view bytes) {
    for (const char c : bytes) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
  };
  for (const auto& [name, text] : files.contents) { // a std::map: sorted by name
    // Name and length first, so that moving bytes from one file to the next changes the hash.
    add(name);
    add(std::string_view("\0", 1));
    add(std::to_string(text.size()));
    add(std::string_view("\0", 1));
    add(text);
  }
  return fmt::format("{:016x}", h);
}

NetworkReadResult read_network(const std::filesystem::path& dir) {
  return parse_network(read_network_files(dir));
}

NetworkFiles format_network(const Network& net) {
  NetworkFiles f;
  auto join = [](const auto& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ";") + i;
    return s;
  };
  auto e = [](std::string_view s) { return csv_escape(s); };
  auto mode_or_star = [](const std::optional<Mode>& m) {
    return m ? std::string(to_string(*m)) : std::string("*");
  };

  std::string nodes = "id,name,aliases,country,lat,lon,kind,centre,region,source\n";
  for (const Node& n : net.nodes())
    nodes += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", e(n.id), e(n.name), e(join(n.aliases)),
                         n.country, num(n.pos.lat), num(n.pos.lon), to_string(n.kind),
                         to_string(n.centre), e(n.region), e(n.source));
  f.contents["nodes.csv"] = nodes;

  std::string links =
      "id,from,to,mode,length_km,duration_h,duration_h_low,duration_h_high,cost_usd_per_teu,"
      "co2_g_per_tkm,oneway,status,open_year,tracks,capacity,capacity_unit,source\n";
  for (const Link& l : net.links())
    links += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", e(l.id), e(net.node(l.from).id),
        e(net.node(l.to).id), to_string(l.mode), num(l.length.value()),
        num(l.duration.typical.value()), num(l.duration.low.value()), num(l.duration.high.value()),
        num(l.cost_per_teu.value()), num(l.co2_intensity.value), l.oneway ? "true" : "false",
        to_string(l.status), l.open_year ? std::to_string(l.open_year) : "",
        l.tracks ? std::to_string(l.tracks) : "",
        l.capacity_unit == CapacityUnit::none ? "" : num(l.capacity), to_string(l.capacity_unit),
        e(l.source));
  f.contents["links.csv"] = links;

  std::string transfers =
      "node,from_mode,to_mode,duration_h,duration_h_low,duration_h_high,cost_usd_per_teu,source\n";
  for (const Transfer& t : net.transfers())
    transfers += fmt::format(
        "{},{},{},{},{},{},{},{}\n", e(net.node(t.node).id), mode_or_star(t.from_mode),
        mode_or_star(t.to_mode), num(t.duration.typical.value()), num(t.duration.low.value()),
        num(t.duration.high.value()), num(t.cost_per_teu.value()), e(t.source));
  f.contents["transfers.csv"] = transfers;

  std::string borders = "from,to,mode,dwell_h,dwell_h_low,dwell_h_high,cost_usd_per_teu,source\n";
  for (const BorderCrossing& b : net.borders())
    borders +=
        fmt::format("{},{},{},{},{},{},{},{}\n", e(net.node(b.from).id), e(net.node(b.to).id),
                    mode_or_star(b.mode), num(b.dwell.typical.value()), num(b.dwell.low.value()),
                    num(b.dwell.high.value()), num(b.cost_per_teu.value()), e(b.source));
  f.contents["borders.csv"] = borders;

  std::string corridors = "id,name,nodes,description,source\n";
  for (const Corridor& c : net.corridors()) {
    std::vector<std::string> ids;
    for (NodeId n : c.nodes) ids.push_back(net.node(n).id);
    corridors += fmt::format("{},{},{},{},{}\n", e(c.id), e(c.name), e(join(ids)), e(c.description),
                             e(c.source));
  }
  f.contents["corridors.csv"] = corridors;

  if (net.has_geometry()) {
    std::string geometry = "link,geometry_source,source,wkt\n";
    for (std::size_t i = 0; i < net.link_count(); ++i) {
      const LinkId id(static_cast<std::uint32_t>(i));
      const LinkGeometry& g = net.geometry(id);
      if (g.points.empty()) continue;
      geometry += fmt::format("{},{},{},{}\n", e(net.link(id).id), to_string(g.source), e(g.note),
                              e(format_wkt_linestring(g.points)));
    }
    f.contents["geometry.csv"] = geometry;
  }
  return f;
}

void write_network(const Network& net, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw WriteError(dir.string() + ": cannot create directory: " + ec.message());
  const NetworkFiles f = format_network(net);
  std::vector<std::pair<std::string, std::string_view>> files;
  for (const auto& [name, text] : f.contents) files.emplace_back(name, text);
  write_files_atomically(dir, files);
}

HoursRange hours_range(const CsvTable& t, std::size_t row, const std::string& base,
                       double typical) {
  const double low = t.optional_number(row, base + "_low").value_or(typical);
  const double high = t.optional_number(row, base + "_high").value_or(typical);
  if (low > typical)
    t.fail(row, base + "_low",
           fmt::format("expected at most {} (the typical value), got {}", typical, low));
  if (high < typical)
    t.fail(row, base + "_high",
           fmt::format("expected at least {} (the typical value), got {}", typical, high));
  return {Hours(low), Hours(typical), Hours(high)};
}

} // namespace caravan::formats
