#!/usr/bin/env bash
# Starts the server on the embedded default (fresh data directory), runs the Gatling smoke simulation against it,
# and stops it again. Bounded: the server gets 240 s to become ready, the simulation at most 3 minutes.
# Usage: scripts/loadtest-smoke.sh [extra -D options for Gatling, e.g. -Dusers=100]
set -euo pipefail
cd "$(dirname "$0")/.."

port="${LOADTEST_PORT:-18080}"
data_dir="$PWD/target/loadtest-data-$$"
log="target/loadtest-server.log"
mkdir -p target

# A fresh administrator password for this throw-away database, handed to both the server and Gatling.
admin_password="Load-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')-9Z"

TERP_ADMIN_PASSWORD="$admin_password" TERP_LOCAL_DIR="$data_dir" SERVER_PORT="$port" setsid ./mvnw -B -ntp -q spring-boot:test-run >"$log" 2>&1 &
server_pid=$!

stop_server() {
  # TERM to Maven alone lets the app close first and then stop MariaDB and Redis itself.
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap stop_server EXIT

echo "Waiting for the server on port $port ..."
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "The server exited during start-up:"; tail -n 80 "$log"; exit 1
  fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "Server not ready:"; tail -n 80 "$log"; exit 1; }

./mvnw -B -ntp gatling:test -DbaseUrl="http://127.0.0.1:$port" -DadminUsername=admin \
  -DadminPassword="$admin_password" "$@"
