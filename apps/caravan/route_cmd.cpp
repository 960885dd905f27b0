// `caravan route`: the best route between two places by time, cost, CO2 or distance.
#include "commands.hpp"
#include "context.hpp"

#include "io/route_output.hpp"
#include "route/router.hpp"

#include <fmt/format.h>

#include <memory>

namespace caravan::app {

namespace {
struct RouteOptions {
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
};

int run_route(const RouteOptions& o) {
  const LoadedNetwork ln = load_network(o.network);
  RouteRequest req;
  req.from = resolve_node(ln, "--from", o.from);
  req.to = resolve_node(ln, "--to", o.to);
  if (req.from == req.to) throw UsageError("--from and --to name the same place");
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

  Router router(ln.net);
  const RouteOutcome res = router.route(req);
  if (!res.ok()) {
    const std::string why =
        res.failure == RouteFailure::endpoint_excluded
            ? "the origin or destination is excluded by --avoid-country/--avoid-node"
            : "no route satisfies the constraints";
    fmt::print(stderr, "error: no route from {} to {}: {}\n", ln.net.node(req.from).name,
               ln.net.node(req.to).name, why);
    return kNoResult;
  }
  std::string text;
  if (o.format == "json")
    text = io::route_to_json(ln.net, *res.route).dump(2) + "\n";
  else if (o.format == "geojson")
    text = io::route_to_geojson(ln.net, *res.route).dump(2) + "\n";
  else
    text = io::route_to_table(ln.net, *res.route);
  emit(o.out, text);
  return kOk;
}
} // namespace

void add_route_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RouteOptions>();
  CLI::App* cmd =
      app.add_subcommand("route", "Best route between two places, with a per-leg breakdown");
  cmd->add_option("--network,-n", o->network, kNetworkHelp)->capture_default_str();
  cmd->add_option("--from", o->from,
                  "origin: node name, alias or id (case- and accent-insensitive)")
      ->required();
  cmd->add_option("--to", o->to, "destination: node name, alias or id")->required();
  cmd->add_option("--by", o->by, "what to minimise")
      ->check(CLI::IsMember({"time", "cost", "co2", "distance"}))
      ->capture_default_str();
  cmd->add_option("--avoid-country", o->avoid_countries,
                  "never enter this country (ISO alpha-2, repeatable)");
  cmd->add_option("--avoid-mode", o->avoid_modes, "never use this mode (repeatable)")
      ->check(CLI::IsMember({"rail_1520", "rail_1435", "road", "ferry", "sea"}));
  cmd->add_option("--avoid-node", o->avoid_nodes, "never pass this place (repeatable)");
  cmd->add_option("--max-transfers", o->max_transfers, "at most this many mode or gauge changes")
      ->check(CLI::Range(0, 50));
  cmd->add_option("--year", o->year,
                  "also use projects open by this year (default: existing links only)")
      ->check(CLI::Range(1800, 2200));
  cmd->add_option("--teu", o->teu, "shipment size in loaded TEU (costs scale with it)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--tonnes-per-teu", o->tonnes_per_teu,
                  "cargo per TEU in tonnes (emissions scale with it)")
      ->check(CLI::Range(0.1, 30.0))
      ->capture_default_str();
  cmd->add_option("--format,-f", o->format, "output format")
      ->check(CLI::IsMember({"table", "json", "geojson"}))
      ->capture_default_str();
  cmd->add_option("--out,-o", o->out, "write to this file (atomically) instead of stdout");
  cmd->footer("Examples:\n  caravan route --from Lianyungang --to Duisburg\n"
              "  caravan route --from Khorgos --to Poti --by cost --format json\n"
              "  caravan route --from Xian --to Duisburg --avoid-country RU --format geojson -o "
              "route.geojson");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_route(*o); }); });
}

} // namespace caravan::app
