// `caravan route`: the best route between two places by time, cost, CO2 or distance, optionally
// with a Monte Carlo transit-time reliability estimate.
#include "commands.hpp"
#include "request_options.hpp"

#include "analysis/reliability.hpp"
#include "report/analysis_output.hpp"
#include "report/route_output.hpp"

#include <fmt/format.h>

#include <memory>

namespace caravan::app {

namespace {
struct RouteCmdOptions {
  RequestOptions req;
  EngineCliOptions engine;
  bool reliability = false;
  std::size_t samples = 10000;
  std::uint64_t seed = 1;
  double deadline_days = 0.0;
};

int report_no_route(const LoadedNetwork& ln, const RouteRequest& req, RouteFailure failure) {
  const std::string why =
      failure == RouteFailure::endpoint_excluded
          ? "the origin or destination is excluded by --avoid-country/--avoid-node"
          : "no route satisfies the constraints";
  fmt::print(stderr, "error: no route from {} to {}: {}\n", ln.net.node(req.from).name,
             ln.net.node(req.to).name, why);
  return kNoResult;
}

int run_route(const RouteCmdOptions& o) {
  const LoadedNetwork ln = load_network(o.req.network);
  const RouteRequest req = make_point_request(ln, o.req);
  RoutingEngine engine(ln.net, make_engine_options(o.engine));
  const RouteOutcome res = engine.route(req);
  if (!res.ok()) return report_no_route(ln, req, res.failure);
  std::optional<ReliabilityResult> rel;
  if (o.reliability) {
    ReliabilityOptions ro;
    ro.samples = o.samples;
    ro.seed = o.seed;
    if (o.deadline_days > 0) ro.deadline = Hours(o.deadline_days * 24.0);
    rel = simulate_transit(ln.net, *res.route, ro);
  }
  std::string text;
  if (o.req.format == "json") {
    auto j = report::route_to_json(ln.net, *res.route, geometry_options(o.req));
    j["engine"] = std::string(to_string(res.engine));
    if (rel) j["reliability"] = report::reliability_to_json(*rel, o.seed);
    text = j.dump(2) + "\n";
  } else if (o.req.format == "geojson") {
    text = report::route_to_geojson(ln.net, *res.route, geometry_options(o.req)).dump(2) + "\n";
  } else {
    text = report::route_to_table(ln.net, *res.route);
    if (rel) text += report::reliability_to_table(*rel);
  }
  emit(o.req.out, text);
  return kOk;
}
} // namespace

void add_route_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RouteCmdOptions>();
  CLI::App* cmd =
      app.add_subcommand("route", "Best route between two places, with a per-leg breakdown");
  add_endpoint_options(cmd, o->req);
  add_request_options(cmd, o->req, {"table", "json", "geojson"});
  // One query does not repay a hierarchy build (seconds on a large network against milliseconds for
  // Dijkstra), so `caravan route` defaults to Dijkstra; `serve` defaults to auto.
  o->engine.engine = "dijkstra";
  add_engine_options(cmd, o->engine);
  cmd->add_flag(
      "--reliability", o->reliability,
      "estimate transit-time percentiles by Monte Carlo over the data's low/typical/high ranges");
  cmd->add_option("--samples", o->samples, "Monte Carlo samples")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "random seed (the same seed gives the same numbers)")
      ->capture_default_str();
  cmd->add_option("--deadline-days", o->deadline_days,
                  "report the probability of arriving within this many days")
      ->check(CLI::PositiveNumber);
  cmd->footer("Examples:\n  caravan route --from Lianyungang --to Duisburg\n"
              "  caravan route --from Khorgos --to Poti --by cost --format json\n"
              "  caravan route --from Xian --to Duisburg --reliability --deadline-days 18\n"
              "  caravan route --from Xian --to Duisburg --avoid-country RU --format geojson -o "
              "route.geojson");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_route(*o); }); });
}

} // namespace caravan::app
