#!/usr/bin/env bash
# Runs a real, single-node Apache Cassandra 5.0 for Flock: locally for ./flock up and for the
# integration tests. No Docker and no system package: the server's jars come from Maven Central
# (infra/cassandra/pom.xml) and run as their own JVM on JDK 17, bound to 127.0.0.1.
#
#   cassandra.sh start  --dir DIR [--port 9042] [--storage-port 7000] [--heap 1g]
#   cassandra.sh stop   --dir DIR
#   cassandra.sh status --dir DIR
set -euo pipefail
source "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"

HERE="$FLOCK_HOME/infra/cassandra"
LIB="$HERE/lib"
command="${1:-}"; shift || true
# 1 GB: the system tests share one Cassandra for all their keyspaces, and with 512 MB its heap filled with the
# memtables of a dozen of them under a burst of 200,000 follows written behind, and stopped answering.
dir=""; port=9042; storage_port=7000; heap="${FLOCK_CASSANDRA_HEAP:-1g}"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --storage-port) storage_port="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    *) die "cassandra.sh: unknown option $1" ;;
  esac
done
[ -n "$dir" ] || die "cassandra.sh: --dir is required (where data, logs and the PID file go)"

write_config() {
  mkdir -p "$dir/conf" "$dir/data" "$dir/commitlog" "$dir/saved_caches" "$dir/hints" "$dir/cdc_raw"
  cat > "$dir/conf/cassandra.yaml" <<YAML
cluster_name: flock
num_tokens: 1
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:$storage_port"
listen_address: 127.0.0.1
rpc_address: 127.0.0.1
storage_port: $storage_port
native_transport_port: $port
start_native_transport: true
data_file_directories:
  - $dir/data
commitlog_directory: $dir/commitlog
saved_caches_directory: $dir/saved_caches
hints_directory: $dir/hints
cdc_raw_directory: $dir/cdc_raw
commitlog_sync: periodic
commitlog_sync_period: 10000ms
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
YAML
  cat > "$dir/conf/logback.xml" <<XML
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>$dir/system.log</file>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
XML
}

start() {
  if pid_alive "$dir/cassandra.pid"; then
    running_port=$(cat "$dir/port")
    # One left running on other ports (its caller killed) would leave this caller waiting on a port nobody serves.
    [ "$running_port" = "$port" ] || die "Cassandra of $dir already runs (pid $(cat "$dir/cassandra.pid")) on port $running_port, not $port; stop it first: cassandra.sh stop --dir $dir"
    echo "flock: Cassandra already runs (pid $(cat "$dir/cassandra.pid")) on port $running_port"
    return 0
  fi
  require_free_port "$port" "Cassandra's native protocol"
  require_free_port "$storage_port" "Cassandra's storage protocol"
  fetch_server_jars "$HERE" "$LIB" "Cassandra 5.0 (about 70 MB)"
  write_config
  local java_home; java_home="$(cassandra_jdk)"
  # Cassandra's own conf/jvm17-server.options: without these it cannot reach the JDK internals it uses.
  local opens=(
    -Djdk.attach.allowAttachSelf=true
    --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
    --add-exports java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED
    --add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED
    --add-exports java.rmi/sun.rmi.server=ALL-UNNAMED
    --add-exports java.sql/java.sql=ALL-UNNAMED
    --add-exports java.base/java.lang.ref=ALL-UNNAMED
    --add-exports jdk.unsupported/sun.misc=ALL-UNNAMED
    --add-exports jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
    --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED
    --add-opens java.base/java.lang.module=ALL-UNNAMED
    --add-opens java.base/jdk.internal.loader=ALL-UNNAMED
    --add-opens java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens java.base/jdk.internal.reflect=ALL-UNNAMED
    --add-opens java.base/jdk.internal.math=ALL-UNNAMED
    --add-opens java.base/jdk.internal.module=ALL-UNNAMED
    --add-opens java.base/jdk.internal.util.jar=ALL-UNNAMED
    --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED
    --add-opens java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens java.base/java.io=ALL-UNNAMED
    --add-opens java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens jdk.compiler/com.sun.tools.javac=ALL-UNNAMED
    --add-opens java.base/java.lang=ALL-UNNAMED
    --add-opens java.base/java.util=ALL-UNNAMED
    -Dio.netty.tryReflectionSetAccessible=true
  )
  # As root Cassandra would mlock all its memory (~0.9 GB resident); dropping CAP_IPC_LOCK halves that.
  local prefix=()
  if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    prefix=(setpriv --inh-caps=-ipc_lock --ambient-caps=-ipc_lock --bounding-set=-ipc_lock)
  fi
  echo "$port" > "$dir/port"
  setsid "${prefix[@]}" "$java_home/bin/java" -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Xss512k \
    "${opens[@]}" \
    -Dcassandra.config="file://$dir/conf/cassandra.yaml" \
    -Dcassandra.storagedir="$dir" \
    -Dlogback.configurationFile="$dir/conf/logback.xml" \
    -Dcassandra.skip_wait_for_gossip_to_settle=0 -Dcassandra.ring_delay_ms=100 \
    -Dcassandra-foreground=yes -Djava.net.preferIPv4Stack=true \
    -cp "$LIB/*" org.apache.cassandra.service.CassandraDaemon \
    > "$dir/cassandra.out" 2>&1 < /dev/null &
  echo $! > "$dir/cassandra.pid"
  echo "flock: starting Cassandra (pid $!) on 127.0.0.1:$port ..."
  wait_for_port "$port" "$!" 120 "$dir/cassandra.out" "Cassandra" || { stop_pid_file "$dir/cassandra.pid" Cassandra 10; exit 1; }
  echo "flock: Cassandra is up on 127.0.0.1:$port"
}

case "$command" in
  start) start ;;
  stop) stop_pid_file "$dir/cassandra.pid" Cassandra 60; echo "flock: Cassandra stopped" ;;
  status) if pid_alive "$dir/cassandra.pid"; then echo "Cassandra: running, pid $(cat "$dir/cassandra.pid"), port $(cat "$dir/port")"; else echo "Cassandra: stopped"; fi ;;
  *) die "usage: cassandra.sh start|stop|status --dir DIR [--port N] [--storage-port N] [--heap SIZE]" ;;
esac
