// Time-dependent Dijkstra (earliest arrival) over the state graph with timetabled arcs.
#include "route/timetable_router.hpp"

#include "route/arc_filter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <tuple>

namespace caravan {

namespace {
constexpr std::uint32_t kModesPerNode = kModeCount + 1; // + "no mode yet" at the origin
constexpr std::uint32_t kStartMode = kModeCount;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNoState = std::numeric_limits<std::uint32_t>::max();

std::string hours_text(double h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g h", std::round(h * 10.0) / 10.0);
  return buf;
}

bool better(double t, double usd, const double ot, const double ousd) {
  return t < ot || (t == ot && usd < ousd);
}
} // namespace

bool timed_step(const Network& net, const Timetable& tt, ArcId aid, std::uint32_t mode_in,
                EpochHours t, const Shipment& shipment, bool explain, TimedStep& out, Usd& usd) {
  const Arc& a = net.arc(aid);
  const Link& l = net.link(a.link);
  const auto mode_out = static_cast<std::uint32_t>(l.mode);
  const Transfer* change = nullptr;
  if (mode_in == kStartMode) {
    change = end_handling(net, a.tail, l.mode, true, Objective::time, shipment);
  } else if (mode_in != mode_out) {
    change = net.find_transfer(a.tail, static_cast<Mode>(mode_in), l.mode);
    if (change == nullptr) return false;
  }
  const Totals arc = arc_totals(net, a, shipment);
  const double border_h = a.border.valid() ? net.border(a.border).dwell.typical.value() : 0.0;
  out.arc = aid;
  out.at_tail = t;
  out.service = nullptr;
  out.expected = false;
  usd = arc.usd + (change != nullptr ? change->cost_per_teu * shipment.teu.value() : Usd(0));
  const auto services = tt.on_arc(aid);
  if (services.empty()) {
    const double change_h = change != nullptr ? change->duration.typical.value() : 0.0;
    out.depart = t + change_h;
    out.arrive = out.depart + arc.hours.value();
    out.wait = Hours(change_h);
    if (explain && change != nullptr)
      out.why = (mode_in == kStartMode ? "port handling " : "transfer ") +
                (mode_in == kStartMode ? std::string(to_string(l.mode))
                                       : std::string(to_string(static_cast<Mode>(mode_in))) +
                                             " -> " + std::string(to_string(l.mode))) +
                " " + hours_text(change_h) + " (constant: no timetable)";
    return true;
  }
  // Timetabled: the transfer's charge stays, its time is replaced by the wait for the sailing.
  double best_arrive = kInf;
  for (std::uint32_t si : services) {
    const Service& s = tt.services()[si];
    const auto d = next_departure(s, t + s.cutoff.value());
    if (!d) continue;
    const double arrive = d->depart + s.transit.typical.value() + border_h;
    if (arrive < best_arrive) {
      best_arrive = arrive;
      out.depart = d->depart;
      out.arrive = arrive;
      out.service = &s;
      out.expected = d->expected;
    }
  }
  if (out.service == nullptr) return false;
  out.wait = Hours(out.depart - t);
  if (explain) {
    const Service& s = *out.service;
    const std::string cut = s.cutoff.value() > 0 ? ", cut-off " + hours_text(s.cutoff.value()) : "";
    if (out.expected)
      out.why = "sails when full, about every " + hours_text(s.headway->typical.value()) +
                ": expected wait " + hours_text(out.wait.value()) + cut + " (" + s.id + ")";
    else
      out.why = "next sailing " + format_weekday_time(out.depart, s.utc_offset_min) + " (" +
                format_utc_offset(s.utc_offset_min) + ")" + cut + " (" + s.id + ")";
  }
  return true;
}

TimetableRouter::TimetableRouter(const Network& net, const Timetable& tt) : net_(&net), tt_(&tt) {}

std::uint32_t TimetableRouter::search(const RouteRequest& req, EpochHours depart, bool to_all) {
  const Network& net = *net_;
  const auto n = static_cast<std::uint32_t>(net.node_count());
  settled_ = 0;
  from_ = req.from;
  depart_ = depart;
  shipment_ = req.shipment;
  excluded_ = false;
  const ArcFilter filter(net, req.costing);
  if (++epoch_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    epoch_ = 1;
  }
  if (req.from.index() >= n || filter.node_blocked(req.from) ||
      (!to_all && (req.to.index() >= n || filter.node_blocked(req.to)))) {
    excluded_ = true;
    return kNoState;
  }
  const std::size_t states = static_cast<std::size_t>(n) * kModesPerNode;
  if (dist_.size() < states) {
    dist_.resize(states);
    pred_state_.resize(states);
    pred_arc_.resize(states);
    stamp_.assign(states, 0);
    epoch_ = 1;
  }
  auto label = [&](std::uint32_t s) -> Label {
    return stamp_[s] == epoch_ ? dist_[s] : Label{kInf, kInf};
  };
  using Entry = std::tuple<double, double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> pq;
  const std::uint32_t start = req.from.index() * kModesPerNode + kStartMode;
  dist_[start] = {depart, 0.0};
  stamp_[start] = epoch_;
  pred_state_[start] = kNoState;
  pq.emplace(depart, 0.0, start);
  std::uint32_t polls = 0;
  TimedStep step;
  // Best arrival at req.to with its alighting handling: once every label below it is settled, no
  // later state can beat it (handling is not negative).
  double target_best = kInf;
  while (!pq.empty()) {
    const auto [t, usd, s] = pq.top();
    pq.pop();
    const Label ls = label(s);
    if (t > ls.time || (t == ls.time && usd > ls.usd)) continue;
    if (!to_all && t > target_best) return 0;
    ++settled_;
    if (req.costing.interrupt != nullptr) req.costing.interrupt->poll(polls);
    const NodeId u(s / kModesPerNode);
    const std::uint32_t mode_in = s % kModesPerNode;
    for (std::uint32_t ai = net.first_out(u); ai < net.end_out(u); ++ai) {
      const Arc& a = net.arc(ArcId(ai));
      if (!filter.usable(a)) continue;
      Usd step_usd;
      if (!timed_step(net, *tt_, ArcId(ai), mode_in, t, req.shipment, false, step, step_usd))
        continue;
      const std::uint32_t ns =
          a.head.index() * kModesPerNode + static_cast<std::uint32_t>(net.link(a.link).mode);
      const Label old = label(ns);
      const double nu = usd + step_usd.value();
      if (better(step.arrive, nu, old.time, old.usd)) {
        dist_[ns] = {step.arrive, nu};
        stamp_[ns] = epoch_;
        pred_state_[ns] = s;
        pred_arc_[ns] = ArcId(ai);
        pq.emplace(step.arrive, nu, ns);
        if (!to_all && a.head == req.to) {
          double h = 0.0;
          if (const Transfer* x = end_handling(net, a.head, net.link(a.link).mode, false,
                                               Objective::time, req.shipment))
            h = x->duration.typical.value();
          target_best = std::min(target_best, step.arrive + h);
        }
      }
    }
  }
  return kNoState;
}

std::uint32_t TimetableRouter::best_state(NodeId v, double* at) const {
  std::uint32_t best = kNoState;
  double bt = kInf, bu = kInf;
  for (std::uint32_t mode = 0; mode < kModeCount; ++mode) {
    const std::uint32_t s = v.index() * kModesPerNode + mode;
    if (s >= stamp_.size() || stamp_[s] != epoch_) continue;
    double t = dist_[s].time, u = dist_[s].usd;
    if (const Transfer* h =
            end_handling(*net_, v, static_cast<Mode>(mode), false, Objective::time, shipment_)) {
      t += h->duration.typical.value();
      u += (h->cost_per_teu * shipment_.teu.value()).value();
    }
    if (better(t, u, bt, bu)) {
      bt = t;
      bu = u;
      best = s;
    }
  }
  if (at != nullptr) *at = bt;
  return best;
}

TimedRoute TimetableRouter::assemble(std::uint32_t state) const {
  std::vector<ArcId> arcs;
  for (std::uint32_t s = state; pred_state_[s] != kNoState; s = pred_state_[s])
    arcs.push_back(pred_arc_[s]);
  std::reverse(arcs.begin(), arcs.end());
  const NodeId to(state / kModesPerNode);
  TimedRoute tr;
  tr.route = make_route(*net_, from_, to, arcs, Objective::time, shipment_);
  tr.depart = depart_;
  double t = depart_;
  std::uint32_t mode = kStartMode;
  for (ArcId a : arcs) {
    TimedStep step;
    Usd usd;
    timed_step(*net_, *tt_, a, mode, t, shipment_, true, step, usd);
    t = step.arrive;
    mode = static_cast<std::uint32_t>(net_->link(net_->arc(a).link).mode);
    tr.steps.push_back(std::move(step));
  }
  tr.arrive = t;
  if (mode != kStartMode)
    if (const Transfer* h =
            end_handling(*net_, to, static_cast<Mode>(mode), false, Objective::time, shipment_)) {
      tr.end_handling = h->duration.typical;
      tr.arrive += h->duration.typical.value();
    }
  return tr;
}

std::vector<TimetableRouter::TreeArc> TimetableRouter::tree_arcs() const {
  std::vector<TreeArc> out;
  if (excluded_) return out;
  std::vector<std::uint8_t> seen(dist_.size(), 0);
  for (std::uint32_t v = 0; v < net_->node_count(); ++v) {
    if (NodeId(v) == from_) continue;
    for (std::uint32_t s = best_state(NodeId(v), nullptr);
         s != kNoState && pred_state_[s] != kNoState && seen[s] == 0; s = pred_state_[s]) {
      seen[s] = 1;
      const std::uint32_t p = pred_state_[s];
      TimedStep step;
      Usd usd;
      timed_step(*net_, *tt_, pred_arc_[s], p % kModesPerNode, dist_[p].time, shipment_, false,
                 step, usd);
      out.push_back({pred_arc_[s], dist_[p].time, step.depart, step.arrive});
    }
  }
  return out;
}

TimedOutcome TimetableRouter::route(const RouteRequest& req, EpochHours depart) {
  search(req, depart, false);
  if (excluded_) return {std::nullopt, RouteFailure::endpoint_excluded};
  auto r = route_to(req.to);
  if (!r) return {std::nullopt, RouteFailure::unreachable};
  return {std::move(r), RouteFailure::unreachable};
}

void TimetableRouter::tree(const RouteRequest& req, EpochHours depart) {
  search(req, depart, true);
}

std::optional<EpochHours> TimetableRouter::arrival(NodeId v) const {
  if (excluded_ || v.index() >= net_->node_count()) return std::nullopt;
  if (v == from_) return depart_;
  double at = kInf;
  if (best_state(v, &at) == kNoState) return std::nullopt;
  return at;
}

std::optional<TimedRoute> TimetableRouter::route_to(NodeId v) const {
  if (excluded_ || v.index() >= net_->node_count() || v == from_) return std::nullopt;
  const std::uint32_t s = best_state(v, nullptr);
  if (s == kNoState) return std::nullopt;
  return assemble(s);
}

} // namespace caravan
