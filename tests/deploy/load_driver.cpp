// Load driver for the deployment tests (tests/deploy/load_test.sh): N client threads, each on one
// keep-alive connection, send /route requests of random place pairs to a loopback address (nginx
// in front of the replicas) while shell actions run at given request counts (kill a replica,
// reload one). Every answer is checked against the library's own answer on the network version
// the response names in its X-Caravan-Network header. Bounded in count and time; loopback only.
//
// caravan_load_driver --port P --network DIR [--network DIR2 ...] [--requests 10000]
//     [--clients 8] [--seed 1] [--at N 'shell command' ...] [--final DIR] [--max-seconds 120]
// Exit 0 when every request was answered (no transport error, no 5xx), every answer equals the
// expected one of its version, every action exited 0 and, with --final, every request sent after
// the last action finished was answered by that version; 1 otherwise; 2 for bad arguments.
#include "formats/csv_network.hpp"
#include "formats/services_csv.hpp"
#include "server/http_api.hpp"

#include <httplib.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace caravan;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  std::vector<std::string> networks;
  std::size_t requests = 10'000;
  int clients = 8;
  unsigned seed = 1;
  std::vector<std::pair<std::size_t, std::string>> actions;
  std::string final_network;
  double max_seconds = 120;
  std::size_t pairs = 400; ///< distinct random requests; each request picks one of them
};

[[noreturn]] void usage(const std::string& why) {
  fmt::print(stderr, "caravan_load_driver: {}\n", why);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--host")
      o.host = value();
    else if (a == "--port")
      o.port = std::stoi(value());
    else if (a == "--network")
      o.networks.push_back(value());
    else if (a == "--requests")
      o.requests = std::stoul(value());
    else if (a == "--clients")
      o.clients = std::stoi(value());
    else if (a == "--seed")
      o.seed = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--pairs")
      o.pairs = std::stoul(value());
    else if (a == "--at") {
      const std::size_t n = std::stoul(value());
      o.actions.emplace_back(n, value());
    } else if (a == "--final")
      o.final_network = value();
    else if (a == "--max-seconds")
      o.max_seconds = std::stod(value());
    else
      usage("unknown argument " + a);
  }
  if (o.port <= 0) usage("--port is required");
  if (o.networks.empty()) usage("at least one --network is required");
  if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1")
    usage("--host must be a loopback address");
  if (o.clients < 1 || o.requests < 1 || o.pairs < 1) usage("counts must be positive");
  std::sort(o.actions.begin(), o.actions.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  return o;
}

/// One network version: the library's answer to each request of the run.
struct Version {
  std::string dir;
  std::string hash;
  std::vector<caravan::server::ApiResponse> expected; ///< by request index
  std::atomic<std::size_t> answered{0};
};

struct Request {
  std::string target; ///< path and query
  caravan::server::ApiRequest api;
};

std::vector<Request> make_requests(const Network& net, std::size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> node(0, net.node_count() - 1);
  const char* objectives[] = {"time", "cost", "co2", "distance"};
  std::uniform_int_distribution<int> objective(0, 3);
  std::vector<Request> out;
  while (out.size() < count) {
    const std::size_t a = node(rng);
    const std::size_t b = node(rng);
    if (a == b) continue;
    Request r;
    const std::string& from = net.nodes()[a].id;
    const std::string& to = net.nodes()[b].id;
    const char* by = objectives[objective(rng)];
    r.target = fmt::format("/route?from={}&to={}&by={}&geometry=false", from, to, by);
    r.api.path = "/route";
    r.api.query = {{"from", from}, {"to", to}, {"by", by}, {"geometry", "false"}};
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  // The versions and their expected answers.
  std::vector<std::unique_ptr<Version>> versions;
  std::vector<Request> requests;
  try {
    for (const auto& dir : o.networks) {
      const formats::NetworkFiles files = formats::read_network_files(dir);
      auto v = std::make_unique<Version>();
      v->dir = dir;
      v->hash = formats::content_hash(files);
      const Network net = formats::parse_network(files).network;
      if (requests.empty()) requests = make_requests(net, o.pairs, o.seed);
      server::ApiOptions api_options; // as `caravan serve` builds it, with the network's services
      api_options.services =
          std::make_shared<const Timetable>(formats::parse_services(files, net, nullptr));
      const server::Api api(net, api_options);
      for (const auto& r : requests) v->expected.push_back(api.handle(r.api));
      versions.push_back(std::move(v));
    }
  } catch (const std::exception& e) {
    usage(fmt::format("cannot read a --network: {}", e.what()));
  }
  std::size_t differing = 0; // requests whose answer differs between the first two versions
  if (versions.size() > 1)
    for (std::size_t i = 0; i < requests.size(); ++i)
      differing += versions[0]->expected[i].body != versions[1]->expected[i].body;
  const Version* final_version = nullptr;
  if (!o.final_network.empty()) {
    for (const auto& v : versions)
      if (v->dir == o.final_network) final_version = v.get();
    if (final_version == nullptr) usage("--final must be one of the --network directories");
  }

  std::atomic<std::size_t> next{0};      // the next request index to send
  std::atomic<std::size_t> completed{0}; // requests answered or failed
  std::atomic<std::size_t> failed{0};    // no answer, or a 5xx
  std::atomic<std::size_t> mismatched{0};
  std::atomic<std::size_t> unknown_version{0};
  std::atomic<std::size_t> not_final{0};
  std::atomic<std::size_t> after_actions{0}; // requests sent after the last action finished
  std::atomic<bool> actions_done{o.actions.empty()};
  std::atomic<bool> out_of_time{false};
  std::mutex report_mutex;
  std::vector<std::string> first_problems;
  const auto problem = [&](std::string s) {
    std::lock_guard lock(report_mutex);
    if (first_problems.size() < 10) first_problems.push_back(std::move(s));
  };
  const auto t0 = Clock::now();
  const auto deadline = t0 + std::chrono::duration<double>(o.max_seconds);

  // Actions: each runs (in order, on this thread) once `completed` reaches its count.
  std::vector<std::string> action_log;
  bool actions_ok = true;
  std::thread action_thread([&] {
    for (const auto& [at, cmd] : o.actions) {
      while (completed < at && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (completed < at) { // out of time before the action was due
        actions_ok = false;
        action_log.push_back(fmt::format("action at {} never ran: out of time", at));
        break;
      }
      const std::size_t started_at = completed;
      const auto a0 = Clock::now();
      const int status = std::system(cmd.c_str());
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - a0).count();
      action_log.push_back(fmt::format("action at {} (started after {} answers, took {:.0f} ms, "
                                       "ended after {} answers, status {}): {}",
                                       at, started_at, ms, completed.load(), status, cmd));
      if (status != 0) actions_ok = false;
    }
    actions_done = true;
  });

  std::vector<std::thread> clients;
  for (int c = 0; c < o.clients; ++c)
    clients.emplace_back([&] {
      httplib::Client client(o.host, o.port);
      client.set_keep_alive(true);
      client.set_connection_timeout(std::chrono::seconds(2));
      client.set_read_timeout(std::chrono::seconds(15));
      for (;;) {
        const std::size_t i = next++;
        if (i >= o.requests) break;
        if (Clock::now() > deadline) {
          out_of_time = true;
          break;
        }
        const bool sent_after_actions = actions_done;
        const std::size_t k = i % requests.size();
        const auto res = client.Get(requests[k].target);
        if (!res) {
          ++failed;
          problem(fmt::format("request {} {}: no answer ({})", i, requests[k].target,
                              httplib::to_string(res.error())));
        } else if (res->status >= 500) {
          ++failed;
          problem(fmt::format("request {} {}: status {} {}", i, requests[k].target, res->status,
                              res->body.substr(0, 200)));
        } else {
          const std::string hash = res->get_header_value("X-Caravan-Network");
          const auto v = std::find_if(versions.begin(), versions.end(),
                                      [&](const auto& x) { return x->hash == hash; });
          if (v == versions.end()) {
            ++unknown_version;
            problem(fmt::format("request {}: unknown network version '{}'", i, hash));
          } else {
            ++(*v)->answered;
            const auto& want = (*v)->expected[k];
            if (want.status != res->status || want.body != res->body) {
              ++mismatched;
              problem(fmt::format("request {} {}: answer differs from version {} (status {} vs "
                                  "{})",
                                  i, requests[k].target, hash, res->status, want.status));
            }
            if (sent_after_actions) {
              ++after_actions;
              if (final_version != nullptr && v->get() != final_version) ++not_final;
            }
          }
        }
        ++completed;
      }
    });
  for (auto& t : clients) t.join();
  action_thread.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();

  fmt::print("requests {}, clients {}, answered {}, failed {}, mismatched {}, unknown version "
             "{}, in {:.2f} s ({:.0f} req/s)\n",
             completed.load(), o.clients, completed - failed, failed.load(), mismatched.load(),
             unknown_version.load(), seconds, static_cast<double>(completed) / seconds);
  for (const auto& v : versions)
    fmt::print("version {} ({}): {} answers\n", v->hash, v->dir, v->answered.load());
  if (versions.size() > 1)
    fmt::print("{} of {} distinct requests answer differently on the first two versions\n",
               differing, requests.size());
  for (const auto& l : action_log) fmt::print("{}\n", l);
  if (!o.actions.empty())
    fmt::print("{} requests sent after the last action finished{}\n", after_actions.load(),
               final_version ? fmt::format(", {} not from the final version", not_final.load())
                             : std::string());
  for (const auto& p : first_problems) fmt::print("problem: {}\n", p);
  bool ok = failed == 0 && mismatched == 0 && unknown_version == 0 && actions_ok &&
            completed == o.requests && !out_of_time;
  if (out_of_time || completed != o.requests)
    fmt::print("FAILED: not all {} requests ran within {} s\n", o.requests, o.max_seconds);
  if (!actions_ok) fmt::print("FAILED: an action exited non-zero\n");
  if (!actions_done) {
    fmt::print("FAILED: the actions did not finish\n");
    ok = false;
  }
  if (final_version != nullptr && (not_final > 0 || after_actions == 0)) {
    fmt::print("FAILED: after the last action every answer must come from {} (and some must)\n",
               final_version->hash);
    ok = false;
  }
  fmt::print("{}\n", ok ? "load: ok" : "load: FAILED");
  return ok ? 0 : 1;
}
