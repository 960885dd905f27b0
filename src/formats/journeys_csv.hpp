// Reader for published-journey files (calibration targets): one journey per row with its
// published distance and/or transit time, the accepted range and the source.
#pragma once

#include "analysis/calibration.hpp"
#include "core/network.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace caravan::formats {

/// Parses the CSV (columns in docs/calibration.md: id, from, to, via, by, avoid_modes, year,
/// published, km_low, km_high, days_low, days_high, range_note, source, reason) against `net`,
/// whose node ids the places must be. Throws ParseError naming file:line:field.
std::vector<PublishedJourney> parse_journeys(std::string_view text, const std::string& file_name,
                                             const Network& net);

/// Reads and parses `path`.
std::vector<PublishedJourney> read_journeys(const std::string& path, const Network& net);

} // namespace caravan::formats
