// Benchmark driver: our contraction hierarchy side by side with RoutingKit's on the same graphs,
// the same random pairs and the same machine (built only with -DCARAVAN_ROUTINGKIT_DIR=...).
//
// Usage: bench_ch_routingkit [--synthetic 100000,1000000] [--no-real] [--queries 10000]
// Prints one markdown table row per graph on stdout (progress on stderr). Both hierarchies are
// built on one thread (ours with ChBuildOptions::parallel = false, RoutingKit's build is
// sequential), then both answer the same random pairs, distance only, in alternating blocks so
// that a burst of load on the shared machine hits both; the driver checks that every distance is
// the same and prints MISMATCH otherwise. "ours" is the default (with the core table), "ours
// plain" the same hierarchy without it (core_size 0), i.e. plain CH against RoutingKit's plain CH.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <routingkit/contraction_hierarchy.h>

#include "bench_util.hpp"
#include "graph/graph.hpp"
#include "graph/synthetic.hpp"
#include "real_graphs.hpp"
#include "route/ch/ch.hpp"
#include "route/ch/ch_query.hpp"

namespace {

using caravan::NodeId;
using namespace caravan::graph;
using namespace caravan::route;
using namespace caravan::bench;

void compare(const std::string& name, const Graph& g, int queries) {
  std::fprintf(stderr, "%s: %u nodes, %u arcs\n", name.c_str(), g.node_count(), g.arc_count());
  std::vector<unsigned> tail;
  std::vector<unsigned> head(g.head.begin(), g.head.end());
  std::vector<unsigned> weight(g.weight.begin(), g.weight.end());
  tail.reserve(g.arc_count());
  for (std::uint32_t v = 0; v < g.node_count(); ++v) {
    for (std::uint32_t a = g.out_begin(v); a < g.out_end(v); ++a) tail.push_back(v);
  }

  auto t0 = Clock::now();
  const RoutingKit::ContractionHierarchy rk =
      RoutingKit::ContractionHierarchy::build(g.node_count(), tail, head, weight);
  const double rk_build_s = seconds_since(t0);
  std::fprintf(stderr, "  RoutingKit built in %.2f s\n", rk_build_s);

  ChBuildOptions options;
  options.parallel = false;
  t0 = Clock::now();
  const ContractionHierarchy ours = build_contraction_hierarchy(g, options);
  const double our_build_s = seconds_since(t0);
  std::fprintf(stderr, "  ours built in %.2f s\n", our_build_s);
  // The same hierarchy without the core table: plain CH against plain CH.
  options.core_size = 0;
  const ContractionHierarchy plain = build_contraction_hierarchy(g, options);

  std::mt19937_64 rng(12345);
  std::uniform_int_distribution<std::uint32_t> node(0, g.node_count() - 1);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs(static_cast<std::size_t>(queries));
  for (auto& p : pairs) p = {node(rng), node(rng)};

  RoutingKit::ContractionHierarchyQuery rk_query(rk);
  ChQuery our_query(ours);
  ChQuery plain_query(plain);
  std::vector<double> rk_us;
  std::vector<double> our_us;
  std::vector<double> plain_us;
  std::size_t mismatches = 0;
  constexpr std::size_t kBlock = 500;
  for (std::size_t b = 0; b < pairs.size(); b += kBlock) {
    const std::size_t e = std::min(pairs.size(), b + kBlock);
    std::vector<unsigned> rk_dist;
    for (std::size_t i = b; i < e; ++i) {
      const auto t1 = Clock::now();
      rk_dist.push_back(rk_query.reset()
                            .add_source(pairs[i].first)
                            .add_target(pairs[i].second)
                            .run()
                            .get_distance());
      rk_us.push_back(seconds_since(t1) * 1e6);
    }
    // Ours, with and without the core table, on the same block; every distance checked.
    for (auto [query, us] : {std::pair{&our_query, &our_us}, std::pair{&plain_query, &plain_us}}) {
      for (std::size_t i = b; i < e; ++i) {
        const auto t1 = Clock::now();
        const Weight d = query->distance(NodeId(pairs[i].first), NodeId(pairs[i].second));
        us->push_back(seconds_since(t1) * 1e6);
        // RoutingKit reports unreachable as inf_weight (2^31 - 1), we as kInfWeight (2^32 - 1).
        const bool same =
            d == kInfWeight ? rk_dist[i - b] == RoutingKit::inf_weight : rk_dist[i - b] == d;
        if (!same) ++mismatches;
      }
    }
  }
  const Stats rs = stats_of(rk_us);
  const Stats os = stats_of(our_us);
  const Stats ps = stats_of(plain_us);
  const std::size_t rk_arcs = rk.forward.head.size() + rk.backward.head.size();
  const std::size_t our_arcs = ours.forward().head.size() + ours.backward().head.size();
  std::printf(
      "| %s | %u | %u | %.2f | %.2f | %.2f | %zu | %zu | %.2f | %u | %.1f | %.1f | %.1f | %.1f | "
      "%.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f |%s\n",
      name.c_str(), g.node_count(), g.arc_count(), our_build_s, rk_build_s,
      our_build_s / rk_build_s, our_arcs, rk_arcs,
      static_cast<double>(our_arcs) / static_cast<double>(rk_arcs),
      ours.node_count() - ours.core_begin(), os.mean_us, ps.mean_us, rs.mean_us, os.p50_us,
      ps.p50_us, rs.p50_us, os.p99_us, ps.p99_us, rs.p99_us, os.mean_us / rs.mean_us,
      os.p50_us / rs.p50_us, ps.p50_us / rs.p50_us, os.p99_us / rs.p99_us,
      mismatches == 0 ? "" : " MISMATCH");
  std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::uint32_t> synthetic{100000, 1000000};
  bool real = true;
  int queries = 10000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--synthetic" && i + 1 < argc) {
      synthetic.clear();
      const std::string list = argv[++i];
      for (std::size_t p = 0; p < list.size();) {
        const std::size_t c = std::min(list.find(',', p), list.size());
        if (c > p)
          synthetic.push_back(static_cast<std::uint32_t>(std::stoul(list.substr(p, c - p))));
        p = c + 1;
      }
    } else if (a == "--no-real") {
      real = false;
    } else if (a == "--queries" && i + 1 < argc) {
      queries = std::stoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--synthetic N,N,...] [--no-real] [--queries N]\n", argv[0]);
      return 2;
    }
  }
  std::printf("| graph | nodes | arcs | ours build s | RK build s | build ours/RK | ours CH arcs | "
              "RK CH arcs | arcs ours/RK | core | ours mean us | ours plain mean us | RK mean us "
              "| ours p50 us | ours plain p50 us | RK p50 us | ours p99 us | ours plain p99 us | "
              "RK p99 us | mean ours/RK | p50 ours/RK | p50 ours plain/RK | p99 ours/RK |\n");
  std::printf(
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      "---:|---:|---:|---:|---:|---:|\n");
  const std::filesystem::path shared = CARAVAN_SHARED_DATA_DIR;
  if (real) {
    for_each_real_graph(shared, [&](const char* name, const Graph& g, double /*load_s*/) {
      compare(name, g, queries);
    });
  }
  for (std::uint32_t n : synthetic) {
    compare("SYNTHETIC grid " + std::to_string(n),
            generate_synthetic_road_graph(synthetic_params_for(n, 1)), queries);
  }
  return 0;
}
