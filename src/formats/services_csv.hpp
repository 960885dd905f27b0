// Reading services.csv, the optional timetable of a network (docs/network-format.md#servicescsv).
#pragma once

#include "core/timetable.hpp"
#include "formats/csv_network.hpp"

#include <string>
#include <vector>

namespace caravan::formats {

/// Parses the `services.csv` of `files` (an empty Timetable when there is none) against `net`.
/// Throws ParseError naming file, line and field.
Timetable parse_services(const NetworkFiles& files, const Network& net,
                         std::vector<std::string>* warnings = nullptr);

/// Parses services.csv text (`file` names it in errors).
Timetable parse_services_csv(std::string_view text, const std::string& file, const Network& net,
                             std::vector<std::string>* warnings = nullptr);

} // namespace caravan::formats
