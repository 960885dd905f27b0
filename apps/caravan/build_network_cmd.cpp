// `caravan build-network --osm X.osm.pbf --places DIR --out OUT`: a network's rail and road link
// lengths and lines rebuilt from an OpenStreetMap extract, with a report of the differences.
#include "commands.hpp"
#include "context.hpp"

#include "analysis/line_matching.hpp"
#include "core/polyline.hpp"
#include "formats/atomic_file.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "formats/measured_links.hpp"
#include "formats/osm_lines.hpp"
#include "report/remeasure_output.hpp"
#include "storage/network_gpkg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <tuple>
#include <unistd.h>

namespace caravan::app {

namespace {
struct BuildNetworkCli {
  std::string osm;
  std::string places;
  std::string out;
  double snap_km = 5.0;
  double report_percent = 3.0;
  double simplify_m = 50.0;
  std::vector<std::string> modes{"rail", "road"};
  std::string report;
  bool quiet = false;
};

/// The network's files: a directory, a GeoPackage (as the CSV it converts to), or a built-in
/// network by name.
formats::NetworkFiles read_places(const std::string& places) {
  std::error_code ec;
  if (storage::is_geopackage_path(places)) {
    formats::NetworkFiles files =
        formats::format_network(storage::read_network_gpkg(places).network);
    files.label = places;
    return files;
  }
  if (std::filesystem::is_directory(places, ec)) {
    for (const char* f : {"nodes.csv", "links.csv"})
      if (!std::filesystem::is_regular_file(std::filesystem::path(places) / f, ec))
        throw UsageError(
            fmt::format("--places: {} is not a network directory (no {} in it)", places, f));
    return formats::read_network_files(places);
  }
  if (!std::filesystem::exists(places, ec))
    if (auto files = formats::builtin_network(places)) return *files;
  throw UsageError(fmt::format("--places: {} is not a network directory (nodes.csv, links.csv; "
                               "docs/network-format.md) nor a built-in network",
                               places));
}

/// Refuses an --out that would overwrite the input or something that is not a network.
void check_out(const BuildNetworkCli& o) {
  std::error_code ec;
  const std::filesystem::path out(o.out);
  if (!std::filesystem::exists(out, ec)) {
    const std::filesystem::path parent =
        out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(parent, ec))
      throw UsageError(
          fmt::format("--out: {}: no directory {} to create it in", o.out, parent.string()));
    return;
  }
  if (!std::filesystem::is_directory(out, ec))
    throw UsageError(fmt::format("--out: {} exists and is not a directory", o.out));
  if (std::filesystem::exists(o.places, ec) && std::filesystem::equivalent(o.places, out, ec))
    throw UsageError(fmt::format("--out: {} is the --places directory; write the rebuilt network "
                                 "to a new directory",
                                 o.out));
  if (!std::filesystem::is_empty(out, ec) && !std::filesystem::exists(out / "nodes.csv", ec))
    throw UsageError(fmt::format("--out: {} exists and is not a network directory (no nodes.csv); "
                                 "refusing to write into it",
                                 o.out));
}

std::string attribution(const BuildNetworkCli& o, const std::string& osm_name,
                        const formats::OsmLines& lines, const Network& net,
                        std::span<const LinkRemeasure> rows) {
  std::string out = "# Attribution\n\n";
  out += fmt::format("This network directory was written by `caravan build-network` from the "
                     "network `{}` and the OpenStreetMap extract `{}`{}.\n\n",
                     o.places, osm_name,
                     lines.timestamp.empty() ? "" : " (data as of " + lines.timestamp + ")");
  out += "The lengths (`length_km` in links.csv, and the running times scaled with them) of the "
         "links listed below, and their lines in geometry.csv (rows with `geometry_source` "
         "`osm-track` or `osm-road`), are derived from OpenStreetMap data:\n\n"
         "**© OpenStreetMap contributors**, available under the Open Database License 1.0 "
         "(ODbL, https://opendatacommons.org/licenses/odbl/1-0/; "
         "https://www.openstreetmap.org/copyright).\n\n"
         "This directory is therefore a Derived Database under the ODbL: whoever shares it, or a "
         "database made from it, must keep this attribution and offer the derived data under the "
         "ODbL (share-alike). The other data (nodes, other links, transfers, borders, corridors, "
         "other lines) are as in the input network; see its SOURCES.md where it has one.\n\n";
  std::size_t n = 0;
  for (const LinkRemeasure& r : rows) n += r.match.matched() ? 1 : 0;
  out += fmt::format("## Links measured on OpenStreetMap ({})\n\n", n);
  if (n == 0) out += "None.\n";
  for (const LinkRemeasure& r : rows)
    if (r.match.matched())
      out += fmt::format("- `{}` ({}): {:.1f} km (was {:g} km)\n", net.link(r.link).id,
                         to_string(r.source), r.match.length.value(), r.sourced.value());
  return out;
}

int run_build_network(const BuildNetworkCli& o) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(o.osm, ec))
    throw UsageError(fmt::format("--osm: no file {}", o.osm));
  const formats::NetworkFiles files = read_places(o.places);
  check_out(o);
  const formats::NetworkReadResult input = formats::parse_network(files);
  for (const auto& w : input.warnings) fmt::print(stderr, "warning: {}\n", w);
  const Network& net = input.network;

  RemeasureOptions ro;
  ro.snap = Km(o.snap_km);
  ro.flag_percent = o.report_percent;
  ro.rail = std::find(o.modes.begin(), o.modes.end(), "rail") != o.modes.end();
  ro.road = std::find(o.modes.begin(), o.modes.end(), "road") != o.modes.end();

  // Progress on stderr in 5 % steps, only for a person watching a terminal.
  const bool progress = !o.quiet && ::isatty(STDERR_FILENO) == 1;
  const auto t0 = std::chrono::steady_clock::now();
  std::string last_phase;
  int last_step = -1;
  auto show = [&](std::string_view phase, std::uint64_t done, std::uint64_t total) {
    const int step = total == 0 ? 20 : static_cast<int>(20 * done / total);
    if (phase == last_phase && step == last_step) return;
    last_phase = std::string(phase);
    last_step = step;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "build-network: %-6s %3d %%  %.1f s\n", last_phase.c_str(), step * 5, s);
  };
  if (progress)
    ro.progress = [&](std::size_t done, std::size_t total) { show("links", done, total); };

  formats::OsmLinesOptions lo;
  lo.rail = ro.rail;
  lo.roads = ro.road;
  if (progress)
    lo.progress = [&](const formats::OsmImportProgress& p) { show(p.phase, p.done, p.total); };
  formats::OsmLines lines;
  try {
    lines = formats::read_osm_lines(o.osm, lo);
  } catch (const std::exception& e) { // libosmium: unknown format, corrupt file
    throw UsageError(fmt::format("--osm: {}: {}", o.osm, e.what()));
  }
  const std::vector<LinkRemeasure> rows = remeasure_links(net, lines.rail, lines.road, ro);
  for (const auto& [source, lines_of, what] :
       {std::tuple{GeometrySource::osm_track, &lines.rail, "railway=rail"},
        std::tuple{GeometrySource::osm_road, &lines.road, "highway=motorway|trunk|primary"}}) {
    const bool wanted = std::any_of(rows.begin(), rows.end(),
                                    [&](const LinkRemeasure& r) { return r.source == source; });
    if (wanted && lines_of->empty())
      fmt::print(stderr, "warning: {}: no {} ways; those links stay as they are\n", o.osm, what);
  }

  // The measured links: length on the line, drawn from node to node and simplified after
  // measuring.
  const std::string osm_name = std::filesystem::path(o.osm).filename().string();
  std::vector<formats::MeasuredLink> measured;
  for (const LinkRemeasure& r : rows) {
    if (!r.match.matched()) continue;
    const Link& l = net.link(r.link);
    std::vector<LatLon> pts;
    auto add = [&](LatLon p) {
      if (pts.empty() || pts.back().lat != p.lat || pts.back().lon != p.lon) pts.push_back(p);
    };
    add(net.node(l.from).pos);
    for (const LatLon& p : r.match.points) add(p);
    add(net.node(l.to).pos);
    formats::MeasuredLink m;
    m.id = l.id;
    m.length = r.match.length;
    m.geometry.source = r.source;
    pts = simplify(pts, Km(o.simplify_m / 1000.0));
    // A node beside the line end is joined to it; where that join would turn back on the line
    // (a spike, which `caravan validate` rejects), the line starts at the snapped vertex.
    if (pts.size() > 2 && find_spike(std::span(pts).first(3)) >= 0) pts.erase(pts.begin());
    if (pts.size() > 2 && find_spike(std::span(pts).last(3)) >= 0) pts.pop_back();
    m.geometry.points = std::move(pts);
    m.geometry.note = fmt::format("OpenStreetMap {} (ODbL)", osm_name);
    m.note = fmt::format("length {:.{}f} km measured on OpenStreetMap {} (ODbL) by caravan "
                         "build-network; was {:g} km",
                         r.match.length.value(), r.match.length.value() < 10 ? 2 : 1, osm_name,
                         r.sourced.value());
    measured.push_back(std::move(m));
  }
  const std::string comment =
      fmt::format("{} links measured on OpenStreetMap {} by caravan build-network (© "
                  "OpenStreetMap contributors, ODbL 1.0; see ATTRIBUTION.md)",
                  measured.size(), osm_name);
  formats::NetworkFiles rebuilt = formats::with_measured_links(files, measured, comment);
  rebuilt.label = o.out;
  // What is written must read back: checked before anything is written.
  try {
    (void)formats::parse_network(rebuilt);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the rebuilt network does not read back (a bug): {}\n", e.what());
    return kFailure;
  }

  std::vector<std::pair<std::string, std::string>> extra;
  extra.emplace_back("ATTRIBUTION.md", attribution(o, osm_name, lines, net, rows));
  std::error_code ec2;
  const std::filesystem::path places_dir(o.places);
  const bool is_dir = std::filesystem::is_directory(places_dir, ec2);
  for (const char* f : {"length_exemptions.csv", "SOURCES.md"}) {
    const auto p = places_dir / f;
    if (is_dir && std::filesystem::is_regular_file(p, ec2))
      extra.emplace_back(f, formats::read_file(p));
    else if (std::string_view(f) == "length_exemptions.csv")
      extra.emplace_back(f, "link,reason\n");
  }
  std::vector<std::pair<std::string, std::string_view>> out_files;
  for (const auto& [name, text] : rebuilt.contents) out_files.emplace_back(name, text);
  for (const auto& [name, text] : extra) out_files.emplace_back(name, text);

  if (!o.report.empty()) emit(o.report, report::remeasure_to_csv(net, rows));
  formats::write_directory_atomically(o.out, out_files);

  std::string text = report::remeasure_to_table(net, rows, o.report_percent);
  if (!o.report.empty()) text = text.substr(text.rfind('\n', text.size() - 2) + 1);
  text += fmt::format("wrote {}: {} links, {} measured on {}; ODbL attribution in {}\n", o.out,
                      net.link_count(), measured.size(), osm_name,
                      (std::filesystem::path(o.out) / "ATTRIBUTION.md").string());
  emit("", text);
  return kOk;
}
} // namespace

void add_build_network_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<BuildNetworkCli>();
  CLI::App* cmd = app.add_subcommand(
      "build-network",
      "Rebuild the lengths and lines of a network's rail and road links from an OpenStreetMap "
      "extract, write the result as a new network directory and report every difference");
  cmd->add_option("--osm", o->osm,
                  "OpenStreetMap extract (.osm.pbf, .osm XML, .osm.bz2), e.g. a Geofabrik "
                  "country file")
      ->required();
  cmd->add_option("--places,-p", o->places,
                  "the network whose links to rebuild: a directory in Caravan's CSV format "
                  "(docs/network-format.md), a GeoPackage FILE.gpkg (docs/storage.md) or a "
                  "built-in network (eurasia, example)")
      ->required();
  cmd->add_option("--out,-o", o->out,
                  "network directory to write: new (created whole, or not at all) or an earlier "
                  "network directory (its files replaced); never the --places directory")
      ->required();
  cmd->add_option("--snap-km", o->snap_km,
                  "snap each link's end nodes to the nearest line vertex within this distance")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--report-percent", o->report_percent,
                  "flag links whose measured length differs from length_km by more than this")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--modes", o->modes,
                  "which links to rebuild, comma-separated: rail (rail_1435 and rail_1520 on "
                  "railway=rail) and road (road on highway=motorway|trunk|primary and _link)")
      ->delimiter(',')
      ->check(CLI::IsMember({"rail", "road"}))
      ->capture_default_str();
  cmd->add_option("--simplify-m", o->simplify_m,
                  "Douglas-Peucker tolerance of the written lines in metres (after measuring; 0 "
                  "keeps every vertex)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--report", o->report,
                  "write the report as CSV to this file (atomically) instead of the table on "
                  "stdout");
  cmd->add_flag("--quiet,-q", o->quiet, "no progress on stderr (shown only on a terminal)");
  cmd->footer(
      "For each rail and road link: both end nodes are snapped to the nearest vertex of the\n"
      "extract's lines, the shortest path along them is measured on every vertex (the short\n"
      "snaps not included), length_km becomes that length (duration_h and its range scale with\n"
      "it; cost_usd_per_teu_km follows the length; fixed costs stay) and geometry.csv gets the\n"
      "line, marked osm-track or osm-road. Links that cannot be matched keep their data and\n"
      "line and are listed as unmatched. OUT gets ATTRIBUTION.md (ODbL).\n\n"
      "Examples:\n"
      "  caravan build-network --osm kazakhstan-latest.osm.pbf --places data/eurasia --out "
      "/tmp/eurasia-kz\n"
      "  caravan build-network --osm monaco.osm.pbf --places my-net --out /tmp/net --modes road "
      "--report /tmp/report.csv\n"
      "(docs/osm-import.md, 'Rebuilding geometry from an extract')");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_build_network(*o); }); });
}

} // namespace caravan::app
