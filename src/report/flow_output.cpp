// Link flows of a freight assignment as GeoJSON.
#include "report/flow_output.hpp"

#include "core/polyline.hpp"
#include "report/route_output.hpp"

namespace caravan::report {

using json = nlohmann::ordered_json;

json flows_to_geojson(const Network& net, const freight::FreightResult& r,
                      const GeometryOptions& geometry) {
  json features = json::array();
  for (const freight::ArcLoad& l : r.loads) {
    const Arc& a = net.arc(l.arc);
    const Link& k = net.link(a.link);
    std::vector<LatLon> pts = net.drawn_points(a.link, a.tail != k.from);
    if (geometry.simplify.value() > 0) pts = simplify(pts, geometry.simplify);
    json props{
        {"kind", "flow"},
        {"link", k.id},
        {"from", net.node(a.tail).id},
        {"to", net.node(a.head).id},
        {"mode", std::string(to_string(k.mode))},
        {"km", round_to(k.length.value(), 1)},
        {"teu_per_day", round_to(l.teu_per_day, 3)},
        {"teu_per_year", round_to(l.teu_per_day * 365.0, 1)},
        {"capacity_teu_per_day",
         l.capacity_teu_per_day > 0 ? json(round_to(l.capacity_teu_per_day, 2)) : json()},
        {"flow_over_capacity", l.capacity_teu_per_day > 0 ? json(round_to(l.ratio(), 4)) : json()},
        {"free_flow_h", round_to(l.free_flow_hours, 2)},
        {"congested_h", round_to(l.congested_hours, 2)},
        {"geometry_source", std::string(to_string(net.geometry(a.link).source))}};
    features.push_back(
        {{"type", "Feature"},
         {"geometry", {{"type", "LineString"}, {"coordinates", coordinates_json(pts)}}},
         {"properties", props}});
  }
  return json{{"type", "FeatureCollection"},
              {"properties",
               {{"kind", "freight_flows"},
                {"demand_teu_per_day", round_to(r.total_teu_per_day, 3)},
                {"relative_gap", r.solution.relative_gap}}},
              {"features", features}};
}

} // namespace caravan::report
