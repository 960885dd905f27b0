// Batches of point-to-point routes in one call, so that a loop of many queries is not bound by
// Python: totals only, as NumPy arrays, searched in parallel without the GIL.
#pragma once

#include "network_handle.hpp"
#include "request_args.hpp"

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

namespace caravan::py {

namespace pyb = pybind11;

/// The best route's totals for each pair frm[i] -> to[i] (the same search as route()): columns
/// reachable, km, hours, usd, kg_co2, transfers, borders (NaN where unreachable). Names are
/// resolved once each; an unknown name raises KeyError naming the row. `threads` = 0 uses all
/// cores. Ctrl-C stops it.
pyb::dict route_many_call(const NetworkHandle& h, const std::vector<std::string>& frm,
                          const std::vector<std::string>& to, const RequestArgs& a,
                          unsigned threads);

} // namespace caravan::py
