// The report of `caravan build-network`: every rail and road link's sourced length beside the
// length measured on OpenStreetMap lines, as a text table and as CSV.
#pragma once

#include "analysis/line_matching.hpp"
#include "core/network.hpp"

#include <span>
#include <string>

namespace caravan::report {

/// A header line, one line per link (id, mode, sourced and measured km, difference, matched or
/// why not, and a "FLAG" where the difference exceeds `flag_percent`), then a summary line.
std::string remeasure_to_table(const Network& net, std::span<const LinkRemeasure> rows,
                               double flag_percent);

/// Columns link, mode, from, to, sourced_km, measured_km, difference_percent, status (matched or
/// unmatched), flagged (yes/no), snap_from_km, snap_to_km, reason (why unmatched). Measured
/// values are empty for unmatched links.
std::string remeasure_to_csv(const Network& net, std::span<const LinkRemeasure> rows);

} // namespace caravan::report
