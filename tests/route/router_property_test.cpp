// Property tests: the router's optimal values equal Boost.Graph's Dijkstra on random graphs, both
// on plain single-mode graphs and on an explicitly built state graph with transfers and borders.
#include "route/router.hpp"
#include "support/random_network.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace caravan {
namespace {

using testing::random_network;
using testing::RandomNetwork;

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

std::vector<double> boost_dijkstra(const BoostGraph& g, std::size_t source) {
  std::vector<double> dist(boost::num_vertices(g));
  boost::dijkstra_shortest_paths(g, source, boost::distance_map(dist.data()));
  return dist;
}

/// Reference: the state graph built explicitly (node x arriving mode x transfers used), solved with
/// Boost.Graph's Dijkstra. Returns the optimum over all arrival states at `to`.
double reference_optimum(const Network& net, NodeId from, NodeId to, const Costing& c,
                         const Shipment& s) {
  const std::size_t n = net.node_count();
  const std::size_t modes = kModeCount + 1;
  const std::size_t layers = c.max_transfers ? static_cast<std::size_t>(*c.max_transfers) + 1 : 1;
  auto id = [&](std::size_t layer, std::size_t v, std::size_t mode) {
    return (layer * n + v) * modes + mode;
  };
  BoostGraph g(layers * n * modes);
  for (std::size_t layer = 0; layer < layers; ++layer)
    for (std::size_t v = 0; v < n; ++v)
      for (std::size_t in = 0; in < modes; ++in) {
        if (in == kModeCount && (layer != 0 || v != from.index())) continue;
        for (const Arc& a : net.arcs()) {
          if (a.tail.index() != v) continue;
          const Link& l = net.link(a.link);
          if (c.avoid_modes.contains(l.mode)) continue;
          double w = arc_totals(net, a, s).get(c.objective);
          std::size_t next = layer;
          const auto out = static_cast<std::size_t>(l.mode);
          if (in == kModeCount) {
            if (const Transfer* h = end_handling(net, a.tail, l.mode, true, c.objective, s))
              w += transfer_totals(*h, s).get(c.objective);
          } else if (in != out) {
            const Transfer* t = net.find_transfer(a.tail, static_cast<Mode>(in), l.mode);
            if (!t) continue;
            if (c.max_transfers) {
              if (layer + 1 >= layers) continue;
              ++next;
            }
            w += transfer_totals(*t, s).get(c.objective);
          }
          boost::add_edge(id(layer, v, in), id(next, a.head.index(), out), w, g);
        }
      }
  const auto dist = boost_dijkstra(g, id(0, from.index(), kModeCount));
  double best = std::numeric_limits<double>::max();
  for (std::size_t layer = 0; layer < layers; ++layer)
    for (std::size_t in = 0; in < kModeCount; ++in) {
      double d = dist[id(layer, to.index(), in)];
      // Port handling where the route ends on a ship.
      if (const Transfer* h = end_handling(net, to, static_cast<Mode>(in), false, c.objective, s))
        d += transfer_totals(*h, s).get(c.objective);
      best = std::min(best, d);
    }
  return best;
}

void expect_valid_route(const Network& net, const Route& r) {
  NodeId at = r.from;
  for (const Leg& leg : r.legs) {
    EXPECT_EQ(leg.from, at);
    for (ArcId a : leg.arcs) {
      EXPECT_EQ(net.arc(a).tail, at);
      EXPECT_EQ(net.link(net.arc(a).link).mode, leg.mode);
      at = net.arc(a).head;
    }
    EXPECT_EQ(leg.to, at);
  }
  EXPECT_EQ(at, r.to);
}

void check(const Network& net, const Costing& c, std::mt19937& rng, int queries) {
  Router router(net);
  std::uniform_int_distribution<std::uint32_t> pick(
      0, static_cast<std::uint32_t>(net.node_count() - 1));
  for (int q = 0; q < queries; ++q) {
    const NodeId from(pick(rng)), to(pick(rng));
    if (from == to) continue;
    const Shipment s;
    const double ref = reference_optimum(net, from, to, c, s);
    const RouteOutcome out = router.route({from, to, c, s});
    if (ref == std::numeric_limits<double>::max()) {
      EXPECT_FALSE(out.ok()) << "router found a route the reference did not";
      continue;
    }
    ASSERT_TRUE(out.ok()) << "router found no route; reference optimum " << ref;
    EXPECT_NEAR(out.route->totals.get(c.objective), ref, 1e-9 * std::max(1.0, ref))
        << "start handling " << out.route->start_handling.has_value() << " end handling "
        << out.route->end_handling.has_value() << " legs " << out.route->legs.size()
        << " first mode " << to_string(out.route->legs.front().mode) << " last mode "
        << to_string(out.route->legs.back().mode);
    expect_valid_route(net, *out.route);
    if (c.max_transfers) {
      EXPECT_LE(out.route->transfers, *c.max_transfers);
    }
  }
}

TEST(RouterProperty, SingleModeMatchesBoostDijkstraOnTheGraph) {
  std::mt19937 rng(20261123);
  for (int graph = 0; graph < 200; ++graph) {
    std::uniform_int_distribution<int> size(2, 60);
    const int n = size(rng);
    const RandomNetwork rn = random_network(rng, n, n * 3, {Mode::road}, false);
    // Boost on the plain graph, objective = distance.
    BoostGraph g(rn.net.node_count());
    for (const Arc& a : rn.net.arcs())
      boost::add_edge(a.tail.index(), a.head.index(), rn.net.link(a.link).length.value(), g);
    Router router(rn.net);
    for (std::uint32_t src = 0; src < std::min<std::uint32_t>(3, static_cast<std::uint32_t>(n));
         ++src) {
      const auto dist = boost_dijkstra(g, src);
      for (std::uint32_t dst = 0; dst < static_cast<std::uint32_t>(n); ++dst) {
        if (dst == src) continue;
        Costing c;
        c.objective = Objective::distance;
        const RouteOutcome out = router.route({NodeId(src), NodeId(dst), c, {}});
        if (dist[dst] == std::numeric_limits<double>::max()) {
          EXPECT_FALSE(out.ok());
        } else {
          ASSERT_TRUE(out.ok());
          EXPECT_NEAR(out.route->totals.km.value(), dist[dst], 1e-9 * std::max(1.0, dist[dst]));
        }
      }
    }
  }
}

TEST(RouterProperty, MultiModalMatchesExplicitStateGraph) {
  std::mt19937 rng(7);
  const std::vector<Mode> modes{Mode::rail_1435, Mode::rail_1520, Mode::road, Mode::ferry};
  for (int graph = 0; graph < 200; ++graph) {
    std::uniform_int_distribution<int> size(3, 30);
    const int n = size(rng);
    const RandomNetwork rn = random_network(rng, n, n * 3, modes, true);
    Costing c;
    c.objective = static_cast<Objective>(graph % 4);
    check(rn.net, c, rng, 5);
  }
}

TEST(RouterProperty, MaxTransfersAndAvoidModeMatchExplicitStateGraph) {
  std::mt19937 rng(11);
  const std::vector<Mode> modes{Mode::rail_1435, Mode::rail_1520, Mode::road};
  for (int graph = 0; graph < 200; ++graph) {
    std::uniform_int_distribution<int> size(3, 20);
    const int n = size(rng);
    const RandomNetwork rn = random_network(rng, n, n * 3, modes, true);
    Costing c;
    c.objective = static_cast<Objective>(graph % 4);
    c.max_transfers = graph % 3;
    if (graph % 5 == 0) c.avoid_modes.insert(Mode::road);
    check(rn.net, c, rng, 5);
  }
}

TEST(RouterProperty, QueryObjectIsReusableAcrossManyQueries) {
  std::mt19937 rng(3);
  const RandomNetwork rn = random_network(rng, 40, 120, {Mode::rail_1520, Mode::road}, true);
  Router reused(rn.net);
  std::uniform_int_distribution<std::uint32_t> pick(0, 39);
  for (int q = 0; q < 500; ++q) {
    const NodeId a(pick(rng)), b(pick(rng));
    if (a == b) continue;
    Router fresh(rn.net);
    const auto x = reused.route({a, b, {}, {}});
    const auto y = fresh.route({a, b, {}, {}});
    ASSERT_EQ(x.ok(), y.ok());
    if (x.ok()) {
      EXPECT_EQ(x.route->totals.hours, y.route->totals.hours);
    }
  }
}

} // namespace
} // namespace caravan
