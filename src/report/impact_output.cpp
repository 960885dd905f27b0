// Formatting a scenario's regional impact for people (table, SVG) and programs (CSV, JSON).
#include "report/impact_output.hpp"

#include "report/svg_heatmap.hpp"

#include <fmt/format.h>

#include <cmath>

namespace caravan::report {

namespace {

using json = nlohmann::ordered_json;

const char* unit_of(Objective o) {
  switch (o) {
  case Objective::time:
    return "h";
  case Objective::cost:
    return "USD";
  case Objective::co2:
    return "kg CO2";
  case Objective::distance:
    return "km";
  }
  return "";
}
const char* unit_word(Objective o) {
  switch (o) {
  case Objective::time:
    return "hours";
  case Objective::cost:
    return "USD per shipment";
  case Objective::co2:
    return "kg CO2";
  case Objective::distance:
    return "km";
  }
  return "";
}

double round_to(double v, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

std::string opt(const std::optional<double>& v, int digits = 0) {
  return v ? fmt::format("{:.{}f}", *v, digits) : std::string("n/a");
}

std::string claim_unit(const Claim& c) {
  return c.quantity == Claim::Quantity::km ? "km" : "h";
}

/// Kilometres are shown whole, hours to one decimal.
int claim_digits(const Claim& c) {
  return c.quantity == Claim::Quantity::km ? 0 : 1;
}

std::string by_text(const Claim& c) {
  return c.modes == Claim::Modes::rail   ? " by rail"
         : c.modes == Claim::Modes::road ? " by road"
                                         : "";
}

std::string summary_line(const Impact& im) {
  return fmt::format("{} pairs: {} better, {} worse, {} newly reachable, {} no longer reachable, "
                     "{} unchanged, {} unreachable in both",
                     im.pairs.size(), im.better, im.worse, im.now_reachable, im.now_unreachable,
                     im.unchanged, im.unreachable_both);
}

std::string edits_line(const ScenarioSummary& e) {
  return fmt::format("{} projects opened, {} links added, {} links closed, {} link edits, "
                     "{} border rows changed, {} borders closed, {} transfers changed",
                     e.projects_opened, e.links_added, e.links_closed, e.links_changed,
                     e.borders_changed, e.borders_closed, e.transfers_changed);
}

json totals_json(const std::optional<Totals>& t) {
  if (!t) return json(nullptr);
  return json{{"km", round_to(t->km.value(), 1)},
              {"hours", round_to(t->hours.value(), 2)},
              {"usd", round_to(t->usd.value(), 0)}};
}

json matrix_json(const Matrix& m, double (*get)(const Totals&), int digits) {
  json rows = json::array();
  for (std::size_t i = 0; i < m.origins.size(); ++i) {
    json row = json::array();
    for (std::size_t j = 0; j < m.destinations.size(); ++j) {
      const auto& c = m.cell(i, j);
      row.push_back(c ? json(round_to(get(c->totals), digits)) : json(nullptr));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace

std::string impact_to_table(const Network& net, const Impact& im, const ImpactInfo& info) {
  std::string out;
  out += fmt::format("Scenario: {} — {}\n", info.scenario, info.title);
  if (!info.source.empty()) out += fmt::format("Source:   {}\n", info.source);
  out += fmt::format("Compared with: {}\n", info.compared_with);
  out += fmt::format("Edits:    {}\n", edits_line(info.edits));
  out += fmt::format("Places:   {} ({})\n", im.places.size(), info.places);
  out += fmt::format("Routes chosen by {}; totals for {:g} TEU ({:g} t of cargo).\n",
                     to_string(im.objective), info.shipment.teu.value(),
                     info.shipment.tonnes().value());
  out += summary_line(im) + "\n\n";

  const std::size_t changed = static_cast<std::size_t>(im.better + im.worse);
  if (changed == 0) {
    out += "No pair gets faster or slower.\n";
  } else {
    const std::size_t shown = std::min(changed, info.top);
    out += fmt::format("Top {} of {} pairs that got better or worse (by change in {}):\n", shown,
                       changed, unit_word(im.objective));
    out +=
        fmt::format("{:<14} {:<14} {:>8} {:>8} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}\n",
                    "from", "to", "km", "km", "km", "h", "h", "h", "USD", "USD", "USD", "%");
    out +=
        fmt::format("{:<14} {:<14} {:>8} {:>8} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}\n",
                    "", "", "before", "after", "change", "before", "after", "change", "before",
                    "after", "change", to_string(im.objective));
    for (std::size_t k = 0; k < shown; ++k) {
      const PairImpact& p = im.pairs[k];
      const Totals& b = *p.before;
      const Totals& a = *p.after;
      out +=
          fmt::format("{:<14.14} {:<14.14} {:>8.0f} {:>8.0f} {:>+8.0f} {:>7.1f} {:>7.1f} {:>+7.1f} "
                      "{:>7.0f} {:>7.0f} {:>+7.0f} {:>+7.1f}\n",
                      net.node(im.places[p.i]).name, net.node(im.places[p.j]).name, b.km.value(),
                      a.km.value(), a.km.value() - b.km.value(), b.hours.value(), a.hours.value(),
                      a.hours.value() - b.hours.value(), b.usd.value(), a.usd.value(),
                      a.usd.value() - b.usd.value(), p.percent);
    }
  }
  // Reachability changes, grouped by place: a place counts every pair it is part of.
  for (const PairChange kind : {PairChange::now_reachable, PairChange::now_unreachable}) {
    const int total = kind == PairChange::now_reachable ? im.now_reachable : im.now_unreachable;
    if (total == 0) continue;
    std::vector<int> per_place(im.places.size(), 0);
    for (const PairImpact& p : im.pairs)
      if (p.change == kind) {
        ++per_place[p.i];
        ++per_place[p.j];
      }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < per_place.size(); ++i)
      if (per_place[i] > 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return per_place[a] > per_place[b]; });
    out +=
        fmt::format("\n{} pairs {}; pairs per place:\n  ", total,
                    kind == PairChange::now_reachable ? "become reachable" : "become unreachable");
    // Places with at least half the largest count are listed; the others are summarised.
    const int top_count = order.empty() ? 0 : per_place[order.front()];
    std::size_t col = 2;
    std::size_t listed = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (2 * per_place[order[k]] < top_count) break;
      const std::string item = fmt::format("{}{} {}", listed ? ", " : "",
                                           net.node(im.places[order[k]]).name, per_place[order[k]]);
      if (col + item.size() > 98) {
        out += "\n  ";
        col = 2;
      }
      out += item;
      col += item.size();
      ++listed;
    }
    if (listed < order.size()) {
      int lo = per_place[order[listed]], hi = lo;
      for (std::size_t k = listed; k < order.size(); ++k) {
        lo = std::min(lo, per_place[order[k]]);
        hi = std::max(hi, per_place[order[k]]);
      }
      out += fmt::format("; {} other places: {} pair{} each", order.size() - listed,
                         lo == hi ? std::to_string(lo) : fmt::format("{}-{}", lo, hi),
                         hi == 1 ? "" : "s");
    }
    out += "\n";
  }
  if (!im.claims.empty()) {
    out += "\nClaims by the sources, next to the model:\n";
    for (const ClaimCheck& c : im.claims) {
      const std::string u = claim_unit(c.claim);
      const int d = claim_digits(c.claim);
      std::string claimed;
      if (c.claim.before && c.claim.after)
        claimed = fmt::format("{:.{}f} -> {:.{}f} {} (saving {:.{}f} {})", *c.claim.before, d,
                              *c.claim.after, d, u, *c.claim.claimed_saving(), d, u);
      else
        claimed = fmt::format("saving {:.{}f} {}", *c.claim.claimed_saving(), d, u);
      std::string computed = fmt::format("{} -> {} {}", opt(c.before, d), opt(c.after, d), u);
      if (auto s = c.computed_saving()) computed += fmt::format(" (saving {:.{}f} {})", *s, d, u);
      out += fmt::format("  {} -> {}{}: claimed {}; computed {}\n", net.node(c.from).name,
                         net.node(c.to).name, by_text(c.claim), claimed, computed);
      if (!c.claim.text.empty()) out += fmt::format("      \"{}\"\n", c.claim.text);
      out += fmt::format("      source: {}\n", c.claim.source);
    }
  }
  return out;
}

std::string impact_to_csv(const Network& net, const Impact& im) {
  std::string out = "from,to,change,km_before,km_after,km_change,hours_before,hours_after,"
                    "hours_change,usd_before,usd_after,usd_change,objective,objective_change,"
                    "objective_change_pct\n";
  auto num = [](const std::optional<Totals>& t, auto f, int digits) {
    return t ? fmt::format("{:.{}f}", f(*t), digits) : std::string();
  };
  auto km = [](const Totals& t) { return t.km.value(); };
  auto h = [](const Totals& t) { return t.hours.value(); };
  auto usd = [](const Totals& t) { return t.usd.value(); };
  for (const PairImpact& p : im.pairs) {
    auto d = [&](auto f, int digits) {
      return p.before && p.after ? fmt::format("{:.{}f}", f(*p.after) - f(*p.before), digits)
                                 : std::string();
    };
    const bool both = p.before && p.after;
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", net.node(im.places[p.i]).id,
        net.node(im.places[p.j]).id,
        p.before || p.after ? to_string(p.change) : "unreachable in both", num(p.before, km, 1),
        num(p.after, km, 1), d(km, 1), num(p.before, h, 2), num(p.after, h, 2), d(h, 2),
        num(p.before, usd, 0), num(p.after, usd, 0), d(usd, 0), to_string(im.objective),
        both ? fmt::format("{:.3f}", p.delta) : "", both ? fmt::format("{:.2f}", p.percent) : "");
  }
  return out;
}

json impact_to_json(const Network& net, const Impact& im, const ImpactInfo& info) {
  json j;
  j["scenario"] = info.scenario;
  j["title"] = info.title;
  j["source"] = info.source;
  j["compared_with"] = info.compared_with;
  j["objective"] = to_string(im.objective);
  j["shipment"] = {{"teu", info.shipment.teu.value()}, {"tonnes", info.shipment.tonnes().value()}};
  j["edits"] = {{"projects_opened", info.edits.projects_opened},
                {"links_added", info.edits.links_added},
                {"links_closed", info.edits.links_closed},
                {"link_edits", info.edits.links_changed},
                {"border_rows_changed", info.edits.borders_changed},
                {"borders_closed", info.edits.borders_closed},
                {"transfers_changed", info.edits.transfers_changed}};
  json places = json::array();
  for (NodeId n : im.places)
    places.push_back(
        {{"id", net.node(n).id}, {"name", net.node(n).name}, {"region", net.node(n).region}});
  j["places"] = std::move(places);
  j["places_rule"] = info.places;
  j["summary"] = {{"pairs", im.pairs.size()},
                  {"better", im.better},
                  {"worse", im.worse},
                  {"now_reachable", im.now_reachable},
                  {"now_unreachable", im.now_unreachable},
                  {"unchanged", im.unchanged},
                  {"unreachable_both", im.unreachable_both}};
  auto km = [](const Totals& t) { return t.km.value(); };
  auto h = [](const Totals& t) { return t.hours.value(); };
  auto usd = [](const Totals& t) { return t.usd.value(); };
  j["before"] = {{"km", matrix_json(im.before, km, 1)},
                 {"hours", matrix_json(im.before, h, 2)},
                 {"usd", matrix_json(im.before, usd, 0)}};
  j["after"] = {{"km", matrix_json(im.after, km, 1)},
                {"hours", matrix_json(im.after, h, 2)},
                {"usd", matrix_json(im.after, usd, 0)}};
  json pairs = json::array();
  for (const PairImpact& p : im.pairs) {
    if (p.change == PairChange::unchanged) continue;
    json e{{"from", net.node(im.places[p.i]).id},
           {"to", net.node(im.places[p.j]).id},
           {"change", to_string(p.change)},
           {"before", totals_json(p.before)},
           {"after", totals_json(p.after)}};
    if (p.before && p.after) {
      e["delta"] = {{"km", round_to(p.after->km.value() - p.before->km.value(), 1)},
                    {"hours", round_to(p.after->hours.value() - p.before->hours.value(), 2)},
                    {"usd", round_to(p.after->usd.value() - p.before->usd.value(), 0)}};
      e["objective_change_pct"] = round_to(p.percent, 2);
    }
    pairs.push_back(std::move(e));
  }
  j["changed_pairs"] = std::move(pairs);
  json claims = json::array();
  for (const ClaimCheck& c : im.claims) {
    auto o = [](const std::optional<double>& v) {
      return v ? json(round_to(*v, 1)) : json(nullptr);
    };
    claims.push_back({{"from", net.node(c.from).id},
                      {"to", net.node(c.to).id},
                      {"quantity", c.claim.quantity == Claim::Quantity::km ? "km" : "hours"},
                      {"by", c.claim.modes == Claim::Modes::rail   ? "rail"
                             : c.claim.modes == Claim::Modes::road ? "road"
                                                                   : "any"},
                      {"claimed_before", o(c.claim.before)},
                      {"claimed_after", o(c.claim.after)},
                      {"claimed_saving", o(c.claim.claimed_saving())},
                      {"computed_before", o(c.before)},
                      {"computed_after", o(c.after)},
                      {"computed_saving", o(c.computed_saving())},
                      {"text", c.claim.text},
                      {"source", c.claim.source}});
  }
  j["claims"] = std::move(claims);
  return j;
}

std::string impact_to_svg(const Network& net, const Impact& im, const ImpactInfo& info) {
  Heatmap h;
  h.title = fmt::format("{}: change in {} between places", info.title, unit_word(im.objective));
  h.subtitle = fmt::format("Scenario '{}' compared with {}. Rows: from; columns: to. Routes chosen "
                           "by {}; {:g} TEU.",
                           info.scenario, info.compared_with, to_string(im.objective),
                           info.shipment.teu.value());
  for (NodeId n : im.places) {
    h.row_labels.push_back(net.node(n).name);
    h.col_labels.push_back(net.node(n).name);
  }
  const std::size_t n = im.places.size();
  h.cells.resize(n * n);
  for (std::size_t i = 0; i < n; ++i) h.cells[i * n + i].kind = HeatmapCell::Kind::diagonal;
  const char* u = unit_of(im.objective);
  for (const PairImpact& p : im.pairs) {
    HeatmapCell& c = h.cells[p.i * n + p.j];
    const std::string pair =
        fmt::format("{} -> {}", net.node(im.places[p.i]).name, net.node(im.places[p.j]).name);
    const auto value = [&](const std::optional<Totals>& t) {
      return t ? fmt::format("{:.1f} {}", t->get(im.objective), u) : std::string("unreachable");
    };
    c.tooltip = fmt::format("{}: {} -> {}", pair, value(p.before), value(p.after));
    switch (p.change) {
    case PairChange::better:
    case PairChange::worse:
      c.kind = HeatmapCell::Kind::value;
      c.value = p.delta;
      c.text = std::abs(p.delta) >= 9.5 ? fmt::format("{:+.0f}", p.delta)
                                        : fmt::format("{:+.1f}", p.delta);
      c.tooltip += fmt::format(" ({:+.1f} {}, {:+.1f}%)", p.delta, u, p.percent);
      break;
    case PairChange::unchanged:
      c.kind = p.before ? HeatmapCell::Kind::value : HeatmapCell::Kind::none;
      c.value = 0.0;
      break;
    case PairChange::now_reachable:
      c.kind = HeatmapCell::Kind::gained;
      c.text = "new";
      break;
    case PairChange::now_unreachable:
      c.kind = HeatmapCell::Kind::lost;
      c.text = "lost";
      break;
    }
  }
  h.unit = unit_word(im.objective);
  h.notes.push_back(summary_line(im));
  for (const ClaimCheck& c : im.claims) {
    const std::string cu = claim_unit(c.claim);
    const auto cs = c.claim.claimed_saving();
    const auto ms = c.computed_saving();
    h.notes.push_back(
        fmt::format("Claim {} -> {}{}: saving {} {} (source); model: {} {}", net.node(c.from).name,
                    net.node(c.to).name, by_text(c.claim), opt(cs, claim_digits(c.claim)), cu,
                    ms ? opt(ms, claim_digits(c.claim)) : std::string("n/a"), ms ? cu : ""));
  }
  if (!info.source.empty()) h.notes.push_back("Scenario source: " + info.source);
  return heatmap_to_svg(h);
}

json impact_to_geojson(const Network& before_net, const Network& after_net, const Impact& im,
                       const std::vector<PairRoutes>& routes, const ImpactInfo& info,
                       const GeometryOptions& geometry) {
  json features = json::array();
  auto totals = [](const std::optional<Totals>& t) {
    if (!t) return json(nullptr);
    return json{{"km", round_to(t->km.value(), 1)},
                {"hours", round_to(t->hours.value(), 2)},
                {"usd", round_to(t->usd.value(), 2)}};
  };
  for (std::size_t k = 0; k < im.pairs.size() && k < routes.size(); ++k) {
    const PairImpact& p = im.pairs[k];
    if (p.change == PairChange::unchanged) continue;
    const Node& a = after_net.node(im.places[p.i]);
    const Node& b = after_net.node(im.places[p.j]);
    json props{{"from", a.name},
               {"to", b.name},
               {"from_id", a.id},
               {"to_id", b.id},
               {"change", std::string(to_string(p.change))},
               {"delta", round_to(p.delta, 2)},
               {"percent", round_to(p.percent, 2)},
               {"before", totals(p.before)},
               {"after", totals(p.after)}};
    for (const bool after : {true, false}) {
      const auto& r = after ? routes[k].after : routes[k].before;
      if (!r) continue;
      const Network& net = after ? after_net : before_net;
      std::vector<GeometrySection> sections;
      for (const Leg& leg : r->legs)
        for (auto& s : arc_sections(net, leg.arcs, geometry)) sections.push_back(std::move(s));
      json fp = props;
      fp["kind"] = after ? "after" : "before";
      fp["geometry_source"] = sections_source(sections);
      fp["geometry_km"] = sections_km(sections);
      features.push_back(
          {{"type", "Feature"},
           {"geometry",
            {{"type", "LineString"}, {"coordinates", coordinates_json(join_sections(sections))}}},
           {"properties", fp}});
    }
  }
  return json{{"type", "FeatureCollection"},
              {"properties",
               {{"kind", "impact"},
                {"scenario", info.scenario},
                {"title", info.title},
                {"compared_with", info.compared_with},
                {"objective", std::string(to_string(im.objective))},
                {"better", im.better},
                {"worse", im.worse},
                {"now_reachable", im.now_reachable},
                {"now_unreachable", im.now_unreachable}}},
              {"features", features}};
}

} // namespace caravan::report
