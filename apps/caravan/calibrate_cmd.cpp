// `caravan calibrate`: routes every published journey of a calibration file and reports the model
// beside the published figures (docs/calibration.md is this command's Markdown output).
#include "commands.hpp"
#include "context.hpp"

#include "analysis/calibration.hpp"
#include "formats/journeys_csv.hpp"
#include "report/calibration_output.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

namespace caravan::app {

namespace {
struct CalibrateOptions {
  std::string network = "eurasia";
  std::string journeys;
  std::string format = "table";
  std::string out;
  bool check = false;
};

/// DIR/calibration.csv for a network directory; the repository's data/eurasia file for the
/// built-in eurasia network.
std::string default_journeys(const std::string& network) {
  std::error_code ec;
  if (std::filesystem::is_directory(network, ec))
    return (std::filesystem::path(network) / "calibration.csv").string();
  if (network == "eurasia") return CARAVAN_DEFAULT_CALIBRATION;
  throw UsageError("--journeys: give the calibration file for this network");
}

int run_calibrate(const CalibrateOptions& o) {
  const LoadedNetwork ln = load_network(o.network);
  const std::string file = o.journeys.empty() ? default_journeys(o.network) : o.journeys;
  const auto journeys = formats::read_journeys(file, ln.net);
  std::vector<report::CalibrationRow> rows;
  std::size_t bad = 0;
  for (const PublishedJourney& j : journeys) {
    rows.push_back({&j, calibrate_journey(ln.net, j)});
    bad += rows.back().result.ok() ? 0 : 1;
  }
  emit(o.out, o.format == "md"
                  ? report::calibration_to_markdown(ln.net, rows, report::kCalibrationReportTitle,
                                                    report::kCalibrationReportIntro)
                  : report::calibration_to_table(ln.net, rows));
  if (o.check && bad > 0) {
    fmt::print(stderr, "calibrate: {} of {} journeys outside their accepted range\n", bad,
               rows.size());
    return kNoResult;
  }
  return kOk;
}
} // namespace

void add_calibrate_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<CalibrateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "calibrate", "Route every published journey of a calibration file and compare the network's "
                   "answers with the published distances and transit times");
  cmd->add_option("--network,-n", o->network, kNetworkHelp)->capture_default_str();
  cmd->add_option("--journeys,-j", o->journeys,
                  "calibration CSV (default: calibration.csv in the network directory; the "
                  "repository's data/eurasia/calibration.csv for the built-in eurasia)");
  cmd->add_option("--format,-f", o->format, "table, or md (the Markdown report)")
      ->check(CLI::IsMember({"table", "md"}))
      ->capture_default_str();
  cmd->add_option("--out,-o", o->out, "write to this file (atomically) instead of stdout");
  cmd->add_flag("--check", o->check, "exit 3 when a journey is outside its accepted range");
  cmd->footer(
      "Examples:\n  caravan calibrate\n  caravan calibrate --format md -o "
      "docs/calibration.md\n(the file's columns: docs/calibration.md, 'The calibration file')");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_calibrate(*o); }); });
}

} // namespace caravan::app
