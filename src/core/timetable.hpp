// Timetabled services (ferries, block trains) on links of a network: weekly departures or a
// "sails when full" frequency, transit time, cut-off and validity. Kept beside the Network, not in
// it (docs/network-format.md#servicescsv). Times are hours since 1970-01-01 00:00 UTC
// (`EpochHours`).
#pragma once

#include "core/network.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caravan {

/// Hours since 1970-01-01 00:00 UTC.
using EpochHours = double;

inline constexpr double kHoursPerWeek = 168.0;

/// A timetabled service over one direction of one link: the sailings of a ferry line or the
/// departures of a block train between two adjacent nodes.
struct Service {
  std::string id;
  LinkId link;
  NodeId from;
  NodeId to;
  Mode mode = Mode::ferry;
  std::string operator_name;
  /// Weekly departures in hours since Monday 00:00 UTC, sorted, each in [0, 168). Empty for a
  /// frequency service.
  std::vector<double> weekly_utc_h;
  /// The offset of the local time the departures were given in, minutes east of UTC.
  int utc_offset_min = 0;
  /// For a service that sails when full: the time between sailings (typical, low, high).
  std::optional<HoursRange> headway;
  HoursRange transit;        ///< departure to arrival
  Hours cutoff{0.0};         ///< the cargo must be at the `from` node this long before departure
  double capacity = 0;       ///< per sailing or train; 0 = not stated
  std::string capacity_unit; ///< teu, wagons or trucks (empty when capacity is 0)
  /// First and last day of operation as days since 1970-01-01 (local dates); unset = open.
  std::optional<std::int64_t> valid_from_day;
  std::optional<std::int64_t> valid_to_day;
  std::string source;

  [[nodiscard]] bool weekly() const { return !weekly_utc_h.empty(); }
  /// Mean wait for cargo ready at a random time of the week (half the headway when sailing when
  /// full; the gap-weighted mean of the weekly timetable otherwise).
  [[nodiscard]] Hours mean_wait() const;
};

/// When a service leaves for cargo that is at the port at `ready` (cut-off already counted).
struct Departure {
  EpochHours depart = 0;
  bool expected = false; ///< a "sails when full" service: depart = ready + half the headway
};

/// The services of a network, indexed by arc (one direction of a link). An arc with services is
/// timetabled: in a departure-time search it is boarded only on a sailing of one of them.
class Timetable {
public:
  Timetable() = default;
  /// Indexes `services` by the arcs of `net` they run on. Throws NetworkError when a service's
  /// link does not join its from and to nodes in that direction.
  Timetable(const Network& net, std::vector<Service> services);

  [[nodiscard]] bool empty() const { return services_.empty(); }
  [[nodiscard]] std::span<const Service> services() const { return services_; }
  /// Indices into services() of the services on arc `a` (empty when the arc is not timetabled).
  [[nodiscard]] std::span<const std::uint32_t> on_arc(ArcId a) const {
    if (arc_first_.empty()) return {};
    return std::span<const std::uint32_t>(arc_services_)
        .subspan(arc_first_[a.index()], arc_first_[a.index() + 1] - arc_first_[a.index()]);
  }

private:
  std::vector<Service> services_;
  std::vector<std::uint32_t> arc_first_;
  std::vector<std::uint32_t> arc_services_;
};

/// The next departure of `s` for cargo ready at `ready` (weekly: the first sailing at or after
/// `ready`; when full: `ready` + half the headway), within the validity window, or nullopt when
/// the service has stopped running by then. Leaving later never leaves earlier (FIFO).
std::optional<Departure> next_departure(const Service& s, EpochHours ready);

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
/// "YYYY-MM-DD" to days since 1970-01-01, or nullopt.
std::optional<std::int64_t> parse_date(std::string_view s);
/// "YYYY-MM-DDTHH:MM" with an optional ":SS" and an optional "Z" or "+HH:MM"/"-HH:MM" offset (no
/// offset = UTC), or nullopt.
std::optional<EpochHours> parse_datetime(std::string_view s);
/// "+HH:MM" / "-HH:MM" / "Z" to minutes east of UTC, or nullopt.
std::optional<int> parse_utc_offset(std::string_view s);
/// "Mon 14:00" (weekday in English, three letters or full, any case) to hours since Monday 00:00
/// local time, or nullopt.
std::optional<double> parse_weekly_time(std::string_view s);
/// "2026-03-05T14:00Z" (UTC) or "2026-03-05T18:00+04:00" when an offset is given.
std::string format_datetime(EpochHours t, int utc_offset_min = 0);
/// "Thu 14:00" in the given local time.
std::string format_weekday_time(EpochHours t, int utc_offset_min = 0);
/// "+04:00".
std::string format_utc_offset(int minutes);
/// "2 d 3 h", "5 h 30 min", "0 h".
std::string format_duration(Hours h);

} // namespace caravan
