// Signal-aware waiting for long calls (see interruptible.hpp).
#include "interruptible.hpp"

#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <future>
#include <thread>

namespace caravan::py {

void run_interruptible(const std::function<void(const Interrupt&)>& work) {
  std::atomic<bool> stop{false};
  const Interrupt interrupt(&stop);
  std::exception_ptr error;
  std::promise<void> finished;
  std::future<void> done = finished.get_future();
  std::thread worker([&] {
    try {
      work(interrupt);
    } catch (...) {
      error = std::current_exception();
    }
    finished.set_value();
  });
  bool interrupted = false;
  for (;;) {
    bool ready = false;
    {
      pybind11::gil_scoped_release release;
      ready = done.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready;
    }
    if (ready) break;
    if (!interrupted && PyErr_CheckSignals() != 0) {
      interrupted = true; // the Python error (KeyboardInterrupt) is set; stop the work first
      stop.store(true);
    }
  }
  worker.join();
  if (interrupted) throw pybind11::error_already_set();
  if (error) std::rethrow_exception(error);
}

} // namespace caravan::py
