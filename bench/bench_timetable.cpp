// Benchmark driver for departure-time routing (issue 20): on the built-in eurasia network, the
// timetabled earliest-arrival route (route/timetable_router.hpp) against the plain route by time
// in the same run, and reach (10 days, timetabled) from every terminal; then the same on a
// SYNTHETIC ~10^5-node multimodal network whose ferries and a share of rail links are timetabled.
// Prints a Markdown table.
// Usage: bench_timetable [--pairs N] [--synthetic-nodes N] [--synthetic-pairs N] (2000, 100000, 40)
#include "bench_util.hpp"
#include "formats/builtin_networks.hpp"
#include "formats/services_csv.hpp"
#include "route/reach.hpp"
#include "route/router.hpp"
#include "route/timetable_router.hpp"
#include "support/synthetic_multimodal.hpp"

#include <fmt/format.h>

#include <random>
#include <string>
#include <vector>

using namespace caravan;
using namespace caravan::bench;

namespace {

struct Row {
  std::string what;
  std::string value;
};

std::string stats_text(const Stats& s) {
  return fmt::format("{:.1f} / {:.1f} us (mean {:.1f})", s.p50_us, s.p99_us, s.mean_us);
}

/// Weekly block trains on a share of the rail arcs and on every ferry arc.
Timetable synthetic_timetable(const Network& net, std::mt19937& rng) {
  std::bernoulli_distribution rail(0.2);
  std::uniform_int_distribution<int> hour(0, 167), count(1, 4);
  std::vector<Service> services;
  for (std::uint32_t a = 0; a < net.arc_count(); ++a) {
    const Arc& arc = net.arc(ArcId(a));
    const Link& l = net.link(arc.link);
    if (!(l.mode == Mode::ferry || (is_rail(l.mode) && rail(rng)))) continue;
    Service s;
    s.id = "synthetic_" + std::to_string(a);
    s.link = arc.link;
    s.from = arc.tail;
    s.to = arc.head;
    s.mode = l.mode;
    for (int i = count(rng); i > 0; --i) s.weekly_utc_h.push_back(hour(rng));
    std::sort(s.weekly_utc_h.begin(), s.weekly_utc_h.end());
    s.weekly_utc_h.erase(std::unique(s.weekly_utc_h.begin(), s.weekly_utc_h.end()),
                         s.weekly_utc_h.end());
    s.transit = l.duration;
    services.push_back(std::move(s));
  }
  return Timetable(net, std::move(services));
}

/// Plain route by time and timetabled route on the same pairs; p50/p99 of each.
void compare_routes(const Network& net, const Timetable& tt, std::size_t pairs, std::uint32_t seed,
                    const std::string& label, std::vector<Row>& rows) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::uint32_t> node(
      0, static_cast<std::uint32_t>(net.node_count() - 1));
  const double monday = static_cast<double>(days_from_civil(2026, 3, 2)) * 24.0;
  std::uniform_real_distribution<double> when(0.0, kHoursPerWeek);
  Router plain(net);
  TimetableRouter timed(net, tt);
  std::vector<double> plain_us, timed_us;
  std::size_t found = 0, later = 0;
  double wait_gain = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    const NodeId a(node(rng)), b(node(rng));
    if (a == b) continue;
    const double depart = monday + when(rng);
    const RouteRequest req{a, b, {}, {}};
    auto t0 = Clock::now();
    const RouteOutcome p = plain.route(req);
    plain_us.push_back(us_since(t0));
    t0 = Clock::now();
    const TimedOutcome t = timed.route(req, depart);
    timed_us.push_back(us_since(t0));
    if (p.ok() && t.ok()) {
      ++found;
      const double d = t.route->hours().value() - p.route->totals.hours.value();
      wait_gain += d;
      if (d > 0) ++later;
    }
  }
  rows.push_back({label + ": plain route by time, p50 / p99", stats_text(stats_of(plain_us))});
  rows.push_back({label + ": departure-time route, p50 / p99", stats_text(stats_of(timed_us))});
  rows.push_back({label + ": pairs routed; timetabled arrival later than the constant model",
                  fmt::format("{} of {}; {} ({:+.1f} h on average)", found, plain_us.size(), later,
                              found ? wait_gain / static_cast<double>(found) : 0.0)});
}

} // namespace

int main(int argc, char** argv) {
  std::size_t pairs = 2000, syn_nodes = 100000, syn_pairs = 40;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 < argc && a == "--pairs") {
      pairs = std::stoul(argv[++i]);
    } else if (i + 1 < argc && a == "--synthetic-nodes") {
      syn_nodes = std::stoul(argv[++i]);
    } else if (i + 1 < argc && a == "--synthetic-pairs") {
      syn_pairs = std::stoul(argv[++i]);
    } else {
      fmt::print(stderr, "usage: {} [--pairs N] [--synthetic-nodes N] [--synthetic-pairs N]\n",
                 argv[0]);
      return 2;
    }
  }
  std::vector<Row> rows;
  const auto files = *formats::builtin_network("eurasia");
  const Network net = formats::parse_network(files).network;
  const Timetable tt = formats::parse_services(files, net);
  rows.push_back({"eurasia", fmt::format("{} nodes, {} links, {} services", net.node_count(),
                                         net.link_count(), tt.services().size())});
  compare_routes(net, tt, pairs, 20, "eurasia", rows);

  std::vector<double> reach_us;
  std::size_t places = 0;
  const double tuesday = *parse_datetime("2026-03-03T08:00");
  for (std::uint32_t v = 0; v < net.node_count(); ++v) {
    const NodeKind k = net.node(NodeId(v)).kind;
    if (k != NodeKind::rail_terminal && k != NodeKind::dry_port && k != NodeKind::seaport) continue;
    const auto t0 = Clock::now();
    const ReachResult r = reach(net, tt, RouteRequest{NodeId(v), {}, {}, {}}, tuesday, Hours(240));
    reach_us.push_back(us_since(t0));
    places += r.places.size();
  }
  const Stats rs = stats_of(reach_us);
  rows.push_back(
      {"eurasia: reach 10 days timetabled, from each terminal (p50 / max)",
       fmt::format("{:.0f} / {:.0f} us over {} terminals ({:.0f} places each)", rs.p50_us,
                   *std::max_element(reach_us.begin(), reach_us.end()), reach_us.size(),
                   static_cast<double>(places) / static_cast<double>(reach_us.size()))});

  if (syn_nodes > 0) {
    auto t0 = Clock::now();
    const Network syn =
        testing::synthetic_multimodal_network(static_cast<std::uint32_t>(syn_nodes), 7);
    std::mt19937 rng(3);
    const Timetable stt = synthetic_timetable(syn, rng);
    rows.push_back({"synthetic", fmt::format("{} nodes, {} links, {} services (built in {:.1f} s)",
                                             syn.node_count(), syn.link_count(),
                                             stt.services().size(), seconds_since(t0))});
    compare_routes(syn, stt, syn_pairs, 21, "synthetic", rows);
    std::vector<double> us;
    for (std::uint32_t k = 0; k < 5; ++k) {
      const NodeId from(k * static_cast<std::uint32_t>(syn.node_count() / 5));
      t0 = Clock::now();
      const ReachResult r = reach(syn, stt, RouteRequest{from, {}, {}, {}}, tuesday, Hours(24));
      us.push_back(us_since(t0));
      static_cast<void>(r);
    }
    rows.push_back({"synthetic: reach 1 day timetabled, 5 origins (p50)",
                    fmt::format("{:.1f} ms", stats_of(us).p50_us / 1000.0)});
  }
  fmt::print("| measurement | value |\n|---|---|\n");
  for (const Row& r : rows) fmt::print("| {} | {} |\n", r.what, r.value);
  return 0;
}
