// Departure-time routing: a weekly ferry drawn as an ASCII map; the arrival and the wait for each
// day of the week.
#include "route/timetable_router.hpp"
#include "support/ascii_network.hpp"

#include <gtest/gtest.h>

#include <string>

namespace caravan {
namespace {

using testing::build_map_network;

//   A------B~~~~~~~C------D      A–B rail 600 km (12 h), B~C ferry 20 h, C–D rail 300 km (6 h)
//   |                     |      A–D road 6000 km (120 h): the way round the sea
//   +=====================+
// Transfers: B rail->ferry 48 h (the constant wait of today's model), C ferry->rail 12 h.
// The ferry B->C sails Thursdays 14:00 local time (+04:00), i.e. Thu 10:00 UTC.
Network ferry_network() {
  return build_map_network(
      {.map = R"(
A------B~~~~~~~C------D
)",
       .links = {{.nodes = "AB", .mode = "rail_1520", .speed_kmh = 50, .km = 600},
                 {.nodes = "BC", .mode = "ferry", .speed_kmh = 10, .km = 200},
                 {.nodes = "CD", .mode = "rail_1520", .speed_kmh = 50, .km = 300},
                 {.nodes = "AD", .mode = "road", .speed_kmh = 50, .km = 6000}},
       .transfers = {{'B', "rail_1520", "ferry", 48, 100},
                     {'B', "ferry", "rail_1520", 12, 100},
                     {'C', "rail_1520", "ferry", 48, 100},
                     {'C', "ferry", "rail_1520", 12, 100}}});
}

Timetable weekly_ferry(const Network& net) {
  Service s;
  s.id = "bc_thursday";
  s.from = *net.find_node_id("B");
  s.to = *net.find_node_id("C");
  s.mode = Mode::ferry;
  for (const Link& l : net.links())
    if (l.mode == Mode::ferry) s.link = *net.find_link_id(l.id);
  s.utc_offset_min = 240;
  s.weekly_utc_h = {3 * 24 + 10.0}; // Thu 14:00 +04:00
  s.transit = HoursRange::exactly(Hours(20));
  return Timetable(net, {s});
}

struct Got {
  std::string path;
  double hours = 0;
  std::string arrive;
  double ferry_wait = -1; ///< wait before the ferry leg, -1 when the route takes no ferry
  std::string why;
};

Got route_at(const Network& net, const Timetable& tt, const char* depart) {
  TimetableRouter router(net, tt);
  RouteRequest req{*net.find_node_id("A"), *net.find_node_id("D"), {}, {}};
  const TimedOutcome out = router.route(req, *parse_datetime(depart));
  Got g;
  if (!out.ok()) return g;
  for (NodeId n : route_nodes(net, out.route->route)) g.path += net.node(n).id;
  g.hours = out.route->hours().value();
  g.arrive = format_datetime(out.route->arrive);
  for (const TimedStep& s : out.route->steps)
    if (s.service != nullptr) {
      g.ferry_wait = s.wait.value();
      g.why = s.why;
    }
  return g;
}

TEST(TimetableFeatures, WeeklyFerryArrivalForEachDayOfTheWeek) {
  const Network net = ferry_network();
  const Timetable tt = weekly_ferry(net);
  // Ready at B 12 h after leaving A. Mon–Wed catch Thursday's sailing (arrive D Sat 00:00 UTC:
  // sailing + 20 h + 12 h transfer + 6 h); from Thursday on the next sailing is a week later, and
  // the 120 h road is quicker.
  struct Day {
    const char* depart;
    const char* path;
    double hours;
    const char* arrive;
    double wait;
  };
  const Day days[] = {
      {"2026-03-02T08:00", "ABCD", 112, "2026-03-07T00:00Z", 62}, // Mon
      {"2026-03-03T08:00", "ABCD", 88, "2026-03-07T00:00Z", 38},  // Tue
      {"2026-03-04T08:00", "ABCD", 64, "2026-03-07T00:00Z", 14},  // Wed
      {"2026-03-05T08:00", "AD", 120, "2026-03-10T08:00Z", -1},   // Thu: ferry would be 208 h
      {"2026-03-06T08:00", "AD", 120, "2026-03-11T08:00Z", -1},   // Fri: 184 h
      {"2026-03-07T08:00", "AD", 120, "2026-03-12T08:00Z", -1},   // Sat: 160 h
      {"2026-03-08T08:00", "AD", 120, "2026-03-13T08:00Z", -1},   // Sun: 136 h
  };
  for (const Day& d : days) {
    SCOPED_TRACE(d.depart);
    const Got g = route_at(net, tt, d.depart);
    EXPECT_EQ(g.path, d.path);
    EXPECT_DOUBLE_EQ(g.hours, d.hours);
    EXPECT_EQ(g.arrive, d.arrive);
    EXPECT_DOUBLE_EQ(g.ferry_wait, d.wait);
    if (d.wait >= 0) {
      EXPECT_EQ(g.why, "next sailing Thu 14:00 (+04:00) (bc_thursday)");
    }
  }
}

TEST(TimetableFeatures, ReadyExactlyAtTheSailingCatchesIt) {
  const Network net = ferry_network();
  const Timetable tt = weekly_ferry(net);
  // Leave A Wed 22:00 UTC: at B Thu 10:00 UTC, the sailing itself.
  const Got g = route_at(net, tt, "2026-03-04T22:00Z");
  EXPECT_EQ(g.path, "ABCD");
  EXPECT_DOUBLE_EQ(g.ferry_wait, 0.0);
  EXPECT_DOUBLE_EQ(g.hours, 50.0); // 12 + 0 + 20 + 12 + 6
}

TEST(TimetableFeatures, WithoutServicesTheConstantWaitApplies) {
  const Network net = ferry_network();
  const Timetable none;
  // 12 + 48 + 20 + 12 + 6 = 98 h, whatever the day.
  for (const char* d : {"2026-03-02T08:00", "2026-03-05T08:00"}) {
    const Got g = route_at(net, none, d);
    EXPECT_EQ(g.path, "ABCD");
    EXPECT_DOUBLE_EQ(g.hours, 98.0);
  }
}

TEST(TimetableFeatures, SailsWhenFullWaitsHalfTheHeadway) {
  const Network net = ferry_network();
  Timetable weekly = weekly_ferry(net);
  Service s = weekly.services()[0];
  s.weekly_utc_h.clear();
  s.headway = HoursRange{Hours(24), Hours(60), Hours(168)};
  s.id = "bc_when_full";
  const Timetable tt(net, {s});
  const Got g = route_at(net, tt, "2026-03-05T08:00");
  EXPECT_EQ(g.path, "ABCD");
  EXPECT_DOUBLE_EQ(g.ferry_wait, 30.0);
  EXPECT_DOUBLE_EQ(g.hours, 80.0); // 12 + 30 + 20 + 12 + 6
  EXPECT_EQ(g.why, "sails when full, about every 60 h: expected wait 30 h (bc_when_full)");
}

TEST(TimetableFeatures, ServiceOutsideItsValidityIsNotTaken) {
  const Network net = ferry_network();
  Service s = weekly_ferry(net).services()[0];
  s.valid_to_day = days_from_civil(2026, 3, 4); // last sailing before Thu 2026-03-05
  const Timetable tt(net, {s});
  const Got g = route_at(net, tt, "2026-03-02T08:00");
  EXPECT_EQ(g.path, "AD");
  EXPECT_DOUBLE_EQ(g.hours, 120.0);
}

} // namespace
} // namespace caravan
