// `caravan matrix`: many-to-many tables between sets of places, in parallel over origins.
#include "commands.hpp"
#include "node_sets.hpp"
#include "request_options.hpp"
#include "result_store.hpp"

#include "core/place_query.hpp"
#include "report/analysis_output.hpp"
#include "route/matrix.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <unistd.h>

namespace caravan::app {

std::vector<NodeId> resolve_node_set(const LoadedNetwork& ln, const std::string& option,
                                     const std::string& spec) {
  try {
    return resolve_place_set(ln.net, *ln.names, ln.label, option, spec);
  } catch (const PlaceQueryError& e) {
    throw UsageError(e.what());
  }
}

namespace {
/// The route of every reachable cell, for drawing the matrix as lines.
std::vector<std::optional<Route>> cell_routes(const Network& net, const Matrix& m,
                                              RouteRequest req) {
  std::vector<std::optional<Route>> out(m.cells.size());
  Router router(net);
  for (std::size_t i = 0; i < m.origins.size(); ++i)
    for (std::size_t k = 0; k < m.destinations.size(); ++k) {
      if (!m.cell(i, k)) continue;
      req.from = m.origins[i];
      req.to = m.destinations[k];
      RouteOutcome r = router.route(req);
      if (r.ok()) out[i * m.destinations.size() + k] = std::move(*r.route);
    }
  return out;
}
} // namespace

void add_matrix_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RequestOptions>();
  auto threads = std::make_shared<unsigned>(0);
  auto max_cells = std::make_shared<std::size_t>(4'000'000);
  CLI::App* cmd = app.add_subcommand(
      "matrix", "Many-to-many table of the best routes between two sets of places");
  cmd->add_option("--from", o->from, "origins: a set (see below)")->required();
  cmd->add_option("--to", o->to, "destinations: a set (see below)")->required();
  add_request_options(cmd, *o, {"table", "csv", "json", "geojson"});
  describe_geojson_only_lines(cmd);
  cmd->add_option("--threads", *threads, "worker threads (0 = all cores)")->capture_default_str();
  cmd->add_option("--max-cells", *max_cells, "refuse larger tables")->capture_default_str();
  cmd->footer(
      "A set is a comma-separated list of: place names, `country:KZ` (every node in Kazakhstan),\n"
      "`centres:KZ` (Kazakhstan's regional centres: the nodes whose `centre` is republican_city "
      "or\n"
      "region_centre), `kind:seaport`, `all`.\n"
      "--format geojson draws each pair as a line along its route (for QGIS).\n"
      "Examples:\n  caravan matrix --from centres:KZ --to centres:KZ --format csv -o kz.csv\n"
      "  caravan matrix --from Lianyungang,Xian --to Duisburg,Poti,Tashkent --by cost");
  cmd->callback([o, threads, max_cells, &exit_code] {
    exit_code = guarded([&] {
      const LoadedNetwork ln = load_network(o->network);
      RouteRequest req = make_request(ln, *o);
      const auto origins = resolve_node_set(ln, "--from", o->from);
      const auto dests = resolve_node_set(ln, "--to", o->to);
      if (origins.size() * dests.size() > *max_cells)
        throw UsageError(fmt::format("--from/--to: {} x {} cells exceed --max-cells {}",
                                     origins.size(), dests.size(), *max_cells));
      const bool tty = ::isatty(STDERR_FILENO) != 0;
      const Matrix m =
          compute_matrix(ln.net, origins, dests, req.costing, req.shipment, *threads,
                         [tty](std::size_t done, std::size_t total) {
                           if (tty && (done % 16 == 0 || done == total))
                             fmt::print(stderr, "\rmatrix: {}/{} origins", done, total);
                           if (tty && done == total) fmt::print(stderr, "\n");
                         });
      if (is_gpkg_output(o->out))
        storage::write_matrix_gpkg(
            ln.net, m, o->out,
            result_info("matrix", ln,
                        {{"objective", o->by}, {"origins", o->from}, {"destinations", o->to}}));
      else if (o->format == "csv")
        emit(o->out, report::matrix_to_csv(ln.net, m));
      else if (o->format == "json")
        emit(o->out, report::matrix_to_json(ln.net, m).dump(2) + "\n");
      else if (o->format == "geojson")
        emit(o->out,
             report::matrix_to_geojson(ln.net, m, cell_routes(ln.net, m, req), geometry_options(*o))
                     .dump(2) +
                 "\n");
      else
        emit(o->out, report::matrix_to_table(ln.net, m));
      return static_cast<int>(kOk);
    });
  });
}

} // namespace caravan::app
