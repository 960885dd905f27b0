// Options shared by every subcommand that routes: places, objective, avoid lists, shipment.
#pragma once

#include "context.hpp"
#include "report/route_geometry.hpp"
#include "route/router.hpp"
#include "route/routing_engine.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace caravan::app {

struct RequestOptions {
  std::string network = "eurasia";
  std::string from;
  std::string to;
  std::string by = "time";
  std::vector<std::string> avoid_countries;
  std::vector<std::string> avoid_modes;
  std::vector<std::string> avoid_nodes;
  int max_transfers = -1;
  int year = 0;
  double teu = 1.0;
  double tonnes_per_teu = 10.0;
  std::string format = "table";
  std::string out;
  double simplify_m = 0.0;  ///< Douglas–Peucker tolerance for drawn lines, metres (0 = as stored)
  bool no_geometry = false; ///< JSON without coordinates
};

/// The geometry the --simplify and --no-geometry flags ask for.
report::GeometryOptions geometry_options(const RequestOptions& o);

/// Adds --network, --by, the avoid options, --max-transfers, --year, --teu, --tonnes-per-teu,
/// --format (from `formats`) and --out, and --simplify / --no-geometry when a format draws lines
/// (json or geojson). --from/--to are added by each command (they differ).
void add_request_options(CLI::App* cmd, RequestOptions& o, const std::vector<std::string>& formats);

/// For commands whose JSON carries no lines (matrix, impact): says in --simplify's and
/// --no-geometry's help that only their GeoJSON is drawn (docs/routing.md#drawn-lines).
void describe_geojson_only_lines(CLI::App* cmd);

/// Engine selection for commands that answer many single-criterion routes.
struct EngineCliOptions {
  std::string engine = "auto";
  std::size_t ch_min_states = EngineOptions{}.ch_min_states;
};

/// Adds --engine auto|ch|dijkstra and --ch-min-states.
void add_engine_options(CLI::App* cmd, EngineCliOptions& o);

/// The EngineOptions the flags ask for.
EngineOptions make_engine_options(const EngineCliOptions& o);

/// Adds required --from and --to options naming single places.
void add_endpoint_options(CLI::App* cmd, RequestOptions& o);

/// The costing and shipment of a request (places not resolved).
RouteRequest make_request(const LoadedNetwork& ln, const RequestOptions& o);

/// make_request() plus --from/--to resolved (distinct places).
RouteRequest make_point_request(const LoadedNetwork& ln, const RequestOptions& o);

} // namespace caravan::app
