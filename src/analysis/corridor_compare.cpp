// Corridor comparison: project origin and destination onto each corridor, then route via its nodes.
#include "analysis/corridor_compare.hpp"

#include <algorithm>
#include <limits>

namespace caravan {

CorridorComparison compare_corridors(Router& router, const RouteRequest& req,
                                     const CompareOptions& options) {
  const Network& net = router.network();
  const Objective obj = req.costing.objective;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  CorridorComparison cmp;
  if (auto best = router.route(req); best.ok()) cmp.best = std::move(best.route);
  if (!cmp.best) return cmp;

  // Cost from the origin to every node (one tree), and from each corridor node to the destination.
  std::vector<double> from_origin(net.node_count(), kInf);
  router.tree(req);
  for (std::uint32_t v = 0; v < net.node_count(); ++v)
    if (auto r = router.route_to(NodeId(v))) from_origin[v] = r->totals.get(obj);
  from_origin[req.from.index()] = 0.0;
  std::vector<double> to_dest(net.node_count(), -1.0); // -1 = not computed yet
  auto cost_to_dest = [&](NodeId v) {
    if (to_dest[v.index()] < 0.0) {
      if (v == req.to) {
        to_dest[v.index()] = 0.0;
      } else {
        RouteRequest r = req;
        r.from = v;
        const RouteOutcome out = router.route(r);
        to_dest[v.index()] = out.ok() ? out.route->totals.get(obj) : kInf;
      }
    }
    return to_dest[v.index()];
  };

  for (std::uint32_t c = 0; c < net.corridors().size(); ++c) {
    const auto& seq = net.corridor(CorridorId(c)).nodes;
    CorridorOption opt{CorridorId(c), std::nullopt, NodeId::invalid(), NodeId::invalid()};
    std::size_t entry = 0, exit = 0;
    double best_in = kInf, best_out = kInf;
    for (std::size_t k = 0; k < seq.size(); ++k) {
      if (from_origin[seq[k].index()] < best_in) {
        best_in = from_origin[seq[k].index()];
        entry = k;
      }
      if (const double d = cost_to_dest(seq[k]); d < best_out) {
        best_out = d;
        exit = k;
      }
    }
    if (best_in < kInf && best_out < kInf && entry != exit) {
      RouteRequest r = req;
      r.costing.via_links = true;
      const int step = entry < exit ? 1 : -1;
      for (auto k = static_cast<std::ptrdiff_t>(entry);; k += step) {
        r.costing.via.push_back(seq[static_cast<std::size_t>(k)]);
        if (k == static_cast<std::ptrdiff_t>(exit)) break;
      }
      RouteOutcome out = router.route(r);
      if (out.ok()) {
        double along = 0.0;
        for (const Leg& leg : out.route->legs)
          for (ArcId a : leg.arcs) {
            const auto cs = net.corridors_of(net.arc(a).link);
            if (std::find(cs.begin(), cs.end(), CorridorId(c)) != cs.end())
              along += net.link(net.arc(a).link).length.value();
          }
        const double km = out.route->totals.km.value();
        opt.share = km > 0.0 ? along / km : 0.0;
        if (opt.share >= options.min_share) {
          opt.route = std::move(out.route);
          opt.entry = seq[entry];
          opt.exit = seq[exit];
        }
      }
    }
    cmp.options.push_back(std::move(opt));
  }
  // Rank by the objective (corridors that do not serve last); sorting indices keeps Route moves out
  // of the sort.
  std::vector<std::size_t> order(cmp.options.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto value = [&](std::size_t i) {
    return cmp.options[i].route ? cmp.options[i].route->totals.get(obj)
                                : std::numeric_limits<double>::infinity();
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return value(a) < value(b); });
  std::vector<CorridorOption> ranked;
  ranked.reserve(order.size());
  for (std::size_t i : order) ranked.push_back(std::move(cmp.options[i]));
  cmp.options = std::move(ranked);
  return cmp;
}

} // namespace caravan
