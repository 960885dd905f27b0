// Reader of services.csv; every error names file, line and field.
#include "formats/services_csv.hpp"

#include "formats/csv.hpp"
#include "formats/csv_network.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

namespace caravan::formats {

namespace {

NodeId node_ref(const CsvTable& t, std::size_t r, std::string_view column, const Network& net) {
  const std::string id = t.required_text(r, column);
  if (auto n = net.find_node_id(id)) return *n;
  t.fail(r, column, "unknown node id '" + id + "'");
}

/// `<base>` with optional `_low`/`_high` columns; the typical value must be positive.
HoursRange positive_range(const CsvTable& t, std::size_t r, const std::string& base,
                          double typical) {
  if (!(typical > 0.0)) t.fail(r, base, fmt::format("expected a positive number, got {}", typical));
  return hours_range(t, r, base, typical);
}

LinkId find_link(const CsvTable& t, std::size_t r, const Network& net, const Service& s) {
  const std::string given = t.text(r, "link");
  if (!given.empty()) {
    const auto l = net.find_link_id(given);
    if (!l) t.fail(r, "link", "unknown link id '" + given + "'");
    const Link& link = net.link(*l);
    const bool joins = (link.from == s.from && link.to == s.to) ||
                       (!link.oneway && link.from == s.to && link.to == s.from);
    if (!joins)
      t.fail(r, "link",
             fmt::format("link '{}' does not run from '{}' to '{}'", given, net.node(s.from).id,
                         net.node(s.to).id));
    if (link.mode != s.mode)
      t.fail(r, "mode",
             fmt::format("link '{}' is {}, the service says {}", given, to_string(link.mode),
                         to_string(s.mode)));
    return *l;
  }
  std::vector<LinkId> found;
  bool other_mode = false;
  for (std::uint32_t a = net.first_out(s.from); a < net.end_out(s.from); ++a) {
    const Arc& arc = net.arc(ArcId(a));
    if (arc.head != s.to) continue;
    if (net.link(arc.link).mode == s.mode)
      found.push_back(arc.link);
    else
      other_mode = true;
  }
  if (found.empty())
    t.fail(r, other_mode ? "mode" : "to",
           other_mode ? fmt::format("no {} link from '{}' to '{}' (the links there are of "
                                    "another mode)",
                                    to_string(s.mode), net.node(s.from).id, net.node(s.to).id)
                      : fmt::format("no link from '{}' to '{}' in that direction",
                                    net.node(s.from).id, net.node(s.to).id));
  if (found.size() > 1)
    t.fail(r, "link",
           fmt::format("{} {} links join '{}' and '{}': name one in the link column", found.size(),
                       to_string(s.mode), net.node(s.from).id, net.node(s.to).id));
  return found.front();
}

} // namespace

Timetable parse_services_csv(std::string_view text, const std::string& file, const Network& net,
                             std::vector<std::string>* warnings) {
  const CsvTable t(text, file);
  t.require_columns({"id", "from", "to", "mode", "transit_h"});
  if (warnings != nullptr)
    for (const auto& c : t.unknown_columns({"id",
                                            "from",
                                            "to",
                                            "mode",
                                            "link",
                                            "operator",
                                            "departures",
                                            "utc_offset",
                                            "headway_h",
                                            "headway_h_low",
                                            "headway_h_high",
                                            "transit_h",
                                            "transit_h_low",
                                            "transit_h_high",
                                            "cutoff_h",
                                            "capacity",
                                            "capacity_unit",
                                            "valid_from",
                                            "valid_to",
                                            "source"}))
      warnings->push_back(t.file() + ": unknown column '" + c + "' ignored");
  std::vector<Service> services;
  std::set<std::string, std::less<>> ids;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Service s;
    s.id = t.required_text(r, "id");
    if (s.id.find(';') != std::string::npos)
      t.fail(r, "id", "ids may not contain ';', got '" + s.id + "'");
    if (!ids.insert(s.id).second) t.fail(r, "id", "duplicate service id '" + s.id + "'");
    s.from = node_ref(t, r, "from", net);
    s.to = node_ref(t, r, "to", net);
    if (s.from == s.to) t.fail(r, "to", "a service must join two different nodes");
    const std::string mode = t.required_text(r, "mode");
    const auto m = parse_mode(mode);
    if (!m)
      t.fail(r, "mode",
             "expected one of rail_1520, rail_1435, road, ferry, sea, got '" + mode + "'");
    s.mode = *m;
    s.link = find_link(t, r, net, s);
    s.operator_name = t.text(r, "operator");

    const std::string deps = t.text(r, "departures");
    const auto headway = t.optional_number(r, "headway_h");
    if (!deps.empty() && headway)
      t.fail(r, "headway_h", "give either departures or headway_h, not both");
    if (deps.empty() && !headway)
      t.fail(r, t.has_column("departures") ? "departures" : "headway_h",
             "missing value (give weekly departures, e.g. 'Tue 14:00;Fri 14:00', or headway_h "
             "for a service that sails when full)");
    const std::string offset = t.text(r, "utc_offset");
    if (!offset.empty()) {
      const auto o = parse_utc_offset(offset);
      if (!o) t.fail(r, "utc_offset", "expected +HH:MM, -HH:MM or Z, got '" + offset + "'");
      s.utc_offset_min = *o;
    } else if (!deps.empty()) {
      t.fail(r, "utc_offset", "missing value (the departures' local time: +HH:MM, -HH:MM or Z)");
    }
    if (!deps.empty()) {
      for (const std::string& d : split_list(deps, /*keep_empty=*/true)) {
        const auto w = parse_weekly_time(d);
        if (!w)
          t.fail(r, "departures",
                 "expected weekday and time such as 'Thu 14:00' (';'-separated), got '" + d + "'");
        double utc = std::fmod(*w - s.utc_offset_min / 60.0, kHoursPerWeek);
        if (utc < 0) utc += kHoursPerWeek;
        if (std::find(s.weekly_utc_h.begin(), s.weekly_utc_h.end(), utc) != s.weekly_utc_h.end())
          t.fail(r, "departures", "departure '" + d + "' is given twice");
        s.weekly_utc_h.push_back(utc);
      }
      std::sort(s.weekly_utc_h.begin(), s.weekly_utc_h.end());
    } else {
      s.headway = positive_range(t, r, "headway_h", *headway);
    }
    s.transit = positive_range(t, r, "transit_h", t.number(r, "transit_h"));
    s.cutoff = Hours(t.optional_number(r, "cutoff_h", 0.0, 24.0 * 14).value_or(0.0));
    if (auto cap = t.optional_number(r, "capacity")) {
      s.capacity = *cap;
      s.capacity_unit = t.text(r, "capacity_unit");
      if (s.capacity_unit != "teu" && s.capacity_unit != "wagons" && s.capacity_unit != "trucks")
        t.fail(r, "capacity_unit", "expected teu, wagons or trucks, got '" + s.capacity_unit + "'");
    } else if (!t.text(r, "capacity_unit").empty()) {
      t.fail(r, "capacity", "missing value (capacity_unit is given)");
    }
    for (const char* col : {"valid_from", "valid_to"}) {
      const std::string v = t.text(r, col);
      if (v.empty()) continue;
      const auto day = parse_date(v);
      if (!day) t.fail(r, col, "expected a date YYYY-MM-DD (1970 or later), got '" + v + "'");
      (std::string_view(col) == "valid_from" ? s.valid_from_day : s.valid_to_day) = *day;
    }
    if (s.valid_from_day && s.valid_to_day && *s.valid_to_day < *s.valid_from_day)
      t.fail(r, "valid_to", "the last day of operation is before valid_from");
    s.source = t.text(r, "source");
    services.push_back(std::move(s));
  }
  return Timetable(net, std::move(services));
}

Timetable parse_services(const NetworkFiles& files, const Network& net,
                         std::vector<std::string>* warnings) {
  auto it = files.contents.find("services.csv");
  if (it == files.contents.end()) return {};
  const std::string name = files.label.empty()
                               ? std::string("services.csv")
                               : (std::filesystem::path(files.label) / "services.csv").string();
  return parse_services_csv(it->second, name, net, warnings);
}

} // namespace caravan::formats
