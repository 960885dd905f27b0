// Measured lengths and lines written into a network's CSV texts, cell by cell.
#include "formats/measured_links.hpp"

#include "formats/csv.hpp"
#include "formats/wkt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace caravan::formats {

namespace {

/// A CSV file as records, with its leading comment lines and its column positions.
struct Sheet {
  std::string file;
  std::vector<std::string> comments; ///< leading '#' lines, without their line ends
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  [[nodiscard]] long column(std::string_view name) const {
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == name) return static_cast<long>(c);
    return -1;
  }
};

Sheet read_sheet(std::string_view text, const std::string& file) {
  Sheet s;
  s.file = file;
  std::string_view rest = text;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  while (!rest.empty() && rest.front() == '#') {
    const std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    s.comments.emplace_back(line);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  std::vector<CsvRecord> records = parse_csv(text, file);
  if (records.empty()) throw ParseError(file, 0, "", "empty file: expected a header line");
  s.header = std::move(records.front().fields);
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != s.header.size())
      throw ParseError(file, records[r].line, "",
                       fmt::format("expected {} fields as in the header, got {}", s.header.size(),
                                   records[r].fields.size()));
    s.rows.push_back(std::move(records[r].fields));
  }
  return s;
}

std::string write_sheet(const Sheet& s, std::string_view comment) {
  std::string out;
  for (const std::string& c : s.comments) out += c + "\n";
  if (!comment.empty()) out += fmt::format("# {}\n", comment);
  auto record = [&](const std::vector<std::string>& fields) {
    for (std::size_t c = 0; c < fields.size(); ++c)
      out += (c == 0 ? "" : ",") + csv_escape(fields[c]);
    out += "\n";
  };
  record(s.header);
  for (const auto& r : s.rows) record(r);
  return out;
}

double number(const Sheet& s, const std::string& cell, std::string_view column) {
  double v = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(v))
    throw ParseError(s.file, 0, std::string(column), "expected a number, got '" + cell + "'");
  return v;
}

/// `v` rounded to `decimals`, without trailing zeros ("265.8", "268", "6.457").
std::string rounded(double v, int decimals) {
  std::string t = fmt::format("{:.{}f}", v, decimals);
  if (t.find('.') != std::string::npos) {
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
  }
  return t == "-0" ? "0" : t;
}

constexpr const char* kHeaderOnly[][2] = {
    {"transfers.csv",
     "node,from_mode,to_mode,duration_h,duration_h_low,duration_h_high,cost_usd_per_teu,source\n"},
    {"borders.csv", "from,to,mode,dwell_h,dwell_h_low,dwell_h_high,cost_usd_per_teu,source\n"},
    {"corridors.csv", "id,name,nodes,description,source\n"},
    {"geometry.csv", "link,geometry_source,source,wkt\n"},
};

} // namespace

NetworkFiles with_measured_links(const NetworkFiles& in, std::span<const MeasuredLink> links,
                                 std::string_view comment) {
  auto path = [&](const std::string& name) {
    return in.label.empty() ? name : (std::filesystem::path(in.label) / name).string();
  };
  NetworkFiles out = in;
  for (const auto& [name, header] : kHeaderOnly) out.contents.try_emplace(name, header);
  const auto links_text = in.contents.find("links.csv");
  if (links_text == in.contents.end())
    throw ParseError(path("links.csv"), 0, "", "required file is missing");

  std::unordered_map<std::string, const MeasuredLink*> by_id;
  for (const MeasuredLink& m : links) by_id.emplace(m.id, &m);

  // links.csv: the measured cells.
  Sheet sheet = read_sheet(links_text->second, path("links.csv"));
  const long id_col = sheet.column("id");
  const long length_col = sheet.column("length_km");
  if (id_col < 0) throw ParseError(sheet.file, 1, "id", "missing column");
  if (length_col < 0) throw ParseError(sheet.file, 1, "length_km", "missing column");
  long source_col = sheet.column("source");
  if (source_col < 0 && !links.empty()) {
    sheet.header.emplace_back("source");
    for (auto& r : sheet.rows) r.emplace_back();
    source_col = static_cast<long>(sheet.header.size() - 1);
  }
  const long duration_cols[] = {sheet.column("duration_h"), sheet.column("duration_h_low"),
                                sheet.column("duration_h_high")};
  std::vector<std::string> order;
  std::size_t found = 0;
  for (auto& row : sheet.rows) {
    const std::string& id = row[static_cast<std::size_t>(id_col)];
    order.push_back(id);
    const auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    ++found;
    const MeasuredLink& m = *it->second;
    std::string& length = row[static_cast<std::size_t>(length_col)];
    const double old_km = number(sheet, length, "length_km");
    const std::string new_length = rounded(m.length.value(), m.length.value() < 10 ? 2 : 1);
    const double ratio = old_km > 0 ? number(sheet, new_length, "length_km") / old_km : 1.0;
    length = new_length;
    for (long c : duration_cols) {
      if (c < 0 || row[static_cast<std::size_t>(c)].empty()) continue;
      std::string& cell = row[static_cast<std::size_t>(c)];
      cell = rounded(number(sheet, cell, sheet.header[static_cast<std::size_t>(c)]) * ratio, 3);
    }
    if (!m.note.empty()) {
      std::string& source = row[static_cast<std::size_t>(source_col)];
      source += (source.empty() ? "" : "; ") + m.note;
    }
  }
  if (found != by_id.size()) {
    for (const MeasuredLink& m : links)
      if (std::find(order.begin(), order.end(), m.id) == order.end())
        throw std::invalid_argument("with_measured_links: no link '" + m.id + "' in links.csv");
  }
  out.contents["links.csv"] = write_sheet(sheet, comment);

  // geometry.csv: the measured rows and the others, in links.csv order.
  Sheet geo = read_sheet(out.contents.at("geometry.csv"), path("geometry.csv"));
  const long cols[] = {geo.column("link"), geo.column("geometry_source"), geo.column("source"),
                       geo.column("wkt")};
  const char* names[] = {"link", "geometry_source", "source", "wkt"};
  for (std::size_t k = 0; k < 4; ++k)
    if (cols[k] < 0 && k != 2) throw ParseError(geo.file, 1, names[k], "missing column");
  std::unordered_map<std::string, std::vector<std::string>> kept;
  for (const auto& r : geo.rows) {
    std::vector<std::string> row;
    for (long c : cols) row.push_back(c < 0 ? std::string() : r[static_cast<std::size_t>(c)]);
    kept.emplace(row[0], std::move(row));
  }
  geo.header = {"link", "geometry_source", "source", "wkt"};
  geo.rows.clear();
  for (const std::string& id : order) {
    if (const auto m = by_id.find(id); m != by_id.end()) {
      const LinkGeometry& g = m->second->geometry;
      geo.rows.push_back(
          {id, std::string(to_string(g.source)), g.note, format_wkt_linestring(g.points)});
    } else if (const auto k = kept.find(id); k != kept.end()) {
      geo.rows.push_back(k->second);
    }
  }
  out.contents["geometry.csv"] = write_sheet(geo, comment);
  return out;
}

} // namespace caravan::formats
