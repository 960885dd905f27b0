// Benchmark driver for link geometry on the built-in eurasia network: route latency (p50/p90) with
// the links' lines loaded against the same network with geometry.csv left out (the answers must be
// identical), and the time to write the GeoJSON of the longest route found along its real lines,
// as stored and simplified. Prints a Markdown table.
// Usage: bench_geometry [--pairs N] [--reps N] [--simplify-m M] (defaults 2000, 500, 2000).
#include "bench_util.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "report/route_output.hpp"
#include "route/routing_engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace caravan;
using namespace caravan::bench;

namespace {
/// The sample at index p * (n - 1) of the sorted times (p in 0..1).
double pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

/// What `caravan route --format geojson` writes (the file write itself excluded).
std::string geojson_text(const Network& net, const Route& r, const report::GeometryOptions& g) {
  return report::route_to_geojson(net, r, g).dump(2) + "\n";
}

struct GeoJsonTiming {
  double p50_us = 0;
  std::size_t bytes = 0;
  std::size_t vertices = 0;
};

GeoJsonTiming time_geojson(const Network& net, const Route& r, const report::GeometryOptions& g,
                           std::size_t reps) {
  GeoJsonTiming t;
  t.vertices = report::route_points(net, r, g).size();
  std::vector<double> us;
  for (std::size_t i = 0; i < reps; ++i) {
    const auto t0 = Clock::now();
    const std::string text = geojson_text(net, r, g);
    us.push_back(us_since(t0));
    t.bytes = text.size();
  }
  t.p50_us = pct(us, 0.5);
  return t;
}

std::string ratio(double with, double without) {
  return without > 0 ? fmt::format("{:.2f}", with / without) : "-";
}
} // namespace

int main(int argc, char** argv) {
  std::size_t pair_count = 2000, reps = 500;
  double simplify_m = 2000.0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 < argc && a == "--pairs") {
      pair_count = std::stoul(argv[++i]);
    } else if (i + 1 < argc && a == "--reps") {
      reps = std::stoul(argv[++i]);
    } else if (i + 1 < argc && a == "--simplify-m") {
      simplify_m = std::stod(argv[++i]);
    } else {
      fmt::print(stderr, "usage: {} [--pairs N] [--reps N] [--simplify-m M]\n", argv[0]);
      return 2;
    }
  }

  formats::NetworkFiles files = *formats::builtin_network("eurasia");
  const Network with = formats::parse_network(files).network;
  files.contents.erase("geometry.csv");
  const Network without = formats::parse_network(files).network;
  std::size_t drawn = 0;
  for (std::uint32_t l = 0; l < with.link_count(); ++l)
    if (!with.geometry(LinkId(l)).points.empty()) ++drawn;
  if (!with.has_geometry() || without.has_geometry() || with.node_count() != without.node_count() ||
      with.link_count() != without.link_count()) {
    fmt::print(stderr,
               "error: the stripped network differs from the built-in one beyond geometry\n");
    return 1;
  }
  for (std::uint32_t n = 0; n < with.node_count(); ++n)
    if (with.node(NodeId(n)).id != without.node(NodeId(n)).id) {
      fmt::print(stderr, "error: node {} is numbered differently without geometry\n",
                 with.node(NodeId(n)).id);
      return 1;
    }
  fmt::print("network: eurasia, {} nodes, {} links ({} with a polyline), {} transfers\n\n",
             with.node_count(), with.link_count(), drawn, with.transfers().size());

  std::mt19937 rng(1);
  std::uniform_int_distribution<std::uint32_t> pick(
      0, static_cast<std::uint32_t>(with.node_count() - 1));
  std::vector<std::pair<NodeId, NodeId>> pairs;
  while (pairs.size() < pair_count) {
    const NodeId a(pick(rng)), b(pick(rng));
    if (a != b) pairs.emplace_back(a, b);
  }

  // The engine the CLI uses (auto: Dijkstra on a network this small). Both are warmed up on the
  // first pairs, then timed interleaved (alternating which goes first) so that machine load falls
  // on both alike.
  RoutingEngine engine_with(with, EngineOptions{});
  RoutingEngine engine_without(without, EngineOptions{});
  for (std::size_t i = 0; i < std::min<std::size_t>(100, pairs.size()); ++i) {
    (void)engine_with.route({pairs[i].first, pairs[i].second, {}, {}});
    (void)engine_without.route({pairs[i].first, pairs[i].second, {}, {}});
  }
  std::vector<double> lat_with, lat_without;
  std::size_t found = 0, mismatches = 0;
  std::optional<Route> longest;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const RouteRequest req{pairs[i].first, pairs[i].second, {}, {}};
    RouteOutcome x, y;
    auto run = [&](RoutingEngine& e, RouteOutcome& out, std::vector<double>& lat) {
      const auto t0 = Clock::now();
      out = e.route(req);
      lat.push_back(us_since(t0));
    };
    if (i % 2 == 0) {
      run(engine_with, x, lat_with);
      run(engine_without, y, lat_without);
    } else {
      run(engine_without, y, lat_without);
      run(engine_with, x, lat_with);
    }
    if (x.ok() != y.ok() ||
        (x.ok() && (x.route->totals.km.value() != y.route->totals.km.value() ||
                    x.route->totals.hours.value() != y.route->totals.hours.value()))) {
      if (++mismatches <= 5)
        fmt::print(stderr, "mismatch: {} -> {}\n", with.node(req.from).id, with.node(req.to).id);
      continue;
    }
    if (!x.ok()) continue;
    ++found;
    if (!longest || x.route->totals.km.value() > longest->totals.km.value()) longest = *x.route;
  }
  if (mismatches > 0) {
    fmt::print(stderr, "error: {} of {} pairs routed differently without geometry\n", mismatches,
               pairs.size());
    return 1;
  }
  if (!longest) {
    fmt::print(stderr, "error: no pair had a route\n");
    return 1;
  }

  report::GeometryOptions stored, simplified;
  simplified.simplify = Km(simplify_m / 1000.0);
  const GeoJsonTiming g_with = time_geojson(with, *longest, stored, reps);
  const GeoJsonTiming g_without = time_geojson(without, *longest, stored, reps);
  const GeoJsonTiming s_with = time_geojson(with, *longest, simplified, reps);
  const GeoJsonTiming s_without = time_geojson(without, *longest, simplified, reps);

  const double p50_with = pct(lat_with, 0.5), p50_without = pct(lat_without, 0.5);
  const double p90_with = pct(lat_with, 0.9), p90_without = pct(lat_without, 0.9);
  fmt::print("| metric | with geometry | without | ratio |\n|---|---|---|---|\n");
  fmt::print("| route by time p50, {} seeded pairs ({} routed, km/hours identical) | {:.1f} us | "
             "{:.1f} us | {} |\n",
             pairs.size(), found, p50_with, p50_without, ratio(p50_with, p50_without));
  fmt::print("| route by time p90 | {:.1f} us | {:.1f} us | {} |\n", p90_with, p90_without,
             ratio(p90_with, p90_without));
  const std::string name =
      fmt::format("{} -> {}, {:.0f} km, {} legs", with.node(longest->from).name,
                  with.node(longest->to).name, longest->totals.km.value(), longest->legs.size());
  fmt::print("| GeoJSON of the longest route ({}), as stored: p50 of {} | {:.0f} us ({} vertices, "
             "{} bytes) | {:.0f} us ({} vertices, {} bytes) | {} |\n",
             name, reps, g_with.p50_us, g_with.vertices, g_with.bytes, g_without.p50_us,
             g_without.vertices, g_without.bytes, ratio(g_with.p50_us, g_without.p50_us));
  fmt::print("| same, --simplify {:.0f} (Douglas-Peucker): p50 of {} | {:.0f} us ({} vertices, {} "
             "bytes) | {:.0f} us ({} vertices, {} bytes) | {} |\n",
             simplify_m, reps, s_with.p50_us, s_with.vertices, s_with.bytes, s_without.p50_us,
             s_without.vertices, s_without.bytes, ratio(s_with.p50_us, s_without.p50_us));
  fmt::print("\nGoals: route p50 ratio ~1.0 ({}); GeoJSON of the longest route < 1 ms ({}).\n",
             ratio(p50_with, p50_without), g_with.p50_us < 1000.0 ? "met" : "NOT met");
  fmt::print("GeoJSON time is report::route_to_geojson(...).dump(2), what `caravan route --format "
             "geojson` writes, without the file write.\n");
  return 0;
}
