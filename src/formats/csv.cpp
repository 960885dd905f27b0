// RFC 4180 CSV parsing with line tracking, UTF-8 validation and typed cell access.
#include "formats/csv.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace caravan::formats {

namespace {

/// Returns the 1-based line of the first invalid UTF-8 sequence, or 0 if the text is valid.
std::size_t first_invalid_utf8_line(std::string_view s) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') ++line;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    if ((c & 0xE0) == 0xC0 && c >= 0xC2)
      len = 2;
    else if ((c & 0xF0) == 0xE0)
      len = 3;
    else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
      len = 4;
    else
      return line;
    if (i + len > s.size()) return line;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return line;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 >= 0x90))
      return line; // overlong, surrogate or beyond U+10FFFF
    i += len;
  }
  return 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string shown(std::string_view s) {
  constexpr std::size_t kMax = 40;
  std::string out = "'";
  if (s.size() <= kMax) return out + std::string(s) + "'";
  // Cut before a UTF-8 continuation byte, so that the message stays valid UTF-8.
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return out + std::string(s.substr(0, cut)) + "...'";
}

} // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file_name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (const std::size_t bad = first_invalid_utf8_line(text))
    throw ParseError(file_name, bad, "", "invalid UTF-8 byte sequence (files must be UTF-8)");

  std::vector<CsvRecord> out;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Start of a record: skip blank and comment lines.
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
      i += text[i] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    if (text[i] == '#') {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool in_quotes = false;
    bool was_quoted = false;
    std::size_t quote_line = line;
    for (;;) {
      if (i >= n) {
        if (in_quotes) throw ParseError(file_name, quote_line, "", "unterminated quoted field");
        rec.fields.push_back(was_quoted ? field : std::string(trim(field)));
        break;
      }
      const char ch = text[i];
      if (in_quotes) {
        if (ch == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
          } else {
            in_quotes = false;
            ++i;
          }
        } else {
          if (ch == '\n') ++line;
          field.push_back(ch);
          ++i;
        }
        continue;
      }
      if (ch == '"' && trim(field).empty()) {
        in_quotes = true;
        was_quoted = true;
        quote_line = line;
        field.clear();
        ++i;
        continue;
      }
      if (ch == ',') {
        rec.fields.push_back(was_quoted ? field : std::string(trim(field)));
        field.clear();
        was_quoted = false;
        ++i;
        continue;
      }
      if (ch == '\n' || (ch == '\r' && i + 1 < n && text[i + 1] == '\n')) {
        rec.fields.push_back(was_quoted ? field : std::string(trim(field)));
        i += ch == '\r' ? 2 : 1;
        ++line;
        break;
      }
      if (was_quoted) {
        if (ch == ' ' || ch == '\t' || ch == '\r') {
          ++i;
          continue;
        }
        throw ParseError(file_name, line, "", "unexpected character after a closing quote");
      }
      field.push_back(ch);
      ++i;
    }
    out.push_back(std::move(rec));
  }
  return out;
}

std::string csv_escape(std::string_view f) {
  const bool needs = f.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!f.empty() && (f.front() == '#' || f.front() == ' ' || f.back() == ' '));
  if (!needs) return std::string(f);
  std::string out = "\"";
  for (char c : f) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

CsvTable::CsvTable(std::string_view text, std::string file_name)
    : file_(std::move(file_name)), records_(parse_csv(text, file_)) {
  if (records_.empty()) throw ParseError(file_, 0, "", "empty file: expected a header line");
  const auto& header = records_.front();
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string& name = header.fields[c];
    if (name.empty()) throw ParseError(file_, header.line, "", "empty column name in the header");
    if (!columns_.emplace(name, c).second)
      throw ParseError(file_, header.line, name, "column appears twice in the header");
  }
  for (std::size_t r = 1; r < records_.size(); ++r)
    if (records_[r].fields.size() != header.fields.size())
      throw ParseError(file_, records_[r].line, "",
                       "expected " + std::to_string(header.fields.size()) +
                           " fields as in the header, got " +
                           std::to_string(records_[r].fields.size()));
}

bool CsvTable::has_column(std::string_view name) const {
  return columns_.contains(std::string(name));
}

void CsvTable::require_columns(std::initializer_list<std::string_view> names) const {
  for (auto name : names)
    if (!has_column(name))
      throw ParseError(file_, records_.front().line, std::string(name), "missing column");
}

std::vector<std::string>
CsvTable::unknown_columns(std::initializer_list<std::string_view> known) const {
  std::vector<std::string> out;
  for (const auto& name : records_.front().fields) {
    bool found = false;
    for (auto k : known) found = found || k == name;
    if (!found) out.push_back(name);
  }
  return out;
}

void CsvTable::fail(std::size_t row, std::string_view column, const std::string& message) const {
  throw ParseError(file_, line(row), std::string(column), message);
}

std::string CsvTable::text(std::size_t row, std::string_view column) const {
  auto it = columns_.find(std::string(column));
  if (it == columns_.end()) return {};
  return records_[row + 1].fields[it->second];
}

std::string CsvTable::required_text(std::size_t row, std::string_view column) const {
  std::string s = text(row, column);
  if (s.empty()) fail(row, column, "missing value");
  return s;
}

std::optional<double> CsvTable::optional_number(std::size_t row, std::string_view column,
                                                double min, double max) const {
  const std::string s = text(row, column);
  if (s.empty()) return std::nullopt;
  double v = 0.0;
  const char* end = s.data() + s.size();
  const char* start = s.data() + (s.front() == '+' ? 1 : 0);
  auto [ptr, ec] = std::from_chars(start, end, v);
  if (ec == std::errc::result_out_of_range)
    fail(row, column, "expected a number, got " + shown(s) + " (out of range)");
  if (ec != std::errc() || ptr != end) fail(row, column, "expected a number, got " + shown(s));
  if (!std::isfinite(v)) fail(row, column, "expected a finite number, got " + shown(s));
  if (v < min) {
    if (min == 0.0) fail(row, column, "expected a non-negative number, got " + shown(s));
    fail(row, column, fmt::format("expected a number >= {}, got {}", min, shown(s)));
  }
  if (v > max) fail(row, column, fmt::format("expected a number <= {}, got {}", max, shown(s)));
  return v;
}

double CsvTable::number(std::size_t row, std::string_view column, double min, double max) const {
  auto v = optional_number(row, column, min, max);
  if (!v) fail(row, column, "expected a number, got nothing (missing value)");
  return *v;
}

std::optional<long> CsvTable::optional_integer(std::size_t row, std::string_view column, long min,
                                               long max) const {
  const std::string s = text(row, column);
  if (s.empty()) return std::nullopt;
  long v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size())
    fail(row, column, "expected a whole number, got " + shown(s));
  if (v < min || v > max)
    fail(row, column,
         "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
             ", got " + shown(s));
  return v;
}

std::optional<bool> CsvTable::optional_bool(std::size_t row, std::string_view column) const {
  const std::string s = text(row, column);
  if (s.empty()) return std::nullopt;
  if (s == "true" || s == "1" || s == "yes") return true;
  if (s == "false" || s == "0" || s == "no") return false;
  fail(row, column, "expected true or false, got " + shown(s));
}

std::vector<std::string> split_list(const std::string& s, bool keep_empty) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(';', start);
    if (end == std::string::npos) end = s.size();
    std::string item = s.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (keep_empty || !item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

} // namespace caravan::formats
