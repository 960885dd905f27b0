// Endpoints of the JSON API: /health, /route, /alternatives, /pareto, /compare, /matrix, /places,
// /network.geojson, /scenarios, /impact, /api.
#include "server/http_api.hpp"

#include "analysis/corridor_compare.hpp"
#include "report/analysis_output.hpp"
#include "report/network_geojson.hpp"
#include "report/reach_output.hpp"
#include "report/route_output.hpp"
#include "report/timed_route_output.hpp"
#include "route/alternatives.hpp"
#include "route/matrix.hpp"
#include "route/pareto.hpp"
#include "route/reach.hpp"
#include "route/timetable_router.hpp"
#include "server/api_error.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include <algorithm>
#include <stdexcept>
#include <variant>

namespace caravan::server {

using json = nlohmann::ordered_json;

namespace {

ApiResponse json_response(const json& j, int status = 200) {
  // Messages may quote request text that is not UTF-8: replace such bytes rather than throw.
  return ApiResponse{status, "application/json",
                     j.dump(-1, ' ', false, json::error_handler_t::replace)};
}

} // namespace

ApiResponse error_response(int status, const std::string& code, const std::string& message,
                           const std::string& parameter) {
  return json_response(ApiError(status, code, message, parameter).to_json(), status);
}

Api::Api(const Network& net, ApiOptions options, std::vector<ServedScenario> served)
    : net_(&net), options_(std::move(options)), names_(net), routers_(net, options_.engine),
      network_geojson_(report::network_to_geojson(net).dump()), scenarios_(std::move(served)) {
  for (const auto& s : scenarios_) {
    if (!s.network || s.network->node_count() != net.node_count())
      throw std::invalid_argument(
          fmt::format("scenario '{}' is not a network over the served network's nodes", s.id));
    scenario_routers_.push_back(std::make_unique<RouterPool>(*s.network, options_.engine));
  }
  folded_.reserve(net.node_count());
  for (const Node& n : net.nodes()) {
    FoldedNode f;
    f.names.push_back(fold_name(n.name));
    for (const auto& a : n.aliases) f.names.push_back(fold_name(a));
    f.names.push_back(fold_name(n.id));
    folded_.push_back(std::move(f));
  }
  // The endpoint table: a new analysis endpoint is one line here plus its handler.
  add("/health", {"GET"}, "liveness and the loaded network",
      [this](Params& p, const Interrupt&) { return health(p); });
  add("/route", {"GET", "POST"}, "best route between two places, with the per-leg breakdown",
      [this](Params& p, const Interrupt& stop) { return route(p, stop); });
  add("/places", {"GET"}, "places whose name, alias or id matches a search text",
      [this](Params& p, const Interrupt&) { return places(p); });
  add("/network.geojson", {"GET"}, "every node and link as GeoJSON, for maps",
      [this](Params& p, const Interrupt&) { return network_geojson(p); });
  add("/alternatives", {"GET", "POST"}, "up to k meaningfully different routes, best first",
      [this](Params& p, const Interrupt& stop) { return alternatives(p, stop); });
  add("/reach", {"GET", "POST"},
      "every place reachable within a number of days, with arrival, day band and route",
      [this](Params& p, const Interrupt& stop) { return reach(p, stop); });
  add("/pareto", {"GET", "POST"}, "every route not beaten on time, cost and CO2 at once",
      [this](Params& p, const Interrupt& stop) { return pareto(p, stop); });
  add("/compare", {"GET", "POST"}, "the best route through each corridor, ranked",
      [this](Params& p, const Interrupt& stop) { return compare(p, stop); });
  add("/matrix", {"GET", "POST"}, "totals between every origin and destination of two sets",
      [this](Params& p, const Interrupt& stop) { return matrix(p, stop); });
  add("/scenarios", {"GET"}, "the scenarios this server offers (id, name, source)",
      [this](Params& p, const Interrupt&) { return scenarios(p); });
  add("/impact", {"GET"}, "what a scenario changes between Kazakh regions and gateways",
      [this](Params& p, const Interrupt&) { return impact(p); });
  add("/api", {"GET"}, "this list of endpoints", [this](Params& p, const Interrupt&) {
    p.finish();
    json list = json::array();
    for (const auto& e : endpoints_)
      list.push_back({{"path", e.path}, {"methods", e.methods}, {"summary", e.summary}});
    return json_response(json{{"endpoints", list}, {"documentation", "docs/api.md"}});
  });
}

void Api::add(std::string path, std::vector<std::string> methods, std::string summary, Handler h) {
  endpoints_.push_back({std::move(path), std::move(methods), std::move(summary), std::move(h)});
}

std::vector<Api::EndpointInfo> Api::endpoints() const {
  std::vector<EndpointInfo> out;
  for (const auto& e : endpoints_) out.push_back({e.path, e.methods, e.summary});
  return out;
}

ApiResponse Api::handle(const ApiRequest& req) const {
  try {
    const auto it = std::find_if(endpoints_.begin(), endpoints_.end(),
                                 [&](const Endpoint& e) { return e.path == req.path; });
    if (it == endpoints_.end())
      throw ApiError(404, "not_found", fmt::format("no endpoint at '{}'", req.path));
    const std::string method = req.method == "HEAD" ? "GET" : req.method;
    if (std::find(it->methods.begin(), it->methods.end(), method) == it->methods.end())
      throw ApiError(405, "method_not_allowed",
                     fmt::format("{} does not accept {}; use {}", req.path, req.method,
                                 fmt::join(it->methods, " or ")));
    Params p = method == "POST" ? Params::from_json_body(req.body) : Params::from_query(req.query);
    if (method == "POST" && !req.query.empty())
      throw ApiError(400, "unknown_parameter",
                     "a POST request takes its parameters in the JSON body, not the query string",
                     req.query.begin()->first);
    const Interrupt stop = options_.time_budget.count() > 0
                               ? Interrupt(Interrupt::Clock::now() + options_.time_budget)
                               : Interrupt();
    return it->handler(p, stop);
  } catch (const ApiError& e) {
    return json_response(e.to_json(), e.status());
  } catch (const Interrupted&) {
    return json_response(
        ApiError(503, "time_budget_exceeded",
                 fmt::format("the request needed more than the server's time budget of {} ms; "
                             "ask for less (fewer places, a smaller k) or retry later",
                             options_.time_budget.count()),
                 "", json{{"budget_ms", options_.time_budget.count()}})
            .to_json(),
        503);
  } catch (const std::bad_alloc&) {
    return error_response(503, "overloaded", "out of memory while answering the request");
  } catch (const std::exception& e) {
    return error_response(500, "internal_error", e.what());
  }
}

ApiResponse Api::health(Params& p) const {
  p.finish();
  return json_response(json{{"status", "ok"},
                            {"version", options_.version},
                            {"network", options_.network_label},
                            {"nodes", net_->node_count()},
                            {"links", net_->link_count()},
                            {"corridors", net_->corridors().size()},
                            {"network_hash", options_.network_hash},
                            {"loaded_at", loaded_at_},
                            {"load_ms", load_ms_}});
}

NodeId Api::resolve(const std::string& parameter, const std::string& query) const {
  const NameMatch m = names_.resolve(query);
  if (const auto* id = std::get_if<NodeId>(&m)) return *id;
  if (const auto* nf = std::get_if<NameNotFound>(&m)) {
    std::string msg = fmt::format("no place named '{}'", query);
    if (!nf->suggestions.empty())
      msg += fmt::format("; did you mean {}?", fmt::join(nf->suggestions, ", "));
    throw ApiError(422, "unknown_place", msg, parameter, json{{"suggestions", nf->suggestions}});
  }
  const auto& amb = std::get<NameAmbiguous>(m);
  json candidates = json::array();
  std::vector<std::string> labels;
  for (NodeId c : amb.candidates) {
    const Node& n = net_->node(c);
    candidates.push_back({{"id", n.id}, {"name", n.name}, {"country", n.country}});
    labels.push_back(fmt::format("{} ({}, {})", n.id, n.name, n.country));
  }
  throw ApiError(422, "ambiguous_place",
                 fmt::format("'{}' names several places; use one of the ids: {}", query,
                             fmt::join(labels, ", ")),
                 parameter, json{{"candidates", candidates}});
}

RouteRequest Api::parse_costing(Params& p) const {
  RouteRequest req;
  if (auto by = p.string("by")) {
    auto o = parse_objective(*by);
    if (!o)
      throw ApiError(400, "invalid_parameter",
                     fmt::format("'by' must be time, cost, co2 or distance, not '{}'", *by), "by");
    req.costing.objective = *o;
  }
  for (const auto& c : p.list("avoid_country")) {
    std::string up = c;
    for (char& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    auto id = net_->find_country(up);
    if (!id)
      throw ApiError(422, "unknown_country",
                     fmt::format("no place in this network lies in country '{}'", c),
                     "avoid_country");
    req.costing.avoid_countries.push_back(*id);
  }
  for (const auto& m : p.list("avoid_mode")) {
    auto mode = parse_mode(m);
    if (!mode)
      throw ApiError(400, "invalid_parameter",
                     fmt::format("'avoid_mode' must be rail_1520, rail_1435, road, ferry or sea, "
                                 "not '{}'",
                                 m),
                     "avoid_mode");
    req.costing.avoid_modes.insert(*mode);
  }
  for (const auto& n : p.list("avoid_node"))
    req.costing.avoid_nodes.push_back(resolve("avoid_node", n));
  req.costing.max_transfers = p.integer("max_transfers", 0, 50);
  req.costing.year = p.integer("year", 1800, 2200);
  if (auto teu = p.number("teu", 0.001, 1e6)) req.shipment.teu = Teu(*teu);
  if (auto t = p.number("tonnes_per_teu", 0.1, 30.0)) req.shipment.tonnes_per_teu = Tonnes(*t);
  return req;
}

namespace {
/// `simplify` (metres, Douglas–Peucker) and `geometry` (true/false: coordinates in JSON; a JSON
/// body may give a boolean).
report::GeometryOptions parse_geometry(Params& p) {
  report::GeometryOptions g;
  g.simplify = Km(p.number("simplify", 0.0, 100000.0).value_or(0.0) / 1000.0);
  g.include = p.boolean("geometry").value_or(true);
  return g;
}
} // namespace

RouteRequest Api::parse_point_request(Params& p) const {
  const NodeId from = resolve("from", p.required_string("from"));
  const NodeId to = resolve("to", p.required_string("to"));
  if (from == to)
    throw ApiError(400, "invalid_parameter", "'from' and 'to' name the same place", "to");
  RouteRequest req = parse_costing(p);
  req.from = from;
  req.to = to;
  return req;
}

std::optional<EpochHours> Api::parse_depart(Params& p, const RouteRequest& req) const {
  const auto text = p.string("depart");
  if (!text) return std::nullopt;
  const auto t = parse_datetime(*text);
  if (!t)
    throw ApiError(400, "invalid_parameter",
                   fmt::format("'depart' must be a date and time such as 2026-03-03T08:00 (UTC) "
                               "or 2026-03-03T08:00+05:00, not '{}'",
                               *text),
                   "depart");
  if (req.costing.objective != Objective::time)
    throw ApiError(400, "invalid_parameter",
                   "'depart' finds the earliest arrival: use it with by=time (the default)",
                   "depart");
  if (req.costing.max_transfers)
    throw ApiError(400, "invalid_parameter", "'depart' cannot be combined with 'max_transfers'",
                   "depart");
  return t;
}

void Api::throw_no_route(const RouteRequest& req, bool endpoint_excluded) const {
  throw ApiError(422, endpoint_excluded ? "endpoint_excluded" : "no_route",
                 fmt::format("no route from {} to {}: {}", net_->node(req.from).name,
                             net_->node(req.to).name,
                             endpoint_excluded ? "the origin or destination is avoided"
                                               : "no route satisfies the constraints"),
                 endpoint_excluded ? "avoid_country" : "");
}

ApiResponse Api::route(Params& p, const Interrupt& stop) const {
  RouteRequest req = parse_point_request(p);
  req.costing.interrupt = &stop;
  const std::string format = p.string("format").value_or("json");
  if (format != "json" && format != "geojson")
    throw ApiError(400, "invalid_parameter",
                   fmt::format("'format' must be json or geojson, not '{}'", format), "format");
  const auto scenario = p.string("scenario");
  const std::optional<std::size_t> si =
      scenario ? std::optional(find_scenario("scenario", *scenario)) : std::nullopt;
  const report::GeometryOptions geometry = parse_geometry(p);
  const auto depart = parse_depart(p, req);
  if (depart && si)
    throw ApiError(400, "invalid_parameter", "'depart' cannot be combined with 'scenario'",
                   "depart");
  p.finish();

  if (depart) {
    static const Timetable kNone;
    TimetableRouter router(*net_, options_.services ? *options_.services : kNone);
    const TimedOutcome timed = router.route(req, *depart);
    if (!timed.ok()) throw_no_route(req, timed.failure == RouteFailure::endpoint_excluded);
    if (format == "geojson") {
      auto j = report::route_to_geojson(*net_, timed.route->route, geometry);
      j["properties"]["schedule"] = report::schedule_to_json(*net_, *timed.route);
      ApiResponse r = json_response(j);
      r.content_type = "application/geo+json";
      return r;
    }
    auto j = report::timed_route_to_json(*net_, *timed.route, geometry);
    j["engine"] = "timetable";
    return json_response(j);
  }

  // A scenario keeps the base network's node ids, so the places resolve the same on both.
  const Network& net = si ? *scenarios_[*si].network : *net_;
  RouterPool& pool = si ? *scenario_routers_[*si] : routers_;
  RouteOutcome out = [&] {
    auto lease = pool.borrow();
    return lease.engine().route(req);
  }();
  if (!out.ok()) throw_no_route(req, out.failure == RouteFailure::endpoint_excluded);
  if (format == "geojson") {
    ApiResponse r = json_response(report::route_to_geojson(net, *out.route, geometry));
    r.content_type = "application/geo+json";
    return r;
  }
  auto j = report::route_to_json(net, *out.route, geometry);
  j["engine"] = std::string(to_string(out.engine));
  return json_response(j);
}

ApiResponse Api::reach(Params& p, const Interrupt& stop) const {
  const NodeId from = resolve("from", p.required_string("from"));
  const auto days = p.number("days", 0.001, 365.0);
  if (!days) throw ApiError(400, "missing_parameter", "'days' is required", "days");
  RouteRequest req = parse_costing(p);
  req.from = from;
  req.to = from;
  req.costing.interrupt = &stop;
  if (req.costing.objective != Objective::time)
    throw ApiError(400, "invalid_parameter", "reach measures time: 'by' must be time", "by");
  if (req.costing.max_transfers)
    throw ApiError(400, "invalid_parameter", "'max_transfers' is not supported by /reach",
                   "max_transfers");
  report::ReachOutputOptions o;
  const auto bands = p.list("bands");
  if (!bands.empty()) {
    o.band_days.clear();
    for (const auto& b : bands) {
      char* end = nullptr;
      const double v = std::strtod(b.c_str(), &end);
      if (b.empty() || end != b.c_str() + b.size() || !(v > 0) ||
          (!o.band_days.empty() && v <= o.band_days.back()))
        throw ApiError(400, "invalid_parameter",
                       fmt::format("'bands' must be ascending positive day counts such as 3,7,14, "
                                   "not '{}'",
                                   b),
                       "bands");
      o.band_days.push_back(v);
    }
  }
  const std::string format = p.string("format").value_or("json");
  if (format != "json" && format != "geojson")
    throw ApiError(400, "invalid_parameter",
                   fmt::format("'format' must be json or geojson, not '{}'", format), "format");
  const auto depart = parse_depart(p, req);
  p.finish();
  static const Timetable kNone;
  const Timetable& tt = depart && options_.services ? *options_.services : kNone;
  o.timed = depart.has_value();
  const ReachResult r = caravan::reach(*net_, tt, req, depart.value_or(0.0), Hours(*days * 24.0));
  if (format == "geojson") {
    ApiResponse resp = json_response(report::reach_to_geojson(*net_, r, o));
    resp.content_type = "application/geo+json";
    return resp;
  }
  return json_response(report::reach_to_json(*net_, r, o));
}

ApiResponse Api::alternatives(Params& p, const Interrupt& stop) const {
  RouteRequest req = parse_point_request(p);
  req.costing.interrupt = &stop;
  AlternativesOptions o;
  o.k = static_cast<std::size_t>(p.integer("k", 1, 10).value_or(3));
  o.max_overlap = p.number("max_overlap", 0.05, 0.95).value_or(o.max_overlap);
  o.max_stretch = p.number("max_stretch", 1.0, 10.0).value_or(o.max_stretch);
  const report::GeometryOptions geometry = parse_geometry(p);
  p.finish();
  std::vector<Route> routes = [&] {
    auto router = routers_.borrow();
    return find_alternatives(*router, req, o);
  }();
  if (routes.empty()) throw_no_route(req, false);
  return json_response(report::routes_to_json(*net_, routes, "alternatives", geometry));
}

ApiResponse Api::pareto(Params& p, const Interrupt& stop) const {
  RouteRequest req = parse_point_request(p);
  req.costing.interrupt = &stop;
  const report::GeometryOptions geometry = parse_geometry(p);
  p.finish();
  ParetoOptions o;
  o.max_labels = options_.max_pareto_labels;
  ParetoRouter pr(*net_);
  const ParetoFront front = pr.run(req, o);
  if (front.routes.empty()) throw_no_route(req, false);
  json j = report::routes_to_json(*net_, front.routes, "pareto", geometry);
  j["truncated"] = front.truncated;
  return json_response(j);
}

ApiResponse Api::compare(Params& p, const Interrupt& stop) const {
  RouteRequest req = parse_point_request(p);
  req.costing.interrupt = &stop;
  const report::GeometryOptions geometry = parse_geometry(p);
  p.finish();
  if (net_->corridors().empty())
    throw ApiError(422, "no_corridors", "this network defines no corridors to compare");
  const CorridorComparison cmp = [&] {
    auto router = routers_.borrow();
    return compare_corridors(*router, req);
  }();
  if (!cmp.best) throw_no_route(req, false);
  return json_response(report::comparison_to_json(*net_, cmp, req.costing.objective, geometry));
}

std::vector<NodeId> Api::resolve_set(const std::string& parameter,
                                     const std::vector<std::string>& items) const {
  std::vector<NodeId> out;
  auto add = [&](NodeId n) {
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  };
  for (std::string item : items) {
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (item.empty()) continue;
    if (item == "all") {
      for (std::uint32_t i = 0; i < net_->node_count(); ++i) add(NodeId(i));
    } else if (item.starts_with("country:") || item.starts_with("centres:")) {
      // centres:XX: the nodes of country XX with a `centre` rank (as `caravan matrix`).
      const bool centres = item.starts_with("centres:");
      std::string up = item.substr(8);
      for (char& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      const auto cc = net_->find_country(up);
      if (!cc)
        throw ApiError(422, "unknown_country",
                       fmt::format("no place in this network lies in country '{}'", up), parameter);
      for (std::uint32_t i = 0; i < net_->node_count(); ++i)
        if (net_->country_of(NodeId(i)) == *cc &&
            (!centres || net_->node(NodeId(i)).centre != CentreRank::none))
          add(NodeId(i));
    } else if (item.starts_with("kind:")) {
      const auto kind = parse_node_kind(item.substr(5));
      if (!kind)
        throw ApiError(400, "invalid_parameter",
                       fmt::format("unknown node kind '{}'", item.substr(5)), parameter);
      for (std::uint32_t i = 0; i < net_->node_count(); ++i)
        if (net_->node(NodeId(i)).kind == *kind) add(NodeId(i));
    } else {
      add(resolve(parameter, item));
    }
  }
  if (out.empty())
    throw ApiError(400, "missing_parameter", fmt::format("'{}' names no place", parameter),
                   parameter);
  return out;
}

ApiResponse Api::matrix(Params& p, const Interrupt& stop) const {
  if (!p.has("from")) throw ApiError(400, "missing_parameter", "'from' is required", "from");
  if (!p.has("to")) throw ApiError(400, "missing_parameter", "'to' is required", "to");
  const std::vector<NodeId> origins = resolve_set("from", p.list("from"));
  const std::vector<NodeId> dests = resolve_set("to", p.list("to"));
  RouteRequest req = parse_costing(p);
  req.costing.interrupt = &stop;
  p.finish();
  if (origins.size() * dests.size() > options_.max_matrix_cells)
    throw ApiError(422, "too_many_cells",
                   fmt::format("{} x {} cells exceed the limit of {}", origins.size(), dests.size(),
                               options_.max_matrix_cells),
                   "to", json{{"max_cells", options_.max_matrix_cells}});
  // One thread per request: the server already runs requests in parallel.
  const Matrix m = compute_matrix(*net_, origins, dests, req.costing, req.shipment, 1);
  return json_response(report::matrix_to_json(*net_, m));
}

ApiResponse Api::places(Params& p) const {
  const std::string q = fold_name(p.string("q").value_or(""));
  const int limit = p.integer("limit", 1, options_.max_places).value_or(10);
  p.finish();
  // Rank: 0 exact, 1 prefix of a name, 2 prefix of a word, 3 substring, 4+d spelled d edits off.
  struct Hit {
    int rank;
    std::size_t node;
  };
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < folded_.size(); ++i) {
    int best = 99;
    for (const auto& s : folded_[i].names) {
      if (q.empty()) {
        best = 3;
      } else if (s == q) {
        best = std::min(best, 0);
      } else if (s.starts_with(q)) {
        best = std::min(best, 1);
      } else if (auto pos = s.find(q); pos != std::string::npos) {
        best = std::min(best, s[pos - 1] == ' ' ? 2 : 3);
      }
    }
    if (best < 99) hits.push_back({best, i});
  }
  // Close spellings ("Tbilsi"), by edit distance, after every text match.
  if (q.size() >= 3) {
    const std::size_t allowed = std::max<std::size_t>(2, q.size() / 3);
    for (std::size_t i = 0; i < folded_.size(); ++i) {
      if (std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.node == i; }))
        continue;
      std::size_t best = allowed + 1;
      for (const auto& s : folded_[i].names) best = std::min(best, edit_distance(q, s));
      if (best <= allowed) hits.push_back({4 + static_cast<int>(best), i});
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return net_->nodes()[a.node].name < net_->nodes()[b.node].name;
  });
  if (hits.size() > static_cast<std::size_t>(limit)) hits.resize(static_cast<std::size_t>(limit));
  json out = json::array();
  for (const Hit& h : hits) {
    const Node& n = net_->nodes()[h.node];
    out.push_back({{"id", n.id},
                   {"name", n.name},
                   {"country", n.country},
                   {"kind", std::string(to_string(n.kind))},
                   {"lat", n.pos.lat},
                   {"lon", n.pos.lon},
                   {"match", h.rank >= 4 ? "similar" : "text"}});
  }
  return json_response(json{{"query", q}, {"places", out}});
}

ApiResponse Api::network_geojson(Params& p) const {
  p.finish();
  return ApiResponse{200, "application/geo+json", network_geojson_};
}

std::size_t Api::find_scenario(const std::string& parameter, const std::string& id) const {
  for (std::size_t i = 0; i < scenarios_.size(); ++i)
    if (scenarios_[i].id == id) return i;
  if (scenarios_.empty())
    throw ApiError(422, "unknown_scenario",
                   fmt::format("no scenario '{}': this server offers no scenarios", id), parameter,
                   json{{"suggestions", json::array()}});
  // Suggest the closest ids first (by edit distance), at most three.
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& s : scenarios_) ranked.emplace_back(edit_distance(id, s.id), s.id);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> suggestions;
  for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) suggestions.push_back(ranked[i].second);
  throw ApiError(422, "unknown_scenario",
                 fmt::format("no scenario '{}'; did you mean {}? (GET /scenarios lists them)", id,
                             fmt::join(suggestions, ", ")),
                 parameter, json{{"suggestions", suggestions}});
}

ApiResponse Api::scenarios(Params& p) const {
  p.finish();
  json list = json::array();
  for (const auto& s : scenarios_)
    list.push_back({{"id", s.id},
                    {"name", s.name},
                    {"title", s.title},
                    {"description", s.description},
                    {"source", s.source},
                    {"compared_with", s.compared_with}});
  return json_response(json{{"scenarios", list}});
}

ApiResponse Api::impact(Params& p) const {
  const std::size_t i = find_scenario("scenario", p.required_string("scenario"));
  p.finish();
  return ApiResponse{200, "application/json", scenarios_[i].impact_json};
}

} // namespace caravan::server
