// `caravan pareto`, `alternatives` and `compare`: the decision-analysis subcommands over one
// origin-destination pair.
#include "commands.hpp"
#include "request_options.hpp"
#include "result_store.hpp"

#include "analysis/corridor_compare.hpp"
#include "report/analysis_output.hpp"
#include "route/alternatives.hpp"
#include "route/pareto.hpp"

#include <fmt/format.h>

#include <memory>

namespace caravan::app {

namespace {
int no_result(const LoadedNetwork& ln, const RouteRequest& req, const char* what) {
  fmt::print(stderr, "error: no {} from {} to {}: no route satisfies the constraints\n", what,
             ln.net.node(req.from).name, ln.net.node(req.to).name);
  return kNoResult;
}

std::string title(const LoadedNetwork& ln, const RouteRequest& req, const std::string& what) {
  return fmt::format("{} -> {}: {} ({} TEU, {} t of cargo each)", ln.net.node(req.from).name,
                     ln.net.node(req.to).name, what, req.shipment.teu.value(),
                     req.shipment.tonnes_per_teu.value());
}
} // namespace

void add_pareto_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RequestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "pareto",
      "Every non-dominated route over (time, cost, CO2): no other route is better on all three");
  add_endpoint_options(cmd, *o);
  add_request_options(cmd, *o, {"table", "json", "geojson"});
  cmd->footer("Example:\n  caravan pareto --from Lianyungang --to Duisburg\n(--by is ignored: all "
              "three criteria count)");
  cmd->callback([o, &exit_code] {
    exit_code = guarded([&] {
      const LoadedNetwork ln = load_network(o->network);
      const RouteRequest req = make_point_request(ln, *o);
      ParetoRouter pr(ln.net);
      const ParetoFront front = pr.run(req);
      if (front.routes.empty()) return no_result(ln, req, "route");
      if (front.truncated)
        fmt::print(stderr, "warning: label limit reached; the front may be incomplete\n");
      if (is_gpkg_output(o->out)) {
        std::vector<storage::LabelledRoute> rs;
        for (std::size_t i = 0; i < front.routes.size(); ++i)
          rs.push_back(storage::labelled(front.routes[i], fmt::format("pareto {}", i + 1)));
        storage::write_routes_gpkg(ln.net, rs, o->out, result_info("pareto", ln));
        return static_cast<int>(kOk);
      }
      if (o->format == "json") {
        auto j = report::routes_to_json(ln.net, front.routes, "pareto", geometry_options(*o));
        j["truncated"] = front.truncated;
        emit(o->out, j.dump(2) + "\n");
      } else if (o->format == "geojson") {
        emit(o->out, report::routes_to_geojson(ln.net, front.routes, "pareto", geometry_options(*o))
                             .dump(2) +
                         "\n");
      } else {
        emit(o->out,
             report::routes_to_table(
                 ln.net, front.routes,
                 title(ln, req, fmt::format("{} non-dominated routes", front.routes.size()))));
      }
      return static_cast<int>(kOk);
    });
  });
}

void add_alternatives_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RequestOptions>();
  auto alt = std::make_shared<AlternativesOptions>();
  CLI::App* cmd =
      app.add_subcommand("alternatives", "Up to k meaningfully different routes, best first");
  add_endpoint_options(cmd, *o);
  add_request_options(cmd, *o, {"table", "json", "geojson"});
  cmd->add_option("-k", alt->k, "routes wanted, the best included")
      ->check(CLI::Range(1, 10))
      ->capture_default_str();
  cmd->add_option("--max-overlap", alt->max_overlap,
                  "share of its km an alternative may have in common with a better one")
      ->check(CLI::Range(0.05, 0.95))
      ->capture_default_str();
  cmd->add_option("--max-stretch", alt->max_stretch,
                  "largest objective value, as a multiple of the best route's")
      ->check(CLI::Range(1.0, 10.0))
      ->capture_default_str();
  cmd->footer("Example:\n  caravan alternatives --from Khorgos --to Poti -k 3 --by cost");
  cmd->callback([o, alt, &exit_code] {
    exit_code = guarded([&] {
      const LoadedNetwork ln = load_network(o->network);
      const RouteRequest req = make_point_request(ln, *o);
      Router router(ln.net);
      const auto routes = find_alternatives(router, req, *alt);
      if (routes.empty()) return no_result(ln, req, "route");
      if (is_gpkg_output(o->out)) {
        std::vector<storage::LabelledRoute> rs;
        for (std::size_t i = 0; i < routes.size(); ++i)
          rs.push_back(
              {&routes[i], i == 0 ? "best" : fmt::format("alternative {}", i + 1), "", -1.0});
        storage::write_routes_gpkg(ln.net, rs, o->out,
                                   result_info("alternatives", ln, {{"objective", o->by}}));
        return static_cast<int>(kOk);
      }
      if (o->format == "json")
        emit(o->out,
             report::routes_to_json(ln.net, routes, "alternatives", geometry_options(*o)).dump(2) +
                 "\n");
      else if (o->format == "geojson")
        emit(o->out, report::routes_to_geojson(ln.net, routes, "alternatives", geometry_options(*o))
                             .dump(2) +
                         "\n");
      else
        emit(o->out,
             report::routes_to_table(
                 ln.net, routes,
                 title(ln, req, fmt::format("{} alternatives by {}", routes.size(), o->by))));
      return static_cast<int>(kOk);
    });
  });
}

void add_compare_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RequestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "The best route through each corridor that connects two places, side by side and ranked");
  add_endpoint_options(cmd, *o);
  add_request_options(cmd, *o, {"table", "json", "csv", "geojson"});
  cmd->footer(
      "A route goes through a corridor when it uses at least one link that belongs to that "
      "corridor\n"
      "alone, and no link that belongs to another corridor alone.\n"
      "Example:\n  caravan compare --from Lianyungang --to Duisburg --by cost --format csv");
  cmd->callback([o, &exit_code] {
    exit_code = guarded([&] {
      const LoadedNetwork ln = load_network(o->network);
      if (ln.net.corridors().empty())
        throw UsageError("--network: this network defines no corridors (corridors.csv)");
      const RouteRequest req = make_point_request(ln, *o);
      Router router(ln.net);
      const CorridorComparison cmp = compare_corridors(router, req);
      if (!cmp.best) return no_result(ln, req, "route");
      if (is_gpkg_output(o->out)) {
        std::vector<storage::LabelledRoute> rs{storage::labelled(*cmp.best, "best")};
        for (const CorridorOption& c : cmp.options)
          if (c.route)
            rs.push_back(storage::labelled(*c.route, ln.net.corridor(c.corridor).name,
                                           ln.net.corridor(c.corridor).id, c.share));
        storage::write_routes_gpkg(ln.net, rs, o->out,
                                   result_info("compare", ln, {{"objective", o->by}}));
        return static_cast<int>(kOk);
      }
      if (o->format == "json")
        emit(o->out,
             report::comparison_to_json(ln.net, cmp, req.costing.objective, geometry_options(*o))
                     .dump(2) +
                 "\n");
      else if (o->format == "geojson")
        emit(o->out,
             report::comparison_to_geojson(ln.net, cmp, req.costing.objective, geometry_options(*o))
                     .dump(2) +
                 "\n");
      else if (o->format == "csv")
        emit(o->out, report::comparison_to_csv(ln.net, cmp));
      else
        emit(o->out, report::comparison_to_table(ln.net, cmp, req.costing.objective));
      return static_cast<int>(kOk);
    });
  });
}

} // namespace caravan::app
