#!/usr/bin/env bash
# Fail-over test of deploy/nginx.conf on loopback: nginx balances two `caravan serve` replicas;
# requests reach both; after one replica is stopped every request still succeeds.
# Usage: failover_test.sh CARAVAN_BINARY REPO_DIR. Exits 77 (skip) when nginx or curl is missing.
set -uo pipefail
binary=$1
repo=$2
command -v nginx >/dev/null || { echo "SKIP: nginx is not installed (scripts/install-deps bench)"; exit 77; }
command -v curl >/dev/null || { echo "SKIP: curl is not installed (scripts/install-deps bench)"; exit 77; }

dir=$(mktemp -d)
pids=()
cleanup() {
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
passed=0
failed=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

start_replica() { # start_replica I -> sets port_I and pid_I
  "$binary" serve --network example --port 0 --threads 2 >"$dir/replica$1.out" 2>"$dir/replica$1.log" &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 200); do grep -q '^open ' "$dir/replica$1.out" && break; sleep 0.05; done
  local port
  port=$(sed -n 's|^open http://127.0.0.1:\([0-9]*\)/$|\1|p' "$dir/replica$1.out")
  [ -n "$port" ] || { echo "replica $1 did not start: $(cat "$dir/replica$1.out" "$dir/replica$1.log")"; exit 1; }
  eval "port_$1=$port pid_$1=$pid"
}
start_replica 1
start_replica 2
mkdir -p "$dir"/{client_body,proxy,fastcgi,uwsgi,scgi}
replicas="    server 127.0.0.1:$port_1 max_fails=1 fail_timeout=5s;"$'\n'"    server 127.0.0.1:$port_2 max_fails=1 fail_timeout=5s;"$'\n'

# nginx on a free port: try a few random ones (a port taken meanwhile makes nginx exit at once).
listen=""
for _ in $(seq 10); do
  try=$((20000 + RANDOM % 30000))
  awk -v prefix="$dir" -v listen="127.0.0.1:$try" -v replicas="$replicas" \
    '{ gsub(/@PREFIX@/, prefix); gsub(/@LISTEN@/, listen); if ($0 ~ /^ *@REPLICAS@ *$/) { printf "%s", replicas; next } print }' \
    "$repo/deploy/nginx.conf" >"$dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' 2>>"$dir/nginx.stderr" &
  npid=$!
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$try/health" && { listen=$try; break; }
    kill -0 "$npid" 2>/dev/null || break
    sleep 0.05
  done
  if [ -n "$listen" ]; then pids+=("$npid"); break; fi
  kill "$npid" 2>/dev/null; wait "$npid" 2>/dev/null
done
[ -n "$listen" ] || { echo "nginx did not start: $(cat "$dir/nginx.stderr" "$dir/error.log" 2>/dev/null)"; exit 1; }
base="http://127.0.0.1:$listen"
echo "nginx on $base, replicas on $port_1 and $port_2"

requests() { # requests N PATH -> prints the number of 200 answers with a route
  local ok=0
  for _ in $(seq "$1"); do
    body=$(curl -s -w '\n%{http_code}' "$base$2")
    [ "${body##*$'\n'}" = 200 ] && [[ "$body" == *'"legs"'* ]] && ok=$((ok + 1))
  done
  echo "$ok"
}

ok=$(requests 40 '/route?from=Urumqi&to=Poti')
check "40 requests through nginx all answered" [ "$ok" = 40 ]
hits1=$(grep -c '^GET /route 200' "$dir/replica1.log")
hits2=$(grep -c '^GET /route 200' "$dir/replica2.log")
echo "replica 1 answered $hits1, replica 2 answered $hits2"
check "both replicas took requests" [ "$hits1" -gt 0 ] && [ "$hits2" -gt 0 ]
check "POST through nginx" [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d '{"from":"Urumqi","to":"Poti"}' "$base/route")" = 200 ]

kill "$pid_1"
wait "$pid_1" 2>/dev/null
check "replica 1 stopped" bash -c "! kill -0 $pid_1 2>/dev/null"
ok=$(requests 40 '/route?from=Urumqi&to=Poti')
check "40 requests after replica 1 stopped all answered" [ "$ok" = 40 ]
check "health after fail-over" [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ]
check "errors pass through unchanged" [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/route?from=Urumqi&to=Potti")" = 422 ]

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
