// Corridor comparison by searches constrained to use each corridor's distinctive links.
#include "analysis/corridor_compare.hpp"

#include <algorithm>

namespace caravan {

std::vector<std::vector<std::uint8_t>> distinctive_links(const Network& net) {
  const std::size_t nc = net.corridors().size();
  std::vector<std::vector<std::uint8_t>> out(nc, std::vector<std::uint8_t>(net.link_count(), 0));
  std::vector<std::size_t> distinct_count(nc, 0);
  for (std::uint32_t l = 0; l < net.link_count(); ++l) {
    const auto cs = net.corridors_of(LinkId(l));
    if (cs.size() == 1) {
      out[cs[0].index()][l] = 1;
      ++distinct_count[cs[0].index()];
    }
  }
  for (std::uint32_t l = 0; l < net.link_count(); ++l)
    for (CorridorId c : net.corridors_of(LinkId(l)))
      if (distinct_count[c.index()] == 0) out[c.index()][l] = 1;
  return out;
}

CorridorComparison compare_corridors(Router& router, const RouteRequest& req) {
  const Network& net = router.network();
  CorridorComparison cmp;
  if (auto best = router.route(req); best.ok()) cmp.best = std::move(best.route);
  const auto required = distinctive_links(net);
  std::vector<std::uint8_t> forbidden(net.link_count());
  for (std::uint32_t c = 0; c < net.corridors().size(); ++c) {
    // Through corridor c: at least one of its own links, none of the other corridors' own links.
    std::fill(forbidden.begin(), forbidden.end(), 0);
    for (std::uint32_t o = 0; o < net.corridors().size(); ++o)
      if (o != c)
        for (std::size_t l = 0; l < forbidden.size(); ++l)
          if (required[o][l] != 0 && required[c][l] == 0) forbidden[l] = 1;
    RouteRequest r = req;
    r.costing.required_links = required[c];
    r.costing.forbidden_links = forbidden;
    RouteOutcome out = router.route(r);
    cmp.options.push_back({CorridorId(c), std::move(out.route)});
  }
  const Objective o = req.costing.objective;
  std::stable_sort(cmp.options.begin(), cmp.options.end(), [o](const CorridorOption& a, const CorridorOption& b) {
    if (a.route.has_value() != b.route.has_value()) return a.route.has_value();
    return a.route && a.route->totals.get(o) < b.route->totals.get(o);
  });
  return cmp;
}

} // namespace caravan
