// A scenario: edits to a base network (new links, closures, changed speeds, tracks, capacities,
// dwell times and costs, projects switched on) as plain data, with where each edit was written.
#pragma once

#include "core/mode.hpp"
#include "core/network.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace caravan {

/// Where a value came from: a file and a 1-based line (0 = not from a file).
struct SourceLoc {
  std::string file;
  std::size_t line = 0;
};

/// An error in a scenario: `file:line: field 'x': message` (the same shape as the readers' errors).
class ScenarioError : public std::runtime_error {
public:
  ScenarioError(const SourceLoc& loc, const std::string& field, const std::string& message);
  [[nodiscard]] const SourceLoc& where() const { return loc_; }
  [[nodiscard]] const std::string& field() const { return field_; }

private:
  SourceLoc loc_;
  std::string field_;
};

/// Which links an edit applies to: one link by id, or every link between two nodes (either
/// direction), optionally of one mode. Nodes are named by id, name or alias.
struct LinkSelector {
  std::string link_id;        ///< set: exactly this link
  std::string node_a, node_b; ///< set (when link_id is empty): links between a and b
  std::optional<Mode> mode;   ///< restricts a node-pair selection to one mode
  SourceLoc loc;
};

/// A new link. Its duration is `duration_h`, or `length_km / speed_kmh` when only a speed is given.
struct AddLink {
  std::string id;
  std::string from, to; ///< node id, name or alias
  Mode mode = Mode::rail_1520;
  double length_km = 0.0;
  std::optional<double> speed_kmh;
  std::optional<double> duration_h;
  double cost_usd_per_teu_km = 0.0;
  double cost_usd_per_teu = 0.0; ///< fixed charge, added to the per-km charge
  double co2_g_per_tkm = 0.0;
  bool oneway = false;
  int tracks = 0;
  double capacity = 0.0;
  CapacityUnit capacity_unit = CapacityUnit::none;
  std::string source;
  SourceLoc loc;
};

/// Changes to the selected links; unset fields keep their values.
struct ChangeLink {
  LinkSelector select;
  std::optional<double> speed_kmh;       ///< sets the duration to length / speed (range scaled)
  std::optional<double> duration_h;      ///< sets the typical duration (range scaled)
  std::optional<double> duration_factor; ///< multiplies the duration range
  std::optional<int> tracks;
  std::optional<double> capacity;
  std::optional<CapacityUnit> capacity_unit;
  std::optional<double> cost_usd_per_teu; ///< sets the charge for the whole link
  std::optional<double> cost_factor;      ///< multiplies the charge
  SourceLoc loc;
};

/// Closes a border crossing between two nodes: every link joining them is closed and the dwell
/// rows for both directions are dropped.
struct CloseBorder {
  std::string from, to;
  std::optional<Mode> mode;
  SourceLoc loc;
};

/// Changes the dwell and charge of a border crossing (the row from -> to, and to -> from too
/// when `both_directions`).
struct ChangeBorder {
  std::string from, to;
  std::optional<Mode> mode;
  bool both_directions = false;
  std::optional<double> dwell_h;      ///< sets the typical dwell (range scaled)
  std::optional<double> dwell_factor; ///< multiplies the dwell range
  std::optional<double> cost_usd_per_teu;
  SourceLoc loc;
};

/// Changes the time and charge of the transfers at a node (all of them, or one mode pair).
struct ChangeTransfer {
  std::string node;
  std::optional<Mode> from_mode, to_mode; ///< unset = any
  std::optional<double> duration_h;
  std::optional<double> duration_factor;
  std::optional<double> cost_usd_per_teu;
  SourceLoc loc;
};

/// Projects (links not yet existing) switched on: by id, by status, or all that open by a year.
/// A switched-on link becomes `existing`.
struct ProjectSwitch {
  std::vector<std::string> link_ids;
  std::vector<LinkStatus> statuses;
  std::optional<int> year;
  SourceLoc loc;
};

/// A saving a source claims for the scenario, shown next to the computed value.
struct Claim {
  enum class Quantity : std::uint8_t { km, hours };
  std::string from, to; ///< node id, name or alias
  Quantity quantity = Quantity::km;
  std::optional<double> before; ///< claimed value without the scenario
  std::optional<double> after;  ///< claimed value with it
  std::optional<double> saving; ///< claimed reduction (before - after when both are given)
  enum class Modes : std::uint8_t { any, rail, road };
  Modes modes = Modes::any; ///< the claim is about rail (or road) distances or times only
  std::string text;         ///< the claim in words
  std::string source;
  SourceLoc loc;
  [[nodiscard]] std::optional<double> claimed_saving() const {
    if (saving) return saving;
    if (before && after) return *before - *after;
    return std::nullopt;
  }
};

/// One scenario. Edits are applied in this order: projects, closures, changes, additions. An
/// inherited scenario (`parent`) is applied first.
struct Scenario {
  std::string name;
  std::string title;
  std::string description;
  std::string source;
  SourceLoc loc;
  std::vector<Scenario> parent; ///< zero or one scenario inherited from
  /// A scenario to compare against by default (e.g. "without the second track"); empty = base.
  std::vector<Scenario> compare_against;
  ProjectSwitch projects;
  std::vector<LinkSelector> close_links;
  std::vector<CloseBorder> close_borders;
  std::vector<ChangeLink> change_links;
  std::vector<ChangeBorder> change_borders;
  std::vector<ChangeTransfer> change_transfers;
  std::vector<AddLink> add_links;
  std::vector<Claim> claims;
};

/// What apply_scenario did, for reports.
struct ScenarioSummary {
  int links_added = 0;
  int links_closed = 0;
  int links_changed = 0;
  int projects_opened = 0;
  int borders_changed = 0;
  int borders_closed = 0;
  int transfers_changed = 0;
};

/// Applies `s` (its parent first) to `base` and returns the new network. Node ids keep their
/// indices; closed links are removed. Throws ScenarioError (file:line, field, closest valid names)
/// for unknown nodes or links and impossible values.
Network apply_scenario(const Network& base, const Scenario& s, ScenarioSummary* summary = nullptr);

/// Every claim of `s` and its parents, parents first.
std::vector<Claim> all_claims(const Scenario& s);

} // namespace caravan
