// `caravan route`: the best route between two places by time, cost, CO2 or distance, optionally
// with a Monte Carlo transit-time reliability estimate.
#include "commands.hpp"
#include "request_options.hpp"
#include "result_store.hpp"
#include "services.hpp"

#include "analysis/reliability.hpp"
#include "report/analysis_output.hpp"
#include "report/route_output.hpp"
#include "report/timed_route_output.hpp"
#include "route/timetable_router.hpp"

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
  std::string depart; ///< ISO date and time; empty = no timetable (constant waits)
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

/// --depart: earliest arrival with the network's services (services.csv).
int run_timed_route(const RouteCmdOptions& o) {
  const auto depart = parse_datetime(o.depart);
  if (!depart)
    throw UsageError(fmt::format("--depart: expected a date and time such as 2026-03-03T08:00 "
                                 "(UTC) or 2026-03-03T08:00+05:00, got '{}'",
                                 o.depart));
  if (o.req.by != "time")
    throw UsageError("--depart finds the earliest arrival: use it with --by time (the default)");
  if (o.req.max_transfers >= 0) throw UsageError("--depart does not support --max-transfers");
  if (o.reliability)
    throw UsageError("--reliability samples the constant model only; drop --depart for it");
  const LoadedNetwork ln = load_network(o.req.network);
  const RouteRequest req = make_point_request(ln, o.req);
  const Timetable tt = load_services(ln);
  TimetableRouter router(ln.net, tt);
  const TimedOutcome res = router.route(req, *depart);
  if (!res.ok()) return report_no_route(ln, req, res.failure);
  if (is_gpkg_output(o.req.out)) {
    const std::vector<storage::LabelledRoute> rs{storage::labelled(res.route->route, "best")};
    storage::write_routes_gpkg(
        ln.net, rs, o.req.out,
        result_info("route", ln, {{"objective", o.req.by}, {"depart", o.depart}}));
    return kOk;
  }
  std::string text;
  if (o.req.format == "json") {
    auto j = report::timed_route_to_json(ln.net, *res.route, geometry_options(o.req));
    j["engine"] = "timetable";
    text = j.dump(2) + "\n";
  } else if (o.req.format == "geojson") {
    auto j = report::route_to_geojson(ln.net, res.route->route, geometry_options(o.req));
    j["properties"]["schedule"] = report::schedule_to_json(ln.net, *res.route);
    text = j.dump(2) + "\n";
  } else {
    text = report::timed_route_to_table(ln.net, *res.route);
  }
  emit(o.req.out, text);
  return kOk;
}

int run_route(const RouteCmdOptions& o) {
  if (!o.depart.empty()) return run_timed_route(o);
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
  if (is_gpkg_output(o.req.out)) {
    const std::vector<storage::LabelledRoute> rs{storage::labelled(*res.route, "best")};
    storage::write_routes_gpkg(ln.net, rs, o.req.out,
                               result_info("route", ln, {{"objective", o.req.by}}));
    return kOk;
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
  cmd->add_option("--depart", o->depart,
                  "departure date and time (2026-03-03T08:00 = UTC, or with an offset such as "
                  "+05:00): earliest arrival with the network's timetabled services "
                  "(services.csv; a timetabled link waits for its next sailing instead of the "
                  "constant transfer time) and a schedule per leg; --by time only");
  cmd->footer("Examples:\n  caravan route --from Lianyungang --to Duisburg\n"
              "  caravan route --from Altynkol --to Constanta --depart 2026-03-03T08:00\n"
              "  caravan route --from Khorgos --to Poti --by cost --format json\n"
              "  caravan route --from Xian --to Duisburg --reliability --deadline-days 18\n"
              "  caravan route --from Xian --to Duisburg --avoid-country RU --format geojson -o "
              "route.geojson");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_route(*o); }); });
}

} // namespace caravan::app
