// Reloader: swapping the served network while requests run (every answer equal to the answer of
// the network version that served it), a corrupt network refused with the old one still serving,
// /admin/reload answers, and over HTTP the X-Caravan-Network header and the loopback-only gate.
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "raw_http.hpp"
#include "server/http_api.hpp"
#include "server/http_server.hpp"
#include "server/reloader.hpp"

#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace caravan::server {
namespace {

using json = nlohmann::json;

formats::NetworkFiles example_files() {
  return *formats::builtin_network("example");
}

/// The example with every 50 km/h link (no fixed duration) at 25 km/h: other travel times.
formats::NetworkFiles slower_example_files() {
  formats::NetworkFiles f = example_files();
  std::string& links = f.contents.at("links.csv");
  std::size_t n = 0;
  for (std::size_t at = links.find(",50,,,,"); at != std::string::npos;
       at = links.find(",50,,,,", at + 1)) {
    links.replace(at, 7, ",25,,,,");
    ++n;
  }
  EXPECT_GT(n, 0U) << "the example has no 50 km/h link any more; pick another change";
  return f;
}

/// links.csv cut in the middle of a row: a network that does not parse.
formats::NetworkFiles corrupt_example_files() {
  formats::NetworkFiles f = example_files();
  std::string& links = f.contents.at("links.csv");
  links = links.substr(0, links.find('\n', links.find('\n') + 1)) + "\nbroken_link,cn_urumqi\n";
  return f;
}

/// What a Reloader's loader does: parse the files, build the Api (owning its network).
std::shared_ptr<Api> make_api(const formats::NetworkFiles& files) {
  struct Loaded {
    Network net;
    std::unique_ptr<Api> api;
  };
  auto s = std::make_shared<Loaded>();
  s->net = formats::parse_network(files).network; // throws ParseError on a bad file
  ApiOptions o;
  o.network_label = "example";
  o.version = "test";
  o.network_hash = formats::content_hash(files);
  s->api = std::make_unique<Api>(s->net, o);
  return std::shared_ptr<Api>(s, s->api.get());
}

ApiRequest get(const std::string& path, std::multimap<std::string, std::string> query = {}) {
  ApiRequest r;
  r.path = path;
  r.query = std::move(query);
  return r;
}

ApiRequest route_request() {
  return get("/route", {{"from", "Urumqi"}, {"to", "Poti"}, {"by", "time"}});
}

/// A loader that serves whichever files `next` holds at the time of the load.
struct SwitchableSource {
  std::mutex mutex;
  formats::NetworkFiles next = example_files();
  void set(formats::NetworkFiles f) {
    std::lock_guard lock(mutex);
    next = std::move(f);
  }
  Reloader::Loader loader() {
    return [this] {
      formats::NetworkFiles f;
      {
        std::lock_guard lock(mutex);
        f = next;
      }
      return make_api(f);
    };
  }
};

TEST(ContentHash, StableAndChangedByAnyByte) {
  EXPECT_EQ(formats::content_hash(example_files()), formats::content_hash(example_files()));
  EXPECT_EQ(formats::content_hash(example_files()).size(), 16U);
  formats::NetworkFiles relabelled = example_files();
  relabelled.label = "/somewhere/else";
  EXPECT_EQ(formats::content_hash(relabelled), formats::content_hash(example_files()));
  EXPECT_NE(formats::content_hash(slower_example_files()), formats::content_hash(example_files()));
}

TEST(Reloader, ServesTheFirstLoadAndReportsItInHealth) {
  Reloader r([] { return make_api(example_files()); });
  const auto api = r.current();
  ASSERT_TRUE(api);
  EXPECT_EQ(api->network_hash(), formats::content_hash(example_files()));
  const json h = json::parse(api->handle(get("/health")).body);
  EXPECT_EQ(h["network_hash"], formats::content_hash(example_files()));
  EXPECT_EQ(h["loaded_at"].get<std::string>().size(), 20U); // 2026-12-08T00:15:02Z
  EXPECT_GE(h["load_ms"].get<double>(), 0.0);
  EXPECT_EQ(r.reloads(), 0U);
}

TEST(Reloader, AFirstLoadThatFailsThrows) {
  EXPECT_THROW(Reloader([] { return make_api(corrupt_example_files()); }), std::exception);
}

TEST(Reloader, ReloadWhileRequestsRunAnswersEachFromTheVersionItReports) {
  // The expected answer of each version, from an Api of its own.
  std::map<std::string, std::string> expected;
  for (const auto& files : {example_files(), slower_example_files()})
    expected[formats::content_hash(files)] = make_api(files)->handle(route_request()).body;
  ASSERT_EQ(expected.size(), 2U);
  ASSERT_NE(expected.begin()->second, expected.rbegin()->second) << "the versions must differ";
  const std::string v1 = formats::content_hash(example_files());
  const std::string v2 = formats::content_hash(slower_example_files());

  SwitchableSource source;
  Reloader reloader(source.loader());
  constexpr int kClients = 4;
  constexpr int kReloads = 10;
  std::atomic<bool> done{false};
  std::atomic<int> wrong{0};
  std::atomic<int> answered{0};
  std::map<std::string, int> seen[kClients];
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c)
    clients.emplace_back([&, c] {
      while (!done) {
        const std::shared_ptr<const Api> api = reloader.current(); // once per request
        const ApiResponse res = api->handle(route_request());
        const auto it = expected.find(api->network_hash());
        if (res.status != 200 || it == expected.end() || it->second != res.body) ++wrong;
        ++seen[c][api->network_hash()];
        ++answered;
      }
    });
  for (int i = 0; i < kReloads; ++i) {
    const int before = answered;
    source.set(i % 2 == 0 ? slower_example_files() : example_files());
    const Reloader::Result r = reloader.reload();
    EXPECT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.network_hash, i % 2 == 0 ? v2 : v1);
    EXPECT_EQ(r.previous_hash, i % 2 == 0 ? v1 : v2);
    EXPECT_EQ(reloader.current()->network_hash(), r.network_hash);
    // Let the clients answer from this version for a moment.
    while (answered < before + 20) std::this_thread::yield();
  }
  done = true;
  for (auto& t : clients) t.join();
  EXPECT_EQ(wrong, 0) << "of " << answered << " answers";
  int from_v1 = 0;
  int from_v2 = 0;
  for (const auto& s : seen) {
    from_v1 += s.count(v1) ? s.at(v1) : 0;
    from_v2 += s.count(v2) ? s.at(v2) : 0;
  }
  EXPECT_GT(from_v1, 0);
  EXPECT_GT(from_v2, 0);
  EXPECT_EQ(from_v1 + from_v2, answered.load());
  EXPECT_EQ(reloader.reloads(), static_cast<std::uint64_t>(kReloads));
  EXPECT_EQ(reloader.refused(), 0U);
}

TEST(Reloader, ACorruptNetworkIsRefusedAndTheOldOneKeepsServing) {
  SwitchableSource source;
  std::vector<std::string> log;
  std::mutex log_mutex;
  Reloader reloader(source.loader(), [&](const std::string& line) {
    std::lock_guard lock(log_mutex);
    log.push_back(line);
  });
  const std::shared_ptr<const Api> before = reloader.current();
  const std::string v1 = formats::content_hash(example_files());

  source.set(corrupt_example_files());
  const Reloader::Result r = reloader.reload();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("links.csv"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("still serving network " + v1), std::string::npos) << r.message;
  EXPECT_EQ(r.network_hash, v1);
  EXPECT_EQ(reloader.current(), before); // the very same snapshot
  EXPECT_EQ(reloader.current()->handle(route_request()).status, 200);
  EXPECT_EQ(reloader.refused(), 1U);
  {
    std::lock_guard lock(log_mutex);
    ASSERT_EQ(log.size(), 1U);
    EXPECT_NE(log[0].find("new network refused"), std::string::npos) << log[0];
    EXPECT_NE(log[0].find("links.csv"), std::string::npos) << log[0];
  }

  // The admin endpoint says the same with 422.
  ApiRequest post = get("/admin/reload");
  post.method = "POST";
  const ApiResponse refused = reloader.handle_admin(post);
  EXPECT_EQ(refused.status, 422);
  const json e = json::parse(refused.body)["error"];
  EXPECT_EQ(e["code"], "reload_refused");
  EXPECT_EQ(e["network_hash"], v1);
  EXPECT_NE(e["message"].get<std::string>().find("links.csv"), std::string::npos);
  EXPECT_EQ(reloader.current(), before);

  // A good network afterwards is taken.
  source.set(slower_example_files());
  const ApiResponse ok = reloader.handle_admin(post);
  ASSERT_EQ(ok.status, 200) << ok.body;
  const json j = json::parse(ok.body);
  EXPECT_EQ(j["network_hash"], formats::content_hash(slower_example_files()));
  EXPECT_EQ(j["previous_hash"], v1);
  EXPECT_EQ(reloader.current()->network_hash(), formats::content_hash(slower_example_files()));
}

TEST(Reloader, AdminAnswersOnlyPostReload) {
  Reloader reloader([] { return make_api(example_files()); });
  EXPECT_EQ(reloader.handle_admin(get("/admin/reload")).status, 405);
  ApiRequest other = get("/admin/other");
  other.method = "POST";
  EXPECT_EQ(reloader.handle_admin(other).status, 404);
}

TEST(Reloader, AsksBeforeALoadStartsShareIt) {
  std::atomic<int> loads{0};
  std::mutex gate;
  Reloader reloader([&] {
    std::lock_guard lock(gate); // held by the test to keep a load from finishing
    ++loads;
    return make_api(example_files());
  });
  std::shared_future<Reloader::Result> a;
  std::shared_future<Reloader::Result> b;
  std::shared_future<Reloader::Result> c;
  {
    std::lock_guard lock(gate);
    a = reloader.request_reload();
    // The thread may already be in the loader (waiting for the gate) or not yet: either way
    // `b` is answered by a load that starts after it was asked.
    b = reloader.request_reload();
  }
  EXPECT_TRUE(a.get().ok);
  EXPECT_TRUE(b.get().ok);
  c = reloader.request_reload();
  EXPECT_TRUE(c.get().ok);
  EXPECT_LE(loads.load(), 1 + 3);
  EXPECT_GE(loads.load(), 1 + 2);
}

TEST(HttpServerReload, HeaderNamesTheNetworkAndAdminIsLoopbackOnly) {
  SwitchableSource source;
  Reloader reloader(source.loader());
  ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.threads = 2;
  o.keep_alive_timeout = std::chrono::seconds(1);
  o.admin = [&](const ApiRequest& r) { return reloader.handle_admin(r); };
  HttpServer http([&] { return reloader.current(); }, o);
  const int port = http.bind();
  std::thread t([&] { http.listen(); });
  for (int i = 0; i < 500 && !http.running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));

  const std::string v1 = formats::content_hash(example_files());
  const std::string v2 = formats::content_hash(slower_example_files());
  httplib::Client c("127.0.0.1", port);
  auto r = c.Get("/route?from=Urumqi&to=Poti");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("X-Caravan-Network"), v1);
  r = c.Get("/no-such-path");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->get_header_value("X-Caravan-Network"), v1);

  // Through a proxy (nginx on the same host is a loopback peer too): refused.
  source.set(slower_example_files());
  r = c.Post("/admin/reload", httplib::Headers{{"X-Forwarded-For", "203.0.113.7"}}, "",
             "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(json::parse(r->body)["error"]["code"], "forbidden");
  EXPECT_EQ(reloader.current()->network_hash(), v1);

  // As `curl -X POST` sends it: no Content-Length, no body (httplib would wait for one).
  {
    const auto t0 = std::chrono::steady_clock::now();
    testing::RawConnection raw(port, 3);
    ASSERT_TRUE(raw.send("POST /admin/reload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const testing::RawResponse res = raw.read_response();
    EXPECT_EQ(res.status, 200) << res.body;
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  }
  r = c.Post("/admin/reload", "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["network_hash"], v2);
  EXPECT_EQ(r->get_header_value_count("X-Caravan-Network"), 1U);
  EXPECT_EQ(r->get_header_value("X-Caravan-Network"), v2); // the network served after it
  r = c.Get("/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("X-Caravan-Network"), v2);
  EXPECT_EQ(json::parse(r->body)["network_hash"], v2);

  source.set(corrupt_example_files());
  r = c.Post("/admin/reload", "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  r = c.Get("/route?from=Urumqi&to=Poti");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("X-Caravan-Network"), v2);
  http.stop();
  t.join();
}

TEST(HttpServerReload, WithoutAnAdminHandlerAdminPathsAreNotFound) {
  Reloader reloader([] { return make_api(example_files()); });
  ServerOptions o;
  o.port = 0;
  o.threads = 1;
  o.keep_alive_timeout = std::chrono::seconds(1);
  HttpServer http([&] { return reloader.current(); }, o);
  const int port = http.bind();
  std::thread t([&] { http.listen(); });
  for (int i = 0; i < 500 && !http.running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  httplib::Client c("127.0.0.1", port);
  auto r = c.Post("/admin/reload", "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  http.stop();
  t.join();
}

} // namespace
} // namespace caravan::server
