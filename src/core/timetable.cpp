// Services by arc, next departures, and the date and time parsing they need.
#include "core/timetable.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace caravan {

namespace {
// 1970-01-01 was a Thursday: Monday 00:00 UTC of that week is 72 h before the epoch.
constexpr double kEpochToMonday = 72.0;
// Sums of durations are not exact: a sailing this close before `ready` still counts.
constexpr double kEpsilonH = 1e-6;

constexpr std::array<std::string_view, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kDayNames{"Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kFullDays{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};

double positive_mod(double x, double m) {
  const double r = std::fmod(x, m);
  return r < 0 ? r + m : r;
}

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

unsigned days_in_month(int y, unsigned m) {
  static constexpr std::array<unsigned, 12> kDaysIn{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDaysIn[m - 1];
}

/// "HH:MM" at `pos` to minutes.
std::optional<int> clock_at(std::string_view s, std::size_t pos) {
  int h = 0, m = 0;
  if (!digits(s, pos, 2, h) || pos + 2 >= s.size() || s[pos + 2] != ':' ||
      !digits(s, pos + 3, 2, m) || h > 23 || m > 59)
    return std::nullopt;
  return h * 60 + m;
}
} // namespace

Hours Service::mean_wait() const {
  if (headway) return Hours(headway->typical.value() / 2.0);
  if (weekly_utc_h.empty()) return Hours(0.0);
  double sum = 0.0;
  for (std::size_t i = 0; i < weekly_utc_h.size(); ++i) {
    const double next =
        i + 1 < weekly_utc_h.size() ? weekly_utc_h[i + 1] : weekly_utc_h.front() + kHoursPerWeek;
    const double gap = next - weekly_utc_h[i];
    sum += gap * gap / 2.0;
  }
  return Hours(sum / kHoursPerWeek);
}

Timetable::Timetable(const Network& net, std::vector<Service> services)
    : services_(std::move(services)) {
  std::vector<std::uint32_t> count(net.arc_count() + 1, 0);
  std::vector<ArcId> arc_of(services_.size());
  for (std::size_t i = 0; i < services_.size(); ++i) {
    const Service& s = services_[i];
    ArcId found = ArcId::invalid();
    if (s.link.valid() && s.link.index() < net.link_count() && s.from.index() < net.node_count())
      for (std::uint32_t a = net.first_out(s.from); a < net.end_out(s.from); ++a)
        if (net.arc(ArcId(a)).link == s.link && net.arc(ArcId(a)).head == s.to) found = ArcId(a);
    if (!found.valid())
      throw NetworkError("service '" + s.id + "': its link does not run from its from node to " +
                         "its to node");
    arc_of[i] = found;
    ++count[found.index() + 1];
  }
  arc_first_.assign(net.arc_count() + 1, 0);
  for (std::size_t a = 0; a < net.arc_count(); ++a)
    arc_first_[a + 1] = arc_first_[a] + count[a + 1];
  arc_services_.assign(services_.size(), 0);
  std::vector<std::uint32_t> fill(arc_first_.begin(), arc_first_.end() - 1);
  for (std::size_t i = 0; i < services_.size(); ++i)
    arc_services_[fill[arc_of[i].index()]++] = static_cast<std::uint32_t>(i);
}

std::optional<Departure> next_departure(const Service& s, EpochHours ready) {
  const double off_h = s.utc_offset_min / 60.0;
  if (s.valid_from_day)
    ready = std::max(ready, static_cast<double>(*s.valid_from_day) * 24.0 - off_h);
  Departure d;
  if (s.headway) {
    d.depart = ready + s.headway->typical.value() / 2.0;
    d.expected = true;
  } else if (!s.weekly_utc_h.empty()) {
    const double hw = positive_mod(ready + kEpochToMonday, kHoursPerWeek);
    auto it = std::lower_bound(s.weekly_utc_h.begin(), s.weekly_utc_h.end(), hw - kEpsilonH);
    const double w = it != s.weekly_utc_h.end() ? *it : s.weekly_utc_h.front() + kHoursPerWeek;
    d.depart = ready + std::max(0.0, w - hw);
  } else {
    return std::nullopt;
  }
  if (s.valid_to_day && d.depart + off_h >= static_cast<double>(*s.valid_to_day + 1) * 24.0)
    return std::nullopt;
  return d;
}

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> parse_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  if (y < 1970 || m < 1 || m > 12 || d < 1 ||
      static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m)))
    return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::optional<int> parse_utc_offset(std::string_view s) {
  if (s == "Z" || s == "z") return 0;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const auto m = clock_at(s, 1);
  if (!m || *m > 14 * 60) return std::nullopt;
  return s[0] == '-' ? -*m : *m;
}

std::optional<EpochHours> parse_datetime(std::string_view s) {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  const auto day = parse_date(s.substr(0, 10));
  const auto clock = clock_at(s, 11);
  if (!day || !clock) return std::nullopt;
  std::size_t pos = 16;
  int seconds = 0;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, seconds) || seconds > 59) return std::nullopt;
    pos += 3;
  }
  int offset = 0;
  if (pos < s.size()) {
    const auto o = parse_utc_offset(s.substr(pos));
    if (!o) return std::nullopt;
    offset = *o;
  }
  return static_cast<double>(*day) * 24.0 + (*clock - offset) / 60.0 + seconds / 3600.0;
}

std::optional<double> parse_weekly_time(std::string_view s) {
  const std::size_t sp = s.find(' ');
  if (sp == std::string_view::npos) return std::nullopt;
  std::string day(s.substr(0, sp));
  for (char& c : day) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view rest = s.substr(sp + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.size() != 5) return std::nullopt;
  const auto clock = clock_at(rest, 0);
  if (!clock) return std::nullopt;
  for (std::size_t i = 0; i < kDays.size(); ++i)
    if (day == kDays[i] || day == kFullDays[i])
      return static_cast<double>(i) * 24.0 + *clock / 60.0;
  return std::nullopt;
}

/// `v` in decimal, zero-padded to `width` characters like printf's "%0*d" (a sign counts).
static std::string zero_pad(long long v, int width) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  const int sign = v < 0 ? 1 : 0;
  if (static_cast<int>(digits.size()) + sign < width)
    digits.insert(0, static_cast<std::size_t>(width - sign) - digits.size(), '0');
  return (v < 0 ? "-" : "") + digits;
}

std::string format_utc_offset(int minutes) {
  const int a = std::abs(minutes);
  return std::string(minutes < 0 ? "-" : "+") + zero_pad(a / 60, 2) + ":" + zero_pad(a % 60, 2);
}

std::string format_datetime(EpochHours t, int utc_offset_min) {
  const auto minutes = static_cast<std::int64_t>(std::llround(t * 60.0)) + utc_offset_min;
  const std::int64_t day = (minutes >= 0 ? minutes : minutes - 1439) / 1440;
  const auto mod = static_cast<int>(minutes - day * 1440);
  const Civil c = civil_from_days(day);
  return zero_pad(c.year, 4) + "-" + zero_pad(c.month, 2) + "-" + zero_pad(c.day, 2) + "T" +
         zero_pad(mod / 60, 2) + ":" + zero_pad(mod % 60, 2) +
         (utc_offset_min == 0 ? "Z" : format_utc_offset(utc_offset_min));
}

std::string format_weekday_time(EpochHours t, int utc_offset_min) {
  const auto minutes = static_cast<std::int64_t>(std::llround(t * 60.0)) + utc_offset_min +
                       static_cast<std::int64_t>(kEpochToMonday * 60);
  const std::int64_t week_min = ((minutes % 10080) + 10080) % 10080;
  const auto day = static_cast<std::size_t>(week_min / 1440);
  const auto mod = static_cast<int>(week_min % 1440);
  return std::string(kDayNames[day]) + " " + zero_pad(mod / 60, 2) + ":" + zero_pad(mod % 60, 2);
}

std::string format_duration(Hours h) {
  const auto minutes = static_cast<std::int64_t>(std::llround(std::max(0.0, h.value()) * 60.0));
  const std::int64_t d = minutes / 1440, hh = (minutes % 1440) / 60, mm = minutes % 60;
  std::string out;
  if (d > 0) out += std::to_string(d) + " d ";
  out += std::to_string(hh) + " h";
  if (mm > 0 && d == 0) out += " " + std::to_string(mm) + " min";
  return out;
}

} // namespace caravan
