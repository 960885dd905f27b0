// Calibration reports as Markdown and text.
#include "report/calibration_output.hpp"

#include <fmt/format.h>

#include <cmath>

namespace caravan::report {
namespace {

std::string range_text(const std::optional<double>& lo, const std::optional<double>& hi,
                       const char* unit, int decimals) {
  if (!lo) return "";
  if (*lo == *hi) return fmt::format("{:.{}f} {}", *lo, decimals, unit);
  return fmt::format("{:.{}f}–{:.{}f} {}", *lo, decimals, *hi, decimals, unit);
}

/// The model's value against the range: "+3.2 % above", "within", "−0.4 days below".
std::string difference(double v, const std::optional<double>& lo, const std::optional<double>& hi,
                       const char* unit, int decimals) {
  if (!lo) return "";
  const double mid = (*lo + *hi) / 2.0;
  const std::string vs = mid > 0 ? fmt::format("{:+.{}f} {} ({:+.0f} %) vs middle", v - mid,
                                               decimals, unit, 100.0 * (v - mid) / mid)
                                 : "";
  if (v < *lo) return fmt::format("{:.{}f} {} below; ", *lo - v, decimals, unit) + vs;
  if (v > *hi) return fmt::format("{:.{}f} {} above; ", v - *hi, decimals, unit) + vs;
  return "within; " + vs;
}

std::string cell(std::string s) {
  for (char& c : s)
    if (c == '|') c = '/';
  return s;
}

} // namespace

std::string calibration_to_markdown(const Network& net, std::span<const CalibrationRow> rows,
                                    const std::string& title, const std::string& intro) {
  std::size_t ok = 0;
  for (const auto& r : rows) ok += r.result.ok() ? 1 : 0;
  std::string out = "# " + title + "\n\n" + intro + "\n\n";
  out += fmt::format("**{} of {} published journeys within their accepted range.**\n\n", ok,
                     rows.size());
  out += "| journey | published | accepted range | model | difference | in range | why the model "
         "differs, and the source |\n|---|---|---|---|---|---|---|\n";
  for (const auto& row : rows) {
    const PublishedJourney& j = *row.journey;
    const JourneyResult& m = row.result;
    std::string range = range_text(j.km_low, j.km_high, "km", 0);
    const std::string dr = range_text(j.days_low, j.days_high, "days", 1);
    if (!dr.empty()) range += (range.empty() ? "" : "; ") + dr;
    if (!j.range_note.empty()) range += " (" + j.range_note + ")";
    std::string model = "no route";
    std::string diff;
    if (m.routed) {
      model = fmt::format("{:.0f} km, {:.1f} days [{:.1f}–{:.1f}]", m.km, m.days, m.days_low,
                          m.days_high);
      diff = difference(m.km, j.km_low, j.km_high, "km", 0);
      const std::string dd = difference(m.days, j.days_low, j.days_high, "days", 1);
      if (!dd.empty()) diff += (diff.empty() ? "" : "<br>") + dd;
    }
    const std::string name = fmt::format("{} → {}", net.node(j.from).name, net.node(j.to).name) +
                             (j.via.empty() ? "" : " via " + [&] {
                               std::string v;
                               for (NodeId n : j.via)
                                 v += (v.empty() ? "" : ", ") + net.node(n).name;
                               return v;
                             }());
    out += fmt::format("| {} (`{}`) | {} | {} | {} | {} | {} | {}{}{} |\n", cell(name), j.id,
                       cell(j.published), cell(range), model, diff, m.ok() ? "yes" : "**no**",
                       cell(j.reason), j.reason.empty() ? "" : " — ", cell(j.source));
  }
  out += "\n## Routed paths\n\n";
  for (const auto& row : rows)
    out += fmt::format("- `{}`: {}\n", row.journey->id,
                       row.result.routed ? row.result.path : std::string("no route"));
  return out;
}

std::string calibration_to_table(const Network& net, std::span<const CalibrationRow> rows) {
  std::string out = fmt::format("{:<28} {:>8} {:>14} {:>7} {:>12}  {}\n", "journey", "km",
                                "accepted km", "days", "accepted d", "ok");
  for (const auto& row : rows) {
    const PublishedJourney& j = *row.journey;
    const JourneyResult& m = row.result;
    out += fmt::format("{:<28} {:>8.0f} {:>14} {:>7.1f} {:>12}  {}\n", j.id, m.km,
                       j.km_low ? fmt::format("{:.0f}-{:.0f}", *j.km_low, *j.km_high) : "-", m.days,
                       j.days_low ? fmt::format("{:.1f}-{:.1f}", *j.days_low, *j.days_high) : "-",
                       m.ok() ? "ok" : (m.routed ? "OUT OF RANGE" : "NO ROUTE"));
  }
  static_cast<void>(net);
  return out;
}

} // namespace caravan::report
