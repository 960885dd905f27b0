// A large synthetic multimodal network built over a synthetic road graph.
#include "support/synthetic_multimodal.hpp"

#include "graph/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>

namespace caravan::testing {

Network synthetic_multimodal_network(std::uint32_t road_nodes, std::uint64_t seed) {
  graph::SyntheticRoadParams params = graph::synthetic_params_for(road_nodes, seed);
  params.spacing_m = 1000.0; // a region, not a city: long enough trips for rail to pay
  const graph::Graph g = graph::generate_synthetic_road_graph(params);
  const std::uint32_t n = g.node_count();
  const double mid_x =
      (*std::min_element(g.x.begin(), g.x.end()) + *std::max_element(g.x.begin(), g.x.end())) / 2.0;
  NetworkBuilder b;
  for (std::uint32_t v = 0; v < n; ++v) {
    Node node;
    node.id = "synthetic" + std::to_string(v);
    node.name = node.id;
    node.country = g.x[v] < mid_x ? "KZ" : "CN";
    node.pos = {45.0 + g.y[v] / 111'000.0, 70.0 + g.x[v] / 78'500.0};
    node.kind = NodeKind::junction;
    node.source = "synthetic";
    b.add_node(node);
  }
  auto km_between = [&](std::uint32_t u, std::uint32_t v) {
    return std::hypot(g.x[u] - g.x[v], g.y[u] - g.y[v]) / 1000.0;
  };
  std::uint32_t next_link = 0;
  auto add_link = [&](std::uint32_t u, std::uint32_t v, Mode mode, Km length, Hours h, Usd usd,
                      double co2, bool oneway, int planned_year = 0) {
    Link l;
    l.id = "synthetic_l" + std::to_string(next_link++);
    l.from = NodeId(u);
    l.to = NodeId(v);
    l.mode = mode;
    l.length = length;
    l.duration = HoursRange::exactly(h);
    l.cost_per_teu = usd;
    l.co2_intensity = GramsCo2PerTonneKm{co2};
    l.oneway = oneway;
    l.source = "synthetic";
    if (planned_year != 0) {
      l.status = LinkStatus::planned;
      l.open_year = planned_year;
    }
    b.add_link(l);
  };
  // Roads: one two-way link per pair of opposite arcs of equal weight, else one-way links.
  for (std::uint32_t u = 0; u < n; ++u)
    for (std::uint32_t a = g.out_begin(u); a < g.out_end(u); ++a) {
      const std::uint32_t v = g.head[a];
      const graph::Weight back = g.arc_weight(NodeId(v), NodeId(u));
      const bool two_way = back == g.weight[a];
      if (two_way && v < u) continue; // added from the other end
      const double km = std::max(0.01, km_between(u, v));
      add_link(u, v, Mode::road, Km(km), Hours(g.weight[a] / 36'000.0), Usd(0.95 * km), 110.0,
               !two_way);
    }
  // Rail stations, each linked to its three nearest stations.
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
  std::vector<std::uint32_t> stations;
  for (std::uint32_t k = 0; k < std::max<std::uint32_t>(4, n / 150); ++k)
    stations.push_back(pick(rng));
  std::sort(stations.begin(), stations.end());
  stations.erase(std::unique(stations.begin(), stations.end()), stations.end());
  auto is_cn = [&](std::uint32_t v) { return g.x[v] >= mid_x; };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;
  for (std::uint32_t s : stations) {
    std::vector<std::uint32_t> near = stations;
    std::sort(near.begin(), near.end(), [&](std::uint32_t p, std::uint32_t q) {
      return km_between(s, p) < km_between(s, q);
    });
    for (std::size_t i = 1; i < std::min<std::size_t>(4, near.size()); ++i)
      lines.emplace_back(std::min(s, near[i]), std::max(s, near[i]));
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::bernoulli_distribution planned(0.1);
  for (const auto& [u, v] : lines) {
    const Mode gauge = is_cn(u) && is_cn(v) ? Mode::rail_1435 : Mode::rail_1520;
    const double km = 1.15 * std::max(0.1, km_between(u, v));
    add_link(u, v, gauge, Km(km), Hours(km / 200.0), Usd(0.3 * km), 22.0, false,
             planned(rng) ? 2030 : 0);
  }
  // Ferries between a few pairs of stations far apart (port handling where a route starts or ends
  // on one).
  for (std::size_t i = 0; i + 1 < stations.size() && i < 6; i += 2) {
    const std::uint32_t u = stations[i], v = stations[stations.size() - 1 - i];
    const double km = std::max(1.0, km_between(u, v));
    add_link(u, v, Mode::ferry, Km(km), Hours(km / 25.0), Usd(300.0 + 0.1 * km), 150.0, false);
  }
  auto transfer = [&](std::uint32_t v, std::optional<Mode> from, std::optional<Mode> to, double h,
                      double usd) {
    b.add_transfer({NodeId(v), from, to, HoursRange::exactly(Hours(h)), Usd(usd), "synthetic"});
  };
  for (std::uint32_t s : stations) {
    const Mode gauge = is_cn(s) ? Mode::rail_1435 : Mode::rail_1520;
    transfer(s, Mode::road, gauge, 0.5, 60.0);
    transfer(s, gauge, Mode::road, 0.4, 55.0);
    transfer(s, Mode::road, Mode::ferry, 6.0, 120.0); // port handling; also the boarding rule
    transfer(s, Mode::ferry, Mode::road, 5.0, 110.0);
    transfer(s, Mode::ferry, std::nullopt, 8.0, 90.0); // a cheaper but slower way off the ship
    if (is_cn(s)) {
      transfer(s, Mode::rail_1520, Mode::rail_1435, 4.0, 150.0);
      transfer(s, Mode::rail_1435, Mode::rail_1520, 4.0, 150.0);
      transfer(s, Mode::rail_1520, Mode::road, 0.4, 55.0);
    }
  }
  Network net = std::move(b).build();
  // Border dwell and charges on every crossing arc (a different charge in each direction).
  NetworkBuilder b2 = NetworkBuilder::from(net);
  std::set<std::tuple<std::uint32_t, std::uint32_t, Mode>> charged;
  for (const Arc& a : net.arcs())
    if (net.crosses_border(a) &&
        charged.emplace(a.tail.index(), a.head.index(), net.link(a.link).mode).second) {
      const Mode m = net.link(a.link).mode;
      const bool east = net.country_of(a.head) != net.country_of(NodeId(0));
      b2.add_border({a.tail, a.head, m, HoursRange::exactly(Hours(is_rail(m) ? 1.0 : 4.0)),
                     Usd(east ? 80.0 : 45.0), "synthetic"});
    }
  return std::move(b2).build();
}

} // namespace caravan::testing
