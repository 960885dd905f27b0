// Reader for origin-destination TEU demand files (`from,to,teu_per_year` or `teu_per_day`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caravan::formats {

/// One row of a demand file; places are unresolved names (resolved like `caravan route` does).
struct DemandRow {
  std::size_t line = 0;
  std::string from;
  std::string to;
  double teu_per_day = 0.0;
};

struct DemandFile {
  std::string file;
  /// The column the volumes came from: "teu_per_year" or "teu_per_day".
  std::string volume_column;
  std::vector<DemandRow> rows;
};

/// Parses a CSV with the columns from, to and exactly one of teu_per_year (divided by 365) or
/// teu_per_day; other columns (e.g. `note`, `source`) are ignored. Throws ParseError naming
/// file:line:field.
DemandFile parse_demand(std::string_view text, const std::string& file_name);

/// Reads and parses `path`; throws ParseError when it cannot be read.
DemandFile read_demand(const std::string& path);

} // namespace caravan::formats
