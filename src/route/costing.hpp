// Per-request costing: what to minimise, what to avoid, and the shipment being moved.
#pragma once

#include "core/ids.hpp"
#include "core/mode.hpp"
#include "core/network.hpp"
#include "core/units.hpp"
#include "route/interrupt.hpp"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace caravan {

enum class Objective : std::uint8_t { time, cost, co2, distance };

std::string_view to_string(Objective o);
std::optional<Objective> parse_objective(std::string_view s);

/// What is moved: a number of loaded TEU, each carrying `tonnes_per_teu` of cargo. Costs scale with
/// TEU, emissions with tonnes.
struct Shipment {
  Teu teu{1.0};
  Tonnes tonnes_per_teu{10.0};
  [[nodiscard]] Tonnes tonnes() const { return Tonnes(teu.value() * tonnes_per_teu.value()); }
};

/// Travels with each request (Valhalla-style): objective, avoid lists and limits.
struct Costing {
  Objective objective = Objective::time;
  std::vector<CountryId> avoid_countries;
  ModeSet avoid_modes;
  std::vector<NodeId> avoid_nodes;
  /// At most this many mode/gauge changes; unset = no limit.
  std::optional<int> max_transfers;
  /// Also route on links whose open_year is at most this year (any status); unset = existing only.
  std::optional<int> year;
  /// Per-link multipliers (>= 1) on the objective, indexed by LinkId; empty = none. Used to find
  /// alternatives. The caller keeps the storage alive for the request.
  std::span<const double> link_penalty;
  /// Places the route must pass, in this order, between origin and destination.
  std::vector<NodeId> via;
  /// When set, each via point after the first must be reached from the previous one over a single
  /// link (the route follows a node sequence such as a corridor's).
  bool via_links = false;
  /// Per-link flags, indexed by LinkId: flagged links are never used. The caller keeps the storage
  /// alive.
  std::span<const std::uint8_t> forbidden_links;
  /// When set, searches poll it and throw Interrupted once it fires (a server's time budget). The
  /// caller keeps it alive for the request.
  const Interrupt* interrupt = nullptr;
};

/// Whether a link may be used under the request's year rule.
bool link_is_open(const Link& l, std::optional<int> year);

/// The four accumulated quantities of a path (or of one step of it) for a given shipment.
struct Totals {
  Km km;
  Hours hours;
  Usd usd;
  KgCo2 co2;
  Totals& operator+=(const Totals& o) {
    km += o.km;
    hours += o.hours;
    usd += o.usd;
    co2 += o.co2;
    return *this;
  }
  /// The value of this total under `objective`, as a plain number for comparisons.
  [[nodiscard]] double get(Objective o) const;
};

/// Cost of traversing arc `a` for `shipment` (running time plus border dwell and charges).
Totals arc_totals(const Network& net, const Arc& a, const Shipment& shipment);
/// Cost of transfer `t` for `shipment`.
Totals transfer_totals(const Transfer& t, const Shipment& shipment);

/// Port handling where a route starts (boarding) or ends (alighting) on a ship (ferry or sea): the
/// node's transfer rule into (or out of) that mode that is best under `o`, or nullptr when the mode
/// is not a ship or the node has no such rule.
const Transfer* end_handling(const Network& net, NodeId at, Mode ship, bool boarding, Objective o,
                             const Shipment& shipment);

} // namespace caravan
