// Network reload without downtime: the served Api (network, scenarios, routing engines) is an
// immutable snapshot behind a shared_ptr. Each request takes the current one once and keeps it
// until it is answered; a reload loads and checks the next one on a background thread and swaps it
// in only when it loaded, so a bad network is refused and the old one keeps serving.
#pragma once

#include "server/http_api.hpp"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace caravan::server {

/// Loads, swaps and hands out the served Api. Thread-safe: current() from any number of request
/// threads while reloads run.
class Reloader {
public:
  /// Builds a complete, ready-to-serve Api (the returned pointer owns what the Api points into,
  /// e.g. through shared_ptr's aliasing constructor) or throws std::exception with the reason.
  using Loader = std::function<std::shared_ptr<Api>()>;
  /// Receives one line per reload (loaded or refused, with the reason).
  using Log = std::function<void(const std::string&)>;

  struct Result {
    bool ok = false;
    std::string message;      ///< what was loaded, or why the new network was refused
    std::string network_hash; ///< the hash now served (the old one when refused)
    std::string previous_hash;
    double load_ms = 0.0;
  };

  /// Loads the first version at once, on the calling thread (throws what the loader throws), and
  /// starts the reload thread.
  explicit Reloader(Loader load, Log log = {});
  ~Reloader();
  Reloader(const Reloader&) = delete;
  Reloader& operator=(const Reloader&) = delete;

  /// The Api to answer a request from; hold it until the answer is written.
  [[nodiscard]] std::shared_ptr<const Api> current() const;

  /// Asks the reload thread for a new load (from the loader's source as it is now). Returns at
  /// once; the future gives the result. Asks made before the next load starts share it; an ask
  /// made during a load gets the load after it.
  std::shared_future<Result> request_reload();
  /// request_reload() and wait for its result.
  Result reload() { return request_reload().get(); }

  /// POST /admin/reload: reloads and answers 200 with the new hash, or 422 reload_refused with
  /// the reason (the old network still serving); other methods 405, other /admin/ paths 404.
  ApiResponse handle_admin(const ApiRequest& req);

  [[nodiscard]] std::uint64_t reloads() const; ///< swaps done since start
  [[nodiscard]] std::uint64_t refused() const; ///< reloads refused since start

private:
  std::shared_ptr<Api> load_stamped() const;
  void run();
  Result load_and_swap();

  Loader load_;
  Log log_;
  mutable std::mutex current_mutex_; ///< guards current_ (held only to copy or swap the pointer)
  std::shared_ptr<const Api> current_;

  mutable std::mutex mutex_; ///< guards the fields below
  std::condition_variable wake_;
  std::shared_ptr<std::promise<Result>> pending_; ///< the next load's result, once asked for
  std::shared_future<Result> pending_future_;
  bool stopping_ = false;
  std::uint64_t reloads_ = 0;
  std::uint64_t refused_ = 0;
  std::thread thread_;
};

/// The current time as ISO 8601 UTC to the second ("2026-12-08T00:15:02Z").
std::string utc_now_iso8601();

} // namespace caravan::server
