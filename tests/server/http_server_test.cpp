// The API over real HTTP on loopback: transport errors (oversize body, unknown path), static
// files, and many client threads x many requests, each answer equal to the single-threaded one.
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "live_server.hpp"
#include "raw_http.hpp"
#include "server/http_api.hpp"
#include "server/http_server.hpp"

#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace caravan::server {
namespace {

using json = nlohmann::json;
using testing::example_network;
using testing::LiveServer;
using testing::RawConnection;

ServerOptions opts(int threads) {
  ServerOptions o;
  o.threads = threads;
  o.keep_alive_timeout = std::chrono::seconds(1); // shorter shutdowns: stop() waits for idle ones
  return o;
}

TEST(HttpServer, AnswersRouteAndHealth) {
  LiveServer s(opts(2));
  httplib::Client c("127.0.0.1", s.port());
  auto r = c.Get("/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["nodes"], 16);
  r = c.Get("/route?from=Urumqi&to=Poti&by=cost");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(json::parse(r->body)["objective"], "cost");
  r = c.Post("/route", R"({"from":"Urumqi","to":"Poti","by":"cost"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["objective"], "cost");
  // URL-encoded names with spaces and accents.
  r = c.Get("/route?from=Khorgos%20Gateway&to=Poti");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["from"], "Altynkol");
}

TEST(HttpServer, OversizeBodyIs413WithAJsonError) {
  ServerOptions o = opts(2);
  o.max_body_bytes = 1024;
  LiveServer s(o);
  httplib::Client c("127.0.0.1", s.port());
  const std::string big =
      R"({"from":"Urumqi","to":"Poti","pad":")" + std::string(5000, 'x') + "\"}";
  auto r = c.Post("/route", big, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  const json j = json::parse(r->body);
  EXPECT_EQ(j["error"]["code"], "payload_too_large");
  EXPECT_EQ(j["error"]["parameter"], "body");
  // The server is still up.
  httplib::Client c2("127.0.0.1", s.port());
  r = c2.Get("/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(HttpServer, UnknownPathIs404AndFormBodiesAreNotParameters) {
  LiveServer s(opts(2));
  httplib::Client c("127.0.0.1", s.port());
  auto r = c.Get("/no/such/path");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "not_found");
  r = c.Post("/route", "from=Urumqi&to=Poti", "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "malformed_json");
}

TEST(HttpServer, OverlongRequestLineIs414WithAJsonError) {
  LiveServer s(opts(2));
  httplib::Client c("127.0.0.1", s.port());
  auto r = c.Get("/route?from=" + std::string(10000, 'x') + "&to=Poti");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 414);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "uri_too_long");
}

TEST(HttpServer, AClientThatStopsMidRequestIsDroppedAfterTheReadTimeout) {
  ServerOptions o = opts(2);
  o.read_timeout = std::chrono::seconds(1);
  LiveServer s(o);
  RawConnection slow(s.port());
  ASSERT_TRUE(slow.connected());
  slow.send("GET /health HTTP/1.1\r\nHost: x\r\n"); // headers never finished
  const auto start = std::chrono::steady_clock::now();
  const std::string answer = slow.read_all();
  const double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(waited, 5.0) << "the connection was held open";
  EXPECT_EQ(answer.find("200 OK"), std::string::npos) << answer;
  // Meanwhile and afterwards the server answers others.
  httplib::Client c("127.0.0.1", s.port());
  auto r = c.Get("/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(HttpServer, GarbageIsRefusedWithoutHarm) {
  ServerOptions o = opts(2);
  o.read_timeout = std::chrono::seconds(1);
  LiveServer s(o);
  {
    RawConnection raw(s.port());
    ASSERT_TRUE(raw.connected());
    static constexpr char kGarbage[] = "\x16\x03\x01\x02\x00 not http at all\r\n\r\n";
    raw.send(std::string(kGarbage, sizeof kGarbage - 1)); // with its NUL byte inside
    const std::string answer = raw.read_all();
    EXPECT_NE(answer.find(" 400 "), std::string::npos) << answer;
  }
  {
    RawConnection raw(s.port());
    raw.send("POST /route HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n{}");
    const std::string answer = raw.read_all();
    EXPECT_EQ(answer.find("200 OK"), std::string::npos) << answer;
  }
  httplib::Client c("127.0.0.1", s.port());
  auto r = c.Get("/route?from=Urumqi&to=Poti");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(HttpServer, ServesTheWebPageBesideTheApi) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("caravan_web_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "index.html") << "<!doctype html><title>Caravan</title>";
  {
    ServerOptions o = opts(2);
    o.web_dir = dir.string();
    LiveServer s(o);
    httplib::Client c("127.0.0.1", s.port());
    auto r = c.Get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("<title>Caravan</title>"), std::string::npos);
    r = c.Get("/health");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  std::filesystem::remove_all(dir);
}

TEST(HttpServer, ManyThreadsManyRequestsEqualTheSingleThreadedAnswers) {
  // Every ordered pair of nodes under every objective, plus some bad requests.
  std::vector<std::string> targets;
  const auto nodes = example_network().nodes();
  for (const auto& a : nodes)
    for (const auto& b : nodes)
      for (const char* by : {"time", "cost", "co2", "distance"})
        if (a.id != b.id) targets.push_back("/route?from=" + a.id + "&to=" + b.id + "&by=" + by);
  targets.push_back("/route?from=Urumqi&to=Potti");
  targets.push_back("/places?q=ak");
  targets.push_back("/nowhere");
  LiveServer s(opts(4));
  // Expected answers, computed one at a time through the same Api.
  std::vector<ApiResponse> expected;
  for (const auto& t : targets) {
    ApiRequest req;
    req.path = t.substr(0, t.find('?'));
    httplib::Params q;
    if (t.find('?') != std::string::npos)
      httplib::detail::parse_query_text(t.substr(t.find('?') + 1), q);
    for (const auto& [k, v] : q) req.query.emplace(k, v);
    expected.push_back(s.api().handle(req));
  }
  int ok_routes = 0;
  for (const auto& e : expected) ok_routes += e.status == 200 ? 1 : 0;
  ASSERT_GT(ok_routes, 500); // most pairs are connected in the example

  const int clients = 8;
  const int rounds = CARAVAN_SANITIZER_BUILD ? 1 : 2;
  std::atomic<int> mismatches{0};
  std::atomic<int> failures{0};
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", s.port());
      c.set_keep_alive(t % 2 == 0); // half the clients reuse connections, half do not
      c.set_tcp_nodelay(true);
      for (int round = 0; round < rounds; ++round) {
        for (std::size_t k = 0; k < targets.size(); ++k) {
          const std::size_t i = (k * 7 + static_cast<std::size_t>(t) * 131) % targets.size();
          auto r = c.Get(targets[i]);
          if (!r) {
            ++failures;
            continue;
          }
          ++answered;
          if (r->status != expected[i].status || r->body != expected[i].body) ++mismatches;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(answered.load(), clients * rounds * static_cast<int>(targets.size()));
}

} // namespace
} // namespace caravan::server
