#!/usr/bin/env bash
# Shared helpers for Flock's launch scripts: finding JDKs, checking ports, waiting, stopping by PID.
# Sourced, never run. Every function fails with a message that says what to do.

FLOCK_HOME="${FLOCK_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

die() { echo "flock: $*" >&2; exit 1; }

# java_major JAVA_BIN: prints the feature version of a java binary (17, 21, 25, ...).
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# find_jdk MIN [MAX]: prints a JAVA_HOME whose major version is within [MIN, MAX].
# Looks at $JAVA_HOME, then the JDKs under /usr/lib/jvm, newest first.
find_jdk() {
  local min="$1" max="${2:-999}" candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major="$(java_major "$candidate/bin/java")"
    [ -n "$major" ] || continue
    if [ "$major" -ge "$min" ] && [ "$major" -le "$max" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# app_jdk: the JDK for Flock's own JVMs (Helidon needs 21+).
app_jdk() {
  find_jdk 21 || die "no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm); install one, e.g. Temurin 21 or 25"
}

# cassandra_jdk: Cassandra 5.0 runs on JDK 17 (it dies on 25 at start) or 11.
cassandra_jdk() {
  find_jdk 17 17 || find_jdk 11 11 || die "Cassandra 5.0 needs JDK 17 (or 11); none found under /usr/lib/jvm: apt-get install openjdk-17-jre-headless"
}

# port_in_use PORT: true if something on 127.0.0.1 accepts connections on PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# require_free_port PORT WHAT: fails clearly if the port is taken.
require_free_port() {
  if port_in_use "$1"; then
    die "port $1 for $2 is already in use on 127.0.0.1; stop what holds it or choose another port"
  fi
}

# wait_for_port PORT PID SECONDS LOG WHAT: waits until PORT accepts connections while PID lives.
wait_for_port() {
  local port="$1" pid="$2" seconds="$3" log="$4" what="$5" waited=0
  while ! port_in_use "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "flock: $what exited before it opened port $port; the end of $log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    if [ "$waited" -ge $((seconds * 10)) ]; then
      echo "flock: $what did not open port $port within ${seconds}s; see $log" >&2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

# stop_pid_file FILE WHAT [SECONDS]: SIGTERM the PID in FILE, wait, then SIGKILL; removes FILE.
stop_pid_file() {
  local file="$1" what="$2" seconds="${3:-60}" pid waited=0
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$waited" -ge $((seconds * 10)) ]; then
        echo "flock: $what (pid $pid) did not stop within ${seconds}s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
  fi
  rm -f "$file"
}

# pid_alive FILE: true if FILE names a running process.
pid_alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

# fetch_server_jars POM_DIR LIB WHAT: copies a server's jars (its own pom, never the app's classpath) from Maven
# Central into LIB, once. The marker is written last, so an interrupted download is retried rather than half-used.
fetch_server_jars() {
  local pom_dir="$1" lib="$2" what="$3"
  [ -f "$lib/.complete" ] && return 0
  echo "flock: fetching $what from Maven Central (once)..."
  JAVA_HOME="$(app_jdk)" "$FLOCK_HOME/mvnw" -q -B -f "$pom_dir/pom.xml" \
    dependency:copy-dependencies -DoutputDirectory="$lib" -DincludeScope=runtime >/dev/null \
    || die "could not fetch $what from Maven Central"
  touch "$lib/.complete"
}
