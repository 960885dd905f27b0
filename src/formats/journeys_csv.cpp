// Published-journey CSV reader.
#include "formats/journeys_csv.hpp"

#include "formats/atomic_file.hpp"
#include "formats/csv.hpp"

#include <set>

namespace caravan::formats {
namespace {

NodeId node(const CsvTable& t, std::size_t r, std::string_view column, const std::string& id,
            const Network& net) {
  if (auto n = net.find_node_id(id)) return *n;
  t.fail(r, column, "unknown node id '" + id + "'");
}

void range(const CsvTable& t, std::size_t r, const std::string& what, std::optional<double>& lo,
           std::optional<double>& hi) {
  lo = t.optional_number(r, what + "_low");
  hi = t.optional_number(r, what + "_high");
  if (lo.has_value() != hi.has_value())
    t.fail(r, lo ? what + "_high" : what + "_low", "give both ends of the range, or neither");
  if (lo && *lo > *hi) t.fail(r, what + "_high", "the range's high end is below its low end");
}

} // namespace

std::vector<PublishedJourney> parse_journeys(std::string_view text, const std::string& file_name,
                                             const Network& net) {
  CsvTable t(text, file_name);
  t.require_columns({"id", "from", "to", "published", "source"});
  std::vector<PublishedJourney> out;
  std::set<std::string> ids;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    PublishedJourney j;
    j.id = t.required_text(r, "id");
    if (!ids.insert(j.id).second) t.fail(r, "id", "duplicate journey id '" + j.id + "'");
    j.from = node(t, r, "from", t.required_text(r, "from"), net);
    j.to = node(t, r, "to", t.required_text(r, "to"), net);
    if (j.from == j.to) t.fail(r, "to", "same place as 'from'");
    for (const auto& v : split_list(t.text(r, "via"))) j.via.push_back(node(t, r, "via", v, net));
    if (const std::string by = t.text(r, "by"); !by.empty()) {
      const auto o = parse_objective(by);
      if (!o) t.fail(r, "by", "expected time, cost, co2 or distance, got '" + by + "'");
      j.objective = *o;
    }
    for (const auto& m : split_list(t.text(r, "avoid_modes"))) {
      const auto mode = parse_mode(m);
      if (!mode) t.fail(r, "avoid_modes", "unknown mode '" + m + "'");
      j.avoid_modes.insert(*mode);
    }
    if (auto y = t.optional_integer(r, "year", 1800, 2200)) j.year = static_cast<int>(*y);
    if (const std::string scope = t.text(r, "time_scope"); scope == "running")
      j.time_scope = PublishedJourney::TimeScope::running;
    else if (!scope.empty() && scope != "total")
      t.fail(r, "time_scope", "expected total or running, got '" + scope + "'");
    j.published = t.required_text(r, "published");
    range(t, r, "km", j.km_low, j.km_high);
    range(t, r, "days", j.days_low, j.days_high);
    if (!j.km_low && !j.days_low)
      t.fail(r, "km_low", "a journey needs a km range, a days range or both");
    j.range_note = t.text(r, "range_note");
    j.source = t.required_text(r, "source");
    j.reason = t.text(r, "reason");
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<PublishedJourney> read_journeys(const std::string& path, const Network& net) {
  return parse_journeys(read_file(path), path, net);
}

} // namespace caravan::formats
