// `caravan serve`: the HTTP JSON API and the web map over one network, until SIGINT or SIGTERM;
// SIGHUP (or POST /admin/reload with --admin) reloads the network without dropping a request.
#include "commands.hpp"
#include "context.hpp"
#include "node_sets.hpp"
#include "request_options.hpp"
#include "services.hpp"

#include "server/http_api.hpp"
#include "server/http_server.hpp"
#include "server/reloader.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include <pthread.h>
#include <signal.h>

namespace caravan::app {

namespace {
struct ServeOptions {
  std::string network = "eurasia";
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  std::string web;
  std::string scenarios;
  std::size_t max_body_kb = 64;
  std::size_t max_header_kb = 8;
  std::size_t max_queue = 64;
  int time_budget_ms = 10'000;
  int request_timeout_ms = 10'000;
  int read_timeout_ms = 5'000;
  int write_timeout_ms = 5'000;
  int idle_timeout_ms = 2'000;
  std::size_t max_matrix_cells = 10'000;
  std::size_t max_pareto_labels = 500'000;
  bool quiet = false;
  bool admin = false;
  EngineCliOptions engine;
};

server::HttpServer* g_server = nullptr;

extern "C" void on_stop_signal(int) {
  // httplib's stop() only shuts the listening socket down and sets a flag: safe enough here.
  if (g_server != nullptr) g_server->stop();
}

/// The built web page: --web, or the one the build produced beside the sources.
std::string find_web_dir(const std::string& given) {
  if (!given.empty()) {
    if (!std::filesystem::is_regular_file(std::filesystem::path(given) / "index.html"))
      throw UsageError(fmt::format("--web: no index.html in '{}' (run `make web`)", given));
    return given;
  }
#ifdef CARAVAN_DEFAULT_WEB_DIR
  if (std::filesystem::is_regular_file(std::filesystem::path(CARAVAN_DEFAULT_WEB_DIR) /
                                       "index.html"))
    return CARAVAN_DEFAULT_WEB_DIR;
#endif
  return {};
}

/// The scenario directory: --scenarios, else `scenarios/` in the network's directory, else the
/// built-in scenarios for the built-in eurasia network; empty when there is none.
std::string find_scenario_dir(const std::string& given, const std::string& network) {
  namespace fs = std::filesystem;
  if (!given.empty()) {
    if (!fs::is_directory(given))
      throw UsageError(fmt::format("--scenarios: '{}' is not a directory", given));
    return given;
  }
  if (fs::is_directory(fs::path(network) / "scenarios"))
    return (fs::path(network) / "scenarios").string();
#ifdef CARAVAN_DEFAULT_SCENARIO_DIR
  if (network == "eurasia" && fs::is_directory(CARAVAN_DEFAULT_SCENARIO_DIR))
    return CARAVAN_DEFAULT_SCENARIO_DIR;
#endif
  return {};
}

/// Reads the network (and scenarios) named by the options as they are on disk now and builds a
/// ready-to-serve Api over it: at start-up and for each reload. Throws on a bad network.
std::shared_ptr<server::Api> load_api(const ServeOptions& o) {
  // The Api points into the network: both live in one block, the Api's owner.
  struct Loaded {
    LoadedNetwork ln;
    std::unique_ptr<server::Api> api;
  };
  auto s = std::make_shared<Loaded>();
  s->ln = load_network(o.network);
  // `names` refers to the network it was built over, which the assignment moved from: rebuild it.
  s->ln.names = std::make_unique<NodeNames>(s->ln.net);
  const LoadedNetwork& ln = s->ln;
  server::ApiOptions api_opts;
  api_opts.network_label = ln.label;
  api_opts.version = CARAVAN_VERSION;
  api_opts.network_hash = ln.content_hash;
  api_opts.engine = make_engine_options(o.engine);
  api_opts.time_budget = std::chrono::milliseconds(o.time_budget_ms);
  api_opts.max_matrix_cells = o.max_matrix_cells;
  api_opts.max_pareto_labels = o.max_pareto_labels;
  api_opts.services = std::make_shared<const Timetable>(load_services(ln));
  std::vector<server::ServedScenario> scenarios;
  const std::string scenario_dir = find_scenario_dir(o.scenarios, o.network);
  if (!scenario_dir.empty()) {
    // The impact place set of `caravan impact`; a network without those places compares all.
    std::vector<NodeId> places;
    std::string label = "Kazakh regional centres and main gateways";
    try {
      places = resolve_node_set(ln, "--scenarios", kImpactPlaces);
    } catch (const UsageError&) {
      places = resolve_node_set(ln, "--scenarios", "all");
      label = "every place";
    }
    try {
      scenarios = server::load_scenarios(ln.net, scenario_dir, places, label);
    } catch (const std::runtime_error& e) {
      throw UsageError(fmt::format("--scenarios: {}", e.what()));
    }
  }
  const std::size_t scenario_count = scenarios.size();
  s->api = std::make_unique<server::Api>(ln.net, api_opts, std::move(scenarios));
  const server::Api& api = *s->api;
  if (api.hierarchies().prefers_ch()) {
    // Built before serving, so that no request waits for a build.
    fmt::print("building contraction hierarchies ({} states, 4 objectives) ...\n",
               api.hierarchies().state_count());
    std::fflush(stdout);
    const auto t0 = std::chrono::steady_clock::now();
    api.hierarchies().build_all();
    fmt::print("built in {:.1f} s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  fmt::print("network {}: {} ({} nodes, {} links)\n", ln.content_hash, ln.label,
             ln.net.node_count(), ln.net.link_count());
  if (!scenario_dir.empty()) fmt::print("{} scenarios from {}\n", scenario_count, scenario_dir);
  std::fflush(stdout);
  return std::shared_ptr<server::Api>(s, s->api.get());
}

/// Until `stop` is set: each SIGHUP asks `reloader` for a reload (the result goes to the log).
/// SIGHUP must be blocked in every thread (it is, from before any thread started).
void watch_sighup(server::Reloader& reloader, const std::atomic<bool>& stop,
                  const std::string& network) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  const timespec tick{0, 200'000'000};
  while (!stop) {
    if (sigtimedwait(&set, nullptr, &tick) == SIGHUP) {
      fmt::print(stderr, "SIGHUP: reloading the network from {}\n", network);
      std::fflush(stderr);
      (void)reloader.request_reload();
    }
  }
}

int run_serve(const ServeOptions& o) {
  // SIGHUP reloads; blocked here before any thread starts, so that only the watcher takes it.
  sigset_t hup;
  sigemptyset(&hup);
  sigaddset(&hup, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &hup, nullptr);
  auto log_mutex = std::make_shared<std::mutex>();
  server::Reloader reloader([&o] { return load_api(o); },
                            [log_mutex](const std::string& line) {
                              std::lock_guard lock(*log_mutex);
                              fmt::print(stderr, "{} {}\n", server::utc_now_iso8601(), line);
                              std::fflush(stderr);
                            });
  std::shared_ptr<const server::Api> first = reloader.current();

  server::ServerOptions so;
  so.host = o.host;
  so.port = o.port;
  // A worker holds a keep-alive connection while it is open, so the default is well above the
  // core count (bench/load.sh: 16 connections on 4 workers queue for a worker, p99 ~130 ms).
  so.threads = o.threads > 0 ? o.threads
                             : static_cast<int>(std::max(16u, std::thread::hardware_concurrency()));
  so.web_dir = find_web_dir(o.web);
  so.max_body_bytes = o.max_body_kb * 1024;
  so.max_header_bytes = o.max_header_kb * 1024;
  so.max_queued_connections = o.max_queue;
  so.request_timeout = std::chrono::milliseconds(o.request_timeout_ms);
  so.read_timeout = std::chrono::milliseconds(o.read_timeout_ms);
  so.write_timeout = std::chrono::milliseconds(o.write_timeout_ms);
  so.keep_alive_timeout = std::chrono::milliseconds(o.idle_timeout_ms);
  if (o.admin)
    so.admin = [&reloader](const server::ApiRequest& r) { return reloader.handle_admin(r); };
  if (!o.quiet)
    so.on_request = [log_mutex](const server::RequestLog& l) {
      std::lock_guard lock(*log_mutex);
      fmt::print(stderr, "{} {} {} {:.1f} ms\n", l.method, l.path, l.status, l.millis);
    };
  server::HttpServer http([&reloader] { return reloader.current(); }, so);
  const int port = http.bind();
  g_server = &http;
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  std::atomic<bool> stop_watching{false};
  std::thread watcher([&] { watch_sighup(reloader, stop_watching, o.network); });
  fmt::print("caravan serve: {} ({} nodes, {} links) with {} threads; /route engine: {}\n",
             o.network, first->network().node_count(), first->network().link_count(), so.threads,
             first->hierarchies().prefers_ch() ? "contraction hierarchies (Dijkstra for "
                                                 "constrained requests)"
                                               : "dijkstra");
  first.reset(); // a reload frees the old network once its last request is answered
  fmt::print("reload: SIGHUP{}\n", o.admin ? " or POST /admin/reload (loopback only)" : "");
  if (so.web_dir.empty())
    fmt::print("no web page (build it with `make web` or pass --web DIR); API only\n");
  fmt::print("open http://{}:{}/\n", o.host, port);
  std::fflush(stdout);
  const bool ok = http.listen();
  g_server = nullptr;
  stop_watching = true;
  watcher.join();
  return ok ? kOk : kFailure;
}
} // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "HTTP JSON API and web map (see docs/api.md)");
  cmd->add_option("--network,-n", o->network, kNetworkHelp)->capture_default_str();
  cmd->add_option("--host", o->host, "address to listen on")->capture_default_str();
  cmd->add_option("--port,-p", o->port, "TCP port (0 = any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads,-j", o->threads,
                  "worker threads, each serving one connection at a time (default: 16, or the "
                  "number of cores if more)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--web", o->web,
                  "directory of the built web page (default: web/dist when it was built)");
  cmd->add_option("--scenarios", o->scenarios,
                  "directory of scenario files offered by /scenarios, /impact and "
                  "/route?scenario= (default: scenarios/ beside the network; for the built-in "
                  "eurasia network data/eurasia/scenarios)");
  // Limits (docs/reliability.md, "Server limits").
  cmd->add_option("--max-body-kb", o->max_body_kb,
                  "largest request body accepted, in KiB (larger: 413)")
      ->check(CLI::Range(1, 65536))
      ->capture_default_str();
  cmd->add_option("--max-header-kb", o->max_header_kb,
                  "largest request line plus headers, in KiB (larger: 431, or 414 for the request "
                  "line; httplib caps the request line at 8 KiB whatever this says)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--max-queue", o->max_queue,
                  "connections waiting for a free worker; beyond them 503 with Retry-After")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--time-budget-ms", o->time_budget_ms,
                  "time budget of one request's routing work; past it the search stops and the "
                  "answer is 503 time_budget_exceeded (0 = none)")
      ->check(CLI::Range(0, 3'600'000))
      ->capture_default_str();
  cmd->add_option("--request-timeout-ms", o->request_timeout_ms,
                  "the whole request must arrive within this time, however slowly it trickles "
                  "in (else 408 and close)")
      ->check(CLI::Range(1, 3'600'000))
      ->capture_default_str();
  cmd->add_option("--read-timeout-ms", o->read_timeout_ms,
                  "longest pause while a request is being read (else 408 and close)")
      ->check(CLI::Range(1, 3'600'000))
      ->capture_default_str();
  cmd->add_option("--write-timeout-ms", o->write_timeout_ms,
                  "the whole response must be sent within this time (else the connection is "
                  "dropped)")
      ->check(CLI::Range(1, 3'600'000))
      ->capture_default_str();
  cmd->add_option("--idle-timeout-ms", o->idle_timeout_ms,
                  "an idle keep-alive connection is closed after this time")
      ->check(CLI::Range(1, 3'600'000))
      ->capture_default_str();
  cmd->add_option("--max-matrix-cells", o->max_matrix_cells,
                  "largest origins x destinations of one /matrix request (larger: 422)")
      ->check(CLI::Range(1, 100'000'000))
      ->capture_default_str();
  cmd->add_option("--max-pareto-labels", o->max_pareto_labels,
                  "labels one /pareto search may create; the front is marked truncated at it")
      ->check(CLI::Range(1000, 1'000'000'000))
      ->capture_default_str();
  cmd->add_flag("--quiet,-q", o->quiet, "no access log on stderr");
  cmd->add_flag("--admin", o->admin,
                "answer POST /admin/reload (reload the network, as SIGHUP does, and wait for the "
                "result), only to loopback peers without proxy headers; others get 403");
  add_engine_options(cmd, o->engine);
  cmd->footer("Reloading: SIGHUP (or POST /admin/reload with --admin) reads the network and "
              "scenarios again from the same path and swaps them in once loaded; a network that "
              "does not load is refused (the reason in the log) and the old one keeps serving. "
              "/health reports network_hash, loaded_at and load_ms (docs/deploy.md).\n\n"
              "Examples:\n  caravan serve --network example --port 8080\n"
              "  curl 'http://127.0.0.1:8080/route?from=Urumqi&to=Poti&by=cost'\n"
              "  kill -HUP <pid>   # reload the network");
  cmd->callback([o, &exit_code] { exit_code = guarded([&] { return run_serve(*o); }); });
}

} // namespace caravan::app
