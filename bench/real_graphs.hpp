// The real road graphs the CH benchmarks run on (from ../shared/data), shared by bench_ch and
// bench_ch_routingkit so both measure the same list.
#pragma once

#include "bench_util.hpp"
#include "formats/dimacs.hpp"
#include "formats/tntp_graph.hpp"
#include "graph/graph.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <functional>

namespace caravan::bench {

struct RealGraph {
  const char* name;
  const char* file; ///< relative to the shared data directory
};

inline constexpr std::array<RealGraph, 5> kRealGraphs = {{
    {"rome99 (DIMACS, m)", "dimacs/rome99.gr"},
    {"ChicagoRegional (TNTP, fft ms)", "tntp/ChicagoRegional/ChicagoRegional_net.tntp"},
    {"Philadelphia (TNTP, fft ms)", "tntp/Philadelphia/Philadelphia_net.tntp"},
    {"Berlin-Center (TNTP, fft ms)", "tntp/Berlin-Center/berlin-center_net.tntp"},
    {"Austin (TNTP, fft ms)", "tntp/Austin/Austin_net.tntp"},
}};

/// Reads each real graph present under `shared` (DIMACS .gr or TNTP net file) and hands it to
/// `f(name, graph, load_seconds)`; reports on stderr each one that is absent.
inline void
for_each_real_graph(const std::filesystem::path& shared,
                    const std::function<void(const char*, const graph::Graph&, double)>& f) {
  for (const RealGraph& r : kRealGraphs) {
    const auto file = shared / r.file;
    if (!std::filesystem::exists(file)) {
      std::fprintf(stderr, "skipping %s: %s absent\n", r.name, file.c_str());
      continue;
    }
    const auto t0 = Clock::now();
    const graph::Graph g = file.extension() == ".gr" ? formats::read_dimacs_graph(file)
                                                     : formats::read_tntp_graph(file);
    f(r.name, g, seconds_since(t0));
  }
}

} // namespace caravan::bench
