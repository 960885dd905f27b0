// The network as GeoJSON (served at /network.geojson): nodes and links with their real lines.
#include "report/network_geojson.hpp"

#include "report/route_output.hpp"

namespace caravan::report {

using json = nlohmann::ordered_json;

json network_to_geojson(const Network& net) {
  json features = json::array();
  for (std::size_t i = 0; i < net.node_count(); ++i) {
    const Node& n = net.node(NodeId(static_cast<std::uint32_t>(i)));
    json props{{"kind", "node"},
               {"id", n.id},
               {"name", n.name},
               {"country", n.country},
               {"node_kind", std::string(to_string(n.kind))},
               {"centre", n.centre == CentreRank::none ? json(nullptr)
                                                       : json(std::string(to_string(n.centre)))},
               {"region", n.region},
               {"aliases", n.aliases}};
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Point"}, {"coordinates", {n.pos.lon, n.pos.lat}}}},
                        {"properties", props}});
  }
  for (std::size_t i = 0; i < net.link_count(); ++i) {
    const LinkId id(static_cast<std::uint32_t>(i));
    const Link& l = net.link(id);
    json corridors = json::array();
    for (CorridorId c : net.corridors_of(id)) corridors.push_back(net.corridor(c).name);
    const Node& a = net.node(l.from);
    const Node& b = net.node(l.to);
    json props{{"kind", "link"},
               {"id", l.id},
               {"from", a.id},
               {"to", b.id},
               {"mode", std::string(to_string(l.mode))},
               {"status", std::string(to_string(l.status))},
               {"open_year", l.open_year == 0 ? json(nullptr) : json(l.open_year)},
               {"km", round_to(l.length.value(), 1)},
               {"hours", round_to(l.duration.typical.value(), 2)},
               {"usd", round_to(l.cost_per_teu.value(), 2)},
               {"oneway", l.oneway},
               {"corridors", corridors},
               {"geometry_source", std::string(to_string(net.geometry(id).source))},
               {"schematic", net.geometry(id).source == GeometrySource::schematic}};
    features.push_back(
        {{"type", "Feature"},
         {"geometry",
          {{"type", "LineString"}, {"coordinates", coordinates_json(net.drawn_points(id))}}},
         {"properties", props}});
  }
  json corridors = json::array();
  for (const Corridor& c : net.corridors())
    corridors.push_back({{"id", c.id}, {"name", c.name}, {"description", c.description}});
  json countries = json::array();
  for (const auto& c : net.countries()) countries.push_back(c);
  return json{{"type", "FeatureCollection"},
              {"properties", {{"corridors", corridors}, {"countries", countries}}},
              {"features", features}};
}

} // namespace caravan::report
