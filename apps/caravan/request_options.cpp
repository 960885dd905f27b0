// Shared routing options and their translation into a RouteRequest.
#include "request_options.hpp"

#include <algorithm>

namespace caravan::app {

void add_request_options(CLI::App* cmd, RequestOptions& o,
                         const std::vector<std::string>& formats) {
  cmd->add_option("--network,-n", o.network, kNetworkHelp)->capture_default_str();
  cmd->add_option("--by", o.by, "what to minimise")
      ->check(CLI::IsMember({"time", "cost", "co2", "distance"}))
      ->capture_default_str();
  cmd->add_option("--avoid-country", o.avoid_countries,
                  "never enter this country (ISO alpha-2, repeatable)");
  cmd->add_option("--avoid-mode", o.avoid_modes, "never use this mode (repeatable)")
      ->check(CLI::IsMember({"rail_1520", "rail_1435", "road", "ferry", "sea"}));
  cmd->add_option("--avoid-node", o.avoid_nodes, "never pass this place (repeatable)");
  cmd->add_option("--max-transfers", o.max_transfers, "at most this many mode or gauge changes")
      ->check(CLI::Range(0, 50));
  cmd->add_option("--year", o.year,
                  "also use projects open by this year (default: existing links only)")
      ->check(CLI::Range(1800, 2200));
  cmd->add_option("--teu", o.teu, "shipment size in loaded TEU (costs scale with it)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--tonnes-per-teu", o.tonnes_per_teu,
                  "cargo per TEU in tonnes (emissions scale with it)")
      ->check(CLI::Range(0.1, 30.0))
      ->capture_default_str();
  cmd->add_option("--format,-f", o.format, "output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  cmd->add_option("--out,-o", o.out,
                  "write to this file (atomically) instead of stdout; a FILE.gpkg gets the "
                  "result as GeoPackage layers for QGIS, whatever --format says "
                  "(docs/storage.md)");
  const bool draws = std::find(formats.begin(), formats.end(), "geojson") != formats.end() ||
                     std::find(formats.begin(), formats.end(), "json") != formats.end();
  if (!draws) return;
  cmd->add_option("--simplify", o.simplify_m,
                  "simplify drawn lines (JSON, GeoJSON) to this tolerance in metres "
                  "(Douglas-Peucker; 0 = as stored)")
      ->check(CLI::Range(0.0, 100000.0))
      ->capture_default_str();
  cmd->add_flag("--no-geometry", o.no_geometry,
                "JSON without the legs' coordinates (GeoJSON always has them)");
}

void describe_geojson_only_lines(CLI::App* cmd) {
  cmd->get_option("--simplify")
      ->description("simplify the lines of --format geojson to this tolerance in metres "
                    "(Douglas-Peucker; 0 = as stored); this command's JSON, CSV and table have "
                    "no lines");
  cmd->get_option("--no-geometry")
      ->description("no effect here: this command's JSON has no lines and GeoJSON always has them");
}

report::GeometryOptions geometry_options(const RequestOptions& o) {
  report::GeometryOptions g;
  g.include = !o.no_geometry;
  g.simplify = Km(o.simplify_m / 1000.0);
  return g;
}

void add_engine_options(CLI::App* cmd, EngineCliOptions& o) {
  cmd->add_option("--engine", o.engine,
                  "auto: contraction hierarchies (built per objective on first use; serve builds "
                  "them at start-up) when the "
                  "network's state graph has at least --ch-min-states states, else Dijkstra; ch: "
                  "hierarchies whatever the size; dijkstra: never. Requests with avoid lists, "
                  "--max-transfers or --year always use Dijkstra (docs/routing.md)")
      ->check(CLI::IsMember({"auto", "ch", "dijkstra"}))
      ->capture_default_str();
  cmd->add_option("--ch-min-states", o.ch_min_states,
                  "with --engine auto, the state-graph size (nodes x arriving modes) from which "
                  "hierarchies are used")
      ->capture_default_str();
}

EngineOptions make_engine_options(const EngineCliOptions& o) {
  EngineOptions e;
  e.choice = *parse_engine_choice(o.engine);
  e.ch_min_states = o.ch_min_states;
  return e;
}

void add_endpoint_options(CLI::App* cmd, RequestOptions& o) {
  cmd->add_option("--from", o.from, "origin: node name, alias or id (case- and accent-insensitive)")
      ->required();
  cmd->add_option("--to", o.to, "destination: node name, alias or id")->required();
}

RouteRequest make_request(const LoadedNetwork& ln, const RequestOptions& o) {
  RouteRequest req;
  req.costing.objective = *parse_objective(o.by);
  for (const auto& c : o.avoid_countries)
    req.costing.avoid_countries.push_back(resolve_country(ln.net, "--avoid-country", c));
  for (const auto& m : o.avoid_modes) req.costing.avoid_modes.insert(*parse_mode(m));
  for (const auto& n : o.avoid_nodes)
    req.costing.avoid_nodes.push_back(resolve_node(ln, "--avoid-node", n));
  if (o.max_transfers >= 0) req.costing.max_transfers = o.max_transfers;
  if (o.year > 0) req.costing.year = o.year;
  req.shipment.teu = Teu(o.teu);
  req.shipment.tonnes_per_teu = Tonnes(o.tonnes_per_teu);
  return req;
}

RouteRequest make_point_request(const LoadedNetwork& ln, const RequestOptions& o) {
  RouteRequest req = make_request(ln, o);
  req.from = resolve_node(ln, "--from", o.from);
  req.to = resolve_node(ln, "--to", o.to);
  if (req.from == req.to) throw UsageError("--from and --to name the same place");
  return req;
}

} // namespace caravan::app
