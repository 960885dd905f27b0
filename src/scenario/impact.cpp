// Computing before/after matrices and the change of every pair, and checking claimed savings.
#include "scenario/impact.hpp"

#include "core/names.hpp"
#include "route/router.hpp"

#include <algorithm>
#include <cmath>

namespace caravan {

std::string_view to_string(PairChange c) {
  switch (c) {
  case PairChange::unchanged:
    return "unchanged";
  case PairChange::better:
    return "better";
  case PairChange::worse:
    return "worse";
  case PairChange::now_reachable:
    return "now reachable";
  case PairChange::now_unreachable:
    return "now unreachable";
  }
  return "?";
}

namespace {

/// Relative tolerance under which two objective values count as equal (rounding in sums).
constexpr double kTolerance = 1e-9;

int rank(PairChange c) {
  switch (c) {
  case PairChange::better:
  case PairChange::worse:
    return 0;
  case PairChange::now_reachable:
  case PairChange::now_unreachable:
    return 1;
  case PairChange::unchanged:
    return 2;
  }
  return 3;
}

NodeId resolve_claim_node(const NodeNames& names, const Network& net, const Claim& c,
                          const std::string& query, const std::string& field) {
  const NameMatch m = names.resolve(query);
  if (const auto* id = std::get_if<NodeId>(&m)) return *id;
  std::string msg = "unknown node '" + query + "'";
  if (const auto* nf = std::get_if<NameNotFound>(&m)) {
    msg += " (did you mean ";
    for (std::size_t i = 0; i < nf->suggestions.size(); ++i)
      msg += (i ? (i + 1 == nf->suggestions.size() ? " or '" : ", '") : "'") + nf->suggestions[i] +
             "'";
    msg += "?)";
  } else {
    msg = "'" + query + "' names several nodes; use a node id";
  }
  (void)net;
  throw ScenarioError(c.loc, field, msg);
}

std::optional<double> claim_value(Router& router, NodeId from, NodeId to, const Claim& c,
                                  const ImpactRequest& req) {
  RouteRequest r;
  r.from = from;
  r.to = to;
  r.costing = req.costing;
  r.costing.objective = c.quantity == Claim::Quantity::km ? Objective::distance : Objective::time;
  if (c.modes != Claim::Modes::any) {
    for (Mode m : kAllModes)
      if (c.modes == Claim::Modes::rail ? !is_rail(m) : m != Mode::road)
        r.costing.avoid_modes.insert(m);
  }
  r.shipment = req.shipment;
  const RouteOutcome out = router.route(r);
  if (!out.ok()) return std::nullopt;
  return c.quantity == Claim::Quantity::km ? out.route->totals.km.value()
                                           : out.route->totals.hours.value();
}

} // namespace

Impact compute_impact(const Network& before, const Network& after, const ImpactRequest& req,
                      const std::vector<Claim>& claims) {
  if (before.node_count() != after.node_count())
    throw std::invalid_argument("compute_impact: the networks have different nodes");
  Impact im;
  im.places = req.places;
  im.objective = req.costing.objective;
  im.before =
      compute_matrix(before, req.places, req.places, req.costing, req.shipment, req.threads);
  im.after = compute_matrix(after, req.places, req.places, req.costing, req.shipment, req.threads);

  const std::size_t n = req.places.size();
  im.pairs.reserve(n * (n - (n > 0 ? 1 : 0)));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      PairImpact p;
      p.i = i;
      p.j = j;
      if (const auto& c = im.before.cell(i, j)) p.before = c->totals;
      if (const auto& c = im.after.cell(i, j)) p.after = c->totals;
      if (p.before && p.after) {
        const double b = p.before->get(im.objective);
        const double a = p.after->get(im.objective);
        const double tol = kTolerance * std::max({1.0, std::abs(a), std::abs(b)});
        if (std::abs(a - b) <= tol) {
          p.change = PairChange::unchanged;
        } else {
          p.delta = a - b;
          p.percent = b > 0.0 ? 100.0 * p.delta / b : 0.0;
          p.change = a < b ? PairChange::better : PairChange::worse;
        }
      } else if (p.after) {
        p.change = PairChange::now_reachable;
      } else if (p.before) {
        p.change = PairChange::now_unreachable;
      }
      switch (p.change) {
      case PairChange::better:
        ++im.better;
        break;
      case PairChange::worse:
        ++im.worse;
        break;
      case PairChange::now_reachable:
        ++im.now_reachable;
        break;
      case PairChange::now_unreachable:
        ++im.now_unreachable;
        break;
      case PairChange::unchanged:
        if (p.before)
          ++im.unchanged;
        else
          ++im.unreachable_both;
        break;
      }
      im.pairs.push_back(p);
    }
  }
  std::stable_sort(im.pairs.begin(), im.pairs.end(), [](const PairImpact& a, const PairImpact& b) {
    const int ra = rank(a.change), rb = rank(b.change);
    if (ra != rb) return ra < rb;
    return std::abs(a.delta) > std::abs(b.delta);
  });

  if (!claims.empty()) {
    const NodeNames names(before);
    Router rb(before);
    Router ra(after);
    for (const Claim& c : claims) {
      ClaimCheck k;
      k.claim = c;
      k.from = resolve_claim_node(names, before, c, c.from, "claim.from");
      k.to = resolve_claim_node(names, before, c, c.to, "claim.to");
      k.before = claim_value(rb, k.from, k.to, c, req);
      k.after = claim_value(ra, k.from, k.to, c, req);
      im.claims.push_back(std::move(k));
    }
  }
  return im;
}

} // namespace caravan
