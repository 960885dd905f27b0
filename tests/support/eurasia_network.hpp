// Test support: the built-in eurasia network, read from data/eurasia once per test program.
#pragma once

#include "core/network.hpp"
#include "formats/csv_network.hpp"

#include <filesystem>

namespace caravan::testing {

inline const Network& eurasia_network() {
  static const Network net =
      formats::read_network(std::filesystem::path(CARAVAN_REPO_DIR) / "data" / "eurasia").network;
  return net;
}

} // namespace caravan::testing
