#!/usr/bin/env bash
# Starts N supervised `caravan serve` replicas on loopback ports and nginx balancing them on
# LISTEN_PORT; prints the URL and stays in the foreground until Ctrl-C or SIGTERM, then stops
# everything it started. A replica that dies (crash, signal, non-zero exit) is restarted on the same
# port after a backoff (1 s, doubling to 30 s; back to 1 s once it has run 60 s) while nginx and the
# other replicas keep serving; a replica that exits cleanly (status 0, e.g. stopped with SIGTERM on
# its own) stays stopped, as systemd's Restart=on-failure would do. For development and tests;
# operators use deploy/systemd/ (docs/deploy.md).
#
# Usage: deploy/run-replicas.sh [BUILD_DIR] [N]
# Environment:
#   NETWORK=eurasia       network of every replica (a built-in name or a directory)
#   LISTEN_PORT=8080      nginx's port on 127.0.0.1
#   REPLICA_ARGS=--quiet  more `caravan serve` options, e.g. "--quiet --threads 4 --admin"
#   STATE_DIR=            directory for logs and state (default: a temporary one, removed at exit;
#                         a given one is kept). It holds replicaI.log (the replica's output),
#                         replicaI.pid and replicaI.port (the running process and its port),
#                         supervisor.log (starts, deaths, restarts) and nginx's files.
#   RESTART_BACKOFF_S=1   first restart delay; RESTART_BACKOFF_MAX_S=30 its ceiling
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-2}
network=${NETWORK:-eurasia}
listen=${LISTEN_PORT:-8080}
read -r -a replica_args <<<"${REPLICA_ARGS---quiet}"
backoff_first=${RESTART_BACKOFF_S:-1}
backoff_max=${RESTART_BACKOFF_MAX_S:-30}
if [ -n "${STATE_DIR:-}" ]; then
  prefix=$STATE_DIR
  keep_prefix=1
  mkdir -p "$prefix"
else
  prefix=$(mktemp -d)
  keep_prefix=0
fi
prefix=$(cd "$prefix" && pwd)
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $*" | tee -a "$prefix/supervisor.log" >&2; }

supervisors=()
nginx_pid=""
stopping=0
cleanup() {
  [ "$stopping" = 1 ] && return
  stopping=1
  trap '' INT TERM
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  for p in "${supervisors[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  log "stopped"
  [ "$keep_prefix" = 1 ] || rm -rf "$prefix"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waits for replica I's "open http://127.0.0.1:PORT/" line; prints the port (empty on failure).
wait_for_port() { # wait_for_port I PID
  for _ in $(seq 1200); do
    if grep -q '^open ' "$prefix/replica$1.log" 2>/dev/null; then
      sed -n 's|^open http://127.0.0.1:\([0-9]*\)/$|\1|p' "$prefix/replica$1.log" | tail -n 1
      return
    fi
    kill -0 "$2" 2>/dev/null || return 0
    sleep 0.1
  done
}

# Runs in a subshell per replica: starts it (the first time on a free port, later on that same port,
# the one nginx knows), waits for it, restarts it after a death. SIGTERM stops the replica (SIGTERM,
# then SIGKILL after 10 s) and the loop.
supervise() { # supervise I
  local i=$1 port=0 child="" backoff=$backoff_first started status why
  trap '' INT # Ctrl-C reaches the whole process group; the main script stops us with TERM
  stop_child() {
    [ -n "$child" ] || return 0
    kill -TERM "$child" 2>/dev/null || return 0
    for _ in $(seq 100); do kill -0 "$child" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  }
  trap 'stop_child; rm -f "$prefix/replica$i.pid"; exit 0' TERM
  while :; do
    started=$SECONDS
    "$build/caravan" serve --network "$network" --port "$port" "${replica_args[@]}" \
      >>"$prefix/replica$i.log" 2>&1 &
    child=$!
    echo "$child" >"$prefix/replica$i.pid"
    if [ "$port" = 0 ]; then
      port=$(wait_for_port "$i" "$child")
      if [ -z "$port" ]; then
        log "replica $i did not start: $(tail -n 5 "$prefix/replica$i.log" | tr '\n' ' ')"
        stop_child
        exit 1
      fi
      echo "$port" >"$prefix/replica$i.port"
    fi
    status=0
    wait "$child" || status=$?
    child=""
    rm -f "$prefix/replica$i.pid"
    if [ "$status" = 0 ]; then
      log "replica $i on port $port exited cleanly; not restarted"
      return 0
    fi
    [ $((SECONDS - started)) -ge 60 ] && backoff=$backoff_first
    why="status $status"
    [ "$status" -gt 128 ] && why="signal $(kill -l $((status - 128)) 2>/dev/null || echo $((status - 128)))"
    log "replica $i on port $port died ($why) after $((SECONDS - started)) s; restarting in ${backoff} s"
    sleep "$backoff" &
    child=$!
    wait "$child" || true
    child=""
    backoff=$((backoff * 2 > backoff_max ? backoff_max : backoff * 2))
    log "replica $i: restarting on port $port"
  done
}

replicas=""
: >"$prefix/supervisor.log"
for i in $(seq "$n"); do
  : >"$prefix/replica$i.log"
  rm -f "$prefix/replica$i.port" "$prefix/replica$i.pid"
  supervise "$i" &
  supervisors+=($!)
  for _ in $(seq 1200); do
    [ -s "$prefix/replica$i.port" ] && break
    kill -0 "${supervisors[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  [ -s "$prefix/replica$i.port" ] || { cat "$prefix/replica$i.log" >&2; exit 1; }
  port=$(cat "$prefix/replica$i.port")
  log "replica $i (pid $(cat "$prefix/replica$i.pid")) serving on port $port"
  replicas+="    server 127.0.0.1:$port max_fails=1 fail_timeout=2s;"$'\n'
done
mkdir -p "$prefix"/{client_body,proxy,fastcgi,uwsgi,scgi}
awk -v prefix="$prefix" -v listen="127.0.0.1:$listen" -v replicas="$replicas" \
  '{ gsub(/@PREFIX@/, prefix); gsub(/@LISTEN@/, listen); if ($0 ~ /^ *@REPLICAS@ *$/) { printf "%s", replicas; next } print }' \
  deploy/nginx.conf >"$prefix/nginx.conf"
nginx -p "$prefix" -c "$prefix/nginx.conf" -g 'daemon off;' 2>>"$prefix/nginx.stderr" &
nginx_pid=$!
echo "open http://127.0.0.1:$listen/  ($n replicas behind nginx; Ctrl-C stops)"
# nginx is not restarted: when it exits, everything stops (and the exit status says why).
status=0
wait "$nginx_pid" || status=$?
nginx_pid=""
if [ "$status" = 0 ]; then
  log "nginx stopped; stopping the replicas"
  exit 0
fi
log "nginx exited (status $status): $(tail -q -n 3 "$prefix/nginx.stderr" "$prefix/error.log" 2>/dev/null | tr '\n' ' ')"
exit 1
