// Network consistency checks: corridor paths, length bounds, node countries, isolation, transfers.
#include "analysis/validate.hpp"

#include "core/polyline.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace caravan {

namespace {
constexpr std::array<std::string_view, kCheckCount> kCheckNames{"corridor_path", "link_length",
                                                                "node_country",  "isolated_node",
                                                                "transfer_rule", "link_geometry"};

std::string num(double v, int decimals = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

class Reporter {
public:
  explicit Reporter(ValidationReport& r) : r_(r) {}
  CheckSummary& sum(Check c) { return r_.summary[static_cast<std::size_t>(c)]; }
  void fail(Check c, std::string subject, std::string message) {
    ++sum(c).failures;
    r_.findings.push_back(Finding{c, std::move(subject), std::move(message)});
  }

private:
  ValidationReport& r_;
};

bool has_arc(const Network& net, NodeId from, NodeId to) {
  for (std::uint32_t a = net.first_out(from); a < net.end_out(from); ++a)
    if (net.arc(ArcId(a)).head == to) return true;
  return false;
}

void check_corridors(const Network& net, Reporter& rep) {
  CheckSummary& s = rep.sum(Check::corridor_path);
  for (const Corridor& c : net.corridors()) {
    if (c.nodes.size() < 2)
      rep.fail(Check::corridor_path, c.id, "corridor has fewer than two nodes");
    for (std::size_t k = 0; k + 1 < c.nodes.size(); ++k) {
      ++s.checked;
      if (!has_arc(net, c.nodes[k], c.nodes[k + 1]))
        rep.fail(Check::corridor_path, c.id,
                 "no link from " + net.node(c.nodes[k]).id + " to " + net.node(c.nodes[k + 1]).id +
                     " (stop " + std::to_string(k + 1) + " to " + std::to_string(k + 2) + ")");
    }
  }
}

void check_lengths(const Network& net, const ValidateOptions& opt, Reporter& rep) {
  CheckSummary& s = rep.sum(Check::link_length);
  std::size_t exempt = 0;
  for (const Link& l : net.links()) {
    ++s.checked;
    const double gc = great_circle(net.node(l.from).pos, net.node(l.to).pos).value();
    const double len = l.length.value();
    const std::string ratio = gc > 0.0 ? num(len / gc, 2) : "n/a";
    if (len < gc * opt.min_ratio)
      rep.fail(Check::link_length, l.id,
               "length " + num(len, 1) + " km is shorter than the great-circle distance " +
                   num(gc, 1) + " km between " + net.node(l.from).id + " and " + net.node(l.to).id);
    const bool water = l.mode == Mode::ferry || l.mode == Mode::sea;
    if (len > gc * opt.max_detour) {
      if (opt.length_exempt.contains(l.id) || (water && !opt.sea_upper_bound)) {
        ++exempt;
        continue;
      }
      rep.fail(Check::link_length, l.id,
               "length " + num(len, 1) + " km is " + ratio + " x the great-circle distance " +
                   num(gc, 1) + " km (more than " + num(opt.max_detour, 1) +
                   " x) and the link is not exempt");
    }
  }
  if (exempt > 0)
    s.note = std::to_string(exempt) + " link(s) above the upper bound exempt (ferry/sea or listed)";
}

void check_countries(const Network& net, const ValidateOptions& opt, Reporter& rep) {
  CheckSummary& s = rep.sum(Check::node_country);
  if (opt.countries == nullptr) {
    s.skipped = true;
    s.note = "no country outlines given";
    return;
  }
  for (const Node& n : net.nodes()) {
    ++s.checked;
    const CountryShape* shape = opt.countries->find(n.country);
    if (shape == nullptr) {
      rep.fail(Check::node_country, n.id,
               "no outline for country " + n.country + " in the country polygons");
      continue;
    }
    if (CountryPolygons::contains(*shape, n.pos)) continue;
    const double d = CountryPolygons::distance_to_outline(*shape, n.pos).value();
    if (d <= opt.country_tolerance.value()) continue;
    std::string where;
    for (const auto& c : opt.countries->countries_at(n.pos))
      where += (where.empty() ? "" : ", ") + c;
    std::string msg = "position ";
    msg += num(n.pos.lat, 5);
    msg += ", ";
    msg += num(n.pos.lon, 5);
    msg += " lies ";
    msg += num(d, 1);
    msg += " km outside ";
    msg += n.country;
    if (!where.empty()) {
      msg += " (inside ";
      msg += where;
      msg += ")";
    }
    rep.fail(Check::node_country, n.id, std::move(msg));
  }
}

void check_isolated(const Network& net, Reporter& rep) {
  CheckSummary& s = rep.sum(Check::isolated_node);
  std::vector<bool> linked(net.node_count(), false);
  for (const Link& l : net.links()) linked[l.from.index()] = linked[l.to.index()] = true;
  for (std::uint32_t i = 0; i < net.node_count(); ++i) {
    ++s.checked;
    if (!linked[i]) rep.fail(Check::isolated_node, net.node(NodeId(i)).id, "node has no link");
  }
}

void check_transfers(const Network& net, Reporter& rep) {
  CheckSummary& s = rep.sum(Check::transfer_rule);
  std::vector<ModeSet> modes(net.node_count());
  for (const Link& l : net.links()) {
    modes[l.from.index()].insert(l.mode);
    modes[l.to.index()].insert(l.mode);
  }
  for (std::uint32_t i = 0; i < net.node_count(); ++i) {
    const NodeId n(i);
    for (Mode from : kAllModes) {
      if (!modes[i].contains(from)) continue;
      for (Mode to : kAllModes) {
        if (to == from || !modes[i].contains(to)) continue;
        ++s.checked;
        if (net.find_transfer(n, from, to) == nullptr)
          rep.fail(Check::transfer_rule, net.node(n).id,
                   std::string("links of modes ") + std::string(to_string(from)) + " and " +
                       std::string(to_string(to)) + " meet here but no transfer rule allows " +
                       std::string(to_string(from)) + " -> " + std::string(to_string(to)));
      }
    }
  }
}

void check_geometry(const Network& net, const ValidateOptions& opt, ValidationReport& report,
                    Reporter& rep) {
  CheckSummary& s = rep.sum(Check::link_geometry);
  if (!net.has_geometry()) {
    s.note = "no link has a polyline (every link drawn schematic)";
    return;
  }
  std::size_t schematic = 0;
  for (std::uint32_t i = 0; i < net.link_count(); ++i) {
    const LinkId id(i);
    const Link& l = net.link(id);
    const LinkGeometry& g = net.geometry(id);
    if (g.points.empty()) {
      ++schematic;
      continue;
    }
    ++s.checked;
    const auto& pts = g.points;
    for (const bool first : {true, false}) {
      const NodeId node = first ? l.from : l.to;
      const double d = great_circle(first ? pts.front() : pts.back(), net.node(node).pos).value();
      if (d > opt.geometry_end_tolerance.value())
        rep.fail(Check::link_geometry, l.id,
                 std::string(first ? "first" : "last") + " point lies " + num(d, 1) +
                     " km from node " + net.node(node).id + " (more than " +
                     num(opt.geometry_end_tolerance.value(), 1) + " km)");
    }
    if (const long k = find_spike(pts); k >= 0)
      rep.fail(Check::link_geometry, l.id,
               "the line turns back on itself at point " + std::to_string(k + 1) + " (" +
                   num(pts[k].lat, 5) + ", " + num(pts[k].lon, 5) + ")");
    if (const SegmentPair c = find_self_crossing(pts); c.first >= 0)
      rep.fail(Check::link_geometry, l.id,
               "segments " + std::to_string(c.first + 1) + " and " + std::to_string(c.second + 1) +
                   " of the line cross");
    const double drawn = polyline_length(pts).value();
    report.geometry_lengths.push_back({l.id, g.source, drawn, l.length.value()});
    if (g.source == GeometrySource::schematic) continue;
    const double len = l.length.value();
    if (len > 0 && std::abs(drawn / len - 1.0) > opt.geometry_length_tolerance)
      rep.fail(Check::link_geometry, l.id,
               "drawn " + num(drawn, 1) + " km (" + std::string(to_string(g.source)) +
                   ") differs from length_km " + num(len, 1) + " by " +
                   num(100.0 * (drawn / len - 1.0), 1) + " % (tolerance " +
                   num(100.0 * opt.geometry_length_tolerance, 0) + " %)");
  }
  s.note = std::to_string(schematic) + " link(s) without a polyline (drawn schematic)";
}
} // namespace

std::string_view to_string(Check c) {
  return kCheckNames[static_cast<std::size_t>(c)];
}

ValidationReport validate(const Network& net, const ValidateOptions& opt) {
  ValidationReport report;
  Reporter rep(report);
  check_corridors(net, rep);
  check_lengths(net, opt, rep);
  check_countries(net, opt, rep);
  check_isolated(net, rep);
  check_transfers(net, rep);
  check_geometry(net, opt, report, rep);
  return report;
}

} // namespace caravan
