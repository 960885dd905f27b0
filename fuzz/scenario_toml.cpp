// Fuzz target: the scenario TOML reader, then the scenario applied to the example network (its
// node and link names are checked there).
#include "targets.hpp"

#include "io/builtin_networks.hpp"
#include "io/parse_error.hpp"
#include "io/scenario_toml.hpp"
#include "scenario/scenario.hpp"

namespace caravan::fuzz {

namespace {

const Network& example_network() {
  static const Network net = io::parse_network(*io::builtin_network("example")).network;
  return net;
}

} // namespace

Outcome scenario_toml(std::string_view data) {
  const Network& base = example_network();
  try {
    // Inherited files are looked up in a directory that does not exist.
    const Scenario s = io::parse_scenario(data, "fuzz.toml", "/nonexistent-caravan-fuzz");
    const Network changed = apply_scenario(base, s);
    check(changed.nodes().size() >= base.nodes().size(), "a scenario removed nodes");
  } catch (const io::ParseError& e) {
    return {false, e.what()};
  } catch (const ScenarioError& e) {
    return {false, e.what()};
  }
  return {true, {}};
}

} // namespace caravan::fuzz
