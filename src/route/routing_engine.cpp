// Engine selection between the state-graph contraction hierarchies and Router's Dijkstra.
#include "route/routing_engine.hpp"

#include <cmath>
#include <stdexcept>

namespace caravan {

std::string_view to_string(EngineChoice c) {
  switch (c) {
  case EngineChoice::automatic:
    return "auto";
  case EngineChoice::ch:
    return "ch";
  case EngineChoice::dijkstra:
    return "dijkstra";
  }
  return "?";
}

std::optional<EngineChoice> parse_engine_choice(std::string_view s) {
  for (EngineChoice c : {EngineChoice::automatic, EngineChoice::ch, EngineChoice::dijkstra})
    if (to_string(c) == s) return c;
  return std::nullopt;
}

std::optional<std::string_view> ch_cannot_answer(const RouteRequest& req, std::optional<int> year) {
  const Costing& c = req.costing;
  if (!c.avoid_countries.empty()) return "avoided countries";
  if (!c.avoid_modes.empty()) return "avoided modes";
  if (!c.avoid_nodes.empty()) return "avoided places";
  if (!c.via.empty()) return "via points";
  if (c.max_transfers) return "a transfer limit";
  if (!c.link_penalty.empty()) return "link penalties";
  if (!c.forbidden_links.empty()) return "forbidden links";
  if (c.year != year) return "another year";
  const double teu = req.shipment.teu.value();
  const double tonnes = req.shipment.tonnes_per_teu.value();
  if (!(std::isfinite(teu) && teu > 0.0 && std::isfinite(tonnes) && tonnes > 0.0))
    return "a shipment without positive TEU and tonnes";
  return std::nullopt;
}

RouteHierarchies::RouteHierarchies(const Network& net, EngineOptions options)
    : net_(&net), options_(std::move(options)), states_(count_route_states(net, options_.year)) {}

bool RouteHierarchies::prefers_ch() const {
  switch (options_.choice) {
  case EngineChoice::automatic:
    return states_ >= options_.ch_min_states;
  case EngineChoice::ch:
    return true;
  case EngineChoice::dijkstra:
    return false;
  }
  return false;
}

const StateHierarchy* RouteHierarchies::hierarchy(Objective o) const {
  Slot& slot = slots_[static_cast<std::size_t>(o)];
  std::call_once(slot.once, [&] {
    try {
      slot.hierarchy =
          std::make_unique<const StateHierarchy>(*net_, o, options_.year, options_.build);
    } catch (const std::invalid_argument& e) {
      slot.error = e.what();
    } catch (const std::overflow_error& e) {
      slot.error = e.what();
    }
  });
  return slot.hierarchy.get();
}

void RouteHierarchies::build_all() const {
  for (Objective o : {Objective::time, Objective::cost, Objective::co2, Objective::distance})
    (void)hierarchy(o);
}

std::string RouteHierarchies::build_error(Objective o) const {
  (void)hierarchy(o);
  return slots_[static_cast<std::size_t>(o)].error;
}

RoutingEngine::RoutingEngine(std::shared_ptr<const RouteHierarchies> hierarchies)
    : hierarchies_(std::move(hierarchies)), router_(hierarchies_->network()) {}

RoutingEngine::RoutingEngine(const Network& net, EngineOptions options)
    : RoutingEngine(std::make_shared<const RouteHierarchies>(net, std::move(options))) {}

RouteEngine RoutingEngine::engine_for(const RouteRequest& req) const {
  const RouteHierarchies& h = *hierarchies_;
  if (!h.prefers_ch() || ch_cannot_answer(req, h.options().year)) return RouteEngine::dijkstra;
  return RouteEngine::contraction_hierarchy;
}

RouteOutcome RoutingEngine::route(const RouteRequest& req) {
  if (engine_for(req) == RouteEngine::contraction_hierarchy) {
    const Objective o = req.costing.objective;
    if (const StateHierarchy* h = hierarchies_->hierarchy(o)) {
      auto& q = queries_[static_cast<std::size_t>(o)];
      if (!q) q = std::make_unique<StateHierarchyQuery>(*h);
      RouteOutcome out = q->route(req);
      if (!q->overflowed()) return out;
    }
  }
  return router_.route(req);
}

} // namespace caravan
