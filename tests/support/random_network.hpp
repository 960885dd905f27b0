// Test support: random multimodal networks (nodes in up to three countries, random transfers and
// border charges) for property tests against reference implementations.
#pragma once

#include "core/network.hpp"

#include <random>
#include <vector>

namespace caravan::testing {

struct RandomNetwork {
  Network net;
  std::vector<Mode> modes_used;
};

/// `n` nodes, `m` links of the given modes; with `extras`, three countries, random transfers (some
/// wildcards) and border charges on some crossing arcs. Some lengths are round so that ties occur.
RandomNetwork random_network(std::mt19937& rng, int n, int m, const std::vector<Mode>& modes,
                             bool extras);

} // namespace caravan::testing
