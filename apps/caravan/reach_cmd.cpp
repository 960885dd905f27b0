// `caravan reach`: every place reachable from an origin within N days (with timetables when a
// departure time is given), as a table, JSON or GeoJSON with day bands.
#include "commands.hpp"
#include "request_options.hpp"
#include "services.hpp"

#include "report/reach_output.hpp"
#include "route/reach.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace caravan::app {

namespace {
struct ReachCmdOptions {
  RequestOptions req;
  double days = 0;
  std::string depart;
  std::string bands = "3,7,14";
};

std::vector<double> parse_bands(const std::string& s) {
  std::vector<double> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    std::size_t used = 0;
    double v = 0;
    try {
      v = std::stod(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != item.size() || !(v > 0) || (!out.empty() && v <= out.back()))
      throw UsageError(fmt::format("--bands: expected ascending positive day counts such as "
                                   "3,7,14, got '{}'",
                                   s));
    out.push_back(v);
  }
  if (out.empty()) throw UsageError("--bands: give at least one day count");
  return out;
}

int run_reach(const ReachCmdOptions& o) {
  report::ReachOutputOptions out;
  out.band_days = parse_bands(o.bands);
  std::optional<EpochHours> depart;
  if (!o.depart.empty()) {
    depart = parse_datetime(o.depart);
    if (!depart)
      throw UsageError(fmt::format("--depart: expected a date and time such as 2026-03-03T08:00 "
                                   "(UTC) or 2026-03-03T08:00+05:00, got '{}'",
                                   o.depart));
  }
  const LoadedNetwork ln = load_network(o.req.network);
  RouteRequest req = make_request(ln, o.req);
  req.from = resolve_node(ln, "--from", o.req.from);
  const Timetable services = depart ? load_services(ln) : Timetable();
  out.timed = depart.has_value();
  const ReachResult r = reach(ln.net, services, req, depart.value_or(0.0), Hours(o.days * 24.0));
  std::string text;
  if (o.req.format == "json")
    text = report::reach_to_json(ln.net, r, out).dump(2) + "\n";
  else if (o.req.format == "geojson")
    text = report::reach_to_geojson(ln.net, r, out).dump(2) + "\n";
  else
    text = report::reach_to_table(ln.net, r, out);
  emit(o.req.out, text);
  return kOk;
}
} // namespace

void add_reach_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ReachCmdOptions>();
  CLI::App* cmd = app.add_subcommand(
      "reach", "Every place reachable within N days, with its earliest arrival and route");
  cmd->add_option("--from", o->req.from, "origin: node name, alias or id")->required();
  cmd->add_option("--days", o->days, "time budget in days")
      ->required()
      ->check(CLI::Range(0.001, 365.0));
  cmd->add_option("--depart", o->depart,
                  "departure date and time (2026-03-03T08:00 = UTC, or with an offset): use the "
                  "network's timetabled services (services.csv); without it every wait is the "
                  "constant of transfers.csv, as in `caravan route`");
  cmd->add_option("--bands", o->bands,
                  "upper edges of the day bands in days, ascending (bands 0-3, 3-7, 7-14)")
      ->capture_default_str();
  cmd->add_option("--network,-n", o->req.network, kNetworkHelp)->capture_default_str();
  cmd->add_option("--avoid-country", o->req.avoid_countries,
                  "never enter this country (ISO alpha-2, repeatable)");
  cmd->add_option("--avoid-mode", o->req.avoid_modes, "never use this mode (repeatable)")
      ->check(CLI::IsMember({"rail_1520", "rail_1435", "road", "ferry", "sea"}));
  cmd->add_option("--avoid-node", o->req.avoid_nodes, "never pass this place (repeatable)");
  cmd->add_option("--year", o->req.year,
                  "also use projects open by this year (default: existing links only)")
      ->check(CLI::Range(1800, 2200));
  cmd->add_option("--format,-f", o->req.format,
                  "table, json (places and reached links) or geojson (links cut at the budget, "
                  "places and a hull per day band)")
      ->check(CLI::IsMember({"table", "json", "geojson"}))
      ->capture_default_str();
  cmd->add_option("--out,-o", o->req.out, "write to this file (atomically) instead of stdout");
  cmd->footer("Reach measures time (the earliest arrival); costs are reported, not minimised.\n"
              "Examples:\n  caravan reach --from Khorgos --days 10\n"
              "  caravan reach --from Khorgos --days 10 --depart 2026-03-03T08:00 --format "
              "geojson -o reach.geojson\n"
              "  caravan reach --from Aktau --days 7 --avoid-country RU --format json");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_reach(*o); }); });
}

} // namespace caravan::app
