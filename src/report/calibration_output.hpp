// Calibration reports: every published journey beside the model's answer, as Markdown (the
// generated docs/calibration.md) and as a text table.
#pragma once

#include "analysis/calibration.hpp"
#include "core/network.hpp"

#include <span>
#include <string>

namespace caravan::report {

struct CalibrationRow {
  const PublishedJourney* journey = nullptr;
  JourneyResult result;
};

/// Markdown: a summary line, one table row per journey (published, accepted range, model, the
/// difference, in range or not, the reason) and the routed paths. `title` and `intro` head it.
std::string calibration_to_markdown(const Network& net, std::span<const CalibrationRow> rows,
                                    const std::string& title, const std::string& intro);

/// One line per journey for a terminal.
std::string calibration_to_table(const Network& net, std::span<const CalibrationRow> rows);

} // namespace caravan::report
