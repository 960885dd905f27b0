// Calibration of a network against published journeys: each published distance or transit time is
// routed and compared with its published range.
#pragma once

#include "core/network.hpp"
#include "route/router.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace caravan {

/// A published journey: a distance and/or a transit time between two places, with the range the
/// model must meet and where it was published.
struct PublishedJourney {
  std::string id;
  NodeId from;
  NodeId to;
  std::vector<NodeId> via; ///< the route must pass these, in order (e.g. a corridor's gateway)
  Objective objective = Objective::time;
  ModeSet avoid_modes;
  std::optional<int> year; ///< also use projects open by then
  /// What the published time counts: the whole journey (border dwells, transfers and the port
  /// handling at water ends included), or only the running time of the links (a ferry's sailing
  /// hours, a train's timetable between two stations).
  enum class TimeScope { total, running } time_scope = TimeScope::total;
  std::string published; ///< the published figure as words ("9,908 km, 10 days")
  /// The accepted ranges; unset when the source publishes no such figure.
  std::optional<double> km_low, km_high;
  std::optional<double> days_low, days_high;
  std::string
      range_note;     ///< why the accepted range is what it is (e.g. widened for a single figure)
  std::string source; ///< publisher, date, URL
  std::string reason; ///< what explains a difference between the model and the source
};

struct JourneyResult {
  bool routed = false;
  double km = 0;
  double days = 0;      ///< typical; port handling at water ends included
  double days_low = 0;  ///< sum of the low values along the same path
  double days_high = 0; ///< sum of the high values
  std::string path;     ///< the legs, "rail_1435 cn_xian->cn_alashankou | ..."
  bool km_ok = true;
  bool days_ok = true;
  [[nodiscard]] bool ok() const { return routed && km_ok && days_ok; }
};

/// Routes `j` on `net` and compares it with its ranges.
JourneyResult calibrate_journey(const Network& net, const PublishedJourney& j);

} // namespace caravan
