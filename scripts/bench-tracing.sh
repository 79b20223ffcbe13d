#!/usr/bin/env bash
# What tracing at the production sampling costs (docs/observability.md, "What tracing costs"). Starts a real Zipkin
# (scripts/zipkin.sh), then the local server (embedded MariaDB + Redis, demo data, full JIT) twice on fresh data:
# traced (sampling 0.1, spans reported to that Zipkin) and untraced (MANAGEMENT_TRACING_ENABLED=false), and runs the
# same wrk load against the liveness probe and an authenticated read in each. Rate limits are off in both runs so
# only tracing differs. Needs wrk (apt-get install -y wrk); CI does not run this.
# Usage: scripts/bench-tracing.sh [connections=16] [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."

connections="${1:-16}"
seconds="${2:-15}"
port="${BENCH_PORT:-18092}"
admin_password="Bench-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')-9Z"
mkdir -p target
./mvnw -B -ntp -q -DskipTests test-compile

scripts/zipkin.sh >target/bench-zipkin.log 2>&1 &
zipkin_pid=$!
trap 'kill "$zipkin_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS http://127.0.0.1:9411/health >/dev/null 2>&1 && break; sleep 1; done

load() { # $1 = label, $2 = url, $3.. = extra wrk arguments
  local label=$1 url=$2
  shift 2
  wrk -t2 -c"$connections" -d"${seconds}s" "$@" "$url" >/dev/null   # warm-up
  printf '%-10s ' "$label"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$url" | grep -E 'Requests/sec|50%|99%|Non-2xx' | tr -s ' ' \
    | tr '\n' ' '
  echo
}

run() { # $1 = label, $2 = MANAGEMENT_TRACING_ENABLED
  local data_dir="$PWD/target/bench-data-$$-$1" log="target/bench-server-$1.log"
  MANAGEMENT_TRACING_ENABLED="$2" MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0.1 TERP_RATELIMIT_ENABLED=false \
    TERP_ADMIN_PASSWORD="$admin_password" TERP_LOCAL_DIR="$data_dir" SERVER_PORT="$port" \
    setsid ./mvnw -B -ntp -q spring-boot:test-run >"$log" 2>&1 &
  local server_pid=$!
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited:"; tail -n 40 "$log"; exit 1; }
    sleep 1
  done
  local token
  token=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" \
    "http://127.0.0.1:$port/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  echo "== $1 (MANAGEMENT_TRACING_ENABLED=$2, sampling 0.1), $connections connections, ${seconds}s"
  load liveness "http://127.0.0.1:$port/actuator/health/liveness"
  load batches "http://127.0.0.1:$port/api/v1/batches?limit=10" -H "Authorization: Bearer $token"
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}

run traced true
run untraced false
