// A network's CSV files with some links' lengths and lines replaced by ones measured on a map,
// every other cell, row and comment kept as it was.
#pragma once

#include "core/link_geometry.hpp"
#include "core/units.hpp"
#include "formats/csv_network.hpp"

#include <span>
#include <string>
#include <string_view>

namespace caravan::formats {

/// A link whose length and line were measured on a map (e.g. OpenStreetMap track).
struct MeasuredLink {
  std::string id;
  Km length;             ///< written to length_km, rounded to 0.1 km (0.01 km under 10 km)
  LinkGeometry geometry; ///< replaces the link's row of geometry.csv (`note` is its source)
  std::string note;      ///< appended to the link's `source` ("; " between)
};

/// The files of `in` (a network that parse_network() accepts) with, for each measured link:
///  - `length_km` replaced; `duration_h`, `duration_h_low` and `duration_h_high` (where given)
///    multiplied by new length / old length, so that the link's speed stays; a `speed_kmh` row
///    and `cost_usd_per_teu_km` follow the length by themselves; a fixed `cost_usd_per_teu`,
///    CO2 factor, status and the other cells are kept;
///  - its geometry.csv row replaced (or added), rows in links.csv order.
/// `comment` (one line, without '#') is added to the leading comments of links.csv and
/// geometry.csv. Every file of the format is in the result: optional ones that `in` lacks as
/// their header line only, so that the result written over an older directory replaces all of
/// it. Throws ParseError naming the file when `in` is not well-formed, std::invalid_argument
/// when a measured id is not a link.
[[nodiscard]] NetworkFiles with_measured_links(const NetworkFiles& in,
                                               std::span<const MeasuredLink> links,
                                               std::string_view comment);

} // namespace caravan::formats
