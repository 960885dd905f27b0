// The exceptions the bindings throw, translated into Python's KeyError and caravan.NoRouteError.
#pragma once

#include <stdexcept>

namespace caravan::py {

/// An unknown name (place, country, built-in network, scenario): Python's KeyError.
class UnknownName : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Valid input, but no route satisfies the constraints: caravan.NoRouteError (a LookupError).
class NoRoute : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace caravan::py
