// depart= on the HTTP API (and /reach): answers equal the timetable router's on the built-in
// eurasia network and its services.csv; bad values are 400 naming the parameter.
#include "formats/builtin_networks.hpp"
#include "formats/services_csv.hpp"
#include "route/reach.hpp"
#include "route/timetable_router.hpp"
#include "server/http_api.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace caravan::server {
namespace {

using json = nlohmann::json;

struct Eurasia {
  Network net;
  std::shared_ptr<const Timetable> services;
};

const Eurasia& eurasia() {
  static const Eurasia e = [] {
    const auto files = *formats::builtin_network("eurasia");
    Network net = formats::parse_network(files).network;
    auto tt = std::make_shared<const Timetable>(formats::parse_services(files, net));
    return Eurasia{std::move(net), std::move(tt)};
  }();
  return e;
}

const Api& api() {
  static const Api a = [] {
    ApiOptions o{"eurasia", "test", 100};
    o.services = eurasia().services;
    return Api(eurasia().net, o);
  }();
  return a;
}

ApiResponse get(std::string path, std::multimap<std::string, std::string> query) {
  return api().handle(ApiRequest{"GET", std::move(path), std::move(query), ""});
}

TEST(ApiTimetable, DepartGivesTheScheduleOfTheTimetableRouter) {
  const Network& net = eurasia().net;
  TimetableRouter router(net, *eurasia().services);
  RouteRequest req;
  req.from = *net.find_node_id("kz_altynkol");
  req.to = *net.find_node_id("ro_constanta");
  req.costing.avoid_countries = {*net.find_country("RU"), *net.find_country("BY")};
  std::set<std::string> arrivals;
  for (const char* depart : {"2026-03-03T08:00", "2026-03-06T08:00"}) {
    SCOPED_TRACE(depart);
    const ApiResponse r = get("/route", {{"from", "Altynkol"},
                                         {"to", "Constanta"},
                                         {"avoid_country", "RU"},
                                         {"avoid_country", "BY"},
                                         {"depart", depart}});
    ASSERT_EQ(r.status, 200) << r.body;
    const json j = json::parse(r.body);
    const TimedOutcome want = router.route(req, *parse_datetime(depart));
    ASSERT_TRUE(want.ok());
    EXPECT_EQ(j["engine"], "timetable");
    EXPECT_EQ(j["schedule"]["depart"], format_datetime(*parse_datetime(depart)));
    EXPECT_EQ(j["schedule"]["arrive"], format_datetime(want.route->arrive));
    EXPECT_DOUBLE_EQ(j["total"]["hours"].get<double>(),
                     std::round(want.route->hours().value() * 100) / 100);
    EXPECT_EQ(j["schedule"]["legs"].size(), want.route->route.legs.size());
    arrivals.insert(j["schedule"]["arrive"].get<std::string>());
  }
  // Tuesday's cargo catches Friday's Poti sailing; Friday's misses it (different arrivals).
  EXPECT_EQ(arrivals.size(), 2u);
}

TEST(ApiTimetable, WithoutDepartTheRouteIsUnchanged) {
  const ApiResponse r = get("/route", {{"from", "Altynkol"}, {"to", "Baku"}});
  ASSERT_EQ(r.status, 200);
  const json j = json::parse(r.body);
  EXPECT_FALSE(j.contains("schedule"));
  EXPECT_NE(j["engine"], "timetable");
}

TEST(ApiTimetable, BadDepartIs400NamingIt) {
  for (const auto& q : std::vector<std::multimap<std::string, std::string>>{
           {{"from", "Altynkol"}, {"to", "Baku"}, {"depart", "2026-03-03"}},
           {{"from", "Altynkol"}, {"to", "Baku"}, {"depart", "2026-02-30T08:00"}},
           {{"from", "Altynkol"}, {"to", "Baku"}, {"depart", "2026-03-03T08:00"}, {"by", "cost"}},
           {{"from", "Altynkol"},
            {"to", "Baku"},
            {"depart", "2026-03-03T08:00"},
            {"max_transfers", "2"}}}) {
    const ApiResponse r = get("/route", q);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(json::parse(r.body)["error"]["parameter"], "depart") << r.body;
  }
}

TEST(ApiTimetable, ReachListsThePlacesOfTheLibraryReach) {
  const Network& net = eurasia().net;
  for (const bool timed : {false, true}) {
    SCOPED_TRACE(timed);
    std::multimap<std::string, std::string> q{{"from", "Khorgos"}, {"days", "10"}};
    if (timed) q.emplace("depart", "2026-03-03T08:00");
    const ApiResponse r = get("/reach", q);
    ASSERT_EQ(r.status, 200) << r.body;
    const json j = json::parse(r.body);
    static const Timetable kNone;
    const ReachResult want = reach(net, timed ? *eurasia().services : kNone,
                                   RouteRequest{*net.find_node_id("kz_altynkol"), {}, {}, {}},
                                   timed ? *parse_datetime("2026-03-03T08:00") : 0.0, Hours(240));
    ASSERT_EQ(j["places"].size(), want.places.size());
    for (std::size_t i = 0; i < want.places.size(); ++i)
      EXPECT_EQ(j["places"][i]["id"], net.node(want.places[i].node).id);
    EXPECT_EQ(j["depart"].is_null(), !timed);
  }
  const ApiResponse g = get("/reach", {{"from", "Khorgos"}, {"days", "5"}, {"format", "geojson"}});
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.content_type, "application/geo+json");
  for (const auto& q : std::vector<std::multimap<std::string, std::string>>{
           {{"from", "Khorgos"}},
           {{"from", "Khorgos"}, {"days", "0"}},
           {{"from", "Khorgos"}, {"days", "5"}, {"by", "cost"}},
           {{"from", "Khorgos"}, {"days", "5"}, {"bands", "7,3"}},
           {{"from", "Khorgos"}, {"days", "5"}, {"depart", "soon"}}}) {
    const ApiResponse bad = get("/reach", q);
    EXPECT_EQ(bad.status, 400) << bad.body;
  }
}

} // namespace
} // namespace caravan::server
