#!/usr/bin/env bash
# What the general rate limit costs an authenticated read under concurrency (docs/benchmarks/rate-limit.md).
# Starts two local servers side by side (embedded MariaDB + Redis each, demo data, full JIT, fresh data directories):
# one with every limit off (TERP_RATELIMIT_ENABLED=false), one with the API limit on (a capacity no run can exhaust,
# so every request is decided by the limiter and none is refused). Both are warmed up, then the same wrk load against
# GET /api/v1/batches/{id} of one user runs on them in alternating phases (unlimited/limited, then limited/unlimited,
# ...), so that other work on the machine weighs on both alike. Prints every phase, the fail-opens of the limited
# server, and the ratio of the mean throughputs with the cost against the 15 % target. Runs unattended; needs wrk
# (apt-get install -y wrk); CI does not run this.
# Usage: scripts/bench-rate-limit.sh [connections=64] [seconds per phase=20] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."

connections="${1:-64}"
seconds="${2:-20}"
rounds="${3:-3}"
base_port="${BENCH_PORT:-18091}"
admin_password="Bench-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')-9Z"
mkdir -p target
./mvnw -B -ntp -q -DskipTests test-compile

declare -A pid url token rps_sum
stop_all() {
  for label in "${!pid[@]}"; do
    kill -TERM "${pid[$label]}" 2>/dev/null || true
  done
  for label in "${!pid[@]}"; do
    for _ in $(seq 1 60); do kill -0 "${pid[$label]}" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-${pid[$label]}" 2>/dev/null || true
    rm -rf "$PWD/target/bench-data-$$-$label"
  done
}
trap stop_all EXIT

start() { # $1 = label, $2 = TERP_RATELIMIT_ENABLED, $3 = port; one after the other (both run Maven in this tree)
  local data_dir="$PWD/target/bench-data-$$-$1" log="target/bench-server-$1.log" port=$3
  TERP_RATELIMIT_ENABLED="$2" TERP_RATELIMIT_API_CAPACITY=1000000000 TERP_ADMIN_PASSWORD="$admin_password" \
    TERP_LOCAL_DIR="$data_dir" SERVER_PORT="$port" setsid ./mvnw -B -ntp -q spring-boot:test-run >"$log" 2>&1 &
  pid[$1]=$!
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "${pid[$1]}" 2>/dev/null || { echo "server $1 exited:"; tail -n 40 "$log"; exit 1; }
    sleep 1
  done
  token[$1]=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" \
    "http://127.0.0.1:$port/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  local id
  id=$(curl -fsS -H "Authorization: Bearer ${token[$1]}" "http://127.0.0.1:$port/api/v1/batches?limit=1" \
    | sed -E 's/^\{"items":\[\{"id":([0-9]+).*/\1/')
  url[$1]="http://127.0.0.1:$port/api/v1/batches/$id"
  echo "$1 (TERP_RATELIMIT_ENABLED=$2) on port $port: $(curl -fsS -o /dev/null -D - \
    -H "Authorization: Bearer ${token[$1]}" "${url[$1]}" | grep -i '^ratelimit-remaining' | tr -d '\r' \
    || echo 'no RateLimit headers')"
  rps_sum[$1]=0
}

phase() { # $1 = label, $2 = round (0 = warm-up, not counted)
  local result rps
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer ${token[$1]}" "${url[$1]}")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
  printf '%-9s round %s  load %-5s  %8s req/s  p50 %-9s p99 %-9s %s\n' "$1" "$2" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$rps" "$(awk '$1 == "50%" {print $2}' <<<"$result")" "$(awk '$1 == "99%" {print $2}' <<<"$result")" \
    "$(grep -E 'Non-2xx|Socket errors' <<<"$result" | tr -s ' ' | tr '\n' ' ')"
  if [ "$2" -gt 0 ]; then rps_sum[$1]=$(awk -v a="${rps_sum[$1]}" -v b="$rps" 'BEGIN {print a + b}'); fi
}

echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with local changes)')," \
  "$connections connections, ${seconds}s per phase, $rounds rounds"
start unlimited false "$base_port"
start limited true "$((base_port + 1))"
phase unlimited 0
phase limited 0
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then phase unlimited "$round"; phase limited "$round"
  else phase limited "$round"; phase unlimited "$round"; fi
done
limited_port=$((base_port + 1))
curl -fsS "http://127.0.0.1:$limited_port/actuator/prometheus" \
  | grep -E '^terp_ratelimit_(unavailable_total|decisions_total\{.*limit="api".*outcome="(allowed|limited)")' \
  || echo "terp_ratelimit_unavailable_total: none"
awk -v u="${rps_sum[unlimited]}" -v l="${rps_sum[limited]}" -v n="$rounds" 'BEGIN {
  printf "== ratio limited/unlimited: %.2f (mean %.0f / %.0f req/s), cost of limiting: %.0f %% (target <= 15 %%)\n",
    l / u, l / n, u / n, 100 * (1 - l / u) }'
