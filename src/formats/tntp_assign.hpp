// Turns TNTP files into the assignment network and demand, with the generalized-cost weights.
#pragma once

#include "assign/network.hpp"
#include "formats/tntp.hpp"

#include <optional>

namespace caravan::tntp {

/// Weights of the flow-independent generalized cost toll_factor*toll + distance_factor*length
/// added to each link's travel time. Unset values come from the file's `<TOLL FACTOR>` and
/// `<DISTANCE FACTOR>` metadata (0 when absent).
struct CostWeights {
  std::optional<double> toll_factor;
  std::optional<double> distance_factor;
};

struct AssignmentInput {
  assign::Network network;
  assign::Demand demand;
  /// For each link line of the _net file (file order): its index in the LinkSpec list given to
  /// Network::build, or assign::kNone when dropped as a duplicate.
  std::vector<std::uint32_t> spec_of_file_link;
  std::size_t duplicates_dropped = 0;
  double toll_factor = 0.0;
  double distance_factor = 0.0;
};

/// Builds the network (TNTP node k -> index k-1; FIRST THRU NODE honoured) and the demand.
/// With `drop_duplicates`, only the first of several links with the same tail and head is kept
/// (the post-2012 TNTP convention for Austin and Berlin-Center). Throws TntpError when the trip
/// table has more zones than the network.
AssignmentInput to_assignment(const Net& net, const Trips& trips, const CostWeights& weights = {},
                              bool drop_duplicates = true);

/// Reads `DIR/Name_net.tntp` and `DIR/Name_trips.tntp` and builds the assignment input.
AssignmentInput load_assignment(const std::filesystem::path& dir_and_name,
                                const CostWeights& weights = {}, bool drop_duplicates = true);

} // namespace caravan::tntp
