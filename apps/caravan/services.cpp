// services.csv for the subcommands: loading it beside the network, and validate's checks.
#include "services.hpp"

#include "formats/atomic_file.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/services_csv.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

namespace caravan::app {

Timetable load_services(const LoadedNetwork& ln) {
  std::vector<std::string> warnings;
  Timetable tt;
  std::error_code ec;
  const std::filesystem::path dir(ln.label);
  if (std::filesystem::is_directory(dir, ec)) {
    const auto file = dir / "services.csv";
    if (std::filesystem::exists(file, ec))
      tt = formats::parse_services_csv(formats::read_file(file), file.string(), ln.net, &warnings);
  } else if (auto files = formats::builtin_network(ln.label)) {
    tt = formats::parse_services(*files, ln.net, &warnings);
  }
  for (const auto& w : warnings) fmt::print(stderr, "warning: {}\n", w);
  return tt;
}

ServiceCheck check_services(const Network& net, const Timetable& tt) {
  ServiceCheck out;
  for (const Service& s : tt.services()) {
    ++out.checked;
    const Link& l = net.link(s.link);
    // Fastest plausible average speed door to door of the service (km/h).
    const double max_kmh = s.mode == Mode::road ? 90.0 : is_rail(s.mode) ? 120.0 : 45.0;
    const double kmh = l.length.value() / s.transit.low.value();
    if (kmh > max_kmh)
      out.failures.push_back(fmt::format(
          "{}: transit_h_low {} h over link {} ({} km) is {:.0f} km/h, faster than {} can go "
          "({:.0f} km/h)",
          s.id, s.transit.low.value(), l.id, l.length.value(), kmh, to_string(s.mode), max_kmh));
    bool reverse = false;
    for (const Service& o : tt.services())
      if (o.link == s.link && o.from == s.to && o.to == s.from) reverse = true;
    if (!reverse && !l.oneway)
      out.notes.push_back(fmt::format("{}: no service runs {} -> {} on link {} (that direction "
                                      "keeps the constant model)",
                                      s.id, net.node(s.to).id, net.node(s.from).id, l.id));
  }
  return out;
}

} // namespace caravan::app
