// Benchmark driver: time and iterations to relative gaps 1e-4..1e-10, Frank-Wolfe vs Algorithm B.
#include "assign/assignment.hpp"
#include "assign/shortest_path.hpp"
#include "formats/tntp_assign.hpp"

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

using namespace caravan;

namespace {

constexpr std::array<double, 4> kGaps = {1e-4, 1e-6, 1e-8, 1e-10};

struct NetworkCase {
  std::string label;
  std::filesystem::path base; ///< DIR/Name
  tntp::CostWeights weights;
};

struct Reached {
  int iteration = -1;
  double seconds = 0.0;
};

std::string cell(const Reached& r) {
  return r.iteration < 0 ? std::string("not reached")
                         : fmt::format("{:.2f} s ({} it)", r.seconds, r.iteration);
}

void run(const NetworkCase& nc, double time_limit_s, bool only_b, int threads) {
  tntp::AssignmentInput in = tntp::load_assignment(nc.base, nc.weights);
  const assign::ReachableDemand rd = assign::drop_unreachable(in.network, in.demand);
  in.demand = rd.demand;
  fmt::print("\n{}: {} zones, {} nodes, {} links, demand {:.0f}", nc.label, in.network.num_zones(),
             in.network.num_nodes(), in.network.num_links(), in.demand.total());
  if (rd.dropped_pairs > 0)
    fmt::print(" (dropped {} unreachable OD pairs, {:.0f} trips)", rd.dropped_pairs,
               rd.dropped_flow);
  fmt::print("\n");
  fmt::print("| solver | gap 1e-4 | gap 1e-6 | gap 1e-8 | gap 1e-10 | final gap | objective |\n");
  fmt::print("|---|---|---|---|---|---|---|\n");
  std::vector<assign::Algorithm> algorithms = {assign::Algorithm::frank_wolfe,
                                               assign::Algorithm::conjugate_frank_wolfe,
                                               assign::Algorithm::algorithm_b};
  if (only_b) algorithms = {assign::Algorithm::algorithm_b};
  for (assign::Algorithm alg : algorithms) {
    std::array<Reached, kGaps.size()> reached{};
    assign::Options o;
    o.algorithm = alg;
    o.threads = threads;
    o.stop.relative_gap = kGaps.back();
    o.stop.time_limit_s = time_limit_s;
    o.progress = [&](const assign::IterationReport& r) {
      for (std::size_t k = 0; k < kGaps.size(); ++k)
        if (reached[k].iteration < 0 && r.relative_gap <= kGaps[k])
          reached[k] = {r.iteration, r.elapsed_s};
    };
    const assign::Result r = assign::assign(in.network, in.demand, o);
    fmt::print("| {} | {} | {} | {} | {} | {:.2e} after {:.1f} s ({}) | {:.10g} |\n",
               assign::to_string(alg), cell(reached[0]), cell(reached[1]), cell(reached[2]),
               cell(reached[3]), r.relative_gap, r.elapsed_s, assign::to_string(r.reason),
               r.beckmann);
    std::fflush(stdout);
  }
}

} // namespace

int main(int argc, char** argv) {
  std::filesystem::path data = CARAVAN_SHARED_DATA_DIR;
  double time_limit_s = 60.0;
  bool chicago_only = false;
  bool only_b = false;
  int threads = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--data") && i + 1 < argc)
      data = argv[++i];
    else if (!std::strcmp(argv[i], "--time-limit") && i + 1 < argc)
      time_limit_s = std::stod(argv[++i]);
    else if (!std::strcmp(argv[i], "--chicago-only"))
      chicago_only = true;
    else if (!std::strcmp(argv[i], "--only-b"))
      only_b = true;
    else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
      threads = std::stoi(argv[++i]);
    else {
      fmt::print(stderr, "usage: bench_assign [--data DIR] [--time-limit S] [--chicago-only] "
                         "[--only-b] [--threads N]\n");
      return 2;
    }
  }
  std::vector<NetworkCase> cases;
  // ChicagoSketch with the generalized cost its best-known solution uses (README).
  cases.push_back({"ChicagoSketch (time + 0.02 toll + 0.04 length)",
                   data / "tntp/ChicagoSketch/ChicagoSketch",
                   {0.02, 0.04}});
  // The largest network with a trip table: Austin-VISTA (../tntp-extra), else Berlin-Center.
  if (!chicago_only) {
    if (std::filesystem::exists(data / "tntp-extra/Austin-VISTA/Austin-VISTA_net.tntp"))
      cases.push_back({"Austin-VISTA", data / "tntp-extra/Austin-VISTA/Austin-VISTA", {}});
    else if (std::filesystem::exists(data / "tntp/Berlin-Center/berlin-center_net.tntp"))
      cases.push_back({"Berlin-Center", data / "tntp/Berlin-Center/berlin-center", {}});
  }
  fmt::print("bench_assign: time (s, excluding progress callbacks; including the gap's "
             "shortest paths) and iterations to each relative gap; time limit {} s per run; "
             "{} hardware threads, solver threads {}\n",
             time_limit_s, std::thread::hardware_concurrency(),
             threads > 0 ? std::to_string(threads) : std::string("all"));
  for (const NetworkCase& nc : cases) {
    if (!std::filesystem::exists(tntp::paths_for(nc.base).net)) {
      fmt::print("{}: skipped, {} absent\n", nc.label, tntp::paths_for(nc.base).net.string());
      continue;
    }
    run(nc, time_limit_s, only_b, threads);
  }
  return 0;
}
