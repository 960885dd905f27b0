#!/usr/bin/python3
"""Small simplified country polygons for `caravan validate`, from Natural Earth via npm world-atlas.

Usage: country_polygons.py COUNTRIES_TOPOJSON OUT_JSON
COUNTRIES_TOPOJSON is countries-10m.json of npm world-atlas 2.0.2 (Natural Earth 1:10m admin-0,
public domain). The arcs are decoded (quantised, delta-encoded TopoJSON), each ring is simplified
with Douglas–Peucker at TOLERANCE degrees, rings wholly outside the region of interest or with fewer
than 4 points are dropped, and coordinates are rounded to 1e-3 degrees. Output: {"countries":
{"KZ": [ring, ...]}} where a ring is [[lon, lat], ...]; a point is inside a country when it is inside
an odd number of its rings (outer rings and holes alike). Standard library only.
"""
import json
import sys

# ISO 3166-1 numeric -> alpha-2 for the countries the eurasia network uses.
COUNTRIES = {"398": "KZ", "156": "CN", "860": "UZ", "795": "TM", "364": "IR", "643": "RU", "112": "BY",
             "616": "PL", "276": "DE", "528": "NL", "031": "AZ", "268": "GE", "792": "TR", "642": "RO",
             "417": "KG", "804": "UA", "051": "AM", "004": "AF", "496": "MN",
             "348": "HU", "040": "AT"}
TOLERANCE = 0.01  # degrees (about 1 km)
REGION = (-12.0, 20.0, 135.0, 72.0)  # lon_min, lat_min, lon_max, lat_max


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(arcs, idxs):
    out = []
    for i in idxs:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out


def dp(points, tol):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, idx = d, i
        if best > tol:
            keep[idx] = True
            stack.append((a, idx))
            stack.append((idx, b))
    return [p for p, k in zip(points, keep) if k]


def main():
    topo = json.load(open(sys.argv[1], encoding="utf-8"))
    arcs = decode_arcs(topo)
    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        cc = COUNTRIES.get(g.get("id"))
        if not cc:
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = []
        for poly in polys:
            for ring in poly:
                pts = ring_points(arcs, ring)
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                if max(xs) < REGION[0] or min(xs) > REGION[2] or max(ys) < REGION[1] or min(ys) > REGION[3]:
                    continue
                simple = dp(pts, TOLERANCE)
                if len(simple) < 4:
                    continue
                rings.append([[round(x, 3), round(y, 3)] for x, y in simple])
        out.setdefault(cc, []).extend(rings)
    doc = {
        "source": "Natural Earth 1:10m admin-0 countries via npm world-atlas 2.0.2 (countries-10m.json), "
                  "public domain; simplified by data/eurasia/tools/country_polygons.py "
                  f"(Douglas-Peucker {TOLERANCE} deg, region lon {REGION[0]}..{REGION[2]} lat {REGION[1]}..{REGION[3]})",
        "countries": dict(sorted(out.items())),
    }
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print({k: sum(len(r) for r in v) for k, v in out.items()})


if __name__ == "__main__":
    main()
