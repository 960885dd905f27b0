// The contraction-hierarchy engine against Router's Dijkstra (same optimum, same path unless tied),
// and the engine selection (which requests fall back to Dijkstra).
#include "route/routing_engine.hpp"
#include "support/eurasia_network.hpp"
#include "support/random_network.hpp"
#include "support/synthetic_multimodal.hpp"

#include "formats/osm_import.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <thread>

namespace caravan {
namespace {

constexpr bool kSanitizer = CARAVAN_SANITIZER_BUILD != 0;
constexpr std::array kObjectives{Objective::time, Objective::cost, Objective::co2,
                                 Objective::distance};

std::vector<ArcId> arcs_of(const Route& r) {
  std::vector<ArcId> out;
  for (const Leg& l : r.legs) out.insert(out.end(), l.arcs.begin(), l.arcs.end());
  return out;
}

double scale_of(const RoutingEngine& e, Objective o) {
  const StateHierarchy* h = e.hierarchies().hierarchy(o);
  return h ? h->scale() : 0.0;
}

/// How the CH answer compared with Dijkstra's.
struct Agreement {
  int same_path = 0;
  int tied = 0; ///< a different path with the same objective total
  int unreachable = 0;
};

/// Asserts that the CH outcome equals Dijkstra's: the same path with identical totals in every
/// unit, or (when the optimum is not unique) another path with the same objective total up to the
/// hierarchy's documented rounding (`scale`: weight units per objective unit).
void expect_same(const Network& net, const RouteOutcome& dij, const RouteOutcome& ch, double scale,
                 Agreement& agree, const std::string& what) {
  ASSERT_EQ(ch.engine, RouteEngine::contraction_hierarchy) << what;
  ASSERT_EQ(dij.ok(), ch.ok()) << what;
  if (!dij.ok()) {
    EXPECT_EQ(dij.failure, ch.failure) << what;
    ++agree.unreachable;
    return;
  }
  const Route& a = *dij.route;
  const Route& b = *ch.route;
  const Objective o = a.objective;
  if (arcs_of(a) == arcs_of(b)) {
    ++agree.same_path;
    EXPECT_EQ(a.totals.hours.value(), b.totals.hours.value()) << what;
    EXPECT_EQ(a.totals.usd.value(), b.totals.usd.value()) << what;
    EXPECT_EQ(a.totals.co2.value(), b.totals.co2.value()) << what;
    EXPECT_EQ(a.totals.km.value(), b.totals.km.value()) << what;
    EXPECT_EQ(a.legs.size(), b.legs.size()) << what;
    EXPECT_EQ(a.transfers, b.transfers) << what;
    EXPECT_EQ(a.start_handling.has_value(), b.start_handling.has_value()) << what;
    EXPECT_EQ(a.end_handling.has_value(), b.end_handling.has_value()) << what;
  } else {
    // Not the same path: allowed only for a tie at the hierarchy's fixed-point resolution, half a
    // unit per step of either path (state_hierarchy.hpp), scaled to the request's shipment, plus
    // floating-point summation order.
    ++agree.tied;
    const double x = a.totals.get(o);
    const double y = b.totals.get(o);
    ASSERT_NE(scale, 0.0) << what;
    double per_unit = 1.0; // objective units per default-shipment unit
    if (o == Objective::cost) per_unit = a.shipment.teu.value();
    if (o == Objective::co2) per_unit = a.shipment.tonnes().value() / Shipment{}.tonnes().value();
    const auto steps = static_cast<double>(arcs_of(a).size() + arcs_of(b).size() + 2);
    EXPECT_NEAR(x, y, steps * 0.5 / scale * per_unit + 1e-9 * std::max(1.0, std::abs(x)))
        << what << ": the hierarchy's path is not optimal (" << route_nodes(net, b).size()
        << " nodes vs Dijkstra's " << route_nodes(net, a).size() << ")";
    EXPECT_LE(x, y * (1 + 1e-12)) << what << ": Dijkstra's route should be the optimum";
  }
}

/// Compares `pairs` random (from, to) requests per objective; every other one with a non-default
/// shipment.
Agreement compare_random_pairs(const Network& net, int pairs, std::uint32_t seed) {
  EngineOptions eo;
  eo.choice = EngineChoice::ch;
  RoutingEngine engine(net, eo);
  Router router(net);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::uint32_t> node(
      0, static_cast<std::uint32_t>(net.node_count()) - 1);
  Agreement agree;
  for (Objective o : kObjectives)
    for (int i = 0; i < pairs; ++i) {
      RouteRequest req;
      req.from = NodeId(node(rng));
      req.to = NodeId(node(rng));
      if (req.from == req.to) continue;
      req.costing.objective = o;
      if (i % 2 == 1) {
        req.shipment.teu = Teu(3.0);
        req.shipment.tonnes_per_teu = Tonnes(22.5);
      }
      const RouteOutcome dij = router.route(req);
      const RouteOutcome ch = engine.route(req);
      expect_same(net, dij, ch, scale_of(engine, o), agree,
                  std::string(to_string(o)) + " " + std::to_string(req.from.index()) + "->" +
                      std::to_string(req.to.index()));
      if (::testing::Test::HasFatalFailure()) return agree;
    }
  return agree;
}

TEST(RoutingEngine, EurasiaChMatchesDijkstraForEveryObjective) {
  const Network& net = testing::eurasia_network();
  const Agreement a = compare_random_pairs(net, kSanitizer ? 60 : 500, 7);
  std::printf("eurasia: %d same path, %d tied, %d unreachable\n", a.same_path, a.tied,
              a.unreachable);
  for (Objective o : kObjectives)
    std::printf("  scale for %s: %g weight units per unit\n", std::string(to_string(o)).c_str(),
                StateHierarchy(net, o, std::nullopt).scale());
  EXPECT_GT(a.same_path, a.tied); // real data: optima are almost always unique
}

TEST(RoutingEngine, RandomMultimodalNetworksChMatchesDijkstra) {
  const int networks = kSanitizer ? 4 : 20;
  Agreement total;
  for (int k = 0; k < networks; ++k) {
    std::mt19937 rng(100 + k);
    const auto rn = testing::random_network(
        rng, 60, 200, {Mode::rail_1520, Mode::rail_1435, Mode::road, Mode::ferry}, true);
    const Agreement a = compare_random_pairs(rn.net, kSanitizer ? 20 : 80, 200 + k);
    if (HasFatalFailure()) return;
    total.same_path += a.same_path;
    total.tied += a.tied;
    total.unreachable += a.unreachable;
  }
  std::printf("random networks: %d same path, %d tied, %d unreachable\n", total.same_path,
              total.tied, total.unreachable);
  EXPECT_GT(total.same_path, 0);
}

TEST(RoutingEngine, RouteToItselfAndUnreachableAgree) {
  std::mt19937 rng(5);
  const auto rn = testing::random_network(rng, 30, 40, {Mode::road, Mode::sea}, true);
  EngineOptions eo;
  eo.choice = EngineChoice::ch;
  RoutingEngine engine(rn.net, eo);
  Router router(rn.net);
  Agreement agree;
  for (std::uint32_t v = 0; v < rn.net.node_count(); ++v)
    for (std::uint32_t w = 0; w < rn.net.node_count(); ++w) {
      RouteRequest req;
      req.from = NodeId(v);
      req.to = NodeId(w);
      expect_same(rn.net, router.route(req), engine.route(req), scale_of(engine, Objective::time),
                  agree, std::to_string(v) + "->" + std::to_string(w));
    }
  EXPECT_GT(agree.unreachable, 0); // a sparse graph: the unreachable case is covered
  EXPECT_GT(agree.same_path, 0);
}

TEST(RoutingEngine, ConstrainedRequestsFallBackToDijkstra) {
  const Network& net = testing::eurasia_network();
  EngineOptions eo;
  eo.choice = EngineChoice::ch;
  RoutingEngine engine(net, eo);
  RouteRequest plain;
  plain.from = NodeId(0);
  plain.to = NodeId(static_cast<std::uint32_t>(net.node_count() - 1));
  plain.costing.objective = Objective::cost;
  EXPECT_EQ(engine.route(plain).engine, RouteEngine::contraction_hierarchy);
  EXPECT_FALSE(ch_cannot_answer(plain, std::nullopt));

  const std::vector<double> penalty(net.link_count(), 1.5);
  const std::vector<std::uint8_t> forbidden(net.link_count(), 0);
  std::vector<std::pair<std::string, RouteRequest>> cases;
  auto add = [&](std::string name, auto&& change) {
    RouteRequest r = plain;
    change(r);
    cases.emplace_back(std::move(name), std::move(r));
  };
  add("avoid country", [&](RouteRequest& r) { r.costing.avoid_countries.push_back(CountryId(0)); });
  add("avoid mode", [](RouteRequest& r) { r.costing.avoid_modes.insert(Mode::sea); });
  add("avoid node", [](RouteRequest& r) { r.costing.avoid_nodes.push_back(NodeId(1)); });
  add("via", [](RouteRequest& r) { r.costing.via.push_back(NodeId(2)); });
  add("max transfers", [](RouteRequest& r) { r.costing.max_transfers = 2; });
  add("year", [](RouteRequest& r) { r.costing.year = 2030; });
  add("penalty", [&](RouteRequest& r) { r.costing.link_penalty = penalty; });
  add("forbidden", [&](RouteRequest& r) { r.costing.forbidden_links = forbidden; });
  add("zero teu", [](RouteRequest& r) { r.shipment.teu = Teu(0.0); });
  Router router(net);
  for (const auto& [name, req] : cases) {
    EXPECT_TRUE(ch_cannot_answer(req, std::nullopt)) << name;
    EXPECT_EQ(engine.engine_for(req), RouteEngine::dijkstra) << name;
    const RouteOutcome got = engine.route(req);
    EXPECT_EQ(got.engine, RouteEngine::dijkstra) << name;
    const RouteOutcome want = router.route(req);
    ASSERT_EQ(got.ok(), want.ok()) << name;
    if (got.ok()) {
      EXPECT_EQ(arcs_of(*got.route), arcs_of(*want.route)) << name;
    }
  }

  // A hierarchy built for a year answers that year's requests, and sends the default to Dijkstra.
  EngineOptions year_opts = eo;
  year_opts.year = 2030;
  RoutingEngine future(net, year_opts);
  RouteRequest in_2030 = plain;
  in_2030.costing.year = 2030;
  const RouteOutcome f = future.route(in_2030);
  EXPECT_EQ(f.engine, RouteEngine::contraction_hierarchy);
  Agreement agree;
  expect_same(net, router.route(in_2030), f, scale_of(future, Objective::cost), agree, "year 2030");
  EXPECT_EQ(future.route(plain).engine, RouteEngine::dijkstra);
}

TEST(RoutingEngine, AutomaticChoiceFollowsTheStateCountThreshold) {
  const Network& net = testing::eurasia_network();
  RouteRequest req;
  req.from = NodeId(0);
  req.to = NodeId(1);
  const std::size_t states = count_route_states(net, std::nullopt);
  EXPECT_GE(states, net.node_count() / 2);
  EXPECT_LE(states, net.node_count() * kModeCount);

  EngineOptions eo; // automatic, 20,000 states: the eurasia network is far smaller
  ASSERT_LT(states, eo.ch_min_states);
  EXPECT_EQ(RoutingEngine(net, eo).route(req).engine, RouteEngine::dijkstra);
  eo.ch_min_states = states;
  EXPECT_EQ(RoutingEngine(net, eo).route(req).engine, RouteEngine::contraction_hierarchy);
  eo.ch_min_states = 0;
  eo.choice = EngineChoice::dijkstra;
  EXPECT_EQ(RoutingEngine(net, eo).route(req).engine, RouteEngine::dijkstra);

  EXPECT_EQ(parse_engine_choice("auto"), EngineChoice::automatic);
  EXPECT_EQ(parse_engine_choice("ch"), EngineChoice::ch);
  EXPECT_EQ(parse_engine_choice("dijkstra"), EngineChoice::dijkstra);
  EXPECT_FALSE(parse_engine_choice("fast"));
  EXPECT_EQ(to_string(RouteEngine::contraction_hierarchy), "ch");
}

TEST(RoutingEngine, EnginesOnThreadsShareOneHierarchy) {
  const Network& net = testing::eurasia_network();
  EngineOptions eo;
  eo.choice = EngineChoice::ch;
  auto shared = std::make_shared<const RouteHierarchies>(net, eo);
  Router router(net);
  // Expected answers first, then four threads ask the same questions; the hierarchies are built
  // lazily by whichever thread comes first.
  std::vector<RouteRequest> reqs;
  std::vector<std::vector<ArcId>> want;
  for (std::uint32_t i = 0; i < 40; ++i) {
    RouteRequest r;
    r.from = NodeId((i * 7) % static_cast<std::uint32_t>(net.node_count()));
    r.to = NodeId((i * 13 + 5) % static_cast<std::uint32_t>(net.node_count()));
    r.costing.objective = kObjectives[i % 4];
    const StateHierarchy* h = shared->hierarchy(r.costing.objective);
    ASSERT_NE(h, nullptr);
    const RouteOutcome o = StateHierarchyQuery(*h).route(r);
    want.push_back(o.ok() ? arcs_of(*o.route) : std::vector<ArcId>{});
    reqs.push_back(r);
  }
  auto fresh = std::make_shared<const RouteHierarchies>(net, eo);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      RoutingEngine engine(fresh);
      for (std::size_t i = 0; i < reqs.size(); ++i) {
        const RouteOutcome o = engine.route(reqs[(i + 10 * t) % reqs.size()]);
        const auto got = o.ok() ? arcs_of(*o.route) : std::vector<ArcId>{};
        if (got != want[(i + 10 * t) % reqs.size()]) ++mismatches[t];
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(RoutingEngine, MonacoImportChMatchesDijkstra) {
  const auto file = std::filesystem::path(CARAVAN_SHARED_DATA_DIR) / "osm" / "monaco.osm.pbf";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " absent (../shared/data not here)";
  const Network net = formats::import_osm(file).network;
  EngineOptions eo;         // automatic: the imported network must count as large
  eo.ch_min_states = 1'000; // Monaco is small (about 1,700 states): lower the threshold
  const auto t0 = std::chrono::steady_clock::now();
  RoutingEngine engine(net, eo);
  ASSERT_NE(engine.hierarchies().hierarchy(Objective::time), nullptr);
  ASSERT_NE(engine.hierarchies().hierarchy(Objective::distance), nullptr);
  const double build_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Router router(net);
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::uint32_t> node(
      0, static_cast<std::uint32_t>(net.node_count()) - 1);
  const int pairs = kSanitizer ? 30 : 300;
  std::vector<RouteRequest> reqs;
  for (int i = 0; i < pairs; ++i) {
    RouteRequest r;
    r.from = NodeId(node(rng));
    r.to = NodeId(node(rng));
    r.costing.objective = i % 2 == 0 ? Objective::time : Objective::distance;
    if (r.from != r.to) reqs.push_back(r);
  }
  std::vector<RouteOutcome> dij, ch;
  const auto t1 = std::chrono::steady_clock::now();
  for (const auto& r : reqs) dij.push_back(router.route(r));
  const auto t2 = std::chrono::steady_clock::now();
  for (const auto& r : reqs) ch.push_back(engine.route(r));
  const auto t3 = std::chrono::steady_clock::now();
  Agreement agree;
  for (std::size_t i = 0; i < reqs.size(); ++i) {
    expect_same(net, dij[i], ch[i], scale_of(engine, reqs[i].costing.objective), agree,
                "monaco #" + std::to_string(i));
    if (HasFatalFailure()) return;
  }
  const double dij_us = std::chrono::duration<double, std::micro>(t2 - t1).count() / reqs.size();
  const double ch_us = std::chrono::duration<double, std::micro>(t3 - t2).count() / reqs.size();
  std::printf("monaco: %zu nodes, %zu states; hierarchies (time, distance) %.2f s; per "
              "route (with route assembly): dijkstra %.0f us, ch %.0f us (%.1fx, one run); %d same "
              "path, %d tied, %d "
              "unreachable\n",
              net.node_count(), engine.hierarchies().state_count(), build_s, dij_us, ch_us,
              dij_us / ch_us, agree.same_path, agree.tied, agree.unreachable);
  EXPECT_GT(agree.same_path, 0);
}

TEST(RoutingEngine, LargeSyntheticMultimodalNetworkUsesChAutomatically) {
  // Travel time only: with distance or cost the synthetic grid has little hierarchy and the builds
  // take 10-15x longer (see docs/routing.md).
  const Network net = testing::synthetic_multimodal_network(kSanitizer ? 4'000 : 25'000, 3);
  EngineOptions eo; // automatic with the default threshold
  if (kSanitizer) eo.ch_min_states = 1'000;
  const auto t0 = std::chrono::steady_clock::now();
  RoutingEngine engine(net, eo);
  ASSERT_GE(engine.hierarchies().state_count(), eo.ch_min_states);
  ASSERT_NE(engine.hierarchies().hierarchy(Objective::time), nullptr);
  const double build_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Router router(net);
  std::mt19937 rng(17);
  std::uniform_int_distribution<std::uint32_t> node(
      0, static_cast<std::uint32_t>(net.node_count()) - 1);
  std::vector<RouteRequest> reqs;
  for (int i = 0; i < (kSanitizer ? 40 : 400); ++i) {
    RouteRequest r;
    r.from = NodeId(node(rng));
    r.to = NodeId(node(rng));
    if (i % 2 == 1) r.shipment.teu = Teu(2.0);
    if (r.from != r.to) reqs.push_back(r);
  }
  std::vector<RouteOutcome> dij, ch;
  const auto t1 = std::chrono::steady_clock::now();
  for (const auto& r : reqs) dij.push_back(router.route(r));
  const auto t2 = std::chrono::steady_clock::now();
  for (const auto& r : reqs) ch.push_back(engine.route(r));
  const auto t3 = std::chrono::steady_clock::now();
  Agreement agree;
  int multimodal = 0;
  for (std::size_t i = 0; i < reqs.size(); ++i) {
    expect_same(net, dij[i], ch[i], scale_of(engine, reqs[i].costing.objective), agree,
                "synthetic #" + std::to_string(i));
    if (HasFatalFailure()) return;
    if (dij[i].ok() && dij[i].route->legs.size() > 1) ++multimodal;
  }
  const double dij_us = std::chrono::duration<double, std::micro>(t2 - t1).count() / reqs.size();
  const double ch_us = std::chrono::duration<double, std::micro>(t3 - t2).count() / reqs.size();
  std::printf("synthetic multimodal: %zu nodes, %zu states; time hierarchy %.2f s; per route (with "
              "route assembly): dijkstra %.0f us, ch %.0f us (%.1fx, one run); %d same path, %d "
              "tied, %d unreachable, %d multimodal\n",
              net.node_count(), engine.hierarchies().state_count(), build_s, dij_us, ch_us,
              dij_us / ch_us, agree.same_path, agree.tied, agree.unreachable, multimodal);
  EXPECT_GT(agree.same_path, 0);
  EXPECT_GT(multimodal, 0); // the rail overlay and ferries are used
}

} // namespace
} // namespace caravan
