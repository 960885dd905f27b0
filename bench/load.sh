#!/usr/bin/env bash
# Load test of `caravan serve`: wrk drives /route on loopback for a bounded time at 1, 2 and 16
# connections and prints requests/s and p50/p99 latency as a Markdown table.
# Usage: bench/load.sh [BUILD_DIR]   (env: NETWORK=example|eurasia, DURATION=10s, SERVER_THREADS=16)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
network=${NETWORK:-example}
duration=${DURATION:-10s}
server_threads=${SERVER_THREADS:-16}
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (scripts/install-deps bench)" >&2; exit 2; }

if [ "$network" = eurasia ]; then query='from=Lianyungang&to=Duisburg'; else query='from=Urumqi&to=Poti'; fi
log=$(mktemp)
"$build/caravan" serve --network "$network" --port 0 --threads "$server_threads" --quiet >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q '^open ' "$log" && break; sleep 0.1; done
base=$(sed -n 's/^open \(http:[^ ]*\)$/\1/p' "$log")
[ -n "$base" ] || { echo "load.sh: the server did not start: $(cat "$log")" >&2; exit 1; }
url="${base}route?${query}"
curl -sf "$url" >/dev/null || { echo "load.sh: $url failed" >&2; exit 1; }

echo "caravan serve --network $network --threads $server_threads; wrk for $duration per row on $(nproc) cores"
echo "GET /route?$query"
echo
echo "| connections | requests/s | p50 ms | p99 ms | errors |"
echo "| ---: | ---: | ---: | ---: | ---: |"
to_ms() { # wrk prints 123.45us, 1.23ms or 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
for c in 1 2 16; do
  t=$(( c < 2 ? c : 2 ))
  out=$(wrk -t"$t" -c"$c" -d"$duration" --latency "$url")
  rps=$(echo "$out" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }')
  echo "| $c | $rps | $(to_ms "$p50") | $(to_ms "$p99") | ${errors:-0} |"
done
