// The error every reader throws: it names the file, the line and the field.
#pragma once

#include <stdexcept>
#include <string>

namespace caravan::formats {

/// `file:line: field 'x': message`; line 0 means "the file as a whole", an empty field is omitted.
class ParseError : public std::runtime_error {
public:
  ParseError(std::string file, std::size_t line, std::string field, const std::string& message)
      : std::runtime_error(format(file, line, field, message)), file_(std::move(file)), line_(line),
        field_(std::move(field)) {}

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] const std::string& field() const { return field_; }

private:
  static std::string format(const std::string& file, std::size_t line, const std::string& field,
                            const std::string& message) {
    std::string s;
    s.reserve(file.size() + field.size() + message.size() + 32);
    s.append(file);
    if (line > 0) s.append(":").append(std::to_string(line));
    s.append(": ");
    if (!field.empty()) s.append("field '").append(field).append("': ");
    s.append(message);
    return s;
  }
  std::string file_;
  std::size_t line_;
  std::string field_;
};

} // namespace caravan::formats
