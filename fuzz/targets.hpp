// The bodies of the fuzz targets as plain functions, shared by the libFuzzer entry points and the
// regression test that replays tests/fuzz_regressions/ in the normal test suite.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace caravan::fuzz {

/// What one input did: accepted, or rejected with the reader's clear error.
struct Outcome {
  bool accepted = false;
  std::string error; ///< the error message when rejected
};

/// A broken invariant (a crash in spirit): the target lets it escape, so libFuzzer reports it and
/// the regression test fails.
class InvariantViolation : public std::logic_error {
public:
  using std::logic_error::logic_error;
};

/// Throws InvariantViolation with `what` unless `ok`.
inline void check(bool ok, const std::string& what) {
  if (!ok) throw InvariantViolation(what);
}

/// Readers believe a file's declared node count (a graph may have isolated nodes), so a tiny file
/// can ask for gigabytes; the targets skip inputs that declare more nodes than this.
inline constexpr long long kMaxDeclaredNodes = 1 << 20;

/// The largest number after `key` (upper case, words separated by one space) in `text`, ignoring
/// case and the length of whitespace runs (e.g. "P SP", "NODES>"), 0 when absent or not a number.
long long declared_count(std::string_view text, std::string_view key);

/// Each target reads `data` as its input. The expected failures of malformed input (ParseError,
/// TntpError, ...) become a rejected Outcome; anything else escapes.
Outcome csv_network(std::string_view data);
Outcome tntp(std::string_view data);
Outcome dimacs(std::string_view data);
Outcome scenario_toml(std::string_view data);
Outcome freight_demand(std::string_view data);
Outcome http_api(std::string_view data);
Outcome osm(std::string_view data);

struct Target {
  std::string name;
  Outcome (*run)(std::string_view);
};

/// Every target, by the name of its directory in fuzz/corpus/ and tests/fuzz_regressions/.
inline const std::vector<Target>& all_targets() {
  static const std::vector<Target> targets = {
      {"csv_network", csv_network},
      {"tntp", tntp},
      {"dimacs", dimacs},
      {"scenario_toml", scenario_toml},
      {"freight_demand", freight_demand},
      {"http_api", http_api},
      {"osm", osm},
  };
  return targets;
}

} // namespace caravan::fuzz
