#!/usr/bin/env bash
# Starts a real Zipkin server (in-memory storage) on 127.0.0.1:9411 for the local run. Start it before
# `./mvnw spring-boot:test-run`: the local server checks for Zipkin when it starts and, when it finds it, reports
# every request to it (its start-up banner says so). Open http://localhost:9411/zipkin/ and paste a trace id (the
# X-Trace-Id response header, or traceId in a log line or a problem+json body). Ctrl-C stops it; traces live in
# memory only. ZIPKIN_PORT changes the port (then set MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT for the server).
# The jar comes from Maven Central (io.zipkin:zipkin-server:<version>:exec, ~130 MB, downloaded once).
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<zipkin-server.version>\(.*\)</zipkin-server.version>.*:\1:p' pom.xml)
port=${ZIPKIN_PORT:-9411}
jar="target/zipkin/zipkin-server-${version}-exec.jar"

if [[ ! -f "$jar" ]]; then
  echo "Fetching io.zipkin:zipkin-server:${version}:exec from Maven Central ..."
  ./mvnw -B -ntp -q dependency:copy -Dartifact="io.zipkin:zipkin-server:${version}:jar:exec" \
    -DoutputDirectory=target/zipkin
fi

echo "Zipkin ${version} on http://localhost:${port}/zipkin/ (in memory; Ctrl-C stops it)"
STORAGE_TYPE=mem SELF_TRACING_ENABLED=false exec java -Xmx256m -jar "$jar" \
  "--armeria.ports[0].port=${port}" "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].protocols[0]=http"
