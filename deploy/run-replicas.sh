#!/usr/bin/env bash
# Starts N `caravan serve` replicas on free loopback ports and nginx balancing them on LISTEN_PORT;
# prints the URL and stays in the foreground until Ctrl-C, then stops them all.
# Usage: deploy/run-replicas.sh [BUILD_DIR] [N]   (env: NETWORK=eurasia, LISTEN_PORT=8080)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-2}
network=${NETWORK:-eurasia}
listen=${LISTEN_PORT:-8080}
prefix=$(mktemp -d)
pids=()
cleanup() {
  [ -f "$prefix/nginx.pid" ] && kill "$(cat "$prefix/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$prefix"
}
trap cleanup EXIT INT TERM
replicas=""
for i in $(seq "$n"); do
  "$build/caravan" serve --network "$network" --port 0 --quiet >"$prefix/replica$i.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q '^open ' "$prefix/replica$i.log" && break; sleep 0.1; done
  port=$(sed -n 's|^open http://127.0.0.1:\([0-9]*\)/$|\1|p' "$prefix/replica$i.log")
  [ -n "$port" ] || { cat "$prefix/replica$i.log" >&2; exit 1; }
  replicas+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
done
mkdir -p "$prefix"/{client_body,proxy,fastcgi,uwsgi,scgi}
awk -v prefix="$prefix" -v listen="127.0.0.1:$listen" -v replicas="$replicas" \
  '{ gsub(/@PREFIX@/, prefix); gsub(/@LISTEN@/, listen); if ($0 ~ /^ *@REPLICAS@ *$/) { printf "%s", replicas; next } print }' \
  deploy/nginx.conf >"$prefix/nginx.conf"
nginx -p "$prefix" -c "$prefix/nginx.conf" -g 'daemon off;' &
pids+=($!)
echo "open http://127.0.0.1:$listen/  ($n replicas behind nginx; Ctrl-C stops)"
wait -n "${pids[@]}"
