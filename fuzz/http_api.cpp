// Fuzz target: the HTTP API without sockets. The input is `METHOD /path`, a line with the query
// string (`k=v&k=v`) and the body; every answer must be a JSON response and never a 500.
#include "targets.hpp"

#include "formats/builtin_networks.hpp"
#include "server/http_api.hpp"

#include <nlohmann/json.hpp>

namespace caravan::fuzz {

namespace {

const server::Api& example_api() {
  static const Network net = formats::parse_network(*formats::builtin_network("example")).network;
  static const server::Api api(net, server::ApiOptions{.network_label = "example",
                                                       .version = "fuzz",
                                                       .max_places = 20,
                                                       .max_matrix_cells = 400,
                                                       .max_pareto_labels = 20'000});
  return api;
}

std::string_view next_line(std::string_view& s) {
  const auto nl = s.find('\n');
  const std::string_view line = s.substr(0, nl);
  s = nl == std::string_view::npos ? std::string_view{} : s.substr(nl + 1);
  return line;
}

} // namespace

Outcome http_api(std::string_view data) {
  server::ApiRequest req;
  const std::string_view request_line = next_line(data);
  const auto space = request_line.find(' ');
  req.method = std::string(request_line.substr(0, space));
  req.path = space == std::string_view::npos ? "/" : std::string(request_line.substr(space + 1));
  std::string_view query = next_line(data);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view kv = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const auto eq = kv.find('=');
    req.query.emplace(std::string(kv.substr(0, eq)), eq == std::string_view::npos
                                                         ? std::string()
                                                         : std::string(kv.substr(eq + 1)));
  }
  req.body = std::string(data);

  const server::ApiResponse res = example_api().handle(req);
  check(res.status != 500, "internal error: " + res.body);
  check((res.status >= 200 && res.status < 300) || (res.status >= 400 && res.status < 600),
        "unexpected status " + std::to_string(res.status));
  if (res.content_type.find("json") != std::string::npos)
    check(nlohmann::json::accept(res.body), "the response body is not JSON");
  if (res.status >= 400) return {false, res.body};
  return {true, {}};
}

} // namespace caravan::fuzz
