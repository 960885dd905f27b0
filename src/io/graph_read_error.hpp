// The error thrown by the road-graph readers (DIMACS, TNTP-as-graph), naming file, line and field.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace caravan::io {

/// A malformed or unreadable graph file. `what()` reads `file:line: field 'name': problem`
/// (line 0 when the problem is the file as a whole).
class GraphReadError : public std::runtime_error {
public:
  GraphReadError(std::string file, std::size_t line, std::string field, const std::string& problem)
      : std::runtime_error(file + ":" + std::to_string(line) + ": " +
                           (field.empty() ? std::string() : "field '" + field + "': ") + problem),
        file_(std::move(file)), line_(line), field_(std::move(field)) {}

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] const std::string& field() const { return field_; }

private:
  std::string file_;
  std::size_t line_;
  std::string field_;
};

} // namespace caravan::io
