// Checking the routing keywords of the Python calls and building RouteRequests from them.
#include "request_args.hpp"

#include "core/place_query.hpp"
#include "errors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace caravan::py {

namespace {
[[noreturn]] void rethrow(const PlaceQueryError& e) {
  if (e.kind() == PlaceQueryError::Kind::bad_set) throw std::invalid_argument(e.what());
  throw UnknownName(e.what());
}
} // namespace

NodeId resolve_node(const NetworkHandle& h, const std::string& param, const std::string& query) {
  try {
    return resolve_place(*h.net, *h.names, h.label, param, query);
  } catch (const PlaceQueryError& e) {
    rethrow(e);
  }
}

std::vector<NodeId> resolve_nodes(const NetworkHandle& h, const std::string& param,
                                  const std::optional<std::string>& spec,
                                  const std::vector<std::string>& names) {
  try {
    if (spec) return resolve_place_set(*h.net, *h.names, h.label, param, *spec);
    std::vector<NodeId> out;
    for (const auto& n : names) {
      const NodeId id = resolve_place(*h.net, *h.names, h.label, param, n);
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    if (out.empty()) throw std::invalid_argument(param + ": no place given");
    return out;
  } catch (const PlaceQueryError& e) {
    rethrow(e);
  }
}

RouteRequest make_request(const NetworkHandle& h, const RequestArgs& a) {
  RouteRequest req;
  const auto objective = parse_objective(a.by);
  if (!objective)
    throw std::invalid_argument(
        fmt::format("by: '{}' is not one of time, cost, co2, distance", a.by));
  req.costing.objective = *objective;
  for (const auto& c : a.avoid_country) {
    try {
      req.costing.avoid_countries.push_back(resolve_country_code(*h.net, "avoid_country", c));
    } catch (const PlaceQueryError& e) {
      rethrow(e);
    }
  }
  for (const auto& m : a.avoid_mode) {
    const auto mode = parse_mode(m);
    if (!mode)
      throw std::invalid_argument(
          fmt::format("avoid_mode: '{}' is not one of rail_1520, rail_1435, road, ferry, sea", m));
    req.costing.avoid_modes.insert(*mode);
  }
  for (const auto& n : a.avoid_node)
    req.costing.avoid_nodes.push_back(resolve_node(h, "avoid_node", n));
  if (a.max_transfers) {
    if (*a.max_transfers < 0 || *a.max_transfers > 50)
      throw std::invalid_argument(
          fmt::format("max_transfers: {} is not in [0, 50]", *a.max_transfers));
    req.costing.max_transfers = *a.max_transfers;
  }
  if (a.year) {
    if (*a.year < 1800 || *a.year > 2200)
      throw std::invalid_argument(fmt::format("year: {} is not in [1800, 2200]", *a.year));
    req.costing.year = *a.year;
  }
  if (!(std::isfinite(a.teu) && a.teu > 0))
    throw std::invalid_argument(fmt::format("teu: {} is not a positive number", a.teu));
  if (!(a.tonnes_per_teu >= 0.1 && a.tonnes_per_teu <= 30.0))
    throw std::invalid_argument(
        fmt::format("tonnes_per_teu: {} is not in [0.1, 30]", a.tonnes_per_teu));
  req.shipment.teu = Teu(a.teu);
  req.shipment.tonnes_per_teu = Tonnes(a.tonnes_per_teu);
  return req;
}

RouteRequest make_point_request(const NetworkHandle& h, const RequestArgs& a,
                                const std::string& frm, const std::string& to) {
  RouteRequest req = make_request(h, a);
  req.from = resolve_node(h, "frm", frm);
  req.to = resolve_node(h, "to", to);
  if (req.from == req.to) throw std::invalid_argument("frm and to name the same place");
  return req;
}

std::string no_route_message(const Network& net, const RouteRequest& req, RouteFailure failure) {
  const char* why = failure == RouteFailure::endpoint_excluded
                        ? "the origin or destination is excluded by avoid_country/avoid_node"
                        : "no route satisfies the constraints";
  return fmt::format("no route from {} to {}: {}", net.node(req.from).name, net.node(req.to).name,
                     why);
}

} // namespace caravan::py
