// A request the API refuses: HTTP status, a stable error code, a message and the parameter at
// fault.
#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace caravan::server {

/// Thrown by request parsing and handlers; the API turns it into
/// `{"error": {"code", "message", "parameter", ...details}}` with `status`.
class ApiError : public std::runtime_error {
public:
  ApiError(int status, std::string code, const std::string& message, std::string parameter = {},
           nlohmann::ordered_json details = nlohmann::ordered_json::object())
      : std::runtime_error(message), status_(status), code_(std::move(code)),
        parameter_(std::move(parameter)), details_(std::move(details)) {}

  [[nodiscard]] int status() const { return status_; }
  [[nodiscard]] const std::string& code() const { return code_; }
  /// The parameter (query field or JSON member) at fault; empty when none is.
  [[nodiscard]] const std::string& parameter() const { return parameter_; }
  [[nodiscard]] const nlohmann::ordered_json& details() const { return details_; }

  /// The JSON body of the error response.
  [[nodiscard]] nlohmann::ordered_json to_json() const {
    nlohmann::ordered_json e{{"code", code_},
                             {"message", what()},
                             {"parameter", parameter_.empty()
                                               ? nlohmann::ordered_json(nullptr)
                                               : nlohmann::ordered_json(parameter_)}};
    for (const auto& [k, v] : details_.items()) e[k] = v;
    return nlohmann::ordered_json{{"error", e}};
  }

private:
  int status_;
  std::string code_;
  std::string parameter_;
  nlohmann::ordered_json details_;
};

} // namespace caravan::server
