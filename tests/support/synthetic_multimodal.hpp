// Test and benchmark support: a large SYNTHETIC multimodal network (a synthetic road graph with a
// rail overlay in two gauges, two countries with border charges, ferries and transfers).
#pragma once

#include "core/network.hpp"

#include <cstdint>

namespace caravan::testing {

/// Everything in it is fictitious ("synthetic" in every name): roads from
/// graph::generate_synthetic_road_graph with about `road_nodes` nodes 1 km apart; the west half in
/// country KZ, the east half in CN, with border dwell (road 4 h, rail 1 h) and charges on every arc
/// crossing between them; one rail station per ~150 road nodes linked to its three nearest stations
/// by 200 km/h rail (1520 mm gauge in KZ, 1435 mm in CN, gauge changes at CN stations on
/// cross-border lines); road-rail transfers at every station; a few ferries between stations with
/// port handling; some rail links planned for 2030 (open only under a year rule).
Network synthetic_multimodal_network(std::uint32_t road_nodes, std::uint64_t seed);

} // namespace caravan::testing
