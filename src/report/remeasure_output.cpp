// Remeasured link lengths as a table and as CSV.
#include "report/remeasure_output.hpp"

#include "formats/csv.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace caravan::report {

std::string remeasure_to_table(const Network& net, std::span<const LinkRemeasure> rows,
                               double flag_percent) {
  std::size_t width = 4;
  for (const LinkRemeasure& r : rows) width = std::max(width, net.link(r.link).id.size());
  std::string out = fmt::format("{:<{}}  {:<9}  {:>9}  {:>9}  {:>7}  {}\n", "link", width, "mode",
                                "sourced", "measured", "diff", "status");
  std::size_t matched = 0, flagged = 0;
  for (const LinkRemeasure& r : rows) {
    const Link& l = net.link(r.link);
    if (r.match.matched()) {
      ++matched;
      flagged += r.flagged ? 1 : 0;
      out += fmt::format("{:<{}}  {:<9}  {:>6.1f} km  {:>6.1f} km  {:>+6.1f}%  matched{}\n", l.id,
                         width, to_string(l.mode), r.sourced.value(), r.match.length.value(),
                         r.difference_percent, r.flagged ? "  FLAG" : "");
    } else {
      out += fmt::format("{:<{}}  {:<9}  {:>6.1f} km  {:>9}  {:>7}  unmatched: {}\n", l.id, width,
                         to_string(l.mode), r.sourced.value(), "-", "-", describe(r.match.failure));
    }
  }
  out += fmt::format("{} links: {} matched, {} unmatched; {} differ by more than {:g} %\n",
                     rows.size(), matched, rows.size() - matched, flagged, flag_percent);
  return out;
}

std::string remeasure_to_csv(const Network& net, std::span<const LinkRemeasure> rows) {
  std::string out = "link,mode,from,to,sourced_km,measured_km,difference_percent,status,flagged,"
                    "snap_from_km,snap_to_km,reason\n";
  auto e = [](std::string_view s) { return formats::csv_escape(s); };
  for (const LinkRemeasure& r : rows) {
    const Link& l = net.link(r.link);
    const bool ok = r.match.matched();
    out += fmt::format("{},{},{},{},{:g},{},{},{},{},{},{},{}\n", e(l.id), to_string(l.mode),
                       e(net.node(l.from).id), e(net.node(l.to).id), r.sourced.value(),
                       ok ? fmt::format("{:.1f}", r.match.length.value()) : "",
                       ok ? fmt::format("{:.2f}", r.difference_percent) : "",
                       ok ? "matched" : "unmatched", r.flagged ? "yes" : "no",
                       ok ? fmt::format("{:.2f}", r.match.snap_from.value()) : "",
                       ok ? fmt::format("{:.2f}", r.match.snap_to.value()) : "",
                       ok ? "" : e(describe(r.match.failure)));
  }
  return out;
}

} // namespace caravan::report
