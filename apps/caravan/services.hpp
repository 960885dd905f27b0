// Loading a network's services.csv (its timetable) for the subcommands that use it.
#pragma once

#include "context.hpp"

#include "core/timetable.hpp"

#include <string>
#include <vector>

namespace caravan::app {

/// The services of the loaded network (`services.csv` in its directory, or the built-in
/// network's); empty when it has none. Prints the reader's warnings. Throws ParseError.
Timetable load_services(const LoadedNetwork& ln);

/// Findings of the `services` check of `caravan validate`: a service's transit time is
/// implausibly short for its link's length (faster than the mode can go), or the link's other
/// direction has no service (reported as a note, not a failure).
struct ServiceCheck {
  std::size_t checked = 0;
  std::vector<std::string> failures; ///< "service_id: message"
  std::vector<std::string> notes;
};
ServiceCheck check_services(const Network& net, const Timetable& tt);

} // namespace caravan::app
