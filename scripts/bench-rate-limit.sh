#!/usr/bin/env bash
# What the general rate limit costs an authenticated read under concurrency (docs/benchmarks/rate-limit.md).
# Starts the local server (embedded MariaDB + Redis, demo data, full JIT) twice on a fresh data directory: once with
# every limit off (TERP_RATELIMIT_ENABLED=false), once with the API limit on (a capacity no run can exhaust, so every
# request is decided by Redis and none is refused), and runs the same wrk load against GET /api/v1/batches/{id} of one
# user, then prints the ratio limited/unlimited and the cost (target: cost <= 15 %). Runs unattended; needs wrk
# (apt-get install -y wrk); CI does not run this.
# Usage: scripts/bench-rate-limit.sh [connections=64] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."

connections="${1:-64}"
seconds="${2:-20}"
port="${BENCH_PORT:-18091}"
admin_password="Bench-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')-9Z"
mkdir -p target
./mvnw -B -ntp -q -DskipTests test-compile

run() { # $1 = label, $2 = TERP_RATELIMIT_ENABLED
  local data_dir="$PWD/target/bench-data-$$-$1" log="target/bench-server-$1.log"
  TERP_RATELIMIT_ENABLED="$2" TERP_RATELIMIT_API_CAPACITY=1000000000 TERP_ADMIN_PASSWORD="$admin_password" \
    TERP_LOCAL_DIR="$data_dir" SERVER_PORT="$port" setsid ./mvnw -B -ntp -q spring-boot:test-run >"$log" 2>&1 &
  local server_pid=$!
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited:"; tail -n 40 "$log"; exit 1; }
    sleep 1
  done
  local token id
  token=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" \
    "http://127.0.0.1:$port/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  id=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/batches?limit=1" \
    | sed -E 's/^\{"items":\[\{"id":([0-9]+).*/\1/')
  local url="http://127.0.0.1:$port/api/v1/batches/$id"
  curl -fsS -o /dev/null -D - -H "Authorization: Bearer $token" "$url" | grep -i '^ratelimit-remaining' || true
  wrk -t2 -c"$connections" -d"${seconds}s" -H "Authorization: Bearer $token" "$url" >/dev/null   # warm-up
  echo "== $1 (TERP_RATELIMIT_ENABLED=$2), $connections connections, ${seconds}s, load: $(cut -d' ' -f1-3 /proc/loadavg)"
  local result
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url")
  grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' <<<"$result"
  rps[$1]=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
  curl -fsS "http://127.0.0.1:$port/actuator/prometheus" | grep -E '^terp_ratelimit_unavailable_total' \
    || echo "terp_ratelimit_unavailable_total: none"
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}

declare -A rps
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with local changes)')"
run unlimited false
run limited true
awk -v u="${rps[unlimited]}" -v l="${rps[limited]}" 'BEGIN {
  printf "== ratio limited/unlimited: %.2f (%s / %s req/s), cost of limiting: %.0f %% (target <= 15 %%)\n",
    l / u, l, u, 100 * (1 - l / u) }'
