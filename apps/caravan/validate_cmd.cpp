// `caravan validate`: consistency checks of a network (corridors, link lengths, node countries,
// isolated nodes, transfer rules, link geometry); exit 2 when a check fails.
#include "commands.hpp"
#include "context.hpp"
#include "services.hpp"

#include "analysis/validate.hpp"
#include "formats/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace caravan::app {

namespace {
struct ValidateOptionsCli {
  std::string network = "eurasia";
  std::string countries;
  bool no_countries = false;
  double tolerance_km = 2.0;
  std::vector<std::string> length_exempt;
  double geometry_end_km = 5.0;
  double geometry_tolerance_pct = 10.0;
  bool geometry_lengths = false;
};

/// One line per geometry source: links, drawn / length_km median and range.
std::string geometry_summary(const std::vector<GeometryLength>& rows, bool every_link) {
  std::string out;
  for (GeometrySource src : kAllGeometrySources) {
    std::vector<double> r;
    for (const auto& g : rows)
      if (g.source == src && g.length_km > 0) r.push_back(g.drawn_km / g.length_km);
    if (r.empty()) continue;
    std::sort(r.begin(), r.end());
    out += fmt::format("  geometry {:<13} {:>4} link(s), drawn / length_km median {:.3f}, range "
                       "{:.3f}-{:.3f}\n",
                       to_string(src), r.size(), r[r.size() / 2], r.front(), r.back());
  }
  if (every_link)
    for (const auto& g : rows)
      out += fmt::format("    {:<34} {:<13} drawn {:>8.1f} km  length_km {:>8.1f}  {:+.1f} %\n",
                         g.link, to_string(g.source), g.drawn_km, g.length_km,
                         g.length_km > 0 ? 100.0 * (g.drawn_km / g.length_km - 1.0) : 0.0);
  return out;
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw UsageError(fmt::format("cannot read {}", p.string()));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The country outlines to use: --countries, else country-polygons.json beside the network
/// directory (data/country-polygons.json for data/eurasia), else the repository's copy.
std::string default_countries(const std::string& network) {
  std::error_code ec;
  const std::filesystem::path dir(network);
  if (std::filesystem::is_directory(dir, ec)) {
    auto abs = std::filesystem::absolute(dir, ec).lexically_normal();
    if (!abs.has_filename()) abs = abs.parent_path(); // "data/eurasia/"
    const auto beside = abs.parent_path() / "country-polygons.json";
    if (std::filesystem::exists(beside, ec)) return beside.string();
    return {};
  }
  const std::filesystem::path repo(CARAVAN_COUNTRY_POLYGONS);
  return std::filesystem::exists(repo, ec) ? repo.string() : std::string();
}

/// Link ids listed in DIR/length_exemptions.csv (columns link, reason), if that file exists.
std::vector<std::string> exemptions_file(const std::string& network) {
  std::error_code ec;
  const std::filesystem::path file = std::filesystem::path(network) / "length_exemptions.csv";
  if (!std::filesystem::is_regular_file(file, ec)) return {};
  formats::CsvTable t(read_text(file), file.string());
  t.require_columns({"link", "reason"});
  std::vector<std::string> ids;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    static_cast<void>(t.required_text(r, "reason")); // a reason is required
    ids.push_back(t.required_text(r, "link"));
  }
  return ids;
}

int run_validate(const ValidateOptionsCli& o) {
  const LoadedNetwork ln = load_network(o.network);
  ValidateOptions opt;
  opt.country_tolerance = Km(o.tolerance_km);
  opt.geometry_end_tolerance = Km(o.geometry_end_km);
  opt.geometry_length_tolerance = o.geometry_tolerance_pct / 100.0;
  for (const auto& id : o.length_exempt) opt.length_exempt.insert(id);
  for (const auto& id : exemptions_file(o.network)) opt.length_exempt.insert(id);
  for (const auto& id : opt.length_exempt)
    if (!ln.net.find_link_id(id))
      throw UsageError(fmt::format("length exemption: no link '{}'", id));

  CountryPolygons polygons;
  const std::string countries_file =
      o.no_countries ? std::string()
                     : (o.countries.empty() ? default_countries(o.network) : o.countries);
  if (!countries_file.empty()) {
    try {
      polygons = CountryPolygons::parse(read_text(countries_file));
    } catch (const CountryPolygonsError& e) {
      throw UsageError(fmt::format("{}: {}", countries_file, e.what()));
    }
    opt.countries = &polygons;
  }

  const Timetable services = load_services(ln); // a malformed services.csv stops here (exit 2)
  const ServiceCheck sc = check_services(ln.net, services);
  const ValidationReport rep = validate(ln.net, opt);
  std::string out =
      fmt::format("validate {}: {} nodes, {} links, {} transfers, {} border rows, {} corridors\n",
                  ln.label, ln.net.node_count(), ln.net.link_count(), ln.net.transfers().size(),
                  ln.net.borders().size(), ln.net.corridors().size());
  for (std::size_t i = 0; i < kCheckCount; ++i) {
    const Check c = static_cast<Check>(i);
    const CheckSummary& s = rep.of(c);
    std::string status = s.skipped ? "SKIP" : (s.failures == 0 ? "ok" : "FAIL");
    std::string detail =
        s.skipped ? s.note : fmt::format("{} checked, {} failed", s.checked, s.failures);
    if (!s.skipped && !s.note.empty()) detail += "; " + s.note;
    out += fmt::format("  {:<14} {:<5} {}\n", to_string(c), status, detail);
  }
  out += fmt::format("  {:<14} {:<5} {}\n", "services", sc.failures.empty() ? "ok" : "FAIL",
                     services.empty()
                         ? std::string("no services.csv (no link is timetabled)")
                         : fmt::format("{} checked, {} failed", sc.checked, sc.failures.size()));
  for (const auto& n : sc.notes) out += fmt::format("    note: {}\n", n);
  if (opt.countries != nullptr) out += fmt::format("  (country outlines: {})\n", countries_file);
  out += geometry_summary(rep.geometry_lengths, o.geometry_lengths);
  for (const Finding& f : rep.findings)
    out += fmt::format("{}: {}: {}\n", to_string(f.check), f.subject, f.message);
  for (const auto& f : sc.failures) out += fmt::format("services: {}\n", f);
  const bool ok = rep.ok() && sc.failures.empty();
  out += ok ? "network is valid\n"
            : fmt::format("{} problem(s) found\n", rep.findings.size() + sc.failures.size());
  std::fputs(out.c_str(), ok ? stdout : stderr);
  return ok ? kOk : kBadInput;
}
} // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ValidateOptionsCli>();
  CLI::App* cmd =
      app.add_subcommand("validate", "Check a network: corridors, link lengths, node countries, "
                                     "isolated nodes, transfer rules, link geometry (exit 2 on "
                                     "failure)");
  cmd->add_option("--network,-n", o->network, kNetworkHelp)->capture_default_str();
  cmd->add_option(
      "--countries", o->countries,
      "country outlines JSON (default: country-polygons.json beside the network directory)");
  cmd->add_flag("--no-country-check", o->no_countries, "skip the node-country check");
  cmd->add_option("--country-tolerance-km", o->tolerance_km,
                  "a node may lie this far outside its country's (simplified) outline")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  cmd->add_option("--length-exempt", o->length_exempt,
                  "link id exempt from the 2 x great-circle bound (repeatable; also "
                  "DIR/length_exemptions.csv)");
  cmd->add_option("--geometry-end-km", o->geometry_end_km,
                  "a link's polyline may start or end this far from the link's nodes")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  cmd->add_option("--geometry-tolerance", o->geometry_tolerance_pct,
                  "percent by which a surveyed polyline's drawn length may differ from length_km")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  cmd->add_flag("--geometry-lengths", o->geometry_lengths,
                "list every polyline's drawn length beside its length_km");
  cmd->footer("Examples:\n  caravan validate --network data/eurasia\n  caravan validate --network "
              "eurasia --geometry-lengths");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_validate(*o); }); });
}

} // namespace caravan::app
