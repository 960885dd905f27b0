// Test support: build a Network from an ASCII map, so a feature test shows the network it routes
// on.
//
//   A-----B====C        every capital letter is a node at its (row, column); link lengths default
//   to |          ~        the straight-line distance between the letters on the grid times
//   `grid_km`. D          E        The map's drawing characters are only for the reader: links are
//   listed.
#pragma once

#include "core/network.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caravan::testing {

struct MapLink {
  std::string nodes; ///< a chain of node letters, e.g. "ABC" for A-B and B-C
  std::string mode;  ///< rail_1520, rail_1435, road, ferry, sea
  double speed_kmh = 50.0;
  double usd_per_teu_km = 1.0;
  double co2_g_per_tkm = 10.0;
  std::optional<double> km; ///< overrides the grid length (each link of the chain)
  double usd_per_teu = 0.0; ///< fixed charge per link
  bool oneway = false;
  std::string status = "existing";
  int open_year = 0;
  double capacity = 0.0; ///< 0 = none
  std::string capacity_unit =
      {}; ///< trains_per_day, teu_per_day, vehicles_per_hour, tonnes_per_year
};

struct MapTransfer {
  char node;
  std::string from_mode; ///< a mode or "*"
  std::string to_mode;
  double hours;
  double usd = 0.0;
};

struct MapBorder {
  std::string from_to; ///< two letters, direction of travel
  double hours;
  double usd = 0.0;
};

struct MapCorridor {
  std::string id;
  std::string nodes; ///< letters
};

struct MapSpec {
  std::string_view map;
  double grid_km = 10.0;
  std::vector<MapLink> links;
  std::vector<MapTransfer> transfers;
  std::vector<MapBorder> borders;
  std::map<char, std::string> countries; ///< letter -> ISO code; default "KZ"
  std::vector<MapCorridor> corridors;
};

/// Builds the network; node ids and names are the letters.
Network build_map_network(const MapSpec& spec);

} // namespace caravan::testing
