// The server's limits over loopback: header size (431/414), body size (413), slow clients (408,
// while others are served), clients that do not read their answers (dropped at the write
// timeout), a full queue (503 + Retry-After) and the per-request time budget (503).
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "live_server.hpp"
#include "raw_http.hpp"
#include "server/http_api.hpp"
#include "server/http_server.hpp"
#include "support/eurasia_network.hpp"
#include "support/random_network.hpp"

#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <thread>

namespace caravan::server {
namespace {

using json = nlohmann::json;
using testing::example_network;
using testing::LiveServer;
using testing::RawConnection;
using testing::RawResponse;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

ServerOptions opts(int threads) {
  ServerOptions o;
  o.threads = threads;
  o.keep_alive_timeout = std::chrono::milliseconds(500);
  return o;
}

json error_of(const RawResponse& r) {
  const json j = json::parse(r.body, nullptr, false);
  return j.is_object() && j.contains("error") ? j["error"] : json();
}

void expect_healthy(int port) {
  httplib::Client c("127.0.0.1", port);
  auto r = c.Get("/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(ServerLimits, HeadersOverTheLimitAre431AndARequestLineOverItIs414) {
  ServerOptions o = opts(2);
  o.max_header_bytes = 2048;
  LiveServer s(o);
  {
    RawConnection c(s.port());
    c.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(3000, 'a') + "\r\n\r\n");
    const RawResponse r = testing::parse_response(c.read_all());
    EXPECT_EQ(r.status, 431);
    EXPECT_EQ(error_of(r)["code"], "headers_too_large");
    EXPECT_EQ(r.headers.at("connection"), "close");
  }
  {
    // Many small headers add up to the same limit.
    RawConnection c(s.port());
    std::string many;
    for (int i = 0; i < 200; ++i) many += "X-H" + std::to_string(i) + ": abcdefghij\r\n";
    c.send("GET /health HTTP/1.1\r\nHost: x\r\n" + many + "\r\n");
    const RawResponse r = testing::parse_response(c.read_all());
    EXPECT_EQ(r.status, 431);
  }
  {
    RawConnection c(s.port());
    c.send("GET /route?from=" + std::string(3000, 'x') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse r = testing::parse_response(c.read_all());
    EXPECT_EQ(r.status, 414);
    EXPECT_EQ(error_of(r)["code"], "uri_too_long");
  }
  {
    // Just under the limit is fine.
    RawConnection c(s.port());
    c.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(1900, 'a') + "\r\n\r\n");
    EXPECT_EQ(c.read_response().status, 200);
  }
  expect_healthy(s.port());
}

TEST(ServerLimits, ABodyOverTheLimitIs413BeforeItIsRead) {
  ServerOptions o = opts(2);
  o.max_body_bytes = 1024;
  LiveServer s(o);
  RawConnection c(s.port());
  // Announces 10 MB and sends none of it: refused on the announcement.
  c.send("POST /route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
         "Content-Length: 10000000\r\n\r\n");
  const auto start = Clock::now();
  const RawResponse r = c.read_response();
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(error_of(r)["code"], "payload_too_large");
  EXPECT_LT(seconds_since(start), 2.0);
  expect_healthy(s.port());
}

TEST(ServerLimits, ASlowClientIsCutOffWhileOthersAreServed) {
  ServerOptions o = opts(3);
  o.request_timeout = std::chrono::milliseconds(2000);
  LiveServer s(o);
  RawConnection slow(s.port());
  ASSERT_TRUE(slow.connected());
  // One byte a second: never a pause long enough for the read timeout, but the whole request is
  // due within 2 s.
  std::atomic<bool> done{false};
  std::thread sender([&] {
    const std::string req = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    for (char ch : req) {
      if (done || !slow.send(std::string(1, ch))) return;
      for (int i = 0; i < 10 && !done; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  const auto start = Clock::now();
  // Meanwhile other clients are answered at once.
  int served = 0;
  double slowest = 0.0;
  httplib::Client c("127.0.0.1", s.port());
  while (seconds_since(start) < 1.5) {
    const auto t = Clock::now();
    auto r = c.Get("/route?from=Urumqi&to=Poti");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    slowest = std::max(slowest, seconds_since(t));
    ++served;
  }
  EXPECT_GT(served, 10);
  EXPECT_LT(slowest, 0.5);
  const RawResponse r = testing::parse_response(slow.read_all());
  const double cut = seconds_since(start);
  done = true;
  sender.join();
  EXPECT_EQ(r.status, 408);
  EXPECT_EQ(error_of(r)["code"], "request_timeout");
  EXPECT_GT(cut, 1.5);
  EXPECT_LT(cut, 4.0);
}

TEST(ServerLimits, AClientThatDoesNotReadItsAnswersIsDroppedAtTheWriteTimeout) {
  ServerOptions o = opts(1);
  o.write_timeout = std::chrono::milliseconds(500);
  o.request_timeout = std::chrono::milliseconds(5000);
  LiveServer s(caravan::testing::eurasia_network(), testing::example_api_options(), o);
  // 99 pipelined requests for the eurasia map layer (about 90 KB each, 8 MB in all, more than the
  // socket buffers hold), and then no reading: the only worker blocks in a write.
  RawConnection reader(s.port(), 10, 4096);
  ASSERT_TRUE(reader.connected());
  std::string pipeline;
  for (int i = 0; i < 99; ++i) pipeline += "GET /network.geojson HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_TRUE(reader.send(pipeline));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // Another client is served once the worker has given up on the reader, not a request timeout
  // (5 s) later.
  const auto start = Clock::now();
  httplib::Client c("127.0.0.1", s.port());
  c.set_read_timeout(std::chrono::seconds(10));
  auto r = c.Get("/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_LT(seconds_since(start), CARAVAN_SANITIZER_BUILD ? 4.0 : 2.0);
  // The reader's connection was closed: what it can still read ends before the 99th answer.
  const std::string got = reader.read_all();
  std::size_t answers = 0;
  for (std::size_t pos = got.find("HTTP/1.1 200"); pos != std::string::npos;
       pos = got.find("HTTP/1.1 200", pos + 1)) {
    ++answers;
  }
  EXPECT_LT(answers, 99u);
  EXPECT_LT(seconds_since(start), 8.0) << "the reader's connection was not closed";
  expect_healthy(s.port());
}

TEST(ServerLimits, AFullQueueIsAnswered503WithRetryAfter) {
  ServerOptions o = opts(1);
  o.max_queued_connections = 1;
  o.request_timeout = std::chrono::milliseconds(1500);
  LiveServer s(o);
  // A occupies the only worker (its headers never end), B waits in the one queue place.
  RawConnection a(s.port());
  a.send("GET /health HTTP/1.1\r\nHost: x\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  RawConnection b(s.port());
  b.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // C finds the queue full.
  const auto start = Clock::now();
  RawConnection c(s.port());
  c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
  const RawResponse rc = testing::parse_response(c.read_all());
  EXPECT_LT(seconds_since(start), 1.0);
  EXPECT_EQ(rc.status, 503);
  EXPECT_EQ(rc.headers.count("retry-after"), 1u);
  EXPECT_EQ(error_of(rc)["code"], "overloaded");
  // A is cut off by the request timeout, then B is served.
  EXPECT_EQ(testing::parse_response(a.read_all()).status, 408);
  EXPECT_EQ(b.read_response().status, 200);
  expect_healthy(s.port());
}

TEST(ServerLimits, WithNoQueueIdleWorkersStillServe) {
  ServerOptions o = opts(2);
  o.max_queued_connections = 0;
  LiveServer s(o);
  for (int i = 0; i < 10; ++i) {
    // Give the worker that served the last one time to come back: only waiting counts.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    httplib::Client c("127.0.0.1", s.port());
    auto r = c.Get("/health");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
}

TEST(ServerLimits, ARequestOverItsTimeBudgetIs503WithTheBudget) {
  std::mt19937 rng(3);
  const Network net =
      caravan::testing::random_network(rng, 3000, 9000, {Mode::rail_1520, Mode::road}, false).net;
  ApiOptions a;
  a.time_budget = std::chrono::milliseconds(20);
  a.max_matrix_cells = 100'000;
  LiveServer s(net, a, opts(2));
  httplib::Client c("127.0.0.1", s.port());
  // 3000 one-to-all searches: far more than 20 ms of work.
  const auto start = Clock::now();
  auto r = c.Get("/matrix?from=all&to=n0");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  const json j = json::parse(r->body);
  EXPECT_EQ(j["error"]["code"], "time_budget_exceeded");
  EXPECT_EQ(j["error"]["budget_ms"], 20);
  // The whole matrix takes seconds (tens under sanitizers).
  EXPECT_LT(seconds_since(start), CARAVAN_SANITIZER_BUILD ? 5.0 : 1.0)
      << "the search did not stop at its budget";
  expect_healthy(s.port());
}

} // namespace
} // namespace caravan::server
