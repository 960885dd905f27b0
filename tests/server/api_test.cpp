// The JSON API without the transport: answers equal the library's, and every bad request gets its
// status code and a JSON error naming the parameter.
#include "analysis/corridor_compare.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "formats/scenario_toml.hpp"
#include "report/analysis_output.hpp"
#include "report/route_output.hpp"
#include "route/alternatives.hpp"
#include "route/matrix.hpp"
#include "route/pareto.hpp"
#include "route/router.hpp"
#include "server/http_api.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace caravan::server {
namespace {

using json = nlohmann::json;

const Network& example() {
  static const Network net = formats::parse_network(*formats::builtin_network("example")).network;
  return net;
}

const Api& api() {
  static const Api a(example(), ApiOptions{"example", "test", 100});
  return a;
}

ApiRequest get(std::string path, std::multimap<std::string, std::string> query = {}) {
  return ApiRequest{"GET", std::move(path), std::move(query), ""};
}

ApiRequest post(std::string path, std::string body) {
  return ApiRequest{"POST", std::move(path), {}, std::move(body)};
}

TEST(Api, HealthReportsTheNetwork) {
  const ApiResponse r = api().handle(get("/health"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["network"], "example");
  EXPECT_EQ(j["nodes"], 16);
  EXPECT_EQ(j["links"], 16);
}

TEST(Api, RouteIsTheLibraryResultAsTheSharedJsonContract) {
  const ApiResponse r = api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  RouteRequest req;
  req.from = *example().find_node_id("cn_urumqi");
  req.to = *example().find_node_id("ge_poti");
  Router router(example());
  const RouteOutcome out = router.route(req);
  ASSERT_TRUE(out.ok());
  auto want = report::route_to_json(example(), *out.route);
  want["engine"] = "dijkstra"; // a small network: the automatic choice is Dijkstra
  EXPECT_EQ(r.body, want.dump());
  const json j = json::parse(r.body);
  EXPECT_EQ(j["from"], "Urumqi");
  EXPECT_EQ(j["to"], "Poti");
  EXPECT_DOUBLE_EQ(j["total"]["km"].get<double>(), 4603.0);
  EXPECT_EQ(j["total"]["transfers"], 3);
}

TEST(Api, RouteEngineIsAStartupOptionAndConstraintsFallBack) {
  ApiOptions o{"example", "test", 100};
  o.engine.choice = EngineChoice::ch;
  const Api ch_api(example(), o);
  ch_api.hierarchies().build_all();
  for (const char* by : {"time", "cost", "co2", "distance"}) {
    const std::multimap<std::string, std::string> q{{"from", "Urumqi"}, {"to", "Poti"}, {"by", by}};
    const json c = json::parse(ch_api.handle(get("/route", q)).body);
    const json d = json::parse(api().handle(get("/route", q)).body);
    EXPECT_EQ(c["engine"], "ch") << by;
    EXPECT_EQ(d["engine"], "dijkstra") << by;
    EXPECT_EQ(c["total"], d["total"]) << by;
    EXPECT_EQ(c["legs"], d["legs"]) << by;
  }
  const json avoid = json::parse(
      ch_api.handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"avoid_mode", "road"}}))
          .body);
  EXPECT_EQ(avoid["engine"], "dijkstra");
}

TEST(Api, PostWithAJsonBodyEqualsGet) {
  const ApiResponse g = api().handle(get("/route", {{"from", "khorgos"},
                                                    {"to", "POTI"},
                                                    {"by", "cost"},
                                                    {"avoid_country", "AZ"},
                                                    {"avoid_country", "RU"},
                                                    {"teu", "2"}}));
  const ApiResponse p = api().handle(
      post("/route",
           R"({"from":"khorgos","to":"POTI","by":"cost","avoid_country":["AZ","RU"],"teu":2})"));
  EXPECT_EQ(g.status, p.status);
  EXPECT_EQ(g.body, p.body);
}

TEST(Api, CommaSeparatedListsEqualRepeatedKeys) {
  const ApiResponse a =
      api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"avoid_mode", "road,sea"}}));
  const ApiResponse b = api().handle(
      get("/route",
          {{"from", "Urumqi"}, {"to", "Poti"}, {"avoid_mode", "road"}, {"avoid_mode", "sea"}}));
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body, b.body);
}

TEST(Api, ShipmentScalesCost) {
  const json one =
      json::parse(api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}})).body);
  const json three = json::parse(
      api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"teu", "3"}})).body);
  EXPECT_NEAR(three["total"]["usd"].get<double>(), 3 * one["total"]["usd"].get<double>(), 0.05);
  EXPECT_EQ(three["shipment"]["teu"], 3.0);
}

TEST(Api, RouteAsGeoJson) {
  const ApiResponse r =
      api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"format", "geojson"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/geo+json");
  const json j = json::parse(r.body);
  EXPECT_EQ(j["type"], "FeatureCollection");
  EXPECT_EQ(j["features"][0]["geometry"]["type"], "LineString");
}

TEST(Api, LegsCarryTheirLinesBySectionOfOneGeometrySource) {
  // The example network has no geometry.csv: every leg is one schematic section through its nodes.
  const json j =
      json::parse(api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}})).body);
  ASSERT_EQ(j["legs"].size(), 4u);
  for (const json& leg : j["legs"]) {
    EXPECT_EQ(leg["geometry_source"], "schematic");
    EXPECT_EQ(leg["geometry_km"], json({{"schematic", leg["km"]}}));
    ASSERT_EQ(leg["sections"].size(), 1u);
    const json& s = leg["sections"][0];
    EXPECT_EQ(s["geometry_source"], "schematic");
    EXPECT_EQ(s["km"], leg["km"]);
    EXPECT_EQ(s["links"], leg["links"]);
    EXPECT_EQ(s["coordinates"].size(), leg["nodes"].size());
  }
}

TEST(Api, GeometryAndSimplifyParameters) {
  RouteRequest req;
  req.from = *example().find_node_id("cn_urumqi");
  req.to = *example().find_node_id("ge_poti");
  Router router(example());
  const RouteOutcome out = router.route(req);
  ASSERT_TRUE(out.ok());
  auto want = [&](report::GeometryOptions g) {
    auto j = report::route_to_json(example(), *out.route, g);
    j["engine"] = "dijkstra";
    return j.dump();
  };
  // geometry=false: the legs keep geometry_source and geometry_km but carry no sections.
  const ApiResponse off =
      api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"geometry", "false"}}));
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.body, want({.include = false}));
  const json legs = json::parse(off.body)["legs"];
  EXPECT_FALSE(legs[0].contains("sections"));
  EXPECT_EQ(legs[0]["geometry_source"], "schematic");
  // A JSON body may say it with a boolean or with the text.
  EXPECT_EQ(api().handle(post("/route", R"({"from":"Urumqi","to":"Poti","geometry":false})")).body,
            off.body);
  EXPECT_EQ(
      api().handle(post("/route", R"({"from":"Urumqi","to":"Poti","geometry":"false"})")).body,
      off.body);
  EXPECT_EQ(
      api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"geometry", "true"}})).body,
      want({}));
  // simplify= is in metres.
  EXPECT_EQ(
      api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"simplify", "5000"}})).body,
      want({.include = true, .simplify = Km(5.0)}));
  // The analysis endpoints that answer with routes take both.
  for (const char* path : {"/alternatives", "/pareto", "/compare"}) {
    const ApiResponse r = api().handle(get(
        path, {{"from", "Urumqi"}, {"to", "Poti"}, {"geometry", "false"}, {"simplify", "100"}}));
    ASSERT_EQ(r.status, 200) << path << ": " << r.body;
    const json a = json::parse(r.body);
    const json& first = std::string(path) == "/compare" ? a["best"] : a["routes"][0];
    EXPECT_FALSE(first["legs"][0].contains("sections")) << path;
    EXPECT_EQ(first["legs"][0]["geometry_source"], "schematic") << path;
  }
}

TEST(Api, PlacesFindsPrefixesFirstThenCloseSpellings) {
  json j = json::parse(api().handle(get("/places", {{"q", "ak"}})).body);
  ASSERT_GE(j["places"].size(), 2u);
  EXPECT_EQ(j["places"][0]["name"], "Aktau");
  EXPECT_EQ(j["places"][1]["name"], "Aktogay");
  EXPECT_EQ(j["places"][0]["id"], "kz_aktau");
  EXPECT_EQ(j["places"][0]["match"], "text");
  j = json::parse(api().handle(get("/places", {{"q", "Tbilsi"}})).body);
  ASSERT_EQ(j["places"].size(), 1u);
  EXPECT_EQ(j["places"][0]["name"], "Tbilisi");
  EXPECT_EQ(j["places"][0]["match"], "similar");
  j = json::parse(api().handle(get("/places", {{"limit", "100"}})).body);
  EXPECT_EQ(j["places"].size(), 16u);
  j = json::parse(api().handle(get("/places", {{"q", "zzzzzz"}})).body);
  EXPECT_TRUE(j["places"].empty());
}

TEST(Api, NetworkGeoJsonHasEveryNodeAndLinkWithProperties) {
  const ApiResponse r = api().handle(get("/network.geojson"));
  ASSERT_EQ(r.status, 200);
  const json j = json::parse(r.body);
  ASSERT_EQ(j["features"].size(), 32u);
  int nodes = 0;
  int links = 0;
  for (const auto& f : j["features"]) {
    if (f["properties"]["kind"] == "node") {
      ++nodes;
      EXPECT_EQ(f["geometry"]["type"], "Point");
      EXPECT_TRUE(f["properties"].contains("country"));
    } else {
      ++links;
      EXPECT_EQ(f["geometry"]["type"], "LineString");
      for (const char* k : {"mode", "status", "corridors", "km", "from", "to"})
        EXPECT_TRUE(f["properties"].contains(k)) << k;
    }
  }
  EXPECT_EQ(nodes, 16);
  EXPECT_EQ(links, 16);
  EXPECT_EQ(j["properties"]["corridors"].size(), 2u);
}

RouteRequest urumqi_poti(Objective o = Objective::time) {
  RouteRequest req;
  req.from = *example().find_node_id("cn_urumqi");
  req.to = *example().find_node_id("ge_poti");
  req.costing.objective = o;
  return req;
}

TEST(Api, AlternativesAreTheLibraryResult) {
  const ApiResponse r =
      api().handle(get("/alternatives", {{"from", "Urumqi"}, {"to", "Poti"}, {"k", "3"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  Router router(example());
  AlternativesOptions o;
  o.k = 3;
  const auto routes = find_alternatives(router, urumqi_poti(), o);
  EXPECT_EQ(r.body, report::routes_to_json(example(), routes, "alternatives").dump());
  EXPECT_GE(json::parse(r.body)["routes"].size(), 1u);
}

TEST(Api, ParetoIsTheLibraryResult) {
  const ApiResponse r = api().handle(post("/pareto", R"({"from":"Urumqi","to":"Poti"})"));
  ASSERT_EQ(r.status, 200) << r.body;
  ParetoRouter pr(example());
  const ParetoFront front = pr.run(urumqi_poti());
  auto j = report::routes_to_json(example(), front.routes, "pareto");
  j["truncated"] = front.truncated;
  EXPECT_EQ(r.body, j.dump());
}

TEST(Api, CompareIsTheLibraryResult) {
  const ApiResponse r =
      api().handle(get("/compare", {{"from", "Urumqi"}, {"to", "Poti"}, {"by", "cost"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  Router router(example());
  const auto cmp = compare_corridors(router, urumqi_poti(Objective::cost));
  EXPECT_EQ(r.body, report::comparison_to_json(example(), cmp, Objective::cost).dump());
  EXPECT_EQ(json::parse(r.body)["corridors"].size(), 2u);
}

TEST(Api, MatrixIsTheLibraryResult) {
  const ApiResponse r =
      api().handle(get("/matrix", {{"from", "Urumqi,Aktau"}, {"to", "Poti"}, {"to", "Tbilisi"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  const Network& n = example();
  const Matrix m = compute_matrix(n, {*n.find_node_id("cn_urumqi"), *n.find_node_id("kz_aktau")},
                                  {*n.find_node_id("ge_poti"), *n.find_node_id("ge_tbilisi")},
                                  Costing{}, Shipment{}, 1);
  EXPECT_EQ(r.body, report::matrix_to_json(n, m).dump());
  const ApiResponse all = api().handle(get("/matrix", {{"from", "country:GE"}, {"to", "all"}}));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(json::parse(all.body)["destinations"].size(), 16u);
  // centres:KZ: the Kazakh nodes with a `centre` rank, in node order.
  const ApiResponse centres =
      api().handle(get("/matrix", {{"from", "centres:kz"}, {"to", "Poti"}}));
  ASSERT_EQ(centres.status, 200) << centres.body;
  EXPECT_EQ(json::parse(centres.body)["origins"], json::array({"Almaty", "Zhezkazgan", "Aktau"}));
}

TEST(Api, TooManyMatrixCellsIs422) {
  const Api small(example(), ApiOptions{"example", "test", 100, 10});
  const ApiResponse r = small.handle(get("/matrix", {{"from", "all"}, {"to", "all"}}));
  EXPECT_EQ(r.status, 422);
  const json e = json::parse(r.body)["error"];
  EXPECT_EQ(e["code"], "too_many_cells");
  EXPECT_EQ(e["parameter"], "to");
  EXPECT_EQ(e["max_cells"], 10);
}

struct BadRequest {
  std::string name;
  ApiRequest request;
  int status;
  std::string code;
  std::string parameter; ///< empty = null
};

class ApiErrors : public ::testing::TestWithParam<BadRequest> {};

TEST_P(ApiErrors, StatusCodeAndParameter) {
  const BadRequest& b = GetParam();
  const ApiResponse r = api().handle(b.request);
  EXPECT_EQ(r.status, b.status) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  const json j = json::parse(r.body);
  ASSERT_TRUE(j.contains("error")) << r.body;
  EXPECT_EQ(j["error"]["code"], b.code) << r.body;
  if (b.parameter.empty())
    EXPECT_TRUE(j["error"]["parameter"].is_null()) << r.body;
  else
    EXPECT_EQ(j["error"]["parameter"], b.parameter) << r.body;
  EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
}

using Q = std::multimap<std::string, std::string>;
const Q kOk{{"from", "Urumqi"}, {"to", "Poti"}};
Q with(Q q, const std::string& k, const std::string& v) {
  q.emplace(k, v);
  return q;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ApiErrors,
    ::testing::Values(
        BadRequest{"MissingFrom", get("/route", {{"to", "Poti"}}), 400, "missing_parameter",
                   "from"},
        BadRequest{"MissingTo", get("/route", {{"from", "Urumqi"}}), 400, "missing_parameter",
                   "to"},
        BadRequest{"EmptyFrom", get("/route", {{"from", ""}, {"to", "Poti"}}), 400,
                   "missing_parameter", "from"},
        BadRequest{"UnknownParameter", get("/route", with(kOk, "colour", "red")), 400,
                   "unknown_parameter", "colour"},
        BadRequest{"UnknownPlace", get("/route", {{"from", "Urumqi"}, {"to", "Potti"}}), 422,
                   "unknown_place", "to"},
        BadRequest{"UnknownAvoidNode", get("/route", with(kOk, "avoid_node", "Atlantis")), 422,
                   "unknown_place", "avoid_node"},
        BadRequest{"SamePlace", get("/route", {{"from", "Urumqi"}, {"to", "urumqi"}}), 400,
                   "invalid_parameter", "to"},
        BadRequest{"BadObjective", get("/route", with(kOk, "by", "fastest")), 400,
                   "invalid_parameter", "by"},
        BadRequest{"GeometryNotABoolean", get("/route", with(kOk, "geometry", "yes")), 400,
                   "invalid_parameter", "geometry"},
        BadRequest{"GeometryANumberInABody",
                   post("/route", R"({"from":"Urumqi","to":"Poti","geometry":1})"), 400,
                   "invalid_parameter", "geometry"},
        BadRequest{"SimplifyNegative", get("/route", with(kOk, "simplify", "-1")), 400,
                   "invalid_parameter", "simplify"},
        BadRequest{"SimplifyOver100Km", get("/route", with(kOk, "simplify", "100001")), 400,
                   "invalid_parameter", "simplify"},
        BadRequest{"SimplifyOnMatrix",
                   get("/matrix", {{"from", "Urumqi"}, {"to", "Poti"}, {"simplify", "100"}}), 400,
                   "unknown_parameter", "simplify"},
        BadRequest{"TeuNotANumber", get("/route", with(kOk, "teu", "abc")), 400,
                   "invalid_parameter", "teu"},
        BadRequest{"TeuTrailingText", get("/route", with(kOk, "teu", "2x")), 400,
                   "invalid_parameter", "teu"},
        BadRequest{"TeuNegative", get("/route", with(kOk, "teu", "-1")), 400, "invalid_parameter",
                   "teu"},
        BadRequest{"TeuNotFinite", get("/route", with(kOk, "teu", "inf")), 400, "invalid_parameter",
                   "teu"},
        BadRequest{"TransfersFraction", get("/route", with(kOk, "max_transfers", "1.5")), 400,
                   "invalid_parameter", "max_transfers"},
        BadRequest{"YearOutOfRange", get("/route", with(kOk, "year", "99999")), 400,
                   "invalid_parameter", "year"},
        BadRequest{"RepeatedSingleValue",
                   get("/route", with(with(kOk, "by", "time"), "by", "cost")), 400,
                   "invalid_parameter", "by"},
        BadRequest{"UnknownCountry", get("/route", with(kOk, "avoid_country", "XX")), 422,
                   "unknown_country", "avoid_country"},
        BadRequest{"UnknownMode", get("/route", with(kOk, "avoid_mode", "plane")), 400,
                   "invalid_parameter", "avoid_mode"},
        BadRequest{"BadFormat", get("/route", with(kOk, "format", "xml")), 400, "invalid_parameter",
                   "format"},
        BadRequest{"EndpointAvoided", get("/route", with(kOk, "avoid_country", "CN")), 422,
                   "endpoint_excluded", "avoid_country"},
        BadRequest{"NoRoute", get("/route", with(kOk, "avoid_mode", "ferry")), 422, "no_route", ""},
        BadRequest{"MalformedJson", post("/route", R"({"from": "Urumqi", "to":)"), 400,
                   "malformed_json", "body"},
        BadRequest{"JsonNotAnObject", post("/route", R"(["Urumqi", "Poti"])"), 400,
                   "malformed_json", "body"},
        BadRequest{"EmptyBody", post("/route", ""), 400, "malformed_json", "body"},
        BadRequest{"DeeplyNestedJson",
                   post("/route", std::string(30000, '[') + std::string(30000, ']')), 400,
                   "malformed_json", "body"},
        BadRequest{"DeeplyNestedMember",
                   post("/route", R"({"to":"Poti","from":)" + std::string(30000, '[') +
                                      std::string(30000, ']') + "}"),
                   400, "invalid_parameter", "from"},
        BadRequest{"JsonWrongType", post("/route", R"({"from": 5, "to": "Poti"})"), 400,
                   "invalid_parameter", "from"},
        BadRequest{"JsonListOfNumbers",
                   post("/route", R"({"from":"Urumqi","to":"Poti","avoid_country":[1]})"), 400,
                   "invalid_parameter", "avoid_country"},
        BadRequest{"JsonUnknownMember",
                   post("/route", R"({"from":"Urumqi","to":"Poti","fast":true})"), 400,
                   "unknown_parameter", "fast"},
        BadRequest{"PostWithQuery", ApiRequest{"POST", "/route", {{"from", "Urumqi"}}, "{}"}, 400,
                   "unknown_parameter", "from"},
        BadRequest{"AlternativesTooMany", get("/alternatives", with(kOk, "k", "11")), 400,
                   "invalid_parameter", "k"},
        BadRequest{"AlternativesUnknownPlace",
                   get("/alternatives", {{"from", "X"}, {"to", "Poti"}}), 422, "unknown_place",
                   "from"},
        BadRequest{"ParetoUnknownParameter", get("/pareto", with(kOk, "k", "2")), 400,
                   "unknown_parameter", "k"},
        BadRequest{"CompareMissingTo", get("/compare", {{"from", "Urumqi"}}), 400,
                   "missing_parameter", "to"},
        BadRequest{"MatrixMissingFrom", get("/matrix", {{"to", "Poti"}}), 400, "missing_parameter",
                   "from"},
        BadRequest{"MatrixEmptySet", get("/matrix", {{"from", ","}, {"to", "Poti"}}), 400,
                   "missing_parameter", "from"},
        BadRequest{"MatrixUnknownCountry", get("/matrix", {{"from", "country:XX"}, {"to", "all"}}),
                   422, "unknown_country", "from"},
        BadRequest{"MatrixUnknownKind", get("/matrix", {{"from", "all"}, {"to", "kind:castle"}}),
                   400, "invalid_parameter", "to"},
        BadRequest{"MatrixUnknownPlace", post("/matrix", R"({"from":["Urumqi"],"to":["Pott"]})"),
                   422, "unknown_place", "to"},
        BadRequest{"PlacesLimitZero", get("/places", {{"limit", "0"}}), 400, "invalid_parameter",
                   "limit"},
        BadRequest{"HealthTakesNothing", get("/health", {{"x", "1"}}), 400, "unknown_parameter",
                   "x"},
        BadRequest{"RouteUnknownScenario", get("/route", with(kOk, "scenario", "x")), 422,
                   "unknown_scenario", "scenario"},
        BadRequest{"ImpactMissingScenario", get("/impact"), 400, "missing_parameter", "scenario"},
        BadRequest{"ImpactUnknownScenario", get("/impact", {{"scenario", "x"}}), 422,
                   "unknown_scenario", "scenario"},
        BadRequest{"ScenariosTakesNothing", get("/scenarios", {{"x", "1"}}), 400,
                   "unknown_parameter", "x"},
        BadRequest{"UnknownPath", get("/nowhere"), 404, "not_found", ""},
        BadRequest{"WrongMethod", ApiRequest{"DELETE", "/route", {}, ""}, 405, "method_not_allowed",
                   ""},
        BadRequest{"PostToGetOnly", post("/health", "{}"), 405, "method_not_allowed", ""}),
    [](const ::testing::TestParamInfo<BadRequest>& i) { return i.param.name; });

// An Api over the example network offering the two test scenarios in tests/server/scenarios.
const std::string kScenarioDir = std::string(CARAVAN_REPO_DIR) + "/tests/server/scenarios";
NodeId node(const std::string& id) {
  return *example().find_node_id(id);
}
const Api& scenario_api() {
  static const Api a(example(), ApiOptions{"example", "test", 100},
                     load_scenarios(example(), kScenarioDir,
                                    {node("cn_urumqi"), node("kz_almaty"), node("ge_poti")},
                                    "three test places"));
  return a;
}

TEST(ApiScenarios, ListsEveryFileByStem) {
  const ApiResponse r = scenario_api().handle(get("/scenarios"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body)["scenarios"];
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["id"], "close-ferry");
  EXPECT_EQ(j[1]["id"], "fast-beyneu");
  EXPECT_EQ(j[1]["name"], "fast-beyneu");
  EXPECT_EQ(j[1]["title"], "Zhezkazgan–Beyneu at 100 km/h");
  EXPECT_EQ(j[1]["source"], "test data");
  EXPECT_EQ(json::parse(api().handle(get("/scenarios")).body)["scenarios"].size(), 0u);
}

TEST(ApiScenarios, RouteOnAScenarioIsTheLibraryResultOnTheAppliedNetwork) {
  const Network after =
      apply_scenario(example(), formats::read_scenario(kScenarioDir + "/fast-beyneu.toml"));
  Router router(after);
  RouteRequest req;
  req.from = node("cn_urumqi");
  req.to = node("ge_poti");
  const RouteOutcome expected = router.route(req);
  ASSERT_TRUE(expected.ok());
  const ApiResponse r = scenario_api().handle(
      get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"scenario", "fast-beyneu"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  auto want = report::route_to_json(after, *expected.route);
  want["engine"] = "dijkstra";
  EXPECT_EQ(r.body, want.dump());
  // 988 km at 100 instead of 53.9 km/h: 8.45 hours faster than on the base network.
  const json base = json::parse(scenario_api().handle(get("/route", kOk)).body);
  const json fast = json::parse(r.body);
  EXPECT_NEAR(base["total"]["hours"].get<double>() - fast["total"]["hours"].get<double>(),
              988 / 53.9 - 988 / 100.0, 0.02);
}

TEST(ApiScenarios, RouteOnAScenarioWithoutARouteIs422NoRoute) {
  const ApiResponse r = scenario_api().handle(
      get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"scenario", "close-ferry"}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "no_route");
}

TEST(ApiScenarios, ImpactIsTheImpactReport) {
  const ApiResponse r = scenario_api().handle(get("/impact", {{"scenario", "fast-beyneu"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  EXPECT_EQ(j["scenario"], "fast-beyneu");
  EXPECT_EQ(j["places_rule"], "three test places");
  EXPECT_EQ(j["edits"]["link_edits"], 1);
  // Urumqi and Almaty each to and from Poti run over Zhezkazgan–Beyneu: 4 of 6 pairs better.
  EXPECT_EQ(j["summary"]["pairs"], 6);
  EXPECT_EQ(j["summary"]["better"], 4);
  EXPECT_EQ(j["summary"]["unchanged"], 2);
  const json closed =
      json::parse(scenario_api().handle(get("/impact", {{"scenario", "close-ferry"}})).body);
  EXPECT_EQ(closed["summary"]["now_unreachable"], 4);
}

TEST(ApiScenarios, UnknownScenarioSuggestsTheClosestIds) {
  const json e = json::parse(
      scenario_api().handle(get("/impact", {{"scenario", "fast-beynue"}})).body)["error"];
  EXPECT_EQ(e["code"], "unknown_scenario");
  EXPECT_EQ(e["parameter"], "scenario");
  ASSERT_FALSE(e["suggestions"].empty());
  EXPECT_EQ(e["suggestions"][0], "fast-beyneu");
  EXPECT_NE(e["message"].get<std::string>().find("did you mean fast-beyneu"), std::string::npos);
}

TEST(Api, UnknownPlaceErrorCarriesSuggestions) {
  const json j =
      json::parse(api().handle(get("/route", {{"from", "Urumqi"}, {"to", "Potti"}})).body)["error"];
  ASSERT_FALSE(j["suggestions"].empty());
  EXPECT_EQ(j["suggestions"][0], "Poti");
  EXPECT_NE(j["message"].get<std::string>().find("did you mean Poti"), std::string::npos);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Api, EveryEndpointIsDocumented) {
  const std::string md = read_text(std::string(CARAVAN_REPO_DIR) + "/docs/api.md");
  const std::string yaml = read_text(std::string(CARAVAN_REPO_DIR) + "/docs/openapi.yaml");
  ASSERT_FALSE(md.empty());
  ASSERT_FALSE(yaml.empty());
  for (const auto& e : api().endpoints()) {
    EXPECT_NE(md.find("`" + e.path), std::string::npos) << e.path << " missing in docs/api.md";
    EXPECT_NE(yaml.find("  " + e.path + ":"), std::string::npos)
        << e.path << " missing in docs/openapi.yaml";
  }
}

} // namespace
} // namespace caravan::server
