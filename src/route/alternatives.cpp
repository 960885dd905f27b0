// Alternative routes by the penalty method (penalise used links, search again, filter).
#include "route/alternatives.hpp"

#include <algorithm>
#include <unordered_set>

namespace caravan {

double overlap_share(const Network& net, const Route& a, const Route& b) {
  std::unordered_set<std::uint32_t> in_b;
  for (const Leg& l : b.legs)
    for (ArcId arc : l.arcs) in_b.insert(net.arc(arc).link.index());
  double shared = 0.0, total = 0.0;
  for (const Leg& l : a.legs)
    for (ArcId arc : l.arcs) {
      const Link& link = net.link(net.arc(arc).link);
      total += link.length.value();
      if (in_b.contains(net.arc(arc).link.index())) shared += link.length.value();
    }
  return total > 0.0 ? shared / total : 1.0;
}

namespace {
std::vector<std::uint32_t> links_of(const Network& net, const Route& r) {
  std::vector<std::uint32_t> out;
  for (const Leg& l : r.legs)
    for (ArcId arc : l.arcs) out.push_back(net.arc(arc).link.index());
  return out;
}
} // namespace

std::vector<Route> find_alternatives(Router& router, const RouteRequest& req,
                                     const AlternativesOptions& o) {
  std::vector<Route> accepted;
  const RouteOutcome best = router.route(req);
  if (!best.ok() || o.k == 0) return accepted;
  const Network& net = router.network();
  accepted.push_back(*best.route);
  const double best_value = best.route->totals.get(req.costing.objective);
  std::vector<double> penalty(net.link_count(), 1.0);
  std::vector<std::uint32_t> last = links_of(net, *best.route);
  for (int round = 0; round < o.max_rounds && accepted.size() < o.k; ++round) {
    for (std::uint32_t l : last) penalty[l] *= o.penalty_factor;
    RouteRequest pr = req;
    pr.costing.link_penalty = penalty;
    const RouteOutcome cand = router.route(pr);
    if (!cand.ok()) break;
    last = links_of(net, *cand.route);
    const double value = cand.route->totals.get(req.costing.objective);
    if (best_value > 0.0 && value > o.max_stretch * best_value) continue;
    bool distinct = true;
    // Checked both ways, since the penalty method does not find routes in order of their cost.
    for (const Route& r : accepted)
      distinct = distinct && overlap_share(net, *cand.route, r) < o.max_overlap &&
                 overlap_share(net, r, *cand.route) < o.max_overlap;
    if (distinct) accepted.push_back(*cand.route);
  }
  std::stable_sort(accepted.begin(), accepted.end(), [&](const Route& a, const Route& b) {
    return a.totals.get(req.costing.objective) < b.totals.get(req.costing.objective);
  });
  return accepted;
}

} // namespace caravan
