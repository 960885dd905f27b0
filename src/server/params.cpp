// Typed reading of request parameters with errors that name the parameter.
#include "server/params.hpp"

#include "server/api_error.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace caravan::server {

using json = nlohmann::json;

Params Params::from_query(const std::multimap<std::string, std::string>& query) {
  Params p;
  p.from_query_ = true;
  for (const auto& [k, v] : query) {
    auto it = p.values_.find(k);
    if (it == p.values_.end()) {
      p.values_[k] = v;
    } else {
      if (!it->is_array()) *it = json::array({*it});
      it->push_back(v);
    }
  }
  return p;
}

Params Params::from_json_body(std::string_view body) {
  Params p;
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    throw ApiError(400, "malformed_json", "the request body is not valid JSON", "body");
  if (!j.is_object())
    throw ApiError(400, "malformed_json", "the request body must be a JSON object", "body");
  p.values_ = std::move(j);
  return p;
}

bool Params::has(std::string_view name) const {
  return values_.contains(name);
}

const json* Params::find(const std::string& name) {
  auto it = values_.find(name);
  if (it == values_.end()) return nullptr;
  used_.insert(name);
  if (it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> Params::string(const std::string& name) {
  const json* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string())
    throw ApiError(400, "invalid_parameter", fmt::format("'{}' must be a single string", name),
                   name);
  return v->get<std::string>();
}

std::string Params::required_string(const std::string& name) {
  auto s = string(name);
  if (!s || s->empty())
    throw ApiError(400, "missing_parameter", fmt::format("'{}' is required", name), name);
  return *s;
}

std::optional<double> Params::number(const std::string& name, double min, double max) {
  const json* v = find(name);
  if (v == nullptr) return std::nullopt;
  double x = 0.0;
  if (v->is_number()) {
    x = v->get<double>();
  } else if (v->is_string() && from_query_) {
    const std::string& s = v->get_ref<const std::string&>();
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty())
      throw ApiError(400, "invalid_parameter",
                     fmt::format("'{}' must be a number, not '{}'", name, s), name);
  } else {
    throw ApiError(400, "invalid_parameter", fmt::format("'{}' must be a number", name), name);
  }
  if (!std::isfinite(x) || x < min || x > max)
    throw ApiError(400, "invalid_parameter",
                   fmt::format("'{}' must be between {} and {}", name, min, max), name);
  return x;
}

std::optional<int> Params::integer(const std::string& name, int min, int max) {
  auto x = number(name, min, max);
  if (!x) return std::nullopt;
  if (std::floor(*x) != *x)
    throw ApiError(400, "invalid_parameter", fmt::format("'{}' must be a whole number", name),
                   name);
  return static_cast<int>(*x);
}

std::optional<bool> Params::boolean(const std::string& name) {
  const json* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) {
    const std::string& s = v->get_ref<const std::string&>();
    if (s == "true") return true;
    if (s == "false") return false;
    throw ApiError(400, "invalid_parameter",
                   fmt::format("'{}' must be true or false, not '{}'", name, s), name);
  }
  throw ApiError(400, "invalid_parameter", fmt::format("'{}' must be true or false", name), name);
}

std::vector<std::string> Params::list(const std::string& name) {
  const json* v = find(name);
  std::vector<std::string> out;
  if (v == nullptr) return out;
  auto add = [&](const json& item) {
    if (!item.is_string())
      throw ApiError(400, "invalid_parameter",
                     fmt::format("'{}' must be a string or a list of strings", name), name);
    const std::string& s = item.get_ref<const std::string&>();
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find(',', start);
      if (end == std::string::npos) end = s.size();
      if (end > start) out.push_back(s.substr(start, end - start));
      start = end + 1;
    }
  };
  if (v->is_array())
    for (const auto& item : *v) add(item);
  else
    add(*v);
  return out;
}

void Params::finish() const {
  for (const auto& [k, v] : values_.items()) {
    (void)v;
    if (!used_.contains(k))
      throw ApiError(400, "unknown_parameter", fmt::format("unknown parameter '{}'", k), k);
  }
}

} // namespace caravan::server
