// Library results (routes, corridor comparisons, matrices) as Python dicts of columns, from which
// the pure-Python layer builds pandas DataFrames. Numbers are unrounded (the CLI's JSON rounds).
#pragma once

#include "analysis/corridor_compare.hpp"
#include "route/matrix.hpp"
#include "route/route.hpp"
#include "route/router.hpp"

#include <pybind11/pybind11.h>

namespace caravan::py {

namespace pyb = pybind11;

/// Totals, the legs, the transfer and port-handling steps, and the links with their sources.
pyb::dict route_dict(const Network& net, const Route& r);

/// The best route (no corridor constraint) and one row per corridor, ranked.
pyb::dict comparison_dict(const Network& net, const CorridorComparison& c);

/// One row per origin–destination pair (the pair of a place with itself left out); NaN where
/// unreachable.
pyb::dict matrix_dict(const Network& net, const Matrix& m);

/// The nodes of `net` as columns.
pyb::dict places_dict(const Network& net);

/// The links of `net` as columns; with `geometry`, also each link's drawn points as (lon, lat)
/// lists.
pyb::dict links_dict(const Network& net, bool geometry);

} // namespace caravan::py
