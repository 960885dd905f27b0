#!/usr/bin/env bash
# Deployment under load, on loopback: deploy/run-replicas.sh (two supervised replicas of a copy of
# eurasia, nginx in front) and caravan_load_driver sending REQUESTS /route requests of random pairs
# from 8 clients while, by MODE:
#   kill     replica 1 is SIGKILLed after 30% of the requests; its supervisor restarts it;
#   reload   replica 1 (POST /admin/reload) then replica 2 (SIGHUP) reload a changed network (one
#            link of eurasia longer); every request sent after both must be answered by it;
#   corrupt  both are asked to reload a corrupt network; both refuse it and keep serving the old.
# Every mode: 0 failed requests, every answer equal to the library's on the network version named
# in its X-Caravan-Network header, and each replica's peak RSS (VmHWM) below RSS_LIMIT_MB (128).
# Usage: load_test.sh CARAVAN_BINARY LOAD_DRIVER REPO_DIR MODE [REQUESTS]
# Exits 77 (skip) when nginx or curl is missing.
set -uo pipefail
binary=$(realpath "$1")
driver=$(realpath "$2")
repo=$(realpath "$3")
mode=$4
requests=${5:-10000}
rss_limit_mb=${RSS_LIMIT_MB:-128}
command -v nginx >/dev/null || { echo "SKIP: nginx is not installed (scripts/install-deps bench)"; exit 77; }
command -v curl >/dev/null || { echo "SKIP: curl is not installed (scripts/install-deps bench)"; exit 77; }
case $mode in kill | reload | corrupt) ;; *) echo "unknown mode $mode"; exit 2 ;; esac

dir=$(mktemp -d)
deploy_pid=""
cleanup() {
  if [ -n "$deploy_pid" ]; then
    kill -TERM "$deploy_pid" 2>/dev/null
    wait "$deploy_pid" 2>/dev/null
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "FAILED: $*"; for f in "$dir"/state/supervisor.log "$dir"/state/replica*.log; do [ -f "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }; done; exit 1; }

# The network versions: v1 = eurasia's files; v2 = v1 with one link 40% longer and slower; bad = v1 with
# links.csv cut in the middle of a row.
mkdir -p "$dir/v1"
for f in nodes.csv links.csv transfers.csv borders.csv corridors.csv geometry.csv services.csv; do
  [ -f "$repo/data/eurasia/$f" ] && cp "$repo/data/eurasia/$f" "$dir/v1/"
done
cp -r "$dir/v1" "$dir/v2"
changed_link=${CHANGED_LINK:-kz_zhetygen_altynkol}
awk -F, -v OFS=, -v id="$changed_link" '
  /^#/ { print; next }
  !header { header = 1; for (i = 1; i <= NF; i++) col[$i] = i; print; next }
  $1 == id {
    found = 1
    for (name in col)
      if (name ~ /^(length_km|duration_h|duration_h_low|duration_h_high)$/ && $col[name] != "")
        $col[name] = sprintf("%.2f", $col[name] * 1.4)
  }
  { print }
  END { if (!found) exit 1 }' "$dir/v1/links.csv" >"$dir/v2/links.csv" ||
  fail "no link '$changed_link' in eurasia's links.csv (set CHANGED_LINK)"
cp -r "$dir/v1" "$dir/bad"
head -c "$(($(wc -c <"$dir/v1/links.csv") / 2))" "$dir/v1/links.csv" >"$dir/bad/links.csv"
printf '\n"unterminated\n' >>"$dir/bad/links.csv"
ln -s v1 "$dir/current"
switch_to() { ln -sfn "$1" "$dir/current.new" && mv -Tf "$dir/current.new" "$dir/current"; }

# The deployment, on a free port (a port taken meanwhile makes nginx, and the script, exit).
listen=""
for _ in $(seq 5); do
  try=$((20000 + RANDOM % 30000))
  rm -rf "$dir/state"
  NETWORK="$dir/current" LISTEN_PORT=$try STATE_DIR="$dir/state" REPLICA_ARGS="--quiet --threads 4 --admin" \
    RESTART_BACKOFF_S=1 bash "$repo/deploy/run-replicas.sh" "$(dirname "$binary")" 2 >"$dir/deploy.out" 2>&1 &
  deploy_pid=$!
  for _ in $(seq 1200); do
    grep -q "^open http://127.0.0.1:$try/" "$dir/deploy.out" 2>/dev/null && curl -sf -o /dev/null "http://127.0.0.1:$try/health" && { listen=$try; break; }
    kill -0 "$deploy_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$listen" ] && break
  kill -TERM "$deploy_pid" 2>/dev/null; wait "$deploy_pid" 2>/dev/null; deploy_pid=""
done
[ -n "$listen" ] || { cat "$dir/deploy.out"; fail "the deployment did not start"; }
state=$dir/state
port1=$(cat "$state/replica1.port")
port2=$(cat "$state/replica2.port")
hash_of() { curl -sf "http://127.0.0.1:$1/health" | sed -n 's/.*"network_hash":"\([0-9a-f]*\)".*/\1/p'; }
v1=$(hash_of "$port1")
echo "nginx on $listen, replicas on $port1 and $port2, network $v1; mode $mode, $requests requests"
[ "$(hash_of "$port2")" = "$v1" ] || fail "the replicas serve different networks at start"

# `wait_log I PATTERN` (for the driver's actions, run by sh): waits up to 30 s until replica I's
# log has a line matching PATTERN.
cat >"$dir/wait_log" <<EOF
#!/bin/sh
for _ in \$(seq 300); do grep -q "\$2" "$state/replica\$1.log" && exit 0; sleep 0.1; done
echo "replica \$1's log never said '\$2'" >&2; exit 1
EOF
chmod +x "$dir/wait_log"

at1=$((requests * 3 / 10))
at2=$((requests * 6 / 10))
actions=()
final=()
networks=(--network "$dir/v1")
case $mode in
kill)
  actions=(--at "$at1" "kill -KILL \$(cat $state/replica1.pid)") ;;
reload)
  networks+=(--network "$dir/v2")
  final=(--final "$dir/v2")
  actions=(--at "$at1" "ln -sfn v2 $dir/current.new && mv -Tf $dir/current.new $dir/current && curl -sf -o $dir/reload1.json -X POST http://127.0.0.1:$port1/admin/reload"
    --at "$at2" "kill -HUP \$(cat $state/replica2.pid) && $dir/wait_log 2 'reload: network [0-9a-f]* loaded'") ;;
corrupt)
  final=(--final "$dir/v1")
  actions=(--at "$at1" "ln -sfn bad $dir/current.new && mv -Tf $dir/current.new $dir/current && test \"\$(curl -s -o $dir/reload1.json -w '%{http_code}' -X POST http://127.0.0.1:$port1/admin/reload)\" = 422"
    --at "$at2" "kill -HUP \$(cat $state/replica2.pid) && $dir/wait_log 2 'new network refused'") ;;
esac
start=$SECONDS
"$driver" --port "$listen" --requests "$requests" --clients 8 --seed 24 "${networks[@]}" \
  "${actions[@]}" "${final[@]}" --max-seconds 240 | tee "$dir/driver.out"
driver_status=${PIPESTATUS[0]}
echo "driver took $((SECONDS - start)) s"
[ "$driver_status" = 0 ] || fail "the load driver reported failures"

case $mode in
kill)
  for _ in $(seq 300); do [ -s "$state/replica1.pid" ] && curl -sf -o /dev/null "http://127.0.0.1:$port1/health" && break; sleep 0.1; done
  curl -sf -o /dev/null "http://127.0.0.1:$port1/health" || fail "replica 1 was not restarted"
  grep -q "replica 1 on port $port1 died (signal KILL)" "$state/supervisor.log" || fail "the supervisor did not log the death"
  grep "replica 1" "$state/supervisor.log" | tail -n 2
  ;;
reload)
  grep -q '"status":"reloaded"' "$dir/reload1.json" || fail "POST /admin/reload: $(cat "$dir/reload1.json")"
  v2=$(hash_of "$port1")
  [ "$v2" != "$v1" ] && [ "$(hash_of "$port2")" = "$v2" ] || fail "the replicas do not both serve the new network"
  grep -q 'answer differently' "$dir/driver.out" && ! grep -q '^0 of' "$dir/driver.out" || fail "the changed link changes no answer"
  echo "both replicas now serve $v2"
  ;;
corrupt)
  grep -q '"code":"reload_refused"' "$dir/reload1.json" || fail "POST /admin/reload: $(cat "$dir/reload1.json")"
  grep -q 'links.csv' "$dir/reload1.json" || fail "the refusal does not name the file: $(cat "$dir/reload1.json")"
  [ "$(hash_of "$port1")" = "$v1" ] && [ "$(hash_of "$port2")" = "$v1" ] || fail "a replica changed network"
  grep -h 'new network refused' "$state/replica1.log" "$state/replica2.log" | head -n 2 | cut -c 1-240
  ;;
esac

# Memory: each replica's peak resident set since it started.
for i in 1 2; do
  pid=$(cat "$state/replica$i.pid")
  hwm=$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$pid/status")
  rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
  echo "replica $i (pid $pid): RSS $rss MiB, peak $hwm MiB (limit $rss_limit_mb MiB)"
  [ "$hwm" -lt "$rss_limit_mb" ] || fail "replica $i's peak RSS $hwm MiB is over $rss_limit_mb MiB"
done
echo "load test $mode: ok"
