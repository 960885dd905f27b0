// Fuzz target: the TNTP readers (_net, _trips, _flow, _node and the _net road graph; the first
// byte picks which); an accepted _net file must also build the assignment network.
#include "targets.hpp"

#include "assign/network.hpp"
#include "formats/parse_error.hpp"
#include "formats/tntp.hpp"
#include "formats/tntp_assign.hpp"
#include "formats/tntp_graph.hpp"

#include <sstream>

namespace caravan::fuzz {

Outcome tntp(std::string_view data) {
  if (data.empty() || declared_count(data, "NODES>") > kMaxDeclaredNodes) return {};
  std::istringstream in{std::string(data.substr(1))};
  try {
    switch (static_cast<unsigned char>(data[0]) % 5) {
    case 0: {
      const tntp::Net net = tntp::read_net(in, "fuzz_net.tntp");
      check(net.nodes > 0 && net.zones >= 0 && net.zones <= net.nodes, "bad node/zone counts");
      for (const auto& l : net.links)
        check(l.tail >= 1 && l.tail <= net.nodes && l.head >= 1 && l.head <= net.nodes,
              "link endpoint outside 1..nodes");
      const tntp::AssignmentInput a = tntp::to_assignment(net, tntp::Trips{});
      check(a.network.num_nodes() == static_cast<std::uint32_t>(net.nodes),
            "assignment network has another node count");
      break;
    }
    case 1: {
      const tntp::Trips t = tntp::read_trips(in, "fuzz_trips.tntp");
      for (const auto& e : t.entries)
        check(e.origin >= 1 && e.origin <= t.zones && e.destination >= 1 &&
                  e.destination <= t.zones && e.flow >= 0.0,
              "trip entry outside the zones or negative");
      break;
    }
    case 2:
      (void)tntp::read_flows(in, "fuzz_flow.tntp");
      break;
    case 3:
      (void)tntp::read_nodes(in, "fuzz_node.tntp");
      break;
    default: {
      const graph::Graph g = formats::read_tntp_graph(in, "fuzz_net.tntp");
      for (std::uint32_t h : g.head) check(h < g.node_count(), "arc head outside the graph");
      break;
    }
    }
  } catch (const tntp::TntpError& e) {
    return {false, e.what()};
  } catch (const formats::ParseError& e) {
    return {false, e.what()};
  } catch (const assign::AssignError& e) {
    return {false, e.what()};
  }
  return {true, {}};
}

} // namespace caravan::fuzz
