// The keyword options of the Python calls that route (by=, avoid_country=, year=, teu= ...),
// checked as the CLI checks its flags, and their translation into the library's RouteRequest.
#pragma once

#include "network_handle.hpp"
#include "route/router.hpp"

#include <optional>
#include <string>
#include <vector>

namespace caravan::py {

/// Mirrors apps/caravan's RequestOptions; names are the Python keywords.
struct RequestArgs {
  std::string by = "time";
  std::vector<std::string> avoid_country;
  std::vector<std::string> avoid_mode;
  std::vector<std::string> avoid_node;
  std::optional<int> max_transfers;
  std::optional<int> year;
  double teu = 1.0;
  double tonnes_per_teu = 10.0;
};

/// Costing and shipment (places not resolved). Throws std::invalid_argument (ValueError) for a
/// value outside the CLI's range and UnknownName (KeyError) for an unknown place or country.
RouteRequest make_request(const NetworkHandle& h, const RequestArgs& a);

/// make_request() plus `frm` and `to` resolved (distinct places).
RouteRequest make_point_request(const NetworkHandle& h, const RequestArgs& a,
                                const std::string& frm, const std::string& to);

/// The node `query` names, for parameter `param`; UnknownName with the CLI's message.
NodeId resolve_node(const NetworkHandle& h, const std::string& param, const std::string& query);

/// A place set: a spec string (`centres:KZ`, `kind:seaport`, `all`, names separated by commas)
/// or, when `names` is set, exactly those places.
std::vector<NodeId> resolve_nodes(const NetworkHandle& h, const std::string& param,
                                  const std::optional<std::string>& spec,
                                  const std::vector<std::string>& names);

/// "no route from X to Y: ..." as the CLI says it.
std::string no_route_message(const Network& net, const RouteRequest& req, RouteFailure failure);

} // namespace caravan::py
