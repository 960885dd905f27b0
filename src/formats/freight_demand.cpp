// Parses origin-destination TEU demand files with checked, located errors.
#include "formats/freight_demand.hpp"

#include "formats/csv.hpp"

#include <fstream>
#include <sstream>

namespace caravan::formats {

DemandFile parse_demand(std::string_view text, const std::string& file_name) {
  CsvTable t(text, file_name);
  t.require_columns({"from", "to"});
  const bool per_year = t.has_column("teu_per_year");
  const bool per_day = t.has_column("teu_per_day");
  if (per_year == per_day)
    throw ParseError(file_name, 0, "",
                     per_year ? "give either teu_per_year or teu_per_day, not both"
                              : "missing column 'teu_per_year' (or 'teu_per_day')");
  DemandFile d;
  d.file = file_name;
  d.volume_column = per_year ? "teu_per_year" : "teu_per_day";
  for (std::size_t r = 0; r < t.rows(); ++r) {
    DemandRow row;
    row.line = t.line(r);
    row.from = t.required_text(r, "from");
    row.to = t.required_text(r, "to");
    const double v = t.number(r, d.volume_column);
    row.teu_per_day = per_year ? v / 365.0 : v;
    d.rows.push_back(std::move(row));
  }
  if (d.rows.empty()) throw ParseError(file_name, 0, "", "no demand rows");
  return d;
}

DemandFile read_demand(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParseError(path, 0, "", "cannot open the file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_demand(ss.str(), path);
}

} // namespace caravan::formats
