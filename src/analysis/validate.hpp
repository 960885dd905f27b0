// Consistency checks of a network: corridors, link lengths, node countries, isolated nodes,
// transfers.
#pragma once

#include "analysis/country_polygons.hpp"
#include "core/network.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace caravan {

/// The checks `validate` runs; each finding names the check that produced it.
enum class Check : std::uint8_t {
  corridor_path, ///< every consecutive pair of a corridor is joined by a link
  link_length,   ///< great circle <= length <= 2 x great circle (land links, unless exempt)
  node_country,  ///< each node lies in (or within tolerance of) its country's outline
  isolated_node, ///< every node has at least one link
  transfer_rule, ///< every mode/gauge change the links make possible at a node has a transfer rule
  link_geometry, ///< a link's polyline starts and ends at its nodes, has no spike or self-crossing,
                 ///< and its drawn length is within tolerance of length_km
};
inline constexpr std::size_t kCheckCount = 6;
std::string_view to_string(Check c);

struct Finding {
  Check check = Check::corridor_path;
  std::string subject; ///< the data id the finding is about (link, node or corridor id)
  std::string message; ///< one sentence with the numbers
};

struct ValidateOptions {
  /// Outlines for the node-country check; null skips the check (reported in `skipped`).
  const CountryPolygons* countries = nullptr;
  /// A node may lie this far outside its country's outline (simplified outlines, border stations
  /// and ports on the coast).
  Km country_tolerance{2.0};
  /// Upper bound on length / great-circle distance for land links (rail, road).
  double max_detour = 2.0;
  /// Relative slack on the lower bound, for rounding of lengths and coordinates.
  double min_ratio = 0.995;
  /// Ferry and sea links follow coasts and straits: only the lower bound applies to them.
  bool sea_upper_bound = false;
  /// Link ids exempt from the upper bound (their reason is documented with the data).
  std::set<std::string, std::less<>> length_exempt;
  /// A polyline's ends may lie this far from the link's nodes.
  Km geometry_end_tolerance{5.0};
  /// A surveyed polyline's drawn length may differ from length_km by this share (tariff and
  /// physical km differ by a few percent; a chain of stations cuts the line's curves). Schematic
  /// polylines are not held to it.
  double geometry_length_tolerance = 0.10;
};

struct CheckSummary {
  std::size_t checked = 0; ///< items examined (corridor pairs, links, nodes, node-mode pairs)
  std::size_t failures = 0;
  bool skipped = false;
  std::string note; ///< why skipped, or what was exempted
};

/// A link's drawn length beside its length_km, for the geometry report.
struct GeometryLength {
  std::string link;
  GeometrySource source = GeometrySource::schematic;
  double drawn_km = 0;
  double length_km = 0;
};

struct ValidationReport {
  std::vector<Finding> findings;
  std::vector<GeometryLength> geometry_lengths; ///< every link with a polyline, in link order
  CheckSummary summary[kCheckCount];
  [[nodiscard]] bool ok() const { return findings.empty(); }
  [[nodiscard]] const CheckSummary& of(Check c) const {
    return summary[static_cast<std::size_t>(c)];
  }
};

/// Runs every check on `net`. Pure: no I/O, never throws on bad data (bad data is a finding).
ValidationReport validate(const Network& net, const ValidateOptions& opt);

} // namespace caravan
