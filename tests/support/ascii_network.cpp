// Builds a Network from an ASCII map and link tables for feature tests.
#include "support/ascii_network.hpp"

#include <cmath>
#include <stdexcept>

namespace caravan::testing {

Network build_map_network(const MapSpec& spec) {
  NetworkBuilder b;
  std::map<char, std::pair<int, int>> pos;
  int row = 0, col = 0;
  for (char c : spec.map) {
    if (c == '\n') {
      ++row;
      col = 0;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      if (pos.contains(c)) throw std::invalid_argument(std::string("letter drawn twice: ") + c);
      pos[c] = {row, col};
    }
    ++col;
  }
  std::map<char, NodeId> ids;
  for (const auto& [c, rc] : pos) {
    Node n;
    n.id = std::string(1, c);
    n.name = n.id;
    auto it = spec.countries.find(c);
    n.country = it == spec.countries.end() ? "KZ" : it->second;
    n.pos = {45.0 - rc.first * spec.grid_km / 111.0, 60.0 + rc.second * spec.grid_km / 111.0};
    n.kind = NodeKind::junction;
    ids[c] = b.add_node(n);
  }
  auto node = [&](char c) {
    auto it = ids.find(c);
    if (it == ids.end()) throw std::invalid_argument(std::string("letter not on the map: ") + c);
    return it->second;
  };
  int link_no = 0;
  for (const MapLink& ml : spec.links) {
    for (std::size_t i = 0; i + 1 < ml.nodes.size(); ++i) {
      const char a = ml.nodes[i], c = ml.nodes[i + 1];
      Link l;
      l.id = std::string(1, a) + c + "_" + std::to_string(link_no++);
      l.from = node(a);
      l.to = node(c);
      l.mode = *parse_mode(ml.mode);
      const auto [ra, ca] = pos.at(a);
      const auto [rb, cb] = pos.at(c);
      const double grid = std::hypot(ra - rb, ca - cb) * spec.grid_km;
      l.length = Km(ml.km.value_or(grid));
      l.duration = HoursRange::exactly(l.length / KmPerHour{ml.speed_kmh});
      l.cost_per_teu = Usd(ml.usd_per_teu + ml.usd_per_teu_km * l.length.value());
      l.co2_intensity = GramsCo2PerTonneKm{ml.co2_g_per_tkm};
      l.oneway = ml.oneway;
      l.status = *parse_link_status(ml.status);
      l.open_year = ml.open_year;
      l.capacity = ml.capacity;
      if (!ml.capacity_unit.empty()) l.capacity_unit = *parse_capacity_unit(ml.capacity_unit);
      b.add_link(l);
    }
  }
  auto mode_or_any = [](const std::string& s) -> std::optional<Mode> {
    if (s == "*") return std::nullopt;
    return *parse_mode(s);
  };
  for (const MapTransfer& t : spec.transfers)
    b.add_transfer(Transfer{node(t.node), mode_or_any(t.from_mode), mode_or_any(t.to_mode),
                            HoursRange::exactly(Hours(t.hours)), Usd(t.usd), ""});
  for (const MapBorder& x : spec.borders)
    b.add_border(BorderCrossing{node(x.from_to[0]), node(x.from_to[1]), std::nullopt,
                                HoursRange::exactly(Hours(x.hours)), Usd(x.usd), ""});
  for (const MapCorridor& mc : spec.corridors) {
    Corridor c;
    c.id = mc.id;
    c.name = mc.id;
    for (char ch : mc.nodes) c.nodes.push_back(node(ch));
    b.add_corridor(c);
  }
  return std::move(b).build();
}

} // namespace caravan::testing
