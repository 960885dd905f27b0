// Loading the served scenarios: read, apply and compute each one's impact once, at start-up.
#include "server/scenarios.hpp"

#include "formats/scenario_toml.hpp"
#include "report/impact_output.hpp"
#include "scenario/impact.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace caravan::server {

namespace {
std::string describe(const Scenario& s) {
  return s.title.empty() ? s.name : s.title;
}
} // namespace

std::vector<ServedScenario> load_scenarios(const Network& base, const std::filesystem::path& dir,
                                           const std::vector<NodeId>& places,
                                           const std::string& places_label) {
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error(fmt::format("{}: not a directory of scenario files", dir.string()));
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".toml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.stem().string() < b.stem().string(); });

  std::vector<ServedScenario> out;
  for (const auto& file : files) {
    const Scenario s = formats::read_scenario(file);
    const std::optional<Scenario> against =
        s.compare_against.empty() ? std::nullopt : std::optional(s.compare_against.front());
    ScenarioSummary edits;
    const Network before = apply_scenario(base, against ? *against : Scenario{});
    auto after = std::make_shared<const Network>(apply_scenario(base, s, &edits));
    ImpactRequest ir;
    ir.places = places;
    ir.threads = 1;
    const Impact im = compute_impact(before, *after, ir, all_claims(s));

    report::ImpactInfo info;
    info.scenario = s.name;
    info.title = describe(s);
    info.source = s.source;
    info.compared_with = against
                             ? fmt::format("scenario '{}' ({})", against->name, describe(*against))
                             : std::string("the network as it is (existing links only)");
    info.places = places_label;
    info.edits = edits;
    info.shipment = ir.shipment;

    ServedScenario served;
    served.id = file.stem().string();
    served.name = s.name;
    served.title = describe(s);
    served.description = s.description;
    served.source = s.source;
    served.compared_with = info.compared_with;
    served.impact_json = report::impact_to_json(base, im, info).dump();
    served.network = std::move(after);
    out.push_back(std::move(served));
  }
  return out;
}

} // namespace caravan::server
