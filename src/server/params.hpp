// Request parameters from a query string or a JSON body, read by name with typed checks; any
// parameter left unread is reported as unknown.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace caravan::server {

/// The parameters of one request. Handlers read each parameter they accept, then call finish(),
/// which throws ApiError(400, "unknown_parameter") for any other one. Every failed check throws
/// ApiError naming the parameter.
class Params {
public:
  /// From a query string (`?from=A&to=B&avoid_country=RU&avoid_country=IR`): a repeated key
  /// becomes a list.
  static Params from_query(const std::multimap<std::string, std::string>& query);
  /// From a JSON object body; throws ApiError(400, "malformed_json") otherwise.
  static Params from_json_body(std::string_view body);

  [[nodiscard]] bool has(std::string_view name) const;
  std::string required_string(const std::string& name);
  std::optional<std::string> string(const std::string& name);
  /// A number in [min, max]; in a query string it must parse completely.
  std::optional<double> number(const std::string& name, double min, double max);
  std::optional<int> integer(const std::string& name, int min, int max);
  /// `true` or `false`: a JSON boolean, or the text "true"/"false" (a query string, or a body).
  std::optional<bool> boolean(const std::string& name);
  /// A list of strings: repeated query keys, comma-separated values, or a JSON array of strings.
  std::vector<std::string> list(const std::string& name);
  /// Throws for the first parameter no reader asked for.
  void finish() const;

private:
  const nlohmann::json* find(const std::string& name);
  nlohmann::json values_ = nlohmann::json::object();
  std::set<std::string, std::less<>> used_;
  bool from_query_ = false;
};

} // namespace caravan::server
