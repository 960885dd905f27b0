// Converts parsed TNTP networks and trip tables into assign::Network and assign::Demand.
#include "formats/tntp_assign.hpp"

#include <set>
#include <utility>

namespace caravan::tntp {

AssignmentInput to_assignment(const Net& net, const Trips& trips, const CostWeights& weights,
                              bool drop_duplicates) {
  if (trips.zones > net.zones)
    throw TntpError("trips", 0, "NUMBER OF ZONES",
                    "the trip table has " + std::to_string(trips.zones) +
                        " zones, the network only " + std::to_string(net.zones));
  const double tf = weights.toll_factor.value_or(net.toll_factor);
  const double df = weights.distance_factor.value_or(net.distance_factor);
  std::vector<assign::LinkSpec> specs;
  specs.reserve(net.links.size());
  std::vector<std::uint32_t> spec_of(net.links.size(), assign::kNone);
  std::set<std::pair<std::int64_t, std::int64_t>> seen;
  std::size_t dropped = 0;
  for (std::size_t i = 0; i < net.links.size(); ++i) {
    const NetLink& l = net.links[i];
    if (drop_duplicates && !seen.emplace(l.tail, l.head).second) {
      ++dropped;
      continue;
    }
    assign::LinkSpec s;
    s.tail = static_cast<assign::NodeIndex>(l.tail - 1);
    s.head = static_cast<assign::NodeIndex>(l.head - 1);
    s.free_flow_time = l.free_flow_time;
    s.capacity = l.capacity;
    s.alpha = l.b;
    s.power = l.power;
    s.fixed_cost = tf * l.toll + df * l.length;
    spec_of[i] = static_cast<std::uint32_t>(specs.size());
    specs.push_back(s);
  }
  std::vector<assign::Demand::Entry> entries;
  entries.reserve(trips.entries.size());
  for (const OdEntry& e : trips.entries)
    entries.push_back({static_cast<assign::NodeIndex>(e.origin - 1),
                       static_cast<assign::NodeIndex>(e.destination - 1), e.flow});
  const auto first_thru = static_cast<std::uint32_t>(net.first_thru_node - 1);
  AssignmentInput in{
      assign::Network::build(static_cast<std::uint32_t>(net.nodes),
                             static_cast<std::uint32_t>(net.zones), first_thru, specs),
      assign::Demand::build(static_cast<std::uint32_t>(net.zones), std::move(entries)),
      std::move(spec_of),
      dropped,
      tf,
      df};
  return in;
}

AssignmentInput load_assignment(const std::filesystem::path& dir_and_name,
                                const CostWeights& weights, bool drop_duplicates) {
  const Paths p = paths_for(dir_and_name);
  const Net net = read_net_file(p.net);
  const Trips trips = read_trips_file(p.trips);
  if (trips.zones > net.zones)
    throw TntpError(p.trips.string(), 1, "NUMBER OF ZONES",
                    "the trip table has " + std::to_string(trips.zones) +
                        " zones, the network only " + std::to_string(net.zones));
  return to_assignment(net, trips, weights, drop_duplicates);
}

} // namespace caravan::tntp
