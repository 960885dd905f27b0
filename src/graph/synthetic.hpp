// Seeded generator of large SYNTHETIC road-like graphs (road classes over a perturbed grid) for
// scaling benchmarks.
#pragma once

#include <cstdint>

#include "graph/graph.hpp"

namespace caravan::graph {

/// Parameters of a synthetic road graph. The defaults give a graph whose hierarchy of road classes
/// resembles a national road network; see docs/synthetic-road-graphs.md. Everything generated is
/// fictitious and must be labelled "synthetic" wherever it is shown.
struct SyntheticRoadParams {
  std::uint32_t columns = 316;       ///< grid width in nodes
  std::uint32_t rows = 316;          ///< grid height in nodes
  std::uint64_t seed = 1;            ///< same seed and parameters give the same graph everywhere
  double spacing_m = 200.0;          ///< distance between grid neighbours before perturbation
  double jitter = 0.3;               ///< node displacement, as a fraction of the spacing
  double local_drop = 0.08;          ///< probability that a local street segment is missing
  double one_way = 0.05;             ///< probability that a local street segment is one-way
  std::uint32_t collector_every = 4; ///< every k-th row/column is a collector road
  std::uint32_t arterial_every = 16; ///< every k-th row/column carries an arterial
  std::uint32_t arterial_exit = 4;   ///< arterial junctions every k grid nodes
  std::uint32_t motorway_every = 64; ///< every k-th row/column carries a motorway
  std::uint32_t motorway_exit = 16;  ///< motorway junctions every k grid nodes
};

/// A square-ish parameter set with about `nodes` nodes (before the largest component is kept).
[[nodiscard]] SyntheticRoadParams synthetic_params_for(std::uint32_t nodes, std::uint64_t seed);

/// Generates the graph: travel times in deciseconds (`WeightUnit::decisecond`), node positions in
/// metres (x east, y north), only the largest weakly connected component kept (with the one-way
/// streets the graph may still have a few nodes that cannot reach every other node).
[[nodiscard]] Graph generate_synthetic_road_graph(const SyntheticRoadParams& p);

} // namespace caravan::graph
