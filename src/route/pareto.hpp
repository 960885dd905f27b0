// The Pareto front over (time, cost, CO2) by multi-criteria label setting on the state graph.
#pragma once

#include "core/network.hpp"
#include "route/route.hpp"
#include "route/router.hpp"

#include <vector>

namespace caravan {

struct ParetoOptions {
  /// Safety bound on labels created; the front is marked truncated when it is reached.
  std::size_t max_labels = 2'000'000;
};

struct ParetoFront {
  std::vector<Route> routes; ///< non-dominated in (hours, usd, kg CO2), by increasing hours
  bool truncated = false;
  std::size_t labels = 0; ///< labels created (work measure)
};

/// Martins' label-setting algorithm: labels are settled in lexicographic (time, cost, CO2) order;
/// each state keeps a bag of mutually non-dominated labels, and labels dominated by a settled label
/// at the destination are pruned. Honours avoid lists, the year rule and max_transfers; ignores the
/// objective, penalties and required links. Reusable; one per thread.
class ParetoRouter {
public:
  explicit ParetoRouter(const Network& net) : net_(&net) {}
  ParetoFront run(const RouteRequest& req, const ParetoOptions& options = {});

private:
  const Network* net_;
};

} // namespace caravan
