// Parallel batches of point-to-point routes for the Python module (see batch_calls.hpp).
#include "batch_calls.hpp"

#include "interruptible.hpp"

#include <pybind11/numpy.h>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <limits>
#include <memory>
#include <unordered_map>

namespace caravan::py {

pyb::dict route_many_call(const NetworkHandle& h, const std::vector<std::string>& frm,
                          const std::vector<std::string>& to, const RequestArgs& a,
                          unsigned threads) {
  if (frm.size() != to.size())
    throw std::invalid_argument("frm and to: " + std::to_string(frm.size()) + " and " +
                                std::to_string(to.size()) + " places; give one pair per row");
  const RouteRequest base = make_request(h, a);
  std::unordered_map<std::string, NodeId> seen;
  auto node = [&](const std::string& param, std::size_t row, const std::string& name) {
    if (auto it = seen.find(name); it != seen.end()) return it->second;
    const NodeId id = resolve_node(h, param + "[" + std::to_string(row) + "]", name);
    seen.emplace(name, id);
    return id;
  };
  const std::size_t n = frm.size();
  std::vector<NodeId> from_ids(n), to_ids(n);
  for (std::size_t i = 0; i < n; ++i) {
    from_ids[i] = node("frm", i, frm[i]);
    to_ids[i] = node("to", i, to[i]);
    if (from_ids[i] == to_ids[i])
      throw std::invalid_argument("frm[" + std::to_string(i) + "] and to[" + std::to_string(i) +
                                  "] name the same place");
  }
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  pyb::array_t<bool> reachable(static_cast<pyb::ssize_t>(n));
  std::vector<pyb::array_t<double>> cols;
  for (int k = 0; k < 6; ++k) cols.emplace_back(static_cast<pyb::ssize_t>(n));
  bool* ok = reachable.mutable_data();
  double* out[6];
  for (int k = 0; k < 6; ++k) out[k] = cols[k].mutable_data();
  run_interruptible([&](const Interrupt& interrupt) {
    std::unique_ptr<tbb::global_control> limit;
    if (threads > 0)
      limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                    threads);
    tbb::enumerable_thread_specific<Router> routers([&] { return Router(*h.net); });
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 64),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        Router& router = routers.local();
                        RouteRequest req = base;
                        req.costing.interrupt = &interrupt;
                        for (std::size_t i = range.begin(); i != range.end(); ++i) {
                          req.from = from_ids[i];
                          req.to = to_ids[i];
                          const RouteOutcome r = router.route(req);
                          ok[i] = r.ok();
                          const Totals t = r.ok() ? r.route->totals : Totals{};
                          out[0][i] = r.ok() ? t.km.value() : kNaN;
                          out[1][i] = r.ok() ? t.hours.value() : kNaN;
                          out[2][i] = r.ok() ? t.usd.value() : kNaN;
                          out[3][i] = r.ok() ? t.co2.value() : kNaN;
                          out[4][i] = r.ok() ? r.route->transfers : kNaN;
                          out[5][i] = r.ok() ? r.route->borders : kNaN;
                        }
                      });
  });
  pyb::dict d;
  d["reachable"] = reachable;
  const char* names[6] = {"km", "hours", "usd", "kg_co2", "transfers", "borders"};
  for (int k = 0; k < 6; ++k) d[names[k]] = cols[k];
  return d;
}

} // namespace caravan::py
