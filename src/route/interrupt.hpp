// Cooperative cancellation of long searches: a deadline and/or a flag that searches poll at safe
// points (Valhalla's interrupt callback), so a server can bound the work of one request.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>

namespace caravan {

/// Thrown by a search whose Interrupt asked it to stop; nothing partial is returned.
class Interrupted : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// When a search should give up: at a deadline, when a flag is raised, or both. Plain data; the
/// caller keeps it (and the flag) alive for the search. Searches call poll() often; it checks the
/// clock on the first call and then every `kStride` calls, so polling costs a counter increment.
class Interrupt {
public:
  using Clock = std::chrono::steady_clock;

  Interrupt() = default;
  explicit Interrupt(Clock::time_point deadline) : deadline_(deadline), has_deadline_(true) {}
  explicit Interrupt(const std::atomic<bool>* flag) : flag_(flag) {}

  /// Whether the deadline has passed or the flag is raised (checks now).
  [[nodiscard]] bool requested() const {
    if (flag_ != nullptr && flag_->load(std::memory_order_relaxed)) return true;
    return has_deadline_ && Clock::now() >= deadline_;
  }
  /// Throws Interrupted when requested(); `counter` is the caller's, so that one Interrupt can be
  /// shared by threads.
  void poll(std::uint32_t& counter) const {
    if ((counter++ & (kStride - 1)) == 0 && requested())
      throw Interrupted("the search was interrupted (time budget exhausted or cancelled)");
  }

  static constexpr std::uint32_t kStride = 256;

private:
  Clock::time_point deadline_{};
  const std::atomic<bool>* flag_ = nullptr;
  bool has_deadline_ = false;
};

} // namespace caravan
