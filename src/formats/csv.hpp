// A strict RFC 4180 CSV parser that keeps line numbers, with typed field access for readers.
#pragma once

#include "formats/parse_error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace caravan::formats {

struct CsvRecord {
  std::size_t line = 0; ///< 1-based line where the record starts
  std::vector<std::string> fields;
};

/// Parses `text` (the contents of `file_name`). Accepts a UTF-8 BOM and CRLF; skips blank lines and
/// lines starting with '#'. Throws ParseError on invalid UTF-8 or an unterminated quote.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file_name);

/// Quotes a field when it needs it (comma, quote, line break, leading '#' or surrounding spaces).
std::string csv_escape(std::string_view field);

/// A parsed CSV file with a header: typed, checked access to cells by column name.
class CsvTable {
public:
  CsvTable(std::string_view text, std::string file_name);

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::size_t rows() const { return records_.size() - (records_.empty() ? 0 : 1); }
  [[nodiscard]] std::size_t line(std::size_t row) const { return records_[row + 1].line; }
  [[nodiscard]] bool has_column(std::string_view name) const;
  /// Throws if any of `names` is not a column: "missing column 'x'".
  void require_columns(std::initializer_list<std::string_view> names) const;
  /// Columns not in `known`.
  [[nodiscard]] std::vector<std::string>
  unknown_columns(std::initializer_list<std::string_view> known) const;

  /// The cell (trimmed of surrounding spaces); empty when the column is absent.
  [[nodiscard]] std::string text(std::size_t row, std::string_view column) const;
  /// A non-empty cell; "missing" otherwise.
  [[nodiscard]] std::string required_text(std::size_t row, std::string_view column) const;
  /// A finite number >= min (default 0). Empty cells are "missing".
  [[nodiscard]] double number(std::size_t row, std::string_view column, double min = 0.0,
                              double max = 1e300) const;
  /// Like number(), but an empty cell or absent column gives nullopt.
  [[nodiscard]] std::optional<double> optional_number(std::size_t row, std::string_view column,
                                                      double min = 0.0, double max = 1e300) const;
  [[nodiscard]] std::optional<long> optional_integer(std::size_t row, std::string_view column,
                                                     long min, long max) const;
  [[nodiscard]] std::optional<bool> optional_bool(std::size_t row, std::string_view column) const;

  /// Throws ParseError for this row and column.
  [[noreturn]] void fail(std::size_t row, std::string_view column,
                         const std::string& message) const;

private:
  std::string file_;
  std::vector<CsvRecord> records_;
  std::unordered_map<std::string, std::size_t> columns_;
};

/// The items of a ';'-separated list field (aliases, via, departures, …), each trimmed of spaces;
/// empty items are dropped unless `keep_empty` (a reader that reports them as errors).
[[nodiscard]] std::vector<std::string> split_list(const std::string& s, bool keep_empty = false);

} // namespace caravan::formats
