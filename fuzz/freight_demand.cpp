// Fuzz target: the freight demand CSV reader; accepted rows must have names and a finite,
// non-negative volume.
#include "targets.hpp"

#include "formats/freight_demand.hpp"
#include "formats/parse_error.hpp"

#include <cmath>

namespace caravan::fuzz {

Outcome freight_demand(std::string_view data) {
  formats::DemandFile d;
  try {
    d = formats::parse_demand(data, "demand.csv");
  } catch (const formats::ParseError& e) {
    return {false, e.what()};
  }
  check(!d.rows.empty(), "a demand file without rows was accepted");
  for (const auto& r : d.rows)
    check(!r.from.empty() && !r.to.empty() && std::isfinite(r.teu_per_day) && r.teu_per_day >= 0,
          "a demand row without places or with a bad volume was accepted");
  return {true, {}};
}

} // namespace caravan::fuzz
