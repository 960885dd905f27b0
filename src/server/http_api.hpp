// The HTTP JSON API without the transport: a request (method, path, query, body) in, a response
// out. Thin handlers: parse the request into core types, call the library, write JSON.
#pragma once

#include "core/names.hpp"
#include "core/network.hpp"
#include "core/timetable.hpp"
#include "server/params.hpp"
#include "server/router_pool.hpp"
#include "server/scenarios.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace caravan::server {

struct ApiRequest {
  std::string method = "GET";
  std::string path = "/";
  std::multimap<std::string, std::string> query;
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

struct ApiOptions {
  std::string network_label = "network";   ///< reported by /health
  std::string version;                     ///< reported by /health
  int max_places = 100;                    ///< largest `limit` of /places
  std::size_t max_matrix_cells = 10'000;   ///< larger /matrix requests get 422 too_many_cells
  std::size_t max_pareto_labels = 500'000; ///< bounds the work of one /pareto request
  /// Wall-clock budget of one request's search work; past it the searches stop and the answer is
  /// 503 time_budget_exceeded. Zero = no budget.
  std::chrono::milliseconds time_budget{10'000};
  /// Engine selection for /route (contraction hierarchies on large networks, routing_engine.hpp);
  /// the other endpoints use Dijkstra.
  EngineOptions engine = {};
  /// The network's services (services.csv), for `depart=` on /route and /reach; null or empty =
  /// no link is timetabled.
  std::shared_ptr<const Timetable> services = nullptr;
  /// Content hash of the network's files (formats::content_hash): reported by /health and, by the
  /// HTTP server, in every response's X-Caravan-Network header. Empty = not reported.
  std::string network_hash = {};
};

/// Every endpoint of the API over one immutable network. handle() is safe to call from any number
/// of threads at once and never throws: failures become JSON errors with a status code.
class Api {
public:
  /// `scenarios` (all on `net`'s nodes) are offered by /scenarios, /impact and /route?scenario=.
  Api(const Network& net, ApiOptions options = {}, std::vector<ServedScenario> scenarios = {});

  ApiResponse handle(const ApiRequest& req) const;

  /// One row per endpoint (for the documentation test and `caravan serve --help`).
  struct EndpointInfo {
    std::string path;
    std::vector<std::string> methods;
    std::string summary;
  };
  [[nodiscard]] std::vector<EndpointInfo> endpoints() const;

  [[nodiscard]] const Network& network() const { return *net_; }
  [[nodiscard]] const std::string& network_hash() const { return options_.network_hash; }

  /// When this network was loaded (ISO 8601 UTC) and how long loading took (reading, checking,
  /// building), for /health. Set once by whoever loads it, before the Api serves a request.
  void set_load_info(std::string loaded_at, double load_ms) {
    loaded_at_ = std::move(loaded_at);
    load_ms_ = load_ms;
  }
  [[nodiscard]] const std::string& loaded_at() const { return loaded_at_; }
  [[nodiscard]] double load_ms() const { return load_ms_; }
  /// The hierarchies /route uses on the base network (build_all() them at start-up).
  [[nodiscard]] const RouteHierarchies& hierarchies() const { return routers_.hierarchies(); }

private:
  /// A handler reads its parameters from Params (then calls finish()) and returns the response;
  /// searches poll the request's Interrupt (its time budget).
  using Handler = std::function<ApiResponse(Params&, const Interrupt&)>;
  struct Endpoint {
    std::string path;
    std::vector<std::string> methods; ///< GET reads the query string, POST a JSON body
    std::string summary;
    Handler handler;
  };
  void add(std::string path, std::vector<std::string> methods, std::string summary, Handler h);

  ApiResponse health(Params& p) const;
  ApiResponse route(Params& p, const Interrupt& stop) const;
  ApiResponse reach(Params& p, const Interrupt& stop) const;
  ApiResponse alternatives(Params& p, const Interrupt& stop) const;
  ApiResponse pareto(Params& p, const Interrupt& stop) const;
  ApiResponse compare(Params& p, const Interrupt& stop) const;
  ApiResponse matrix(Params& p, const Interrupt& stop) const;
  ApiResponse places(Params& p) const;
  ApiResponse network_geojson(Params& p) const;
  ApiResponse scenarios(Params& p) const;
  ApiResponse impact(Params& p) const;

  /// The index of the scenario named by id for `parameter`; throws ApiError 422 with suggestions.
  std::size_t find_scenario(const std::string& parameter, const std::string& id) const;

  /// Resolves a place name given for `parameter`; throws ApiError 422 with suggestions.
  NodeId resolve(const std::string& parameter, const std::string& query) const;
  /// A set of places: names, `all`, `country:KZ`, `kind:seaport`.
  std::vector<NodeId> resolve_set(const std::string& parameter,
                                  const std::vector<std::string>& items) const;
  /// Objective, avoid lists, limits and shipment (every request that routes reads them).
  RouteRequest parse_costing(Params& p) const;
  /// parse_costing() plus distinct `from` and `to` places.
  RouteRequest parse_point_request(Params& p) const;
  /// `depart` (ISO date and time) when given; checks that the request can be timed.
  std::optional<EpochHours> parse_depart(Params& p, const RouteRequest& req) const;
  [[noreturn]] void throw_no_route(const RouteRequest& req, bool endpoint_excluded) const;

  const Network* net_;
  ApiOptions options_;
  std::string loaded_at_;
  double load_ms_ = 0.0;
  NodeNames names_;
  mutable RouterPool routers_;
  std::string network_geojson_; ///< built once: the network never changes while serving
  struct FoldedNode {
    std::vector<std::string> names; ///< folded name, aliases and id
  };
  std::vector<FoldedNode> folded_;
  std::vector<Endpoint> endpoints_;
  std::vector<ServedScenario> scenarios_;
  /// One pool per scenario network (a pool holds a mutex, so it does not move).
  std::vector<std::unique_ptr<RouterPool>> scenario_routers_;
};

/// The JSON body and status for an ApiError-like failure, for transports that detect errors
/// themselves (oversize body, unknown path).
ApiResponse error_response(int status, const std::string& code, const std::string& message,
                           const std::string& parameter = {});

} // namespace caravan::server
