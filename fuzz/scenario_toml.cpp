// Fuzz target: the scenario TOML reader, then the scenario applied to the example network (its
// node and link names are checked there).
#include "targets.hpp"

#include "formats/builtin_networks.hpp"
#include "formats/parse_error.hpp"
#include "formats/scenario_toml.hpp"
#include "scenario/scenario.hpp"

namespace caravan::fuzz {

namespace {

const Network& example_network() {
  static const Network net = formats::parse_network(*formats::builtin_network("example")).network;
  return net;
}

} // namespace

Outcome scenario_toml(std::string_view data) {
  const Network& base = example_network();
  try {
    // Inherited files are looked up in a directory that does not exist.
    const Scenario s = formats::parse_scenario(data, "fuzz.toml", "/nonexistent-caravan-fuzz");
    const Network changed = apply_scenario(base, s);
    check(changed.nodes().size() >= base.nodes().size(), "a scenario removed nodes");
  } catch (const formats::ParseError& e) {
    return {false, e.what()};
  } catch (const ScenarioError& e) {
    return {false, e.what()};
  }
  return {true, {}};
}

} // namespace caravan::fuzz
