// One earliest-arrival tree, filtered by the budget.
#include "route/reach.hpp"

#include <algorithm>

namespace caravan {

ReachResult reach(const Network& net, const Timetable& tt, const RouteRequest& req,
                  EpochHours depart, Hours budget) {
  ReachResult out;
  out.from = req.from;
  out.depart = depart;
  out.budget = budget;
  TimetableRouter router(net, tt);
  router.tree(req, depart);
  const double end = depart + budget.value();
  for (std::uint32_t v = 0; v < net.node_count(); ++v) {
    const NodeId node(v);
    if (node == req.from) continue;
    const auto at = router.arrival(node);
    if (!at || *at > end + 1e-9) continue;
    auto r = router.route_to(node);
    if (!r) continue;
    out.places.push_back({node, Hours(*at - depart), *at, std::move(*r)});
  }
  std::sort(out.places.begin(), out.places.end(), [](const ReachPlace& a, const ReachPlace& b) {
    return a.hours.value() < b.hours.value() ||
           (a.hours.value() == b.hours.value() && a.node.index() < b.node.index());
  });
  for (const auto& a : router.tree_arcs()) {
    if (a.depart >= end) continue;
    ReachedArc ra{a.arc, Hours(a.depart - depart), Hours(a.arrive - depart), 1.0};
    if (a.arrive > end && a.arrive > a.depart)
      ra.fraction = std::clamp((end - a.depart) / (a.arrive - a.depart), 0.0, 1.0);
    out.arcs.push_back(ra);
  }
  std::sort(out.arcs.begin(), out.arcs.end(), [](const ReachedArc& a, const ReachedArc& b) {
    return a.depart.value() < b.depart.value() ||
           (a.depart.value() == b.depart.value() && a.arc.index() < b.arc.index());
  });
  return out;
}

} // namespace caravan
