// Pareto, alternatives, reliability, impact and freight assignment for the Python module.
#include "analysis_calls.hpp"

#include "errors.hpp"
#include "interruptible.hpp"
#include "result_tables.hpp"

#include "analysis/reliability.hpp"
#include "assign/freight.hpp"
#include "route/alternatives.hpp"
#include "route/pareto.hpp"
#include "scenario/impact.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <limits>

namespace caravan::py {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <typename T> pyb::array_t<T> array(const std::vector<T>& v) {
  return pyb::array_t<T>(static_cast<pyb::ssize_t>(v.size()), v.data());
}
} // namespace

pyb::dict pareto_call(const NetworkHandle& h, const std::string& frm, const std::string& to,
                      const RequestArgs& a, std::size_t max_labels) {
  const RouteRequest req = make_point_request(h, a, frm, to);
  ParetoFront front;
  run_interruptible([&](const Interrupt& interrupt) {
    RouteRequest r = req;
    r.costing.interrupt = &interrupt;
    ParetoOptions po;
    po.max_labels = max_labels;
    front = ParetoRouter(*h.net).run(r, po);
  });
  if (front.routes.empty()) throw NoRoute(no_route_message(*h.net, req, RouteFailure::unreachable));
  pyb::list routes;
  for (const Route& r : front.routes) routes.append(route_dict(*h.net, r));
  pyb::dict d;
  d["routes"] = routes;
  d["truncated"] = front.truncated;
  d["labels"] = front.labels;
  return d;
}

pyb::list alternatives_call(const NetworkHandle& h, const std::string& frm, const std::string& to,
                            const RequestArgs& a, std::size_t k, double max_overlap,
                            double max_stretch) {
  if (k < 1 || k > 10)
    throw std::invalid_argument("k: " + std::to_string(k) + " is not in [1, 10]");
  if (!(max_overlap >= 0.05 && max_overlap <= 0.95))
    throw std::invalid_argument("max_overlap: not in [0.05, 0.95]");
  if (!(max_stretch >= 1.0 && max_stretch <= 10.0))
    throw std::invalid_argument("max_stretch: not in [1, 10]");
  const RouteRequest req = make_point_request(h, a, frm, to);
  AlternativesOptions ao;
  ao.k = k;
  ao.max_overlap = max_overlap;
  ao.max_stretch = max_stretch;
  std::vector<Route> routes;
  {
    pyb::gil_scoped_release release;
    Router router(*h.net);
    routes = find_alternatives(router, req, ao);
  }
  if (routes.empty()) throw NoRoute(no_route_message(*h.net, req, RouteFailure::unreachable));
  pyb::list out;
  for (const Route& r : routes) out.append(route_dict(*h.net, r));
  return out;
}

pyb::dict reliability_call(const NetworkHandle& h, const std::string& frm, const std::string& to,
                           const RequestArgs& a, std::size_t samples, std::uint64_t seed,
                           std::optional<double> deadline_days) {
  if (samples < 1 || samples > 10'000'000)
    throw std::invalid_argument("samples: " + std::to_string(samples) + " is not in [1, 10000000]");
  if (deadline_days && !(*deadline_days > 0))
    throw std::invalid_argument("deadline_days: not a positive number");
  const RouteRequest req = make_point_request(h, a, frm, to);
  RouteOutcome res;
  ReliabilityResult rel;
  {
    pyb::gil_scoped_release release;
    Router router(*h.net);
    res = router.route(req);
    if (res.ok()) {
      ReliabilityOptions ro;
      ro.samples = samples;
      ro.seed = seed;
      if (deadline_days) ro.deadline = Hours(*deadline_days * 24.0);
      rel = simulate_transit(*h.net, *res.route, ro);
    }
  }
  if (!res.ok()) throw NoRoute(no_route_message(*h.net, req, res.failure));
  pyb::dict d;
  d["route"] = route_dict(*h.net, *res.route);
  d["samples"] = rel.samples;
  d["seed"] = seed;
  d["mean_hours"] = rel.mean.value();
  d["min_hours"] = rel.min.value();
  d["max_hours"] = rel.max.value();
  d["p50_hours"] = rel.p50.value();
  d["p90_hours"] = rel.p90.value();
  d["p95_hours"] = rel.p95.value();
  d["p_within_deadline"] =
      rel.p_within_deadline ? pyb::object(pyb::float_(*rel.p_within_deadline)) : pyb::none();
  return d;
}

pyb::dict impact_call(const NetworkHandle& h, const Scenario& scenario,
                      const std::optional<Scenario>& base, const std::vector<NodeId>& places,
                      const RequestArgs& a, unsigned threads) {
  if (places.size() > 400)
    throw std::invalid_argument("places: " + std::to_string(places.size()) +
                                " places; at most 400");
  const RouteRequest req = make_request(h, a);
  std::optional<Scenario> before = base;
  if (!before && !scenario.compare_against.empty()) before = scenario.compare_against.front();
  Impact im;
  ScenarioSummary edits;
  run_interruptible([&](const Interrupt& interrupt) {
    try {
      const Network before_net = apply_scenario(*h.net, before ? *before : Scenario{});
      const Network after_net = apply_scenario(*h.net, scenario, &edits);
      ImpactRequest ir{places, req.costing, req.shipment, threads};
      ir.costing.interrupt = &interrupt;
      im = compute_impact(before_net, after_net, ir, all_claims(scenario));
    } catch (const ScenarioError& e) {
      throw std::invalid_argument(e.what());
    }
  });
  const Network& net = *h.net;
  pyb::list from, to, from_id, to_id, change;
  std::vector<double> cols[8];
  const char* names[8] = {"km_before",  "km_after",  "hours_before",  "hours_after",
                          "usd_before", "usd_after", "kg_co2_before", "kg_co2_after"};
  std::vector<double> delta, percent;
  for (const PairImpact& p : im.pairs) {
    from.append(net.node(im.places[p.i]).name);
    to.append(net.node(im.places[p.j]).name);
    from_id.append(net.node(im.places[p.i]).id);
    to_id.append(net.node(im.places[p.j]).id);
    change.append(p.before || p.after ? std::string(to_string(p.change))
                                      : std::string("unreachable in both"));
    auto put = [&](int k, const std::optional<Totals>& t) {
      cols[k].push_back(t ? t->km.value() : kNaN);
      cols[k + 2].push_back(t ? t->hours.value() : kNaN);
      cols[k + 4].push_back(t ? t->usd.value() : kNaN);
      cols[k + 6].push_back(t ? t->co2.value() : kNaN);
    };
    put(0, p.before);
    put(1, p.after);
    const bool both = p.before && p.after;
    delta.push_back(both ? p.delta : kNaN);
    percent.push_back(both ? p.percent : kNaN);
  }
  pyb::dict pairs;
  pairs["from"] = from;
  pairs["to"] = to;
  pairs["from_id"] = from_id;
  pairs["to_id"] = to_id;
  pairs["change"] = change;
  for (int k = 0; k < 8; ++k) pairs[names[k]] = array(cols[k]);
  pairs["objective_change"] = array(delta);
  pairs["objective_change_pct"] = array(percent);

  pyb::list c_text, c_from, c_to, c_quantity;
  std::vector<double> c_claim_before, c_claim_after, c_before, c_after;
  for (const ClaimCheck& c : im.claims) {
    c_text.append(c.claim.text);
    c_from.append(net.node(c.from).name);
    c_to.append(net.node(c.to).name);
    c_quantity.append(c.claim.quantity == Claim::Quantity::km ? "km" : "hours");
    c_claim_before.push_back(c.claim.before ? *c.claim.before : kNaN);
    c_claim_after.push_back(c.claim.after ? *c.claim.after : kNaN);
    c_before.push_back(c.before ? *c.before : kNaN);
    c_after.push_back(c.after ? *c.after : kNaN);
  }
  pyb::dict claims;
  claims["text"] = c_text;
  claims["from"] = c_from;
  claims["to"] = c_to;
  claims["quantity"] = c_quantity;
  claims["claimed_before"] = array(c_claim_before);
  claims["claimed_after"] = array(c_claim_after);
  claims["computed_before"] = array(c_before);
  claims["computed_after"] = array(c_after);

  pyb::dict counts;
  counts["better"] = im.better;
  counts["worse"] = im.worse;
  counts["unchanged"] = im.unchanged;
  counts["now_reachable"] = im.now_reachable;
  counts["now_unreachable"] = im.now_unreachable;
  counts["unreachable_both"] = im.unreachable_both;
  pyb::dict e;
  e["projects_opened"] = edits.projects_opened;
  e["links_added"] = edits.links_added;
  e["links_closed"] = edits.links_closed;
  e["link_edits"] = edits.links_changed;
  e["border_rows_changed"] = edits.borders_changed;
  e["borders_closed"] = edits.borders_closed;
  e["transfers_changed"] = edits.transfers_changed;

  pyb::dict d;
  d["scenario"] = scenario.name;
  d["title"] = scenario.title;
  d["compared_with"] = before ? pyb::object(pyb::str(before->name)) : pyb::none();
  d["objective"] = std::string(to_string(im.objective));
  d["pairs"] = pairs;
  d["claims"] = claims;
  d["counts"] = counts;
  d["edits"] = e;
  d["before"] = matrix_dict(net, im.before);
  d["after"] = matrix_dict(net, im.after);
  return d;
}

pyb::dict assign_call(const NetworkHandle& h, const std::vector<DemandArg>& demand,
                      const AssignArgs& a) {
  const Network& net = *h.net;
  std::vector<freight::OdFlow> flows;
  for (const DemandArg& row : demand) {
    const NodeId from = resolve_node(h, row.where + ": field 'from'", row.from);
    const NodeId to = resolve_node(h, row.where + ": field 'to'", row.to);
    if (from == to)
      throw std::invalid_argument(row.where + ": field 'to': same place as 'from' (" + row.to +
                                  ")");
    if (!(std::isfinite(row.teu_per_day) && row.teu_per_day >= 0))
      throw std::invalid_argument(row.where + ": field 'teu_per_day': not a non-negative number");
    flows.push_back({from, to, row.teu_per_day});
  }
  if (a.objective != "ue" && a.objective != "so")
    throw std::invalid_argument("objective: '" + a.objective + "' is not one of ue, so");
  const auto by = parse_objective(a.by);
  if (!by || (*by != Objective::time && *by != Objective::cost))
    throw std::invalid_argument("by: '" + a.by + "' is not one of time, cost");
  freight::FreightOptions fo;
  fo.by = *by;
  fo.teu_per_train = a.teu_per_train;
  fo.tonnes_per_teu = a.tonnes_per_teu;
  fo.teu_per_vehicle = a.teu_per_vehicle;
  fo.value_of_time_usd_per_teu_h = a.value_of_time;
  fo.bpr_alpha = a.bpr_alpha;
  fo.bpr_power = a.bpr_power;
  fo.year = a.year;
  assign::Options opt;
  opt.objective =
      a.objective == "so" ? assign::Objective::system_optimum : assign::Objective::user_equilibrium;
  opt.algorithm = assign::Algorithm::algorithm_b;
  opt.stop.relative_gap = a.gap;
  opt.stop.max_iterations = a.max_iterations;
  if (a.time_limit_s > 0.0) opt.stop.time_limit_s = a.time_limit_s;
  opt.threads = a.threads;
  freight::FreightResult r;
  bool cancelled = false;
  run_interruptible([&](const Interrupt& interrupt) {
    assign::Options o = opt;
    o.cancel = [&interrupt] { return interrupt.requested(); };
    r = freight::assign_freight(net, flows, fo, o, a.binding);
    cancelled = r.solution.reason == assign::StopReason::cancelled;
  });
  (void)cancelled;

  auto loads = [&](const std::vector<freight::ArcLoad>& ls) {
    pyb::list link, from, to, mode;
    std::vector<double> km, teu, cap, ratio, ff, cong;
    for (const auto& l : ls) {
      const Arc& arc = net.arc(l.arc);
      const Link& k = net.link(arc.link);
      link.append(k.id);
      from.append(net.node(arc.tail).id);
      to.append(net.node(arc.head).id);
      mode.append(std::string(to_string(k.mode)));
      km.push_back(k.length.value());
      teu.push_back(l.teu_per_day);
      cap.push_back(l.capacity_teu_per_day > 0.0 ? l.capacity_teu_per_day : kNaN);
      ratio.push_back(l.capacity_teu_per_day > 0.0 ? l.ratio() : kNaN);
      ff.push_back(l.free_flow_hours);
      cong.push_back(l.congested_hours);
    }
    pyb::dict d;
    d["link"] = link;
    d["from_id"] = from;
    d["to_id"] = to;
    d["mode"] = mode;
    d["km"] = array(km);
    d["teu_per_day"] = array(teu);
    d["capacity_teu_per_day"] = array(cap);
    d["flow_over_capacity"] = array(ratio);
    d["free_flow_hours"] = array(ff);
    d["congested_hours"] = array(cong);
    return d;
  };
  pyb::list c_id, c_name;
  std::vector<double> c_teu, c_teu_km, c_share;
  for (const auto& s : r.shares) {
    c_id.append(net.corridor(s.corridor).id);
    c_name.append(net.corridor(s.corridor).name);
    c_teu.push_back(s.teu_per_day);
    c_teu_km.push_back(s.teu_km_per_day);
    c_share.push_back(s.share_of_teu_km);
  }
  pyb::dict corridors;
  corridors["id"] = c_id;
  corridors["name"] = c_name;
  corridors["teu_per_day"] = array(c_teu);
  corridors["teu_km_per_day"] = array(c_teu_km);
  corridors["share_of_teu_km"] = array(c_share);

  pyb::dict d;
  d["links"] = loads(r.loads);
  d["binding"] = loads(r.binding);
  d["corridors"] = corridors;
  d["demand_teu_per_day"] = r.total_teu_per_day;
  d["teu_km_per_day"] = r.total_teu_km_per_day;
  d["relative_gap"] = r.solution.relative_gap;
  d["iterations"] = r.solution.iterations;
  d["stopped"] = std::string(assign::to_string(r.solution.reason));
  d["objective_value"] = a.objective == "ue" ? r.solution.beckmann : r.solution.total_cost;
  d["elapsed_s"] = r.solution.elapsed_s;
  return d;
}

} // namespace caravan::py
