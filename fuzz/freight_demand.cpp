// Fuzz target: the freight demand CSV reader; accepted rows must have names and a finite,
// non-negative volume.
#include "targets.hpp"

#include "io/freight_demand.hpp"
#include "io/parse_error.hpp"

#include <cmath>

namespace caravan::fuzz {

Outcome freight_demand(std::string_view data) {
  io::DemandFile d;
  try {
    d = io::parse_demand(data, "demand.csv");
  } catch (const io::ParseError& e) {
    return {false, e.what()};
  }
  check(!d.rows.empty(), "a demand file without rows was accepted");
  for (const auto& r : d.rows)
    check(!r.from.empty() && !r.to.empty() && std::isfinite(r.teu_per_day) && r.teu_per_day >= 0,
          "a demand row without places or with a bad volume was accepted");
  return {true, {}};
}

} // namespace caravan::fuzz
