// `caravan impact`: what a scenario changes between every pair of Kazakh regional centres and
// gateways (before/after matrices, top changes, reachability, sources' claims, SVG heatmap).
#include "commands.hpp"
#include "node_sets.hpp"
#include "request_options.hpp"
#include "result_store.hpp"

#include "formats/atomic_file.hpp"
#include "formats/scenario_toml.hpp"
#include "report/impact_output.hpp"
#include "scenario/impact.hpp"

#include <fmt/format.h>

#include <chrono>
#include <memory>

namespace caravan::app {

namespace {

struct ImpactOptions {
  RequestOptions req;
  std::string scenario;
  std::string base;
  std::string svg;
  std::string places = kImpactPlaces;
  std::size_t top = 20;
  bool timing = false;
};

std::string describe(const Scenario& s) {
  return s.title.empty() ? s.name : s.title;
}

} // namespace

namespace {
/// The routes before and after of every pair that changed, for drawing them.
std::vector<report::PairRoutes> changed_routes(const Network& before, const Network& after,
                                               const Impact& im, RouteRequest req) {
  std::vector<report::PairRoutes> out(im.pairs.size());
  Router rb(before);
  Router ra(after);
  for (std::size_t k = 0; k < im.pairs.size(); ++k) {
    const PairImpact& p = im.pairs[k];
    if (p.change == PairChange::unchanged) continue;
    req.from = im.places[p.i];
    req.to = im.places[p.j];
    if (p.before)
      if (RouteOutcome r = rb.route(req); r.ok()) out[k].before = std::move(*r.route);
    if (p.after)
      if (RouteOutcome r = ra.route(req); r.ok()) out[k].after = std::move(*r.route);
  }
  return out;
}
} // namespace

void add_impact_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ImpactOptions>();
  o->req.by = "time";
  CLI::App* cmd = app.add_subcommand(
      "impact", "What a scenario changes between every pair of Kazakh regions and gateways");
  cmd->add_option("--scenario,-s", o->scenario, "scenario file (TOML, docs/scenarios.md)")
      ->required();
  cmd->add_option("--base", o->base,
                  "scenario to compare against (default: the scenario's compare_against, else the "
                  "network as it is)");
  add_request_options(cmd, o->req, {"table", "csv", "json", "geojson"});
  describe_geojson_only_lines(cmd);
  cmd->add_option("--svg", o->svg, "also write an SVG heatmap of the changes to this file");
  cmd->add_option("--top", o->top, "changed pairs listed in the table")->capture_default_str();
  cmd->add_option("--places", o->places,
                  "places compared: a set as in `caravan matrix` (default: Kazakh regional "
                  "centres and the main gateways)");
  cmd->add_flag("--timing", o->timing, "print the time taken to stderr");
  cmd->footer("Examples:\n"
              "  caravan impact --scenario data/eurasia/scenarios/center-west-highway.toml "
              "--svg cw.svg\n"
              "  caravan impact -s data/eurasia/scenarios/all-projects.toml --by cost -f csv -o "
              "all.csv");
  cmd->callback([o, &exit_code] {
    exit_code = guarded([&] {
      const auto t0 = std::chrono::steady_clock::now();
      const LoadedNetwork ln = load_network(o->req.network);
      const Scenario scenario = formats::read_scenario(o->scenario);
      std::optional<Scenario> base;
      if (!o->base.empty())
        base = formats::read_scenario(o->base);
      else if (!scenario.compare_against.empty())
        base = scenario.compare_against.front();
      const auto t_read = std::chrono::steady_clock::now();

      ScenarioSummary edits;
      Network before_net;
      Network after_net;
      Impact im;
      RouteRequest req = make_request(ln, o->req);
      const auto places = resolve_node_set(ln, "--places", o->places);
      if (places.size() > 400)
        throw UsageError(fmt::format("--places: {} places; at most 400", places.size()));
      try {
        before_net = base ? apply_scenario(ln.net, *base) : apply_scenario(ln.net, Scenario{});
        after_net = apply_scenario(ln.net, scenario, &edits);
        ImpactRequest ir{places, req.costing, req.shipment, 0};
        im = compute_impact(before_net, after_net, ir, all_claims(scenario));
      } catch (const ScenarioError& e) {
        throw UsageError(e.what());
      }
      const auto t_done = std::chrono::steady_clock::now();

      report::ImpactInfo info;
      info.scenario = scenario.name;
      info.title = describe(scenario);
      info.source = scenario.source;
      info.compared_with = base ? fmt::format("scenario '{}' ({})", base->name, describe(*base))
                                : std::string("the network as it is (existing links only)");
      info.places =
          o->places == kImpactPlaces ? "Kazakh regional centres and main gateways" : o->places;
      info.edits = edits;
      info.shipment = req.shipment;
      info.top = o->top;
      if (is_gpkg_output(o->req.out))
        storage::write_impact_gpkg(before_net, after_net, im,
                                   changed_routes(before_net, after_net, im, req), o->req.out,
                                   result_info("impact", ln,
                                               {{"objective", o->req.by},
                                                {"scenario", scenario.name},
                                                {"scenario_file", o->scenario},
                                                {"scenario_title", info.title},
                                                {"compared_with", info.compared_with},
                                                {"places", info.places}}));
      else if (o->req.format == "csv")
        emit(o->req.out, report::impact_to_csv(ln.net, im));
      else if (o->req.format == "json")
        emit(o->req.out, report::impact_to_json(ln.net, im, info).dump(2) + "\n");
      else if (o->req.format == "geojson")
        emit(o->req.out, report::impact_to_geojson(before_net, after_net, im,
                                                   changed_routes(before_net, after_net, im, req),
                                                   info, geometry_options(o->req))
                                 .dump(2) +
                             "\n");
      else
        emit(o->req.out, report::impact_to_table(ln.net, im, info));
      if (!o->svg.empty())
        formats::write_file_atomically(o->svg, report::impact_to_svg(ln.net, im, info));
      const auto t_end = std::chrono::steady_clock::now();
      if (o->timing) {
        auto ms = [](auto a, auto b) {
          return std::chrono::duration<double, std::milli>(b - a).count();
        };
        fmt::print(stderr,
                   "impact: {} places, {} pairs; load+parse {:.1f} ms, apply+route {:.1f} ms, "
                   "output {:.1f} ms, total {:.1f} ms\n",
                   places.size(), im.pairs.size(), ms(t0, t_read), ms(t_read, t_done),
                   ms(t_done, t_end), ms(t0, t_end));
      }
      return static_cast<int>(kOk);
    });
  });
}

} // namespace caravan::app
