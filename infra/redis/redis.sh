#!/usr/bin/env bash
# Runs a real Redis server for the benchmarks' baseline (Twitter's 2012 design: home timelines as Redis
# lists). No system install and no daemon: the binary comes from Debian's redis-tools package, fetched
# with `apt-get download` and unpacked under infra/redis/root, and runs as a plain process on 127.0.0.1
# without persistence (the baseline is a cache, as it was at Twitter).
#
#   redis.sh start  --dir DIR [--port 6379]
#   redis.sh stop   --dir DIR
#   redis.sh status --dir DIR
set -euo pipefail
source "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"

HERE="$FLOCK_HOME/infra/redis"
ROOT="$HERE/root"
# redis-tools carries the server binary; these are the libraries it needs beyond a Debian base system.
PACKAGES=(redis-tools libjemalloc2 liblzf1)
command="${1:-}"; shift || true
dir=""; port=6379
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) die "redis.sh: unknown option $1" ;;
  esac
done
[ -n "$dir" ] || die "redis.sh: --dir is required (where the log and the PID file go)"

fetch_binary() {
  # The marker is written last, so an interrupted download is retried rather than half-used.
  [ -f "$ROOT/.complete" ] && return 0
  command -v apt-get >/dev/null || die "redis.sh needs apt-get (Debian) to fetch redis-tools"
  echo "flock: fetching Redis from Debian's packages (once, about 1.3 MB)..."
  local debs="$HERE/debs"
  rm -rf "$debs" "$ROOT" && mkdir -p "$debs" "$ROOT"
  # apt's sandbox user cannot write into the project; the download itself is the same either way.
  if ! (cd "$debs" && apt-get download -o APT::Sandbox::User=root "${PACKAGES[@]}" >/dev/null 2>&1); then
    apt-get update -qq >/dev/null 2>&1 || true
    (cd "$debs" && apt-get download -o APT::Sandbox::User=root "${PACKAGES[@]}" >/dev/null) \
      || die "could not download ${PACKAGES[*]} from Debian's packages"
  fi
  local deb
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$ROOT"; done
  # One binary is both server and checker; it picks its role from the name it is started by.
  ln -sf redis-check-rdb "$ROOT/usr/bin/redis-server"
  rm -rf "$debs"
  touch "$ROOT/.complete"
}

start() {
  if pid_alive "$dir/redis.pid"; then
    echo "flock: Redis already runs (pid $(cat "$dir/redis.pid")) on port $(cat "$dir/port")"
    return 0
  fi
  require_free_port "$port" "Redis"
  fetch_binary
  mkdir -p "$dir"
  echo "$port" > "$dir/port"
  LD_LIBRARY_PATH="$ROOT/usr/lib/x86_64-linux-gnu" setsid "$ROOT/usr/bin/redis-server" \
    --bind 127.0.0.1 --port "$port" --save "" --appendonly no --protected-mode yes \
    --dir "$dir" --logfile "$dir/redis.log" --daemonize no > "$dir/redis.out" 2>&1 < /dev/null &
  echo $! > "$dir/redis.pid"
  wait_for_port "$port" "$!" 30 "$dir/redis.out" "Redis" || { stop_pid_file "$dir/redis.pid" Redis 10; exit 1; }
  echo "flock: Redis is up on 127.0.0.1:$port (pid $(cat "$dir/redis.pid"))"
}

case "$command" in
  start) start ;;
  stop) stop_pid_file "$dir/redis.pid" Redis 30; echo "flock: Redis stopped" ;;
  status) if pid_alive "$dir/redis.pid"; then echo "Redis: running, pid $(cat "$dir/redis.pid"), port $(cat "$dir/port")"; else echo "Redis: stopped"; fi ;;
  *) die "usage: redis.sh start|stop|status --dir DIR [--port N]" ;;
esac
