// Line matching: snap both ends per connected set of lines, contract the lines between junctions
// and snapped vertices, Dijkstra in metres, expand the path back to every vertex.
#include "analysis/line_matching.hpp"

#include "core/polyline.hpp"
#include "graph/dijkstra.hpp"
#include "graph/graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace caravan {

std::string_view to_string(LineMatchFailure f) {
  switch (f) {
  case LineMatchFailure::none:
    return "matched";
  case LineMatchFailure::from_too_far:
    return "from_too_far";
  case LineMatchFailure::to_too_far:
    return "to_too_far";
  case LineMatchFailure::not_joined:
    return "not_joined";
  case LineMatchFailure::same_point:
    return "same_point";
  }
  return "?";
}

std::string_view describe(LineMatchFailure f) {
  switch (f) {
  case LineMatchFailure::none:
    return "matched";
  case LineMatchFailure::from_too_far:
    return "no line within the snap distance of the from node";
  case LineMatchFailure::to_too_far:
    return "no line within the snap distance of the to node";
  case LineMatchFailure::not_joined:
    return "the lines near the two nodes do not join";
  case LineMatchFailure::same_point:
    return "both nodes snap to the same point of the line";
  }
  return "?";
}

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFU;
constexpr double kKmPerDegree = kEarthRadiusKm * 3.14159265358979323846 / 180.0;

/// Undirected adjacency of the line vertices (CSR): entry = (neighbour, segment).
struct Adjacency {
  std::vector<std::uint32_t> first; ///< size n + 1
  std::vector<std::uint32_t> next;  ///< neighbour vertex
  std::vector<std::uint32_t> seg;   ///< segment index
  [[nodiscard]] std::uint32_t degree(std::uint32_t v) const { return first[v + 1] - first[v]; }
};

Adjacency build_adjacency(const LineGraph& g) {
  const auto n = static_cast<std::uint32_t>(g.vertices.size());
  Adjacency a;
  a.first.assign(n + 1, 0);
  for (const auto& s : g.segments) {
    if (s[0] >= n || s[1] >= n)
      throw std::invalid_argument("line graph: a segment names a vertex that does not exist");
    if (s[0] == s[1]) continue;
    ++a.first[s[0] + 1];
    ++a.first[s[1] + 1];
  }
  for (std::uint32_t v = 0; v < n; ++v) a.first[v + 1] += a.first[v];
  a.next.resize(a.first[n]);
  a.seg.resize(a.first[n]);
  std::vector<std::uint32_t> fill(a.first.begin(), a.first.end() - 1);
  for (std::uint32_t i = 0; i < g.segments.size(); ++i) {
    const auto [u, v] = g.segments[i];
    if (u == v) continue;
    a.next[fill[u]] = v;
    a.seg[fill[u]++] = i;
    a.next[fill[v]] = u;
    a.seg[fill[v]++] = i;
  }
  return a;
}

/// Connected component of every vertex (union-find, then flattened).
std::vector<std::uint32_t> components(const LineGraph& g) {
  std::vector<std::uint32_t> parent(g.vertices.size());
  std::iota(parent.begin(), parent.end(), 0U);
  auto find = [&](std::uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const auto& s : g.segments) {
    const std::uint32_t a = find(s[0]), b = find(s[1]);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  for (std::uint32_t v = 0; v < parent.size(); ++v) parent[v] = find(v);
  return parent;
}

/// A grid over the vertices that lie on a segment, for nearest-vertex queries within a radius.
class VertexGrid {
public:
  VertexGrid(const LineGraph& g, const Adjacency& adj, double cell_deg) : cell_(cell_deg) {
    for (std::uint32_t v = 0; v < g.vertices.size(); ++v) {
      if (adj.degree(v) == 0) continue;
      entries_.push_back({key(row(g.vertices[v].lat), col(g.vertices[v].lon)), v});
    }
    std::sort(entries_.begin(), entries_.end());
  }

  /// Calls f(vertex) for every vertex within roughly `radius_km` of p (a superset).
  template <class F> void near(LatLon p, double radius_km, F&& f) const {
    const double dlat = radius_km / kKmPerDegree;
    const double coslat = std::max(0.01, std::cos(p.lat * 3.14159265358979323846 / 180.0));
    const double dlon = std::min(180.0, dlat / coslat);
    for (std::int64_t r = row(p.lat - dlat); r <= row(p.lat + dlat); ++r) {
      for (std::int64_t c = col(p.lon - dlon); c <= col(p.lon + dlon); ++c) {
        const auto lo = std::lower_bound(entries_.begin(), entries_.end(), Entry{key(r, c), 0});
        for (auto it = lo; it != entries_.end() && it->key == key(r, c); ++it) f(it->vertex);
      }
    }
  }

private:
  struct Entry {
    std::int64_t key;
    std::uint32_t vertex;
    friend bool operator<(const Entry& a, const Entry& b) {
      return a.key != b.key ? a.key < b.key : a.vertex < b.vertex;
    }
  };
  [[nodiscard]] std::int64_t row(double lat) const {
    return static_cast<std::int64_t>(std::floor(lat / cell_));
  }
  [[nodiscard]] std::int64_t col(double lon) const {
    return static_cast<std::int64_t>(std::floor(lon / cell_));
  }
  static std::int64_t key(std::int64_t r, std::int64_t c) { return r * (1LL << 32) + c; }

  double cell_;
  std::vector<Entry> entries_;
};

struct Candidate {
  std::uint32_t component;
  std::uint32_t vertex;
  double km;
};

/// The nearest vertex within `snap_km` of p, one per connected set of lines.
std::vector<Candidate> candidates(const LineGraph& g, const VertexGrid& grid,
                                  const std::vector<std::uint32_t>& comp, LatLon p,
                                  double snap_km) {
  std::vector<Candidate> out;
  grid.near(p, snap_km, [&](std::uint32_t v) {
    const double d = great_circle(p, g.vertices[v]).value();
    if (d > snap_km) return;
    for (Candidate& c : out) {
      if (c.component != comp[v]) continue;
      if (d < c.km || (d == c.km && v < c.vertex)) c = {comp[v], v, d};
      return;
    }
    out.push_back({comp[v], v, d});
  });
  return out;
}

} // namespace

std::vector<LineMatch> match_lines(const LineGraph& lines, std::span<const LineEnds> requests,
                                   const LineMatchOptions& options) {
  std::vector<LineMatch> out(requests.size());
  const Adjacency adj = build_adjacency(lines);
  const std::vector<std::uint32_t> comp = components(lines);
  const double snap_km = std::max(0.0, options.snap.value());
  const VertexGrid grid(lines, adj, std::clamp(snap_km / kKmPerDegree, 0.002, 1.0));

  // Snap both ends of every request, on one joined set of lines.
  std::vector<std::array<std::uint32_t, 2>> snapped(requests.size(), {kNone, kNone});
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto a = candidates(lines, grid, comp, requests[i].from, snap_km);
    const auto b = candidates(lines, grid, comp, requests[i].to, snap_km);
    LineMatch& m = out[i];
    if (a.empty()) {
      m.failure = LineMatchFailure::from_too_far;
      continue;
    }
    if (b.empty()) {
      m.failure = LineMatchFailure::to_too_far;
      continue;
    }
    double best = std::numeric_limits<double>::infinity();
    for (const Candidate& ca : a) {
      for (const Candidate& cb : b) {
        if (ca.component != cb.component || ca.km + cb.km >= best) continue;
        best = ca.km + cb.km;
        snapped[i] = {ca.vertex, cb.vertex};
        m.snap_from = Km(ca.km);
        m.snap_to = Km(cb.km);
      }
    }
    if (snapped[i][0] == kNone) {
      m.failure = LineMatchFailure::not_joined;
    } else if (snapped[i][0] == snapped[i][1]) {
      m.failure = LineMatchFailure::same_point;
    }
  }

  // Contract the lines: graph nodes are the junctions (degree other than 2) and the snapped
  // vertices; each chain of vertices between two of them is one edge, in metres.
  const auto n = static_cast<std::uint32_t>(lines.vertices.size());
  std::vector<std::uint32_t> dense(n, kNone);
  std::uint32_t nodes = 0;
  std::vector<std::uint8_t> snapped_vertex(n, 0);
  for (const auto& s : snapped)
    for (std::uint32_t v : s)
      if (v != kNone) snapped_vertex[v] = 1;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (adj.degree(v) == 0) continue;
    if (adj.degree(v) != 2 || snapped_vertex[v] != 0) dense[v] = nodes++;
  }
  std::vector<std::uint32_t> chain_first{0}; // chain c's vertices: chain_vertices[first[c]..]
  std::vector<std::uint32_t> chain_vertices;
  std::vector<double> chain_m;
  std::unordered_map<std::uint64_t, std::uint32_t> best_chain; // (low node, high node) -> chain
  std::vector<graph::Arc> arcs;
  for (std::uint32_t j = 0; j < n; ++j) {
    if (dense[j] == kNone) continue;
    for (std::uint32_t e = adj.first[j]; e < adj.first[j + 1]; ++e) {
      // Walk from junction j along entry e to the next junction.
      const std::size_t start = chain_vertices.size();
      chain_vertices.push_back(j);
      std::uint32_t cur = adj.next[e], via = adj.seg[e];
      double metres = great_circle(lines.vertices[j], lines.vertices[cur]).value() * 1000.0;
      while (dense[cur] == kNone) {
        chain_vertices.push_back(cur);
        const std::uint32_t k = adj.first[cur];
        const std::uint32_t out_entry = adj.seg[k] == via ? k + 1 : k;
        const std::uint32_t nxt = adj.next[out_entry];
        metres += great_circle(lines.vertices[cur], lines.vertices[nxt]).value() * 1000.0;
        via = adj.seg[out_entry];
        cur = nxt;
      }
      chain_vertices.push_back(cur);
      // Keep each chain once (from its lower end); loops back to j never shorten a path.
      if (dense[cur] <= dense[j]) {
        chain_vertices.resize(start);
        continue;
      }
      const auto c = static_cast<std::uint32_t>(chain_m.size());
      chain_m.push_back(metres);
      chain_first.push_back(static_cast<std::uint32_t>(chain_vertices.size()));
      const std::uint64_t key = (std::uint64_t{dense[j]} << 32) | dense[cur];
      const auto [it, inserted] = best_chain.emplace(key, c);
      if (!inserted && metres < chain_m[it->second]) it->second = c;
      const auto w = static_cast<graph::Weight>(std::llround(metres));
      arcs.push_back({dense[j], dense[cur], w});
      arcs.push_back({dense[cur], dense[j], w});
    }
  }
  const graph::Graph g = graph::build_graph(nodes, std::move(arcs), graph::WeightUnit::metre);

  graph::DijkstraQuery query(g);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    LineMatch& m = out[i];
    if (m.matched()) {
      const NodeId s(dense[snapped[i][0]]), t(dense[snapped[i][1]]);
      if (query.distance(s, t) == graph::kInfWeight) {
        m.failure = LineMatchFailure::not_joined; // not reached: the ends are on one component
      } else {
        const std::vector<NodeId> path = query.path_to(t);
        m.points.push_back(lines.vertices[snapped[i][0]]);
        for (std::size_t k = 1; k < path.size(); ++k) {
          const std::uint32_t a = path[k - 1].index(), b = path[k].index();
          const std::uint32_t c =
              best_chain.at((std::uint64_t{std::min(a, b)} << 32) | std::max(a, b));
          const std::uint32_t lo = chain_first[c], hi = chain_first[c + 1];
          // The chain runs from its lower node to its higher one; skip the shared first vertex.
          if (a < b) {
            for (std::uint32_t q = lo + 1; q < hi; ++q)
              m.points.push_back(lines.vertices[chain_vertices[q]]);
          } else {
            for (std::uint32_t q = hi - 1; q-- > lo;)
              m.points.push_back(lines.vertices[chain_vertices[q]]);
          }
        }
        m.length = polyline_length(m.points);
      }
    }
    if (!m.matched()) {
      m.points.clear();
      m.length = Km(0.0);
    }
    if (options.progress) options.progress(i + 1, requests.size());
  }
  return out;
}

std::vector<LinkRemeasure> remeasure_links(const Network& net, const LineGraph& rail_lines,
                                           const LineGraph& road_lines,
                                           const RemeasureOptions& options) {
  std::vector<LinkRemeasure> out;
  std::vector<LineEnds> rail_ends, road_ends;
  std::vector<std::size_t> rail_rows, road_rows;
  for (std::uint32_t i = 0; i < net.link_count(); ++i) {
    const Link& l = net.link(LinkId(i));
    const bool rail = is_rail(l.mode);
    if (rail ? !options.rail : (l.mode != Mode::road || !options.road)) continue;
    LinkRemeasure r;
    r.link = LinkId(i);
    r.source = rail ? GeometrySource::osm_track : GeometrySource::osm_road;
    r.sourced = l.length;
    (rail ? rail_rows : road_rows).push_back(out.size());
    (rail ? rail_ends : road_ends).push_back({net.node(l.from).pos, net.node(l.to).pos});
    out.push_back(std::move(r));
  }
  const std::size_t total = out.size();
  std::size_t done_before = 0;
  auto run = [&](const LineGraph& lines, const std::vector<LineEnds>& ends,
                 const std::vector<std::size_t>& rows) {
    LineMatchOptions mo;
    mo.snap = options.snap;
    if (options.progress)
      mo.progress = [&](std::size_t done, std::size_t) {
        options.progress(done_before + done, total);
      };
    std::vector<LineMatch> matches = match_lines(lines, ends, mo);
    for (std::size_t k = 0; k < rows.size(); ++k) out[rows[k]].match = std::move(matches[k]);
    done_before += rows.size();
  };
  if (!rail_rows.empty()) run(rail_lines, rail_ends, rail_rows);
  if (!road_rows.empty()) run(road_lines, road_ends, road_rows);
  for (LinkRemeasure& r : out) {
    if (!r.match.matched() || r.sourced.value() <= 0) continue;
    r.difference_percent = (r.match.length.value() - r.sourced.value()) / r.sourced.value() * 100;
    r.flagged = std::abs(r.difference_percent) > options.flag_percent;
  }
  return out;
}

} // namespace caravan
