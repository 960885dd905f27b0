// Benchmark driver for engine selection: route latency with the automatic engine (contraction
// hierarchies of the state graph) against Router's Dijkstra on one large network, plus the
// hierarchy build time per objective. Prints a Markdown table.
// Usage: bench_engine [--network DIR | --synthetic NODES] [--pairs N] [--objectives time,cost,...]
// [--ch-min-states N] (the auto threshold, default 20,000 states). Default: --objectives time.
// (default: a SYNTHETIC multimodal network of 100,000 road nodes,
// tests/support/synthetic_multimodal).
#include "bench_util.hpp"
#include "formats/csv_network.hpp"
#include "route/routing_engine.hpp"
#include "support/synthetic_multimodal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>

using namespace caravan;
using namespace caravan::bench;

namespace {
double pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}
double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}
} // namespace

int main(int argc, char** argv) {
  std::string dir;
  std::uint32_t synthetic = 100'000;
  std::size_t pair_count = 1000;
  EngineOptions engine_options;
  // Time only by default: on the synthetic grid the cost and distance hierarchies take 10x longer
  // to build (pass --objectives time,cost,co2,distance for all four).
  std::vector<Objective> objectives{Objective::time};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "{} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--network") {
      dir = value();
    } else if (a == "--synthetic") {
      synthetic = static_cast<std::uint32_t>(std::stoul(value()));
    } else if (a == "--ch-min-states") {
      engine_options.ch_min_states = std::stoul(value());
    } else if (a == "--core-size") {
      engine_options.build.core_size = static_cast<std::uint32_t>(std::stoul(value()));
    } else if (a == "--estimate-settle-limit") {
      engine_options.build.estimate_settle_limit = static_cast<std::uint32_t>(std::stoul(value()));
    } else if (a == "--pairs") {
      pair_count = std::stoul(value());
    } else if (a == "--objectives") {
      objectives.clear();
      std::string list = value();
      for (std::size_t p = 0; p <= list.size();) {
        const std::size_t q = std::min(list.find(',', p), list.size());
        const auto o = parse_objective(list.substr(p, q - p));
        if (!o) {
          fmt::print(stderr, "unknown objective in '{}'\n", list);
          return 2;
        }
        objectives.push_back(*o);
        p = q + 1;
      }
    } else {
      fmt::print(stderr,
                 "usage: {} [--network DIR | --synthetic NODES] [--pairs N] [--objectives LIST] "
                 "[--ch-min-states N] [--core-size N] [--estimate-settle-limit N]\n",
                 argv[0]);
      return 2;
    }
  }
  const auto tl = Clock::now();
  const Network net = dir.empty() ? testing::synthetic_multimodal_network(synthetic, 1)
                                  : formats::read_network(dir).network;
  const std::string label =
      dir.empty() ? fmt::format("SYNTHETIC multimodal network ({} road nodes requested)", synthetic)
                  : dir;
  auto hierarchies = std::make_shared<const RouteHierarchies>(net, engine_options);
  fmt::print("network: {}: {} nodes, {} links, {} transfers; {} states (auto uses CH from {}); "
             "loaded in {:.1f} s\n\n",
             label, net.node_count(), net.link_count(), net.transfers().size(),
             hierarchies->state_count(), hierarchies->options().ch_min_states, us_since(tl) / 1e6);
  std::mt19937 rng(1);
  std::uniform_int_distribution<std::uint32_t> pick(
      0, static_cast<std::uint32_t>(net.node_count() - 1));
  std::vector<std::pair<NodeId, NodeId>> pairs;
  while (pairs.size() < pair_count) {
    const NodeId a(pick(rng)), b(pick(rng));
    if (a != b) pairs.emplace_back(a, b);
  }
  fmt::print(
      "| objective | hierarchy build | engine (auto) | dijkstra mean / p99 | auto mean / p99 | "
      "speedup (mean) | same path |\n|---|---|---|---|---|---|---|\n");
  RoutingEngine engine(hierarchies);
  Router router(net);
  for (Objective o : objectives) {
    const auto tb = Clock::now();
    const StateHierarchy* h = hierarchies->hierarchy(o);
    const double build_s = us_since(tb) / 1e6;
    std::vector<double> dij, ch;
    std::size_t same = 0, found = 0;
    RouteEngine used = RouteEngine::dijkstra;
    for (auto [a, b] : pairs) {
      RouteRequest req{a, b, {}, {}};
      req.costing.objective = o;
      auto t0 = Clock::now();
      const RouteOutcome x = router.route(req);
      dij.push_back(us_since(t0));
      t0 = Clock::now();
      const RouteOutcome y = engine.route(req);
      ch.push_back(us_since(t0));
      used = y.engine;
      if (x.ok()) {
        ++found;
        if (y.ok() && route_nodes(net, *x.route) == route_nodes(net, *y.route)) ++same;
      }
    }
    fmt::print("| {} | {:.2f} s ({} states, {} shortcuts) | {} | {:.0f} / {:.0f} us | {:.1f} / "
               "{:.1f} us | {:.0f}x | {} of {} |\n",
               to_string(o), build_s, h ? h->state_count() : 0,
               h ? h->hierarchy().shortcut_count() : 0, to_string(used), mean(dij), pct(dij, 0.99),
               mean(ch), pct(ch, 0.99), mean(dij) / mean(ch), same, found);
  }
  fmt::print("\nLatencies include building the Route (legs, totals) from the path; {} random pairs "
             "per objective, one run.\n",
             pairs.size());
  return 0;
}
