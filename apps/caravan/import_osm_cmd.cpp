// `caravan import-osm FILE.osm.pbf --out DIR`: an OpenStreetMap extract into the CSV network
// format.
#include "commands.hpp"
#include "context.hpp"

#include "formats/csv_network.hpp"
#include "formats/osm_import.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace caravan::app {

namespace {
struct ImportOsmCli {
  std::string input;
  std::string out;
  std::string country = "ZZ";
  bool no_roads = false;
  bool no_rail = false;
  bool no_ferries = false;
  int default_gauge = 1435;
  bool quiet = false;
};

int run_import_osm(const ImportOsmCli& o) {
  if (!std::filesystem::exists(o.input)) throw UsageError(fmt::format("no file {}", o.input));
  formats::OsmImportOptions opt;
  opt.country = o.country;
  opt.roads = !o.no_roads;
  opt.rail = !o.no_rail;
  opt.ferries = !o.no_ferries;
  opt.default_gauge_mm = o.default_gauge;
  const auto t0 = std::chrono::steady_clock::now();
  int last_step = -1;
  std::string last_phase;
  if (!o.quiet) {
    // Progress in 5 % steps per phase, on stderr.
    opt.progress = [&](const formats::OsmImportProgress& p) {
      const int step = p.total == 0 ? 20 : static_cast<int>(20 * p.done / p.total);
      if (p.phase == last_phase && step == last_step) return;
      last_phase = std::string(p.phase);
      last_step = step;
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::fprintf(stderr, "import-osm: %-8s %3d %%  %.1f s\n", last_phase.c_str(), step * 5, s);
    };
  }
  formats::OsmImportResult r;
  try {
    r = formats::import_osm(o.input, opt);
  } catch (const std::exception& e) { // libosmium: unknown format, corrupt file
    throw UsageError(fmt::format("{}: {}", o.input, e.what()));
  }
  formats::write_network(r.network, o.out);
  std::size_t by_mode[kModeCount] = {};
  for (const Link& l : r.network.links()) ++by_mode[static_cast<std::size_t>(l.mode)];
  std::string modes;
  for (Mode m : kAllModes) {
    if (by_mode[static_cast<std::size_t>(m)] > 0) {
      modes += fmt::format(" {} {}", to_string(m), by_mode[static_cast<std::size_t>(m)]);
    }
  }
  std::printf("import-osm %s -> %s: %zu nodes, %zu links (%s); ways: %llu road, %llu rail "
              "(%llu other gauge skipped), %llu ferry; %llu nodes outside the largest "
              "components dropped\n",
              o.input.c_str(), o.out.c_str(), r.network.node_count(), r.network.link_count(),
              modes.empty() ? "none" : modes.substr(1).c_str(),
              static_cast<unsigned long long>(r.stats.road_ways),
              static_cast<unsigned long long>(r.stats.rail_ways),
              static_cast<unsigned long long>(r.stats.rail_ways_other_gauge),
              static_cast<unsigned long long>(r.stats.ferry_ways),
              static_cast<unsigned long long>(r.stats.nodes_dropped_by_component));
  return kOk;
}
} // namespace

void add_import_osm_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ImportOsmCli>();
  CLI::App* cmd = app.add_subcommand(
      "import-osm", "Import roads, rail and ferries from an OpenStreetMap extract (.osm.pbf) "
                    "into a network directory (CSV format)");
  cmd->add_option("file", o->input, "OpenStreetMap file (.osm.pbf, .osm, .osm.bz2)")->required();
  cmd->add_option("--out,-o", o->out, "network directory to write (created if needed)")->required();
  cmd->add_option("--country", o->country,
                  "ISO 3166-1 alpha-2 code given to every node (ZZ = unknown)")
      ->capture_default_str();
  cmd->add_option("--default-gauge", o->default_gauge,
                  "gauge in mm for railway=rail ways without a gauge tag (1435 or 1520)")
      ->check(CLI::IsMember({1435, 1520}))
      ->capture_default_str();
  cmd->add_flag("--no-roads", o->no_roads, "skip highway=* ways");
  cmd->add_flag("--no-rail", o->no_rail, "skip railway=rail ways");
  cmd->add_flag("--no-ferries", o->no_ferries, "skip route=ferry ways");
  cmd->add_flag("--quiet,-q", o->quiet, "no progress on stderr");
  cmd->footer("Example:\n  caravan import-osm monaco.osm.pbf --out /tmp/monaco --country MC");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_import_osm(*o); }); });
}

} // namespace caravan::app
