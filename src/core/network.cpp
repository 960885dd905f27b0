// Building the immutable Network: CSR arcs, transfers by node, border charges, corridor membership.
#include "core/network.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace caravan {

namespace {
constexpr std::array<std::string_view, 6> kNodeKindNames{"city",    "rail_terminal", "dry_port",
                                                         "seaport", "border",        "junction"};
constexpr std::array<std::string_view, 3> kCentreNames{"", "republican_city", "region_centre"};
constexpr std::array<std::string_view, 3> kStatusNames{"existing", "under_construction", "planned"};
constexpr std::array<std::string_view, 5> kCapacityUnitNames{
    "", "trains_per_day", "teu_per_day", "vehicles_per_hour", "tonnes_per_year"};

template <class E, std::size_t N>
std::optional<E> parse_enum(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

void check_range(const HoursRange& r, const std::string& what) {
  if (!(r.low.value() >= 0.0 && r.low <= r.typical && r.typical <= r.high))
    throw NetworkError(what + ": duration range must satisfy 0 <= low <= typical <= high");
}
} // namespace

std::string_view to_string(NodeKind k) {
  return kNodeKindNames[static_cast<std::size_t>(k)];
}
std::string_view to_string(CentreRank r) {
  return kCentreNames[static_cast<std::size_t>(r)];
}
std::optional<CentreRank> parse_centre_rank(std::string_view s) {
  return parse_enum<CentreRank>(kCentreNames, s);
}
std::optional<NodeKind> parse_node_kind(std::string_view s) {
  return parse_enum<NodeKind>(kNodeKindNames, s);
}
std::string_view to_string(LinkStatus s) {
  return kStatusNames[static_cast<std::size_t>(s)];
}
std::optional<LinkStatus> parse_link_status(std::string_view s) {
  return parse_enum<LinkStatus>(kStatusNames, s);
}
std::string_view to_string(CapacityUnit u) {
  return kCapacityUnitNames[static_cast<std::size_t>(u)];
}
std::optional<CapacityUnit> parse_capacity_unit(std::string_view s) {
  return parse_enum<CapacityUnit>(kCapacityUnitNames, s);
}

const Transfer* Network::find_transfer(NodeId n, Mode from, Mode to) const {
  const Transfer* best = nullptr;
  int best_score = -1;
  for (const Transfer& t : transfers_at(n)) {
    if (t.from_mode && *t.from_mode != from) continue;
    if (t.to_mode && *t.to_mode != to) continue;
    const int score = (t.from_mode ? 2 : 0) + (t.to_mode ? 1 : 0);
    if (score > best_score) {
      best = &t;
      best_score = score;
    }
  }
  return best;
}

std::optional<CountryId> Network::find_country(std::string_view iso2) const {
  for (std::size_t i = 0; i < countries_.size(); ++i)
    if (countries_[i] == iso2) return CountryId(static_cast<std::uint32_t>(i));
  return std::nullopt;
}

std::optional<NodeId> Network::find_node_id(std::string_view id) const {
  auto it = node_by_id_.find(std::string(id));
  if (it == node_by_id_.end()) return std::nullopt;
  return it->second;
}
std::optional<LinkId> Network::find_link_id(std::string_view id) const {
  auto it = link_by_id_.find(std::string(id));
  if (it == link_by_id_.end()) return std::nullopt;
  return it->second;
}
std::optional<CorridorId> Network::find_corridor_id(std::string_view id) const {
  auto it = corridor_by_id_.find(std::string(id));
  if (it == corridor_by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<LatLon> Network::drawn_points(LinkId l, bool reversed) const {
  const LinkGeometry& g = geometry(l);
  std::vector<LatLon> pts = g.points;
  if (pts.empty()) pts = {node(link(l).from).pos, node(link(l).to).pos};
  if (reversed) std::reverse(pts.begin(), pts.end());
  return pts;
}

NodeId NetworkBuilder::add_node(Node n) {
  if (n.id.empty()) throw NetworkError("node with an empty id");
  const NodeId id(static_cast<std::uint32_t>(nodes_.size()));
  if (!node_ids_.emplace(n.id, id).second) throw NetworkError("duplicate node id '" + n.id + "'");
  nodes_.push_back(std::move(n));
  return id;
}

LinkId NetworkBuilder::add_link(Link l) {
  if (l.id.empty()) throw NetworkError("link with an empty id");
  if (l.from.index() >= nodes_.size() || l.to.index() >= nodes_.size())
    throw NetworkError("link '" + l.id + "' refers to an unknown node");
  if (l.from == l.to) throw NetworkError("link '" + l.id + "' starts and ends at the same node");
  if (!(l.length.value() >= 0.0)) throw NetworkError("link '" + l.id + "' has a negative length");
  if (!(l.cost_per_teu.value() >= 0.0))
    throw NetworkError("link '" + l.id + "' has a negative cost");
  if (!(l.co2_intensity.value >= 0.0))
    throw NetworkError("link '" + l.id + "' has a negative CO2 factor");
  check_range(l.duration, "link '" + l.id + "'");
  const LinkId id(static_cast<std::uint32_t>(links_.size()));
  if (!link_ids_.emplace(l.id, id).second) throw NetworkError("duplicate link id '" + l.id + "'");
  links_.push_back(std::move(l));
  return id;
}

void NetworkBuilder::set_geometry(LinkId l, LinkGeometry g) {
  if (l.index() >= links_.size()) throw NetworkError("geometry for an unknown link");
  const std::string& id = links_[l.index()].id;
  if (g.points.size() < 2) throw NetworkError("geometry of link '" + id + "' has under 2 points");
  for (const LatLon& p : g.points)
    if (!(std::abs(p.lat) <= 90.0 && std::abs(p.lon) <= 180.0))
      throw NetworkError("geometry of link '" + id + "' has a point outside WGS84 ranges");
  if (geometry_.size() < links_.size()) geometry_.resize(links_.size());
  geometry_[l.index()] = std::move(g);
}

void NetworkBuilder::add_transfer(Transfer t) {
  if (t.node.index() >= nodes_.size()) throw NetworkError("transfer at an unknown node");
  check_range(t.duration, "transfer at '" + nodes_[t.node.index()].id + "'");
  if (!(t.cost_per_teu.value() >= 0.0)) throw NetworkError("transfer with a negative cost");
  transfers_.push_back(std::move(t));
}

void NetworkBuilder::add_border(BorderCrossing b) {
  if (b.from.index() >= nodes_.size() || b.to.index() >= nodes_.size())
    throw NetworkError("border crossing refers to an unknown node");
  check_range(b.dwell, "border crossing '" + nodes_[b.from.index()].id + "' -> '" +
                           nodes_[b.to.index()].id + "'");
  if (!(b.cost_per_teu.value() >= 0.0)) throw NetworkError("border crossing with a negative cost");
  borders_.push_back(std::move(b));
}

CorridorId NetworkBuilder::add_corridor(Corridor c) {
  if (c.id.empty()) throw NetworkError("corridor with an empty id");
  for (NodeId n : c.nodes)
    if (n.index() >= nodes_.size())
      throw NetworkError("corridor '" + c.id + "' refers to an unknown node");
  const CorridorId id(static_cast<std::uint32_t>(corridors_.size()));
  if (!corridor_ids_.emplace(c.id, id).second)
    throw NetworkError("duplicate corridor id '" + c.id + "'");
  corridors_.push_back(std::move(c));
  return id;
}

std::optional<NodeId> NetworkBuilder::find_node_id(std::string_view id) const {
  auto it = node_ids_.find(std::string(id));
  if (it == node_ids_.end()) return std::nullopt;
  return it->second;
}

bool NetworkBuilder::has_arc(NodeId from, NodeId to, std::optional<Mode> mode) const {
  for (const Link& l : links_) {
    if (mode && l.mode != *mode) continue;
    if ((l.from == from && l.to == to) || (!l.oneway && l.from == to && l.to == from)) return true;
  }
  return false;
}

NetworkBuilder NetworkBuilder::from(const Network& net) {
  NetworkBuilder b;
  for (const Node& n : net.nodes()) b.add_node(n);
  for (const Link& l : net.links()) {
    const LinkId id = b.add_link(l);
    if (!net.geometry(id).points.empty()) b.set_geometry(id, net.geometry(id));
  }
  for (const Transfer& t : net.transfers()) b.add_transfer(t);
  for (const BorderCrossing& c : net.borders()) b.add_border(c);
  for (const Corridor& c : net.corridors()) b.add_corridor(c);
  return b;
}

Network NetworkBuilder::build() && {
  Network net;
  const auto n = static_cast<std::uint32_t>(nodes_.size());

  // Countries in order of first appearance.
  net.node_country_.reserve(n);
  for (const Node& node : nodes_) {
    auto it = std::find(net.countries_.begin(), net.countries_.end(), node.country);
    if (it == net.countries_.end()) {
      net.countries_.push_back(node.country);
      it = net.countries_.end() - 1;
    }
    net.node_country_.emplace_back(static_cast<std::uint32_t>(it - net.countries_.begin()));
  }

  // Arcs: each link forward, and backward unless one-way; sorted by tail (stable: data order kept).
  std::vector<Arc> arcs;
  arcs.reserve(links_.size() * 2);
  for (std::uint32_t i = 0; i < links_.size(); ++i) {
    const Link& l = links_[i];
    arcs.push_back(Arc{l.from, l.to, LinkId(i), BorderId::invalid()});
    if (!l.oneway) arcs.push_back(Arc{l.to, l.from, LinkId(i), BorderId::invalid()});
  }
  std::stable_sort(arcs.begin(), arcs.end(),
                   [](const Arc& a, const Arc& b) { return a.tail < b.tail; });
  net.first_out_.assign(n + 1, 0);
  for (const Arc& a : arcs) ++net.first_out_[a.tail.index() + 1];
  std::partial_sum(net.first_out_.begin(), net.first_out_.end(), net.first_out_.begin());

  // Border charges attach to the arcs they describe (the most specific match wins).
  for (std::uint32_t bi = 0; bi < borders_.size(); ++bi) {
    const BorderCrossing& b = borders_[bi];
    bool matched = false;
    for (std::uint32_t a = net.first_out_[b.from.index()]; a < net.first_out_[b.from.index() + 1];
         ++a) {
      Arc& arc = arcs[a];
      if (arc.head != b.to) continue;
      const Mode m = links_[arc.link.index()].mode;
      if (b.mode && *b.mode != m) continue;
      if (arc.border.valid() && borders_[arc.border.index()].mode && !b.mode) continue;
      arc.border = BorderId(bi);
      matched = true;
    }
    if (!matched)
      throw NetworkError("border crossing '" + nodes_[b.from.index()].id + "' -> '" +
                         nodes_[b.to.index()].id + "' matches no link in that direction");
  }

  // Transfers grouped by node (stable).
  std::stable_sort(transfers_.begin(), transfers_.end(),
                   [](const Transfer& a, const Transfer& b) { return a.node < b.node; });
  net.transfer_first_.assign(n + 1, 0);
  for (const Transfer& t : transfers_) ++net.transfer_first_[t.node.index() + 1];
  std::partial_sum(net.transfer_first_.begin(), net.transfer_first_.end(),
                   net.transfer_first_.begin());

  // Corridor membership of links: every link joining consecutive corridor nodes.
  std::vector<std::vector<CorridorId>> per_link(links_.size());
  for (std::uint32_t ci = 0; ci < corridors_.size(); ++ci) {
    const auto& seq = corridors_[ci].nodes;
    for (std::size_t k = 0; k + 1 < seq.size(); ++k) {
      for (std::uint32_t a = net.first_out_[seq[k].index()]; a < net.first_out_[seq[k].index() + 1];
           ++a) {
        if (arcs[a].head != seq[k + 1]) continue;
        auto& v = per_link[arcs[a].link.index()];
        if (std::find(v.begin(), v.end(), CorridorId(ci)) == v.end()) v.emplace_back(ci);
      }
    }
  }
  net.link_corridor_first_.assign(links_.size() + 1, 0);
  for (std::size_t l = 0; l < links_.size(); ++l) {
    net.link_corridor_first_[l + 1] =
        net.link_corridor_first_[l] + static_cast<std::uint32_t>(per_link[l].size());
    net.link_corridors_.insert(net.link_corridors_.end(), per_link[l].begin(), per_link[l].end());
  }

  net.nodes_ = std::move(nodes_);
  net.links_ = std::move(links_);
  if (!geometry_.empty()) {
    geometry_.resize(net.links_.size());
    net.geometry_ = std::move(geometry_);
  }
  net.arcs_ = std::move(arcs);
  net.transfers_ = std::move(transfers_);
  net.borders_ = std::move(borders_);
  net.corridors_ = std::move(corridors_);
  net.node_by_id_ = std::move(node_ids_);
  net.link_by_id_ = std::move(link_ids_);
  net.corridor_by_id_ = std::move(corridor_ids_);
  return net;
}

} // namespace caravan
