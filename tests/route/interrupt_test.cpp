// Searches stop with Interrupted when their Interrupt fires (a past deadline or a raised flag), and
// run to the end when it does not.
#include "route/alternatives.hpp"
#include "route/matrix.hpp"
#include "route/pareto.hpp"
#include "route/router.hpp"
#include "support/random_network.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace caravan {
namespace {

const Network& network() {
  static const Network net = [] {
    std::mt19937 rng(5);
    return testing::random_network(rng, 2000, 6000, {Mode::rail_1520, Mode::road}, false).net;
  }();
  return net;
}

RouteRequest request(const Interrupt* stop) {
  RouteRequest req{NodeId(0), NodeId(1999), {}, {}};
  req.costing.interrupt = stop;
  return req;
}

TEST(Interrupt, APastDeadlineStopsEverySearch) {
  const Interrupt past(Interrupt::Clock::now() - std::chrono::seconds(1));
  Router router(network());
  EXPECT_THROW(router.route(request(&past)), Interrupted);
  EXPECT_THROW(router.tree(request(&past)), Interrupted);
  EXPECT_THROW(find_alternatives(router, request(&past)), Interrupted);
  ParetoRouter pareto(network());
  EXPECT_THROW(pareto.run(request(&past)), Interrupted);
  const std::vector<NodeId> some{NodeId(0), NodeId(1), NodeId(2), NodeId(3)};
  EXPECT_THROW(compute_matrix(network(), some, some, request(&past).costing, {}, 2), Interrupted);
  // The router is still usable afterwards, and without an interrupt it answers.
  EXPECT_TRUE(router.route(request(nullptr)).ok());
}

TEST(Interrupt, ARaisedFlagStopsAndALoweredOneDoesNot) {
  std::atomic<bool> flag{false};
  const Interrupt stop(&flag);
  Router router(network());
  const RouteOutcome free = router.route(request(nullptr));
  const RouteOutcome with = router.route(request(&stop));
  ASSERT_TRUE(free.ok());
  ASSERT_TRUE(with.ok());
  EXPECT_DOUBLE_EQ(free.route->totals.hours.value(), with.route->totals.hours.value());
  flag = true;
  EXPECT_THROW(router.route(request(&stop)), Interrupted);
}

TEST(Interrupt, AFutureDeadlineLetsTheSearchFinish) {
  const Interrupt later(Interrupt::Clock::now() + std::chrono::hours(1));
  Router router(network());
  const RouteOutcome a = router.route(request(nullptr));
  const RouteOutcome b = router.route(request(&later));
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_DOUBLE_EQ(a.route->totals.hours.value(), b.route->totals.hours.value());
}

} // namespace
} // namespace caravan
