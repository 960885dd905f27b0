// Running a long library call without the GIL and so that Ctrl-C stops it: the work runs on its
// own thread with an Interrupt flag, while the calling (Python) thread waits, checking for signals.
#pragma once

#include "route/interrupt.hpp"

#include <functional>

namespace caravan::py {

/// Runs `work(interrupt)` with the GIL released (the caller holds it). When Python has a signal
/// pending (KeyboardInterrupt), raises the flag, waits for `work` to stop (searches poll the
/// Interrupt) and throws pybind11::error_already_set. Exceptions of `work` are rethrown.
void run_interruptible(const std::function<void(const Interrupt&)>& work);

} // namespace caravan::py
