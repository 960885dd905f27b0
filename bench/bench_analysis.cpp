// Benchmark driver for routing and decision analysis on the built-in eurasia network: single-query
// latency (p50/p99), Pareto query time, the regional-centre matrix, Monte Carlo samples per second.
// Prints a Markdown table. Usage: bench_analysis [network-dir] (default: the built-in network).
#include "analysis/reliability.hpp"
#include "bench_util.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "route/alternatives.hpp"
#include "route/matrix.hpp"
#include "route/pareto.hpp"
#include "route/router.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

using namespace caravan;
using namespace caravan::bench;

namespace {
double pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return percentile_sorted(v, p);
}
} // namespace

int main(int argc, char** argv) {
  const Network net = argc > 1
                          ? formats::read_network(argv[1]).network
                          : formats::parse_network(*formats::builtin_network("eurasia")).network;
  fmt::print("network: {} nodes, {} links, {} transfers; {} hardware threads\n\n", net.node_count(),
             net.link_count(), net.transfers().size(), std::thread::hardware_concurrency());
  std::mt19937 rng(1);
  std::uniform_int_distribution<std::uint32_t> pick(
      0, static_cast<std::uint32_t>(net.node_count() - 1));
  std::vector<std::pair<NodeId, NodeId>> pairs;
  while (pairs.size() < 2000) {
    const NodeId a(pick(rng)), b(pick(rng));
    if (a != b) pairs.emplace_back(a, b);
  }
  fmt::print("| measurement | value |\n|---|---|\n");

  for (Objective o : {Objective::time, Objective::cost}) {
    Router router(net);
    std::vector<double> lat;
    std::size_t settled = 0;
    for (auto [a, b] : pairs) {
      RouteRequest req{a, b, {}, {}};
      req.costing.objective = o;
      const auto t0 = Clock::now();
      const auto r = router.route(req);
      lat.push_back(us_since(t0));
      settled += router.settled();
    }
    fmt::print("| route by {}: p50 / p99 latency, {} random pairs | {:.1f} / {:.1f} us ({:.0f} "
               "states settled on average) |\n",
               to_string(o), pairs.size(), pct(lat, 50), pct(lat, 99),
               static_cast<double>(settled) / pairs.size());
  }
  {
    ParetoRouter pr(net);
    std::vector<double> lat;
    std::size_t routes = 0, labels = 0;
    for (std::size_t i = 0; i < 200; ++i) {
      const auto t0 = Clock::now();
      const ParetoFront f = pr.run({pairs[i].first, pairs[i].second, {}, {}});
      lat.push_back(us_since(t0));
      routes += f.routes.size();
      labels += f.labels;
    }
    fmt::print("| pareto (time, cost, CO2): p50 / p99, 200 pairs | {:.0f} / {:.0f} us ({:.1f} "
               "routes, {:.0f} labels on average) |\n",
               pct(lat, 50), pct(lat, 99), routes / 200.0, labels / 200.0);
  }
  {
    Router router(net);
    std::vector<double> lat;
    for (std::size_t i = 0; i < 200; ++i) {
      const auto t0 = Clock::now();
      (void)find_alternatives(router, {pairs[i].first, pairs[i].second, {}, {}});
      lat.push_back(us_since(t0));
    }
    fmt::print("| alternatives k=3: p50 / p99, 200 pairs | {:.0f} / {:.0f} us |\n", pct(lat, 50),
               pct(lat, 99));
  }
  {
    std::vector<NodeId> centres, all;
    for (std::uint32_t i = 0; i < net.node_count(); ++i) {
      all.emplace_back(i);
      if (net.node(NodeId(i)).country == "KZ" && net.node(NodeId(i)).kind == NodeKind::city)
        centres.emplace_back(i);
    }
    for (unsigned threads : {1u, 2u}) {
      const auto t0 = Clock::now();
      const Matrix m = compute_matrix(net, centres, centres, {}, {}, threads);
      fmt::print("| matrix {}x{} regional centres, {} thread(s) | {:.2f} ms |\n", centres.size(),
                 centres.size(), threads, us_since(t0) / 1000.0);
    }
    const auto t0 = Clock::now();
    const Matrix m = compute_matrix(net, all, all, {}, {}, 2);
    fmt::print("| matrix all x all ({}x{}), 2 threads | {:.2f} ms |\n", all.size(), all.size(),
               us_since(t0) / 1000.0);
  }
  {
    Router router(net);
    const auto lian = net.find_node_id("cn_lianyungang"), duis = net.find_node_id("de_duisburg");
    const auto route = router.route({lian.value_or(NodeId(0)), duis.value_or(NodeId(1)), {}, {}});
    if (route.ok()) {
      ReliabilityOptions o;
      o.samples = 200'000;
      const auto t0 = Clock::now();
      const ReliabilityResult r = simulate_transit(net, *route.route, o);
      const double s = us_since(t0) / 1e6;
      fmt::print("| Monte Carlo, Lianyungang-Duisburg ({} legs): samples per second | {:.2f} "
                 "million (P50 {:.1f} d, P95 {:.1f} d) |\n",
                 route.route->legs.size(), o.samples / s / 1e6, r.p50.value() / 24,
                 r.p95.value() / 24);
    }
  }
  return 0;
}
