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
/// difference, in range or not, the reason), the routed paths and the calibration file's columns.
/// `title` and `intro` head it.
std::string calibration_to_markdown(const Network& net, std::span<const CalibrationRow> rows,
                                    const std::string& title, const std::string& intro);

/// The title and introduction of docs/calibration.md (`caravan calibrate --format md`), so that a
/// test can render the same report in-process.
extern const char* const kCalibrationReportTitle;
extern const char* const kCalibrationReportIntro;

/// One line per journey for a terminal.
std::string calibration_to_table(const Network& net, std::span<const CalibrationRow> rows);

} // namespace caravan::report
