// Route lines from link geometry: sections by geometry source, joined in travel order.
#include "report/route_geometry.hpp"

#include "core/polyline.hpp"

#include <cmath>

namespace caravan::report {

namespace {

double round5(double v) {
  return std::round(v * 1e5) / 1e5;
}

void append(std::vector<LatLon>& to, const std::vector<LatLon>& pts) {
  std::size_t k = 0;
  if (!to.empty() && !pts.empty() && to.back().lat == pts.front().lat &&
      to.back().lon == pts.front().lon)
    k = 1;
  to.insert(to.end(), pts.begin() + static_cast<std::ptrdiff_t>(k), pts.end());
}

} // namespace

std::vector<GeometrySection> arc_sections(const Network& net, std::span<const ArcId> arcs,
                                          const GeometryOptions& opt) {
  std::vector<GeometrySection> out;
  for (ArcId a : arcs) {
    const Arc& arc = net.arc(a);
    const Link& link = net.link(arc.link);
    const GeometrySource src = net.geometry(arc.link).source;
    if (out.empty() || out.back().source != src) out.push_back(GeometrySection{src, 0.0, {}, {}});
    GeometrySection& s = out.back();
    s.km += link.length.value();
    s.links.push_back(arc.link);
    std::vector<LatLon> pts = net.drawn_points(arc.link, arc.tail != link.from);
    if (opt.simplify.value() > 0) pts = simplify(pts, opt.simplify);
    append(s.points, pts);
  }
  return out;
}

std::vector<LatLon> join_sections(const std::vector<GeometrySection>& sections) {
  std::vector<LatLon> out;
  for (const GeometrySection& s : sections) append(out, s.points);
  return out;
}

nlohmann::ordered_json coordinates_json(std::span<const LatLon> points) {
  nlohmann::ordered_json c = nlohmann::ordered_json::array();
  for (const LatLon& p : points) c.push_back({round5(p.lon), round5(p.lat)});
  return c;
}

std::string sections_source(const std::vector<GeometrySection>& sections) {
  if (sections.empty()) return std::string(to_string(GeometrySource::schematic));
  for (const GeometrySection& s : sections)
    if (s.source != sections.front().source) return "mixed";
  return std::string(to_string(sections.front().source));
}

nlohmann::ordered_json sections_km(const std::vector<GeometrySection>& sections) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (GeometrySource src : kAllGeometrySources) {
    double km = 0;
    for (const GeometrySection& s : sections)
      if (s.source == src) km += s.km;
    if (km > 0) j[std::string(to_string(src))] = std::round(km * 10) / 10;
  }
  return j;
}

std::vector<LatLon> route_points(const Network& net, const Route& r, const GeometryOptions& opt) {
  std::vector<LatLon> out;
  for (const Leg& leg : r.legs) append(out, join_sections(arc_sections(net, leg.arcs, opt)));
  if (out.empty()) out = {net.node(r.from).pos, net.node(r.to).pos};
  return out;
}

} // namespace caravan::report
