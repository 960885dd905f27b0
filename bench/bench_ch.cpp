// Benchmark driver: contraction hierarchies vs Dijkstra on the shared real road graphs and a
// synthetic series.
//
// Usage: bench_ch [--synthetic 100000,300000,1000000] [--no-real] [--only NAME-PART] [--queries
// 10000]
//                 [--matrix 1000] [--threads N] [--query-method automatic|sweep|dijkstra]
//                 (and build knobs, see --help)
// Prints one markdown table row per graph on stdout (progress on stderr). "build CPU s" is the
// process CPU time of the build (all threads), which is less disturbed by other load than the
// wall-clock "CH build s". Peak memory is the
// process's peak resident set size while the hierarchy is built (reset before each build through
// /proc/self/clear_refs), so it includes the input graph.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <tbb/global_control.h>

#include "bench_util.hpp"
#include "graph/dijkstra.hpp"
#include "graph/synthetic.hpp"
#include "real_graphs.hpp"
#include "route/ch/ch.hpp"
#include "route/ch/ch_query.hpp"
#include "route/ch/many_to_many.hpp"

namespace {

using caravan::NodeId;
using namespace caravan::graph;
using namespace caravan::route;
using namespace caravan::bench;

/// Peak resident set size in MB (VmHWM), or -1 where /proc is unavailable.
double peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return -1;
}

void reset_peak_rss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

struct Options {
  std::vector<std::uint32_t> synthetic{100000, 300000, 1000000};
  bool real = true;
  int queries = 10000;
  int matrix = 1000;
  int threads = 0;
  ChBuildOptions build; ///< tuning knobs: --edge-difference-weight and friends
  bool compare_sequential = false;
  ChQueryMethod method = ChQueryMethod::automatic;
  std::string only;            ///< run only the real graphs whose name contains this
  bool compare_methods = true; ///< also time both explicit query methods (off for callgrind)
};

void bench_graph(const std::string& name, const Graph& g, double load_s, const Options& o) {
  std::fprintf(stderr, "%s: %u nodes, %u arcs (loaded in %.2f s); building...\n", name.c_str(),
               g.node_count(), g.arc_count(), load_s);
  reset_peak_rss();
  const auto t0 = Clock::now();
  const std::clock_t cpu0 = std::clock();
  ChBuildOptions build = o.build;
  int last = -1;
  build.progress = [&](const ChBuildProgress& p) {
    const int pct = static_cast<int>(100.0 * p.done / std::max<std::uint32_t>(1, p.total));
    if (p.phase == "contraction" && pct / 25 != last / 25) {
      std::fprintf(stderr, "  contraction %3d %%  %.1f s\n", pct, seconds_since(t0));
      last = pct;
    }
  };
  const ContractionHierarchy ch = build_contraction_hierarchy(g, build);
  const double build_s = seconds_since(t0);
  const double build_cpu_s = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
  const double peak_mb = peak_rss_mb();
  if (o.compare_sequential) {
    // The same build on one thread, right after, for the parallel speedup in this run.
    ChBuildOptions sequential = o.build;
    sequential.parallel = false;
    const auto t1 = Clock::now();
    const ContractionHierarchy other = build_contraction_hierarchy(g, sequential);
    const double seq_s = seconds_since(t1);
    std::fprintf(stderr, "  build wall time: parallel %.2f s, sequential %.2f s, ratio %.2f\n",
                 build_s, seq_s, seq_s / build_s);
    std::printf("<!-- %s: build wall time parallel %.2f s, sequential %.2f s, ratio %.2f -->\n",
                name.c_str(), build_s, seq_s, seq_s / build_s);
  }

  std::mt19937_64 rng(12345);
  std::uniform_int_distribution<std::uint32_t> node(0, g.node_count() - 1);
  std::vector<std::pair<NodeId, NodeId>> pairs(static_cast<std::size_t>(o.queries));
  for (auto& p : pairs) p = {NodeId(node(rng)), NodeId(node(rng))};

  std::size_t method_mismatches = 0;
  ChQuery q(ch, o.method);
  std::vector<double> ch_us;
  std::vector<Weight> ch_dist;
  std::uint64_t settled = 0;
  for (const auto& [s, t] : pairs) {
    const auto t1 = Clock::now();
    ch_dist.push_back(q.distance(s, t));
    ch_us.push_back(seconds_since(t1) * 1e6);
    settled += q.settled_count();
  }
  const Stats chs = stats_of(ch_us);
  // Both explicit methods on the same pairs (the automatic choice is one of them).
  double method_mean_us[2] = {0, 0};
  for (int m = 0; m < (o.compare_methods ? 2 : 0); ++m) {
    ChQuery other(ch, m == 0 ? ChQueryMethod::sweep : ChQueryMethod::dijkstra);
    const auto t1 = Clock::now();
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (other.distance(pairs[i].first, pairs[i].second) != ch_dist[i]) ++method_mismatches;
    }
    method_mean_us[m] = seconds_since(t1) * 1e6 / static_cast<double>(pairs.size());
  }

  // Dijkstra on a prefix of the same pairs: enough for a stable mean within a few seconds.
  const auto dijkstra_queries = static_cast<std::size_t>(
      std::clamp<double>(3e7 / g.node_count(), 20.0, static_cast<double>(pairs.size())));
  DijkstraQuery dij(g);
  std::vector<double> dij_us;
  std::size_t mismatches = method_mismatches;
  for (std::size_t i = 0; i < dijkstra_queries; ++i) {
    const auto t1 = Clock::now();
    const Weight d = dij.distance(pairs[i].first, pairs[i].second);
    dij_us.push_back(seconds_since(t1) * 1e6);
    if (d != ch_dist[i]) ++mismatches;
  }
  const Stats ds = stats_of(dij_us);

  std::vector<NodeId> sources;
  std::vector<NodeId> targets;
  for (int i = 0; i < o.matrix; ++i) sources.emplace_back(node(rng));
  for (int i = 0; i < o.matrix; ++i) targets.emplace_back(node(rng));
  const auto t2 = Clock::now();
  const DistanceTable table = many_to_many(ch, sources, targets);
  const double matrix_s = seconds_since(t2);
  // Spot check: one row of the table against single queries.
  for (int j = 0; j < o.matrix; ++j) {
    if (table.at(0, static_cast<std::uint32_t>(j)) != q.distance(sources[0], targets[j])) {
      ++mismatches;
    }
  }

  std::printf(
      "| %s | %u | %u | %.2f | %.2f | %.0f | %.1f | %u | %.2f | %.0f | %.1f | %.1f | %.1f | %zu | "
      "%.0f | %.0f | %.0fx | %.0fx | %.3f | %s %.0f / %.0f | %.1f | %.1f |%s\n",
      name.c_str(), g.node_count(), g.arc_count(), build_s, build_cpu_s, peak_mb,
      static_cast<double>(ch.memory_bytes()) / (1 << 20), ch.node_count() - ch.core_begin(),
      static_cast<double>(ch.shortcut_count()) / g.arc_count(),
      static_cast<double>(settled) / static_cast<double>(pairs.size()), chs.mean_us, chs.p50_us,
      chs.p99_us, dijkstra_queries, ds.mean_us, ds.p50_us, ds.mean_us / chs.mean_us,
      ds.p50_us / chs.p50_us, matrix_s, q.method() == ChQueryMethod::sweep ? "sweep" : "dijkstra",
      ch.upward_search_space().arcs, ch.upward_search_space().arcs_below_core, method_mean_us[0],
      method_mean_us[1], mismatches == 0 ? "" : " MISMATCH");
  std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--synthetic") {
      o.synthetic.clear();
      std::string list = next();
      for (std::size_t p = 0; p < list.size();) {
        const std::size_t c = std::min(list.find(',', p), list.size());
        if (c > p)
          o.synthetic.push_back(static_cast<std::uint32_t>(std::stoul(list.substr(p, c - p))));
        p = c + 1;
      }
    } else if (a == "--only") {
      o.only = next();
    } else if (a == "--no-method-comparison") {
      o.compare_methods = false;
    } else if (a == "--no-real") {
      o.real = false;
    } else if (a == "--queries") {
      o.queries = std::stoi(next());
    } else if (a == "--matrix") {
      o.matrix = std::stoi(next());
    } else if (a == "--threads") {
      o.threads = std::stoi(next());
    } else if (a == "--edge-difference-weight") {
      o.build.edge_difference_weight = std::stod(next());
    } else if (a == "--contracted-neighbours-weight") {
      o.build.contracted_neighbours_weight = std::stod(next());
    } else if (a == "--hop-quotient-weight") {
      o.build.hop_quotient_weight = std::stod(next());
    } else if (a == "--priority") {
      o.build.priority =
          next() == "edge_difference" ? ChPriority::edge_difference : ChPriority::edge_quotient;
    } else if (a == "--no-lazy-updates") {
      o.build.lazy_updates = false;
    } else if (a == "--parallel-update-threshold") {
      o.build.parallel_update_threshold = static_cast<std::uint32_t>(std::stoul(next()));
    } else if (a == "--compare-sequential") {
      o.compare_sequential = true;
    } else if (a == "--sequential-build") {
      o.build.parallel = false;
    } else if (a == "--query-method") {
      const std::string m = next();
      o.method = m == "sweep"      ? ChQueryMethod::sweep
                 : m == "dijkstra" ? ChQueryMethod::dijkstra
                                   : ChQueryMethod::automatic;
    } else if (a == "--core-size") {
      o.build.core_size = static_cast<std::uint32_t>(std::stoul(next()));
    } else if (a == "--level-weight") {
      o.build.level_weight = std::stod(next());
    } else if (a == "--witness-settle-limit") {
      o.build.witness_settle_limit = static_cast<std::uint32_t>(std::stoul(next()));
    } else if (a == "--estimate-settle-limit") {
      o.build.estimate_settle_limit = static_cast<std::uint32_t>(std::stoul(next()));
    } else {
      std::fprintf(stderr,
                   "usage: %s [--synthetic N,N,...] [--no-real] [--queries N] "
                   "[--matrix N] [--threads N] [--priority edge_difference|edge_quotient] "
                   "[--edge-difference-weight K] [--hop-quotient-weight K] "
                   "[--contracted-neighbours-weight K] [--level-weight K] "
                   "[--witness-settle-limit N] [--estimate-settle-limit N] [--core-size N] "
                   "[--no-lazy-updates] "
                   "[--parallel-update-threshold N] [--sequential-build] [--compare-sequential] "
                   "[--query-method automatic|sweep|dijkstra] [--only NAME-PART] "
                   "[--no-method-comparison]\n",
                   argv[0]);
      return 2;
    }
  }
  std::unique_ptr<tbb::global_control> limit;
  if (o.threads > 0) {
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  static_cast<std::size_t>(o.threads));
  }
  std::printf(
      "| graph | nodes | arcs | build s | build CPU s | peak RSS MB | CH MB | core | "
      "shortcuts/arc | CH settled | CH mean us | CH p50 us | CH p99 us | Dijkstra queries | "
      "Dijkstra mean us | Dijkstra p50 us | speedup (mean) | speedup (p50) | %dx%d matrix s | "
      "CH query, upward space arcs / below core | sweep mean us | bidir. Dijkstra mean us |\n",
      o.matrix, o.matrix);
  std::printf(
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      "---:|---|---:|---:|\n");
  const std::filesystem::path shared = CARAVAN_SHARED_DATA_DIR;
  if (o.real) {
    for_each_real_graph(shared, [&](const char* name, const Graph& g, double load_s) {
      if (std::string(name).find(o.only) == std::string::npos) return;
      bench_graph(name, g, load_s, o);
    });
  }
  for (std::uint32_t n : o.synthetic) {
    const auto t0 = Clock::now();
    const Graph g = generate_synthetic_road_graph(synthetic_params_for(n, 1));
    bench_graph("SYNTHETIC grid " + std::to_string(n), g, seconds_since(t0), o);
  }
  return 0;
}
