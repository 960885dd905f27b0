// Many-to-many tables: one one-to-all search per origin, run in parallel over origins.
#pragma once

#include "core/network.hpp"
#include "route/router.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace caravan {

struct MatrixCell {
  Totals totals;
  int transfers = 0;
  int borders = 0;
};

struct Matrix {
  std::vector<NodeId> origins;
  std::vector<NodeId> destinations;
  Objective objective = Objective::time;
  /// Row-major: cell(i, j) for origins[i] -> destinations[j]; empty when unreachable or i == j.
  std::vector<std::optional<MatrixCell>> cells;
  [[nodiscard]] const std::optional<MatrixCell>& cell(std::size_t i, std::size_t j) const {
    return cells[i * destinations.size() + j];
  }
};

/// Called after each origin row with (rows done, rows total); may be called from worker threads.
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

/// The route totals between every origin and destination under `costing` (its objective picks the
/// route; every total of that route is reported). `threads` = 0 uses all cores.
Matrix compute_matrix(const Network& net, const std::vector<NodeId>& origins,
                      const std::vector<NodeId>& destinations, const Costing& costing,
                      const Shipment& shipment, unsigned threads = 0,
                      const ProgressCallback& progress = {});

} // namespace caravan
