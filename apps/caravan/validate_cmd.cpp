// `caravan validate`: consistency checks of a network (corridors, link lengths, node countries,
// isolated nodes, transfer rules); exit 2 when a check fails.
#include "commands.hpp"
#include "context.hpp"

#include "analysis/validate.hpp"
#include "formats/csv.hpp"

#include <fmt/format.h>

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
};

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
  if (opt.countries != nullptr) out += fmt::format("  (country outlines: {})\n", countries_file);
  for (const Finding& f : rep.findings)
    out += fmt::format("{}: {}: {}\n", to_string(f.check), f.subject, f.message);
  out +=
      rep.ok() ? "network is valid\n" : fmt::format("{} problem(s) found\n", rep.findings.size());
  std::fputs(out.c_str(), rep.ok() ? stdout : stderr);
  return rep.ok() ? kOk : kBadInput;
}
} // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ValidateOptionsCli>();
  CLI::App* cmd =
      app.add_subcommand("validate", "Check a network: corridors, link lengths, node countries, "
                                     "isolated nodes, transfer rules (exit 2 on failure)");
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
  cmd->footer(
      "Examples:\n  caravan validate --network data/eurasia\n  caravan validate --network eurasia");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_validate(*o); }); });
}

} // namespace caravan::app
