// One way to read an OpenStreetMap extract with libosmium: protozero's errors on malformed PBF data
// become std::runtime_error like libosmium's own, which the callers report with the file's name.
#pragma once

#include <protozero/exception.hpp>

#include <stdexcept>
#include <string>
#include <utility>

namespace caravan::formats {

/// Returns `read()`, turning protozero's exceptions on malformed PBF data (which are not
/// std::runtime_error, so a caller that names the file on std::runtime_error would miss them) into
/// std::runtime_error("malformed PBF data (...)").
template <class Read> decltype(auto) read_osm_checked(Read&& read) {
  try {
    return std::forward<Read>(read)();
  } catch (const protozero::exception& e) {
    throw std::runtime_error(std::string("malformed PBF data (") + e.what() + ")");
  }
}

} // namespace caravan::formats
