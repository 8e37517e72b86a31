#!/usr/bin/env bash
# An S3-compatible server (S3Proxy over files on disk) for ./flock up and the integration tests.
#
#   s3.sh start  --dir DIR [--port N] [--access-key K] [--secret-key S]
#   s3.sh stop   --dir DIR
#   s3.sh status --dir DIR
set -euo pipefail
source "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"

HERE="$FLOCK_HOME/infra/s3"
LIB="$HERE/lib"
command="${1:-}"; shift || true
dir=""; port=9000; access_key="${FLOCK_MEDIA_ACCESS_KEY:-flock}"; secret_key="${FLOCK_MEDIA_SECRET_KEY:-flock-local-secret}"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --access-key) access_key="$2"; shift 2 ;;
    --secret-key) secret_key="$2"; shift 2 ;;
    *) die "s3.sh: unknown option $1" ;;
  esac
done
[ -n "$dir" ] || die "s3.sh: --dir is required (where objects, logs and the PID file go)"

write_config() {
  mkdir -p "$dir/objects"
  # Real signature checks (v2 or v4), so a wrong key is refused as a real S3 would refuse it.
  cat > "$dir/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$access_key
s3proxy.credential=$secret_key
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$dir/objects
CONF
  cat > "$dir/logback.xml" <<XML
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>$dir/s3proxy.log</file>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
XML
}

start() {
  if pid_alive "$dir/s3.pid"; then
    echo "flock: the S3 server already runs (pid $(cat "$dir/s3.pid")) on port $(cat "$dir/port")"
    return 0
  fi
  require_free_port "$port" "the S3 server"
  fetch_server_jars "$HERE" "$LIB" "S3Proxy (about 60 MB)"
  write_config
  echo "$port" > "$dir/port"
  setsid "$(app_jdk)/bin/java" -Xmx256m -Dlogback.configurationFile="$dir/logback.xml" \
    -cp "$LIB/*" org.gaul.s3proxy.Main --properties "$dir/s3proxy.conf" \
    > "$dir/s3.out" 2>&1 < /dev/null &
  echo $! > "$dir/s3.pid"
  echo "flock: starting the S3 server (pid $!) on 127.0.0.1:$port ..."
  wait_for_port "$port" "$!" 60 "$dir/s3.out" "the S3 server" || { stop_pid_file "$dir/s3.pid" "the S3 server" 10; exit 1; }
  echo "flock: the S3 server is up on http://127.0.0.1:$port"
}

case "$command" in
  start) start ;;
  stop) stop_pid_file "$dir/s3.pid" "the S3 server" 30; echo "flock: the S3 server stopped" ;;
  status) if pid_alive "$dir/s3.pid"; then echo "S3 server: running, pid $(cat "$dir/s3.pid"), port $(cat "$dir/port")"; else echo "S3 server: stopped"; fi ;;
  *) die "usage: s3.sh start|stop|status --dir DIR [--port N] [--access-key K] [--secret-key S]" ;;
esac
