// A pool of reusable Router query objects over one immutable network, one lent to each request.
#pragma once

#include "route/router.hpp"

#include <memory>
#include <mutex>
#include <vector>

namespace caravan::server {

/// Routers own their scratch memory, so each concurrent request borrows its own. The pool grows to
/// the largest number of requests that ran at once (at most the server's thread count) and reuses
/// them after that.
class RouterPool {
public:
  explicit RouterPool(const Network& net) : net_(&net) {}

  /// A borrowed Router, returned to the pool when the lease ends.
  class Lease {
  public:
    Lease(RouterPool& pool, std::unique_ptr<Router> r) : pool_(&pool), router_(std::move(r)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_->give_back(std::move(router_)); }
    Router& operator*() { return *router_; }
    Router* operator->() { return router_.get(); }

  private:
    RouterPool* pool_;
    std::unique_ptr<Router> router_;
  };

  Lease borrow() {
    std::unique_ptr<Router> r;
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        r = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!r) r = std::make_unique<Router>(*net_);
    return Lease(*this, std::move(r));
  }

  /// Routers waiting in the pool (none are lent out when this equals the number ever created).
  [[nodiscard]] std::size_t idle() const {
    std::lock_guard lock(mutex_);
    return free_.size();
  }

private:
  void give_back(std::unique_ptr<Router> r) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(r));
  }
  const Network* net_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Router>> free_;
};

} // namespace caravan::server
