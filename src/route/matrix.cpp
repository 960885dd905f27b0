// Parallel many-to-many matrix: TBB over origins, one reusable Router per worker thread.
#include "route/matrix.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <memory>

namespace caravan {

Matrix compute_matrix(const Network& net, const std::vector<NodeId>& origins,
                      const std::vector<NodeId>& destinations, const Costing& costing,
                      const Shipment& shipment, unsigned threads,
                      const ProgressCallback& progress) {
  Matrix m;
  m.origins = origins;
  m.destinations = destinations;
  m.objective = costing.objective;
  m.cells.resize(origins.size() * destinations.size());
  std::unique_ptr<tbb::global_control> limit;
  if (threads > 0)
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  threads);
  tbb::enumerable_thread_specific<Router> routers([&] { return Router(net); });
  std::atomic<std::size_t> done{0};
  tbb::parallel_for(std::size_t{0}, origins.size(), [&](std::size_t i) {
    Router& router = routers.local();
    router.tree(RouteRequest{origins[i], origins[i], costing, shipment});
    for (std::size_t j = 0; j < destinations.size(); ++j) {
      if (auto r = router.route_to(destinations[j]))
        m.cells[i * destinations.size() + j] = MatrixCell{r->totals, r->transfers, r->borders};
    }
    const std::size_t d = ++done;
    if (progress) progress(d, origins.size());
  });
  return m;
}

} // namespace caravan
