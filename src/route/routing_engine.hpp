// Engine selection: answers route requests with a contraction hierarchy of the state graph when the
// network is large and the request has no constraint the hierarchy cannot honour, else with
// Router's Dijkstra.
#pragma once

#include "route/router.hpp"
#include "route/state_hierarchy.hpp"

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace caravan {

/// How requests choose their engine.
enum class EngineChoice : std::uint8_t {
  automatic, ///< the hierarchy when the state graph has at least `ch_min_states` states
  ch,        ///< the hierarchy whenever it can answer, whatever the network's size
  dijkstra,  ///< always Router's Dijkstra
};

/// "auto", "ch" or "dijkstra".
std::string_view to_string(EngineChoice c);
std::optional<EngineChoice> parse_engine_choice(std::string_view s);

struct EngineOptions {
  EngineChoice choice = EngineChoice::automatic;
  /// With `automatic`, networks whose state graph (count_route_states) has fewer states use
  /// Dijkstra: below this size a query takes about a millisecond and a hierarchy does not pay.
  std::size_t ch_min_states = 20'000;
  /// The year rule hierarchies are built for (unset: existing links only). Requests with another
  /// year go to Dijkstra.
  std::optional<int> year;
  /// Passed to build_contraction_hierarchy (its progress callback reports each build).
  route::ChBuildOptions build;
};

/// Why `req` cannot be answered by a hierarchy built for `year`, or nullopt when it can: avoid
/// lists, via points, a transfer limit, link penalties or forbidden links, another year, or a
/// shipment whose TEU or tonnes are not positive and finite (costs are linear in TEU and emissions
/// in tonnes, so any positive shipment has the best path of the default one).
[[nodiscard]] std::optional<std::string_view> ch_cannot_answer(const RouteRequest& req,
                                                               std::optional<int> year);

/// The hierarchies of one network, one per objective, built on first use (or all at once with
/// build_all) and then shared read-only. Thread-safe: concurrent callers of hierarchy() wait for a
/// build in progress.
class RouteHierarchies {
public:
  explicit RouteHierarchies(const Network& net, EngineOptions options = {});

  [[nodiscard]] const Network& network() const { return *net_; }
  [[nodiscard]] const EngineOptions& options() const { return options_; }
  /// States of the network's state graph under options().year.
  [[nodiscard]] std::size_t state_count() const { return states_; }
  /// Whether requests that a hierarchy can answer go to it (by choice and size).
  [[nodiscard]] bool prefers_ch() const;

  /// The hierarchy for `o`, building it if needed; nullptr when it cannot be built (negative or
  /// non-finite step values, see build_error()).
  const StateHierarchy* hierarchy(Objective o) const;
  /// Builds the hierarchy of every objective now (a server does this at start-up).
  void build_all() const;
  /// Why the hierarchy for `o` could not be built (empty when it was); builds it if needed.
  [[nodiscard]] std::string build_error(Objective o) const;

private:
  struct Slot {
    std::once_flag once;
    std::unique_ptr<const StateHierarchy> hierarchy;
    std::string error;
  };
  const Network* net_;
  EngineOptions options_;
  std::size_t states_ = 0;
  mutable std::array<Slot, 4> slots_;
};

/// A per-thread query object: a Router and, per objective, a query on the shared hierarchy. route()
/// picks the engine and says which one answered in RouteOutcome::engine.
class RoutingEngine {
public:
  /// `hierarchies` may be shared by any number of engines (one per thread).
  explicit RoutingEngine(std::shared_ptr<const RouteHierarchies> hierarchies);
  /// An engine with its own hierarchies.
  RoutingEngine(const Network& net, EngineOptions options);

  RouteOutcome route(const RouteRequest& req);
  /// The engine route() would use for `req` (without building anything).
  [[nodiscard]] RouteEngine engine_for(const RouteRequest& req) const;

  /// The Dijkstra router, for searches the hierarchy does not offer (alternatives, trees).
  Router& dijkstra() { return router_; }
  [[nodiscard]] const Network& network() const { return router_.network(); }
  [[nodiscard]] const RouteHierarchies& hierarchies() const { return *hierarchies_; }

private:
  std::shared_ptr<const RouteHierarchies> hierarchies_;
  Router router_;
  std::array<std::unique_ptr<StateHierarchyQuery>, 4> queries_;
};

} // namespace caravan
