// The freight network: nodes, links, transfers, border crossings and corridors, immutable once
// built.
#pragma once

#include "core/geo.hpp"
#include "core/ids.hpp"
#include "core/link_geometry.hpp"
#include "core/mode.hpp"
#include "core/units.hpp"

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace caravan {

enum class NodeKind : std::uint8_t { city, rail_terminal, dry_port, seaport, border, junction };
/// Administrative rank of a place that is a regional centre: a city of republican significance
/// (Kazakhstan: Astana, Almaty, Shymkent) or the centre of a first-level region (oblast). The
/// place sets `centres:XX` are exactly the nodes with a rank.
enum class CentreRank : std::uint8_t { none, republican_city, region_centre };
enum class LinkStatus : std::uint8_t { existing, under_construction, planned };
enum class CapacityUnit : std::uint8_t {
  none,
  trains_per_day,
  teu_per_day,
  vehicles_per_hour,
  tonnes_per_year
};

std::string_view to_string(NodeKind k);
std::optional<NodeKind> parse_node_kind(std::string_view s);
std::string_view to_string(CentreRank r);
std::optional<CentreRank> parse_centre_rank(std::string_view s);
std::string_view to_string(LinkStatus s);
std::optional<LinkStatus> parse_link_status(std::string_view s);
std::string_view to_string(CapacityUnit u);
std::optional<CapacityUnit> parse_capacity_unit(std::string_view s);

/// An uncertain duration: the router uses `typical`; reliability analysis samples the range.
/// Invariant: 0 <= low <= typical <= high.
struct HoursRange {
  Hours low;
  Hours typical;
  Hours high;
  static constexpr HoursRange exactly(Hours h) { return {h, h, h}; }
};

struct Node {
  std::string id;   ///< stable text id used in the data files
  std::string name; ///< display name
  std::vector<std::string> aliases;
  std::string country; ///< ISO 3166-1 alpha-2
  LatLon pos;
  NodeKind kind = NodeKind::city;
  CentreRank centre = CentreRank::none;
  std::string region; ///< first-level region (oblast), may be empty
  std::string source; ///< where the coordinates come from
};

/// A physical link between two nodes; two-way unless `oneway`. Values are for one loaded TEU.
struct Link {
  std::string id;
  NodeId from;
  NodeId to;
  Mode mode = Mode::road;
  Km length;
  HoursRange duration; ///< running time end to end
  Usd cost_per_teu;    ///< charge for moving one TEU over the whole link
  GramsCo2PerTonneKm co2_intensity;
  bool oneway = false;
  LinkStatus status = LinkStatus::existing;
  int open_year = 0; ///< 0 = not stated
  int tracks = 0;    ///< 0 = not stated or not rail
  double capacity = 0.0;
  CapacityUnit capacity_unit = CapacityUnit::none;
  std::string source;
};

/// Changing mode (or gauge) at a node. An unset mode matches any mode. A mode change at a node with
/// no matching transfer is impossible: that is how gauge breaks cannot be skipped.
struct Transfer {
  NodeId node;
  std::optional<Mode> from_mode;
  std::optional<Mode> to_mode;
  HoursRange duration;
  Usd cost_per_teu;
  std::string source;
};

/// Dwell and charges when a link that crosses a national border is traversed from `from` to `to`.
/// An unset mode matches links of any mode between those nodes.
struct BorderCrossing {
  NodeId from;
  NodeId to;
  std::optional<Mode> mode;
  HoursRange dwell;
  Usd cost_per_teu;
  std::string source;
};

/// A named international corridor: a sequence of adjacent nodes.
struct Corridor {
  std::string id;
  std::string name;
  std::vector<NodeId> nodes;
  std::string description;
  std::string source;
};

/// One direction of travel over a link.
struct Arc {
  NodeId tail;
  NodeId head;
  LinkId link;
  BorderId border; ///< invalid when the traversal has no border charge
};

class NetworkError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The immutable network. Arcs are stored by tail node (CSR with 32-bit ids); transfers are stored
/// by node. Build one with NetworkBuilder.
class Network {
public:
  [[nodiscard]] std::size_t node_count() const { return nodes_.size(); }
  [[nodiscard]] std::size_t link_count() const { return links_.size(); }
  [[nodiscard]] std::size_t arc_count() const { return arcs_.size(); }

  [[nodiscard]] const Node& node(NodeId n) const { return nodes_[n.index()]; }
  [[nodiscard]] const Link& link(LinkId l) const { return links_[l.index()]; }
  [[nodiscard]] const Arc& arc(ArcId a) const { return arcs_[a.index()]; }
  [[nodiscard]] const BorderCrossing& border(BorderId b) const { return borders_[b.index()]; }
  [[nodiscard]] const Corridor& corridor(CorridorId c) const { return corridors_[c.index()]; }

  [[nodiscard]] std::span<const Node> nodes() const { return nodes_; }
  [[nodiscard]] std::span<const Link> links() const { return links_; }
  [[nodiscard]] std::span<const Arc> arcs() const { return arcs_; }
  [[nodiscard]] std::span<const Transfer> transfers() const { return transfers_; }
  [[nodiscard]] std::span<const BorderCrossing> borders() const { return borders_; }
  [[nodiscard]] std::span<const Corridor> corridors() const { return corridors_; }

  /// Arc ids leaving `n` are [first_out(n), first_out(n+1)).
  [[nodiscard]] std::uint32_t first_out(NodeId n) const { return first_out_[n.index()]; }
  [[nodiscard]] std::uint32_t end_out(NodeId n) const { return first_out_[n.index() + 1]; }
  [[nodiscard]] std::span<const Transfer> transfers_at(NodeId n) const {
    return std::span<const Transfer>(transfers_)
        .subspan(transfer_first_[n.index()],
                 transfer_first_[n.index() + 1] - transfer_first_[n.index()]);
  }
  /// The most specific transfer at `n` from `from` to `to` (exact beats wildcard), or nullptr.
  [[nodiscard]] const Transfer* find_transfer(NodeId n, Mode from, Mode to) const;

  /// Corridors a link belongs to (derived from the corridors' node sequences).
  [[nodiscard]] std::span<const CorridorId> corridors_of(LinkId l) const {
    return std::span<const CorridorId>(link_corridors_)
        .subspan(link_corridor_first_[l.index()],
                 link_corridor_first_[l.index() + 1] - link_corridor_first_[l.index()]);
  }

  /// Dense country index of a node (countries are numbered in order of first appearance).
  [[nodiscard]] CountryId country_of(NodeId n) const { return node_country_[n.index()]; }
  [[nodiscard]] std::span<const std::string> countries() const { return countries_; }
  [[nodiscard]] std::optional<CountryId> find_country(std::string_view iso2) const;

  /// Exact look-up by data id.
  [[nodiscard]] std::optional<NodeId> find_node_id(std::string_view id) const;
  [[nodiscard]] std::optional<LinkId> find_link_id(std::string_view id) const;
  [[nodiscard]] std::optional<CorridorId> find_corridor_id(std::string_view id) const;

  /// The line a link follows; its `points` are empty when only its ends are known (a straight,
  /// schematic line). Output only: no search reads it.
  [[nodiscard]] const LinkGeometry& geometry(LinkId l) const {
    static const LinkGeometry kNone;
    return geometry_.empty() ? kNone : geometry_[l.index()];
  }
  /// Whether any link has a polyline.
  [[nodiscard]] bool has_geometry() const { return !geometry_.empty(); }
  /// The points to draw link `l` with, from `from` to `to` (reversed when `reversed`): its
  /// polyline, or the two node positions.
  [[nodiscard]] std::vector<LatLon> drawn_points(LinkId l, bool reversed = false) const;

  /// True when traversing `a` crosses a national border.
  [[nodiscard]] bool crosses_border(const Arc& a) const {
    return country_of(a.tail) != country_of(a.head);
  }

private:
  friend class NetworkBuilder;
  std::vector<Node> nodes_;
  std::vector<Link> links_;
  std::vector<LinkGeometry> geometry_; ///< empty, or one per link
  std::vector<Arc> arcs_;
  std::vector<std::uint32_t> first_out_;
  std::vector<Transfer> transfers_;
  std::vector<std::uint32_t> transfer_first_;
  std::vector<BorderCrossing> borders_;
  std::vector<Corridor> corridors_;
  std::vector<std::uint32_t> link_corridor_first_;
  std::vector<CorridorId> link_corridors_;
  std::vector<CountryId> node_country_;
  std::vector<std::string> countries_;
  std::unordered_map<std::string, NodeId> node_by_id_;
  std::unordered_map<std::string, LinkId> link_by_id_;
  std::unordered_map<std::string, CorridorId> corridor_by_id_;
};

/// Collects nodes, links, transfers, border crossings and corridors, checks them, and builds the
/// immutable Network. Throws NetworkError on inconsistent input (readers check first so that they
/// can name the file and line).
class NetworkBuilder {
public:
  NodeId add_node(Node n);
  LinkId add_link(Link l);
  /// Gives link `l` its polyline (at least two finite points). Throws NetworkError.
  void set_geometry(LinkId l, LinkGeometry g);
  void add_transfer(Transfer t);
  void add_border(BorderCrossing b);
  CorridorId add_corridor(Corridor c);

  [[nodiscard]] std::optional<NodeId> find_node_id(std::string_view id) const;
  [[nodiscard]] bool has_link_id(std::string_view id) const {
    return link_ids_.contains(std::string(id));
  }
  [[nodiscard]] std::optional<LinkId> find_link_id(std::string_view id) const {
    auto it = link_ids_.find(std::string(id));
    return it == link_ids_.end() ? std::nullopt : std::optional<LinkId>(it->second);
  }
  [[nodiscard]] bool has_corridor_id(std::string_view id) const {
    return corridor_ids_.contains(std::string(id));
  }
  [[nodiscard]] std::size_t node_count() const { return nodes_.size(); }
  [[nodiscard]] const Node& node(NodeId n) const { return nodes_[n.index()]; }
  /// Whether a link (of `mode`, if given) can be traversed from `from` to `to`.
  [[nodiscard]] bool has_arc(NodeId from, NodeId to, std::optional<Mode> mode) const;

  /// Starts a builder from an existing network (for scenario edits).
  static NetworkBuilder from(const Network& net);

  [[nodiscard]] Network build() &&;

private:
  std::vector<Node> nodes_;
  std::vector<Link> links_;
  std::vector<LinkGeometry> geometry_; ///< grows with set_geometry
  std::vector<Transfer> transfers_;
  std::vector<BorderCrossing> borders_;
  std::vector<Corridor> corridors_;
  std::unordered_map<std::string, NodeId> node_ids_;
  std::unordered_map<std::string, LinkId> link_ids_;
  std::unordered_map<std::string, CorridorId> corridor_ids_;
};

} // namespace caravan
