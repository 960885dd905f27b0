#!/usr/bin/python3
"""Line geometry for the eurasia network's links: OSM railway track, chains of OSM stations, and
the polyline helpers both use. Standard library only.

Used by build_geometry.py; see SOURCES.md ("Geometry") for what each source is and how it is drawn.
"""
import heapq
import json
import math
import os
import struct

R = 6371.0088  # IUGG mean Earth radius in km, as in src/core/geo.hpp


def hav(a, b):
    """Great-circle km between (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * R * math.asin(min(1.0, math.sqrt(h)))


def length_km(points):
    return sum(hav(points[i - 1], points[i]) for i in range(1, len(points)))


def simplify(points, tol_km):
    """Douglas–Peucker on a local equirectangular projection (as src/core/polyline.cpp)."""
    if tol_km <= 0 or len(points) < 3:
        return list(points)
    lat0 = sum(p[0] for p in points) / len(points)
    k = math.cos(math.radians(lat0))
    xy = [(math.radians(p[1]) * k * R, math.radians(p[0]) * R) for p in points]

    def dist(p, a, b):
        dx, dy = b[0] - a[0], b[1] - a[1]
        l2 = dx * dx + dy * dy
        t = 0.0 if l2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2))
        return math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1])

    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        worst, at = -1.0, a
        for i in range(a + 1, b):
            d = dist(xy[i], xy[a], xy[b])
            if d > worst:
                worst, at = d, i
        if worst > tol_km:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, kp in zip(points, keep) if kp]


class Graph:
    """An undirected graph of points (lat, lon) keyed by coordinates rounded to 1e-5 degrees."""

    def __init__(self):
        self.pts = []
        self.adj = []
        self.key = {}
        self.cell = {}  # 0.1-degree grid cell -> vertex ids, for snapping

    def vertex(self, lat, lon):
        k = (round(lat, 5), round(lon, 5))
        v = self.key.get(k)
        if v is None:
            v = self.key[k] = len(self.pts)
            self.pts.append(k)
            self.adj.append([])
            self.cell.setdefault((int(math.floor(k[0] * 10)), int(math.floor(k[1] * 10))), []).append(v)
        return v

    def edge(self, u, v, w=None):
        if u == v:
            return
        w = hav(self.pts[u], self.pts[v]) if w is None else w
        self.adj[u].append((v, w))
        self.adj[v].append((u, w))

    def add_line(self, points):
        prev = None
        for lat, lon in points:
            v = self.vertex(lat, lon)
            if prev is not None:
                self.edge(prev, v)
            prev = v

    def nearest(self, p, limit_km):
        """(vertex, km) of the nearest vertex within limit_km of p, or (None, inf)."""
        r = int(math.ceil(limit_km / 11.0)) + 1  # 0.1 degree is at least ~7 km in lon here, 11 in lat
        r_lon = int(math.ceil(r / max(0.2, math.cos(math.radians(p[0])))))
        ci, cj = int(math.floor(p[0] * 10)), int(math.floor(p[1] * 10))
        best, bd = None, math.inf
        for i in range(ci - r, ci + r + 1):
            for j in range(cj - r_lon, cj + r_lon + 1):
                for v in self.cell.get((i, j), ()):
                    d = hav(p, self.pts[v])
                    if d < bd:
                        best, bd = v, d
        return (best, bd) if bd <= limit_km else (None, math.inf)

    def shortest_path(self, s, t, cost=None):
        """Vertex list s..t minimising the sum of cost(w) (default: w), or None."""
        dist = {s: 0.0}
        pred = {}
        heap = [(0.0, s)]
        while heap:
            d, u = heapq.heappop(heap)
            if u == t:
                break
            if d > dist[u]:
                continue
            for v, w in self.adj[u]:
                nd = d + (w if cost is None else cost(w))
                if nd < dist.get(v, math.inf):
                    dist[v] = nd
                    pred[v] = u
                    heapq.heappush(heap, (nd, v))
        if t not in dist:
            return None
        path = [t]
        while path[-1] != s:
            path.append(pred[path[-1]])
        return path[::-1]


# ---------------------------------------------------------------------------------------------
# OSM railway track (../shared/data/osm-rail): JSON ways [{"id", "type", "geometry": [[lat, lon]]}]
# and the Uzbek ESRI shapefile (Geofabrik fields).
# ---------------------------------------------------------------------------------------------
def json_ways(path, types=("rail",)):
    for w in json.load(open(path, encoding="utf-8")):
        if w.get("type") in types and len(w["geometry"]) >= 2:
            yield [(float(a), float(b)) for a, b in w["geometry"]]


def _dbf_records(path):
    with open(path, "rb") as f:
        head = f.read(32)
        n, hlen, rlen = struct.unpack("<IHH", head[4:12])
        fields = []
        while True:
            d = f.read(32)
            if d[0] == 0x0D:
                break
            fields.append((d[:11].split(b"\0")[0].decode("ascii"), d[16]))
        f.seek(hlen)
        for _ in range(n):
            rec = f.read(rlen)
            pos, row = 1, {}
            for name, size in fields:
                row[name] = rec[pos:pos + size].decode("utf-8", "replace").strip()
                pos += size
            yield row


def shapefile_lines(shp, fclass=("rail",)):
    """PolyLine records (type 3) of an ESRI shapefile in WGS84, as [(lat, lon), ...] per part."""
    prj = open(os.path.splitext(shp)[0] + ".prj", encoding="ascii").read()
    if "WGS_1984" not in prj and "WGS 84" not in prj:
        raise SystemExit(f"{shp}: not in WGS84 ({prj[:60]}...)")
    rows = list(_dbf_records(os.path.splitext(shp)[0] + ".dbf"))
    with open(shp, "rb") as f:
        data = f.read()
    pos, k = 100, 0
    while pos < len(data):
        _, clen = struct.unpack(">II", data[pos:pos + 8])
        rec = data[pos + 8:pos + 8 + 2 * clen]
        pos += 8 + 2 * clen
        row = rows[k] if k < len(rows) else {}
        k += 1
        (stype,) = struct.unpack("<i", rec[:4])
        if stype != 3 or (fclass and row.get("fclass") not in fclass):
            continue
        nparts, npts = struct.unpack("<ii", rec[36:44])
        parts = list(struct.unpack(f"<{nparts}i", rec[44:44 + 4 * nparts])) + [npts]
        xy = struct.unpack(f"<{2 * npts}d", rec[44 + 4 * nparts:44 + 4 * nparts + 16 * npts])
        for a, b in zip(parts, parts[1:]):
            yield [(xy[2 * i + 1], xy[2 * i]) for i in range(a, b)]


def track_graph(lines):
    g = Graph()
    for line in lines:
        g.add_line(line)
    return g


def trace_track(g, a, b, snap_km=3.0):
    """The track between points a and b: (points a..b with the node positions at the ends, measured
    km on the track, snap km at a, snap km at b), or None when either end is too far from track or
    the two are not joined."""
    sa, da = g.nearest(a, snap_km)
    sb, db = g.nearest(b, snap_km)
    if sa is None or sb is None:
        return None
    path = g.shortest_path(sa, sb)
    if path is None:
        return None
    pts = [g.pts[v] for v in path]
    return [tuple(a)] + pts + [tuple(b)], length_km(pts), da, db


# ---------------------------------------------------------------------------------------------
# Chains of OSM stations (../shared/data/osm-stations): a line drawn through the stations of a
# railway in order. Stations within `hop_km` are joined; a path minimises the sum of squared hop
# lengths, so it steps from station to station along the line instead of jumping across country.
# ---------------------------------------------------------------------------------------------
def station_graph(stations, hop_km=45.0, k=8):
    g = Graph()
    ids = [g.vertex(s["lat"], s["lon"]) for s in stations]
    for v in set(ids):
        p = g.pts[v]
        near = []
        r = int(math.ceil(hop_km / 11.0)) + 1
        r_lon = int(math.ceil(r / max(0.2, math.cos(math.radians(p[0])))))
        ci, cj = int(math.floor(p[0] * 10)), int(math.floor(p[1] * 10))
        for i in range(ci - r, ci + r + 1):
            for j in range(cj - r_lon, cj + r_lon + 1):
                for u in g.cell.get((i, j), ()):
                    if u != v:
                        d = hav(p, g.pts[u])
                        if d <= hop_km:
                            near.append((d, u))
        near.sort()
        for d, u in near[:k]:
            if all(x != u for x, _ in g.adj[v]):
                g.edge(v, u, d)
    return g


def trace_stations(g, a, b, via=(), snap_km=2.0):
    """Points a, stations..., b along the chain of stations (through each `via` point in order), or
    None."""
    stops = [a] + list(via) + [b]
    vs = []
    for p in stops:
        v, _ = g.nearest(p, snap_km)
        if v is None:
            return None
        vs.append(v)
    path = [vs[0]]
    for s, t in zip(vs, vs[1:]):
        seg = g.shortest_path(s, t, cost=lambda w: w * w)
        if seg is None:
            return None
        path += seg[1:]
    pts = [g.pts[v] for v in path]
    return [tuple(a)] + pts[1:-1] + [tuple(b)]
