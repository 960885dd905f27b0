// Soak test driver: starts `caravan serve` as a separate process on loopback and sends it many
// mixed valid and malformed requests from several client threads. Every valid answer must equal
// the one computed by a direct library call; every malformed request must get a 4xx with a JSON
// error; no 5xx. Prints the server's RSS curve and a summary; exit code 1 on any failure.
//
//   caravan_soak --caravan build/caravan --requests 100000 --clients 4
#include "analysis/corridor_compare.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/csv_network.hpp"
#include "raw_http.hpp"
#include "report/analysis_output.hpp"
#include "report/route_output.hpp"
#include "route/alternatives.hpp"
#include "route/matrix.hpp"
#include "route/pareto.hpp"
#include "route/router.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace caravan;
using server::testing::RawConnection;
using server::testing::RawResponse;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string caravan;
  long requests = 100'000;
  int clients = 4;
  int server_threads = 8;
  long rss_every = 0; ///< 0 = requests / 20
  int check_every = 1;
  double max_rss_growth_mb = 32.0;
  unsigned seed = 1;
};

/// The `caravan serve` child process.
class ServerProcess {
public:
  ServerProcess(const Options& o) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      const std::string threads = std::to_string(o.server_threads);
      ::execl(o.caravan.c_str(), o.caravan.c_str(), "serve", "--network", "eurasia", "--port", "0",
              "--quiet", "--threads", threads.c_str(), static_cast<char*>(nullptr));
      std::perror("exec caravan");
      ::_exit(127);
    }
    ::close(out[1]);
    FILE* f = ::fdopen(out[0], "r");
    char line[512];
    while (std::fgets(line, sizeof line, f) != nullptr) {
      const std::string s(line);
      const auto at = s.find("http://127.0.0.1:");
      if (at != std::string::npos) {
        port_ = std::atoi(s.c_str() + at + 17);
        break;
      }
    }
    out_ = f; // kept open so that the server's later prints do not fail
    if (port_ == 0) throw std::runtime_error("caravan serve did not report its port");
  }
  ~ServerProcess() { stop(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  [[nodiscard]] int port() const { return port_; }
  /// Resident set size in KiB, from /proc/<pid>/status.
  [[nodiscard]] long rss_kib() const {
    std::ifstream in(fmt::format("/proc/{}/status", pid_));
    std::string key;
    while (in >> key) {
      if (key == "VmRSS:") {
        long kib = 0;
        in >> kib;
        return kib;
      }
      std::string rest;
      std::getline(in, rest);
    }
    return -1;
  }
  /// SIGTERM and wait; the exit status (0 = clean shutdown).
  int stop() {
    if (pid_ <= 0) return status_;
    ::kill(pid_, SIGTERM);
    int st = 0;
    ::waitpid(pid_, &st, 0);
    pid_ = -1;
    if (out_ != nullptr) std::fclose(out_);
    out_ = nullptr;
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return status_;
  }

private:
  pid_t pid_ = -1;
  int port_ = 0;
  FILE* out_ = nullptr;
  int status_ = -1;
};

/// What a request expects back.
struct Expect {
  int status = 200;                ///< exact status, or 0 for "any 4xx"
  std::optional<std::string> body; ///< exact body (valid requests, when checked)
  std::string code;                ///< error code, when status >= 400 and known
  std::string place_id;            ///< /places: this id must be among the answers
};

struct Request {
  std::string kind;
  std::string raw; ///< the bytes to send
  bool fresh_connection = false;
  bool close_after_send = false; ///< truncated requests: the client stops sending
  bool valid = false;
  Expect expect;
};

struct Stats {
  std::mutex mutex;
  std::map<std::string, long> sent_by_kind;
  std::map<std::string, long> failed_by_kind;
  std::vector<std::string> first_failures;
  std::atomic<long> done{0};
  std::atomic<long> valid{0};
  std::atomic<long> malformed{0};
  std::atomic<long> failures{0};
  std::atomic<long> overloaded{0};
  std::atomic<long> retries{0};
  std::atomic<long> checked{0};

  void record(const Request& r, bool ok, const std::string& why) {
    std::lock_guard lock(mutex);
    ++sent_by_kind[r.kind];
    if (!ok) {
      ++failed_by_kind[r.kind];
      if (first_failures.size() < 10)
        first_failures.push_back(
            fmt::format("{}: {} (request: {})", r.kind, why,
                        r.raw.substr(0, std::min<std::size_t>(160, r.raw.size()))));
    }
  }
};

std::string get(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

std::string post(const std::string& path, const std::string& body) {
  return fmt::format("POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: {}\r\n\r\n{}",
                     path, body.size(), body);
}

std::string percent_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

/// Builds random requests and, for valid ones, their expected answers by direct library calls.
class Generator {
public:
  Generator(const Network& net, unsigned seed, int check_every)
      : net_(&net), rng_(seed), router_(net), pareto_(net), check_every_(check_every) {}

  Request next() {
    const int r = std::uniform_int_distribution<int>(0, 99)(rng_);
    ++count_;
    if (r < 30) return route(r % 3 == 0);
    if (r < 40) return matrix();
    if (r < 47) return pareto();
    if (r < 54) return alternatives();
    if (r < 61) return compare();
    if (r < 70) return places();
    return malformed();
  }

private:
  NodeId random_node() {
    return NodeId(std::uniform_int_distribution<std::uint32_t>(
        0, static_cast<std::uint32_t>(net_->node_count() - 1))(rng_));
  }
  std::pair<NodeId, NodeId> random_pair() {
    const NodeId a = random_node();
    NodeId b = random_node();
    while (b == a) b = random_node();
    return {a, b};
  }
  Objective random_objective() {
    return static_cast<Objective>(std::uniform_int_distribution<int>(0, 3)(rng_));
  }
  const std::string& id(NodeId n) const { return net_->node(n).id; }
  bool checked() const { return count_ % static_cast<unsigned long>(check_every_) == 0; }

  static std::string no_route_body() { return {}; }

  Request point(const std::string& kind, const std::string& path, NodeId a, NodeId b, Objective o,
                const std::string& extra) {
    Request q;
    q.kind = kind;
    q.valid = true;
    q.raw = get(fmt::format("{}?from={}&to={}&by={}{}", path, id(a), id(b), to_string(o), extra));
    return q;
  }

  RouteRequest request(NodeId a, NodeId b, Objective o) {
    RouteRequest req;
    req.from = a;
    req.to = b;
    req.costing.objective = o;
    return req;
  }

  static void expect_no_route(Request& q) {
    q.expect.status = 422;
    q.expect.code = "no_route";
  }

  Request route(bool as_post) {
    const auto [a, b] = random_pair();
    const Objective o = random_objective();
    Request q = point("route", "/route", a, b, o, "");
    if (as_post) {
      q.kind = "route_post";
      q.raw = post("/route", json{{"from", id(a)}, {"to", id(b)}, {"by", to_string(o)}}.dump());
    }
    if (checked()) {
      const RouteOutcome out = router_.route(request(a, b, o));
      if (out.ok()) {
        auto j = report::route_to_json(*net_, *out.route);
        j["engine"] = "dijkstra"; // the served network is small: the automatic choice is Dijkstra
        q.expect.body = j.dump();
      } else {
        expect_no_route(q);
      }
    }
    return q;
  }

  Request matrix() {
    const int n = std::uniform_int_distribution<int>(1, 4)(rng_);
    const int m = std::uniform_int_distribution<int>(1, 4)(rng_);
    std::vector<NodeId> from;
    std::vector<NodeId> to;
    std::string fs;
    std::string ts;
    auto add = [&](std::vector<NodeId>& set, std::string& text) {
      const NodeId x = random_node();
      if (std::find(set.begin(), set.end(), x) != set.end()) return;
      set.push_back(x);
      text += (text.empty() ? "" : ",") + id(x);
    };
    for (int i = 0; i < n; ++i) add(from, fs);
    for (int i = 0; i < m; ++i) add(to, ts);
    const Objective o = random_objective();
    Request q;
    q.kind = "matrix";
    q.valid = true;
    q.raw = get(fmt::format("/matrix?from={}&to={}&by={}", fs, ts, to_string(o)));
    if (checked()) {
      Costing c;
      c.objective = o;
      q.expect.body =
          report::matrix_to_json(*net_, compute_matrix(*net_, from, to, c, {}, 1)).dump();
    }
    return q;
  }

  Request pareto() {
    const auto [a, b] = random_pair();
    Request q = point("pareto", "/pareto", a, b, Objective::time, "");
    if (checked()) {
      ParetoOptions po;
      po.max_labels = 500'000; // the server's default
      const ParetoFront f = pareto_.run(request(a, b, Objective::time), po);
      if (f.routes.empty()) {
        expect_no_route(q);
      } else {
        auto j = report::routes_to_json(*net_, f.routes, "pareto");
        j["truncated"] = f.truncated;
        q.expect.body = j.dump();
      }
    }
    return q;
  }

  Request alternatives() {
    const auto [a, b] = random_pair();
    const Objective o = random_objective();
    const int k = std::uniform_int_distribution<int>(1, 4)(rng_);
    Request q = point("alternatives", "/alternatives", a, b, o, fmt::format("&k={}", k));
    if (checked()) {
      AlternativesOptions ao;
      ao.k = static_cast<std::size_t>(k);
      const auto routes = find_alternatives(router_, request(a, b, o), ao);
      if (routes.empty())
        expect_no_route(q);
      else
        q.expect.body = report::routes_to_json(*net_, routes, "alternatives").dump();
    }
    return q;
  }

  Request compare() {
    const auto [a, b] = random_pair();
    const Objective o = random_objective();
    Request q = point("compare", "/compare", a, b, o, "");
    if (checked()) {
      const CorridorComparison c = compare_corridors(router_, request(a, b, o));
      if (!c.best)
        expect_no_route(q);
      else
        q.expect.body = report::comparison_to_json(*net_, c, o).dump();
    }
    return q;
  }

  Request places() {
    const NodeId n = random_node();
    Request q;
    q.kind = "places";
    q.valid = true;
    q.raw = get("/places?q=" + percent_encode(net_->node(n).name) + "&limit=20");
    q.expect.place_id = id(n);
    return q;
  }

  Request malformed() {
    const auto [a, b] = random_pair();
    Request q;
    q.expect.status = 400;
    switch (std::uniform_int_distribution<int>(0, 13)(rng_)) {
    case 0:
      q.kind = "bad_param";
      q.raw = get(fmt::format("/route?from={}&to={}&by=fastest", id(a), id(b)));
      q.expect.code = "invalid_parameter";
      break;
    case 1:
      q.kind = "unknown_place";
      q.raw = get(fmt::format("/route?from=Xyzzy{}ville&to={}", count_, id(b)));
      q.expect.status = 422;
      q.expect.code = "unknown_place";
      break;
    case 2:
      q.kind = "unknown_param";
      q.raw = get(fmt::format("/pareto?from={}&to={}&colour=red", id(a), id(b)));
      q.expect.code = "unknown_parameter";
      break;
    case 3:
      q.kind = "missing_param";
      q.raw = get(fmt::format("/matrix?from={}", id(a)));
      q.expect.code = "missing_parameter";
      break;
    case 4:
      q.kind = "garbage_json";
      q.raw = post("/route", "{\"from\": \"" + id(a) + "\", to: }}");
      q.expect.code = "malformed_json";
      break;
    case 5:
      q.kind = "wrong_method";
      q.raw = "DELETE /route HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
      q.expect.status = 405;
      q.expect.code = "method_not_allowed";
      break;
    case 6:
      q.kind = "unknown_path";
      q.raw = get("/routes?from=" + id(a));
      q.expect.status = 404;
      q.expect.code = "not_found";
      break;
    case 7:
      q.kind = "k_out_of_range";
      q.raw = get(fmt::format("/alternatives?from={}&to={}&k=99", id(a), id(b)));
      q.expect.code = "invalid_parameter";
      break;
    case 8:
      q.kind = "too_many_cells";
      q.raw = get("/matrix?from=all&to=all");
      q.expect.status = 422;
      q.expect.code = "too_many_cells";
      break;
    case 9:
      q.kind = "oversized_header";
      q.raw = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + std::string(12'000, 'p') +
              "\r\n\r\n";
      q.fresh_connection = true;
      q.expect.status = 431;
      q.expect.code = "headers_too_large";
      break;
    case 10:
      q.kind = "oversized_url";
      q.raw = get("/route?from=" + std::string(9'000, 'x') + "&to=" + id(b));
      q.fresh_connection = true;
      q.expect.status = 414;
      q.expect.code = "uri_too_long";
      break;
    case 11: {
      q.kind = "truncated";
      const std::string full = get(fmt::format("/route?from={}&to={}", id(a), id(b)));
      q.raw = full.substr(0, std::uniform_int_distribution<std::size_t>(1, full.size() - 3)(rng_));
      q.fresh_connection = true;
      q.close_after_send = true;
      q.expect.status = 400;
      q.expect.code = "bad_request";
      break;
    }
    case 12: {
      q.kind = "garbage_bytes";
      std::string g;
      for (int i = 0; i < 200; ++i)
        g += static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng_));
      q.raw = g + "\r\n\r\n";
      q.fresh_connection = true;
      q.close_after_send = true;
      q.expect.status = 0; // a 4xx; which one depends on the bytes
      break;
    }
    default:
      q.kind = "oversized_body";
      q.raw = post("/route", "{\"from\": \"" + std::string(70'000, 'y') + "\"}");
      q.fresh_connection = true;
      q.expect.status = 413;
      q.expect.code = "payload_too_large";
      break;
    }
    return q;
  }

  const Network* net_;
  std::mt19937 rng_;
  Router router_;
  ParetoRouter pareto_;
  int check_every_;
  unsigned long count_ = 0;
};

/// Whether `r` is what `q` expects; `why` says what differs.
bool judge(const Request& q, const RawResponse& r, std::string& why) {
  if (r.status == 0) {
    why = "no response";
    return false;
  }
  if (r.status >= 500) {
    why = fmt::format("status {}: {}", r.status, r.body.substr(0, 200));
    return false;
  }
  if (q.expect.status == 0 ? (r.status < 400 || r.status >= 500) : r.status != q.expect.status) {
    why = fmt::format("status {} (expected {}): {}", r.status, q.expect.status,
                      r.body.substr(0, 200));
    return false;
  }
  if (r.status >= 400) {
    const json j = json::parse(r.body, nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].contains("code")) {
      why = "error without a JSON error body: " + r.body.substr(0, 200);
      return false;
    }
    if (!q.expect.code.empty() && j["error"]["code"] != q.expect.code) {
      why = fmt::format("error code {} (expected {})", j["error"]["code"].dump(), q.expect.code);
      return false;
    }
    return true;
  }
  if (q.expect.body && r.body != *q.expect.body) {
    why = "answer differs from the direct library call";
    return false;
  }
  if (!q.expect.place_id.empty()) {
    const json j = json::parse(r.body, nullptr, false);
    bool found = false;
    if (j.is_object() && j.contains("places"))
      for (const auto& p : j["places"]) found = found || p["id"] == q.expect.place_id;
    if (!found) {
      why = "the place is not among the answers";
      return false;
    }
  }
  if (json::parse(r.body, nullptr, false).is_discarded()) {
    why = "the answer is not JSON";
    return false;
  }
  return true;
}

struct RssSample {
  long requests;
  long rss_kib;
  double seconds;
};

} // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--caravan")
      o.caravan = value();
    else if (a == "--requests")
      o.requests = std::stol(value());
    else if (a == "--clients")
      o.clients = std::stoi(value());
    else if (a == "--server-threads")
      o.server_threads = std::stoi(value());
    else if (a == "--rss-every")
      o.rss_every = std::stol(value());
    else if (a == "--check-every")
      o.check_every = std::max(1, std::stoi(value()));
    else if (a == "--max-rss-growth-mb")
      o.max_rss_growth_mb = std::stod(value());
    else if (a == "--seed")
      o.seed = static_cast<unsigned>(std::stoul(value()));
    else {
      fmt::print(stderr, "usage: caravan_soak --caravan PATH [--requests N] [--clients C] "
                         "[--server-threads T] [--rss-every N] [--check-every N] "
                         "[--max-rss-growth-mb MB] [--seed S]\n");
      return 2;
    }
  }
  if (o.caravan.empty()) {
    fmt::print(stderr, "caravan_soak: --caravan PATH is required\n");
    return 2;
  }
  if (o.rss_every <= 0) o.rss_every = std::max<long>(1, o.requests / 20);

  const Network net = formats::parse_network(*formats::builtin_network("eurasia")).network;
  ServerProcess server(o);
  const int port = server.port();

  Stats stats;
  std::mutex rss_mutex;
  std::vector<RssSample> rss;
  const auto start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  rss.push_back({0, server.rss_kib(), 0.0});
  std::atomic<long> next{0};

  auto client = [&](int t) {
    Generator gen(net, o.seed * 1000 + static_cast<unsigned>(t), o.check_every);
    std::unique_ptr<RawConnection> conn;
    for (;;) {
      const long n = next++;
      if (n >= o.requests) break;
      const Request q = gen.next();
      (q.valid ? stats.valid : stats.malformed)++;
      RawResponse r;
      if (q.fresh_connection) {
        RawConnection c(port);
        c.send(q.raw);
        if (q.close_after_send) c.close_sending();
        r = c.read_response();
      } else {
        for (int attempt = 0; attempt < 2; ++attempt) {
          if (!conn) conn = std::make_unique<RawConnection>(port);
          const bool sent = conn->send(q.raw);
          r = sent ? conn->read_response() : RawResponse{};
          if (r.status != 0) break;
          // The server closed a kept-alive connection (idle or request limit) as we reused it.
          conn.reset();
          ++stats.retries;
        }
        auto c = r.headers.find("connection");
        if (c != r.headers.end() && c->second == "close") conn.reset();
      }
      if (r.status == 503 && r.body.find("\"overloaded\"") != std::string::npos) ++stats.overloaded;
      std::string why;
      const bool ok = (r.status == 503 && r.body.find("\"overloaded\"") != std::string::npos) ||
                      judge(q, r, why);
      if (!ok) ++stats.failures;
      if (q.expect.body) ++stats.checked;
      stats.record(q, ok, why);
      const long d = ++stats.done;
      if (d % o.rss_every == 0) {
        const long kib = server.rss_kib();
        std::lock_guard lock(rss_mutex);
        rss.push_back({d, kib, elapsed()});
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < o.clients; ++t) threads.emplace_back(client, t);
  for (auto& th : threads) th.join();
  const double seconds = elapsed();
  const int exit_status = server.stop();

  fmt::print("caravan_soak: {} requests from {} clients to `caravan serve --threads {}` "
             "(eurasia) on 127.0.0.1:{}\n\n",
             stats.done.load(), o.clients, o.server_threads, port);
  fmt::print("{:>10}  {:>10}  {:>8}  {:>8}\n", "requests", "RSS KiB", "seconds", "req/s");
  long prev_n = 0;
  double prev_t = 0.0;
  for (const RssSample& s : rss) {
    const double rate = s.seconds > prev_t ? (s.requests - prev_n) / (s.seconds - prev_t) : 0.0;
    fmt::print("{:>10}  {:>10}  {:>8.1f}  {:>8.0f}\n", s.requests, s.rss_kib, s.seconds, rate);
    prev_n = s.requests;
    prev_t = s.seconds;
  }
  fmt::print("\n{:<18} {:>8} {:>8}\n", "kind", "sent", "failed");
  for (const auto& [k, n] : stats.sent_by_kind)
    fmt::print("{:<18} {:>8} {:>8}\n", k, n,
               stats.failed_by_kind.contains(k) ? stats.failed_by_kind.at(k) : 0);
  // Memory: the first sample after warm-up (10 % of the run) against the last.
  const RssSample& first = rss[std::min<std::size_t>(rss.size() - 1, 2)];
  const RssSample& middle = rss[rss.size() / 2];
  const RssSample& last = rss.back();
  const double growth_mb = static_cast<double>(last.rss_kib - first.rss_kib) / 1024.0;
  fmt::print("\nrequests {}  valid {}  malformed {}  failures {}  overloaded-503 {}  "
             "reconnect-retries {}  answers compared with direct calls {}\n",
             stats.done.load(), stats.valid.load(), stats.malformed.load(), stats.failures.load(),
             stats.overloaded.load(), stats.retries.load(), stats.checked.load());
  fmt::print("RSS KiB: start {} (after warm-up {})  middle {}  end {}  growth after warm-up "
             "{:.1f} MiB\n",
             rss.front().rss_kib, first.rss_kib, middle.rss_kib, last.rss_kib, growth_mb);
  fmt::print("{:.1f} s, {:.0f} requests/s; server exit status {}\n", seconds,
             static_cast<double>(stats.done.load()) / seconds, exit_status);
  for (const auto& f : stats.first_failures) fmt::print("FAILED {}\n", f);
  bool ok = stats.failures == 0 && exit_status == 0;
  if (growth_mb > o.max_rss_growth_mb) {
    fmt::print("FAILED: RSS grew by {:.1f} MiB (limit {:.1f})\n", growth_mb, o.max_rss_growth_mb);
    ok = false;
  }
  fmt::print("{}\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
