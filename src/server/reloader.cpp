// Reloader: one background thread that loads the next snapshot and swaps it in.
#include "server/reloader.hpp"

#include "server/api_error.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <stdexcept>

namespace caravan::server {

std::string utc_now_iso8601() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::shared_ptr<Api> Reloader::load_stamped() const {
  const auto t0 = std::chrono::steady_clock::now();
  std::shared_ptr<Api> api = load_();
  if (!api) throw std::runtime_error("the loader returned no network");
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  api->set_load_info(utc_now_iso8601(), std::round(ms * 10.0) / 10.0);
  return api;
}

Reloader::Reloader(Loader load, Log log) : load_(std::move(load)), log_(std::move(log)) {
  current_ = load_stamped();
  thread_ = std::thread([this] { run(); });
}

Reloader::~Reloader() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (pending_) {
    Result r;
    r.message = "the server is stopping; not reloaded";
    r.network_hash = r.previous_hash = current()->network_hash();
    pending_->set_value(r);
  }
}

std::shared_ptr<const Api> Reloader::current() const {
  std::lock_guard lock(current_mutex_);
  return current_;
}

std::shared_future<Reloader::Result> Reloader::request_reload() {
  std::lock_guard lock(mutex_);
  if (!pending_) {
    pending_ = std::make_shared<std::promise<Result>>();
    pending_future_ = pending_->get_future().share();
    wake_.notify_one();
  }
  return pending_future_;
}

std::uint64_t Reloader::reloads() const {
  std::lock_guard lock(mutex_);
  return reloads_;
}

std::uint64_t Reloader::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

void Reloader::run() {
  for (;;) {
    std::shared_ptr<std::promise<Result>> promise;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || pending_ != nullptr; });
      if (stopping_) return;
      promise = std::move(pending_); // asks from now on get the next load
      pending_ = nullptr;
    }
    promise->set_value(load_and_swap());
  }
}

Reloader::Result Reloader::load_and_swap() {
  Result r;
  r.previous_hash = current()->network_hash();
  try {
    std::shared_ptr<const Api> next = load_stamped();
    r.ok = true;
    r.network_hash = next->network_hash();
    const Network& net = next->network();
    r.message = fmt::format("network {} loaded in {:.1f} ms ({} nodes, {} links); serving it "
                            "(was {})",
                            r.network_hash, next->load_ms(), net.node_count(), net.link_count(),
                            r.previous_hash);
    r.load_ms = next->load_ms();
    {
      std::lock_guard lock(current_mutex_);
      current_.swap(next);
    }
    // `next` now holds the old snapshot: it is freed here, or by the last request still using it.
    std::lock_guard lock(mutex_);
    ++reloads_;
  } catch (const std::exception& e) {
    r.ok = false;
    r.network_hash = r.previous_hash;
    r.message =
        fmt::format("new network refused: {}; still serving network {}", e.what(), r.previous_hash);
    std::lock_guard lock(mutex_);
    ++refused_;
  }
  if (log_) log_(fmt::format("reload: {}", r.message));
  return r;
}

ApiResponse Reloader::handle_admin(const ApiRequest& req) {
  using json = nlohmann::ordered_json;
  if (req.path != "/admin/reload")
    return error_response(404, "not_found", fmt::format("no endpoint at '{}'", req.path));
  if (req.method != "POST")
    return error_response(405, "method_not_allowed",
                          fmt::format("/admin/reload does not accept {}; use POST", req.method));
  const Result r = reload();
  if (!r.ok) {
    const ApiError e(422, "reload_refused", r.message, "", json{{"network_hash", r.network_hash}});
    return ApiResponse{422, "application/json",
                       e.to_json().dump(-1, ' ', false, json::error_handler_t::replace)};
  }
  const json j{{"status", "reloaded"},
               {"network_hash", r.network_hash},
               {"previous_hash", r.previous_hash},
               {"load_ms", r.load_ms},
               {"message", r.message}};
  return ApiResponse{200, "application/json",
                     j.dump(-1, ' ', false, json::error_handler_t::replace)};
}

} // namespace caravan::server
