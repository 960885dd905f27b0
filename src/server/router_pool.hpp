// A pool of reusable routing engines (Router plus contraction-hierarchy queries) over one immutable
// network, one lent to each request.
#pragma once

#include "route/router.hpp"
#include "route/routing_engine.hpp"

#include <memory>
#include <mutex>
#include <vector>

namespace caravan::server {

/// Engines own their scratch memory, so each concurrent request borrows its own. All engines share
/// one RouteHierarchies (built lazily, or at once with hierarchies().build_all(), then read-only).
/// The pool grows to the largest number of requests that ran at once (at most the server's thread
/// count) and reuses them after that.
class RouterPool {
public:
  explicit RouterPool(const Network& net, EngineOptions options = {})
      : hierarchies_(std::make_shared<const RouteHierarchies>(net, std::move(options))) {}

  /// A borrowed engine, returned to the pool when the lease ends. `*lease` / `->` is its Dijkstra
  /// Router (for alternatives and corridor comparisons); engine() picks CH or Dijkstra per request.
  class Lease {
  public:
    Lease(RouterPool& pool, std::unique_ptr<RoutingEngine> e)
        : pool_(&pool), engine_(std::move(e)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_->give_back(std::move(engine_)); }
    Router& operator*() { return engine_->dijkstra(); }
    Router* operator->() { return &engine_->dijkstra(); }
    RoutingEngine& engine() { return *engine_; }

  private:
    RouterPool* pool_;
    std::unique_ptr<RoutingEngine> engine_;
  };

  Lease borrow() {
    std::unique_ptr<RoutingEngine> e;
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        e = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!e) e = std::make_unique<RoutingEngine>(hierarchies_);
    return Lease(*this, std::move(e));
  }

  /// Engines waiting in the pool (none are lent out when this equals the number ever created).
  [[nodiscard]] std::size_t idle() const {
    std::lock_guard lock(mutex_);
    return free_.size();
  }

  [[nodiscard]] const RouteHierarchies& hierarchies() const { return *hierarchies_; }

private:
  void give_back(std::unique_ptr<RoutingEngine> e) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(e));
  }
  std::shared_ptr<const RouteHierarchies> hierarchies_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<RoutingEngine>> free_;
};

} // namespace caravan::server
