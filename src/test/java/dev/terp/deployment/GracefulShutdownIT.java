package dev.terp.deployment;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.terp.identity.AdminProperties;
import dev.terp.masterdata.product.domain.ProductNames;
import dev.terp.platform.security.SecurityProperties;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;
import dev.terp.support.Unique;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a real server process under write load: the production jar (java -jar, production configuration) is
 * started against the test run's database and Redis, sixteen clients post intakes (each a multi-row transaction:
 * find-or-create vendor, brand and product, batch, location stock, INTAKE movement, audit row) and the process gets
 * SIGTERM while requests are in flight. Requests in flight must finish with their 201; nothing answered otherwise may
 * have written anything, and nothing answered 201 may be missing: for every request, all of its rows or none.
 */
@IntegrationTest
class GracefulShutdownIT {

    private static final int CLIENTS = 16;

    @Autowired
    Environment environment;

    @Autowired
    SecurityProperties security;

    @Autowired
    AdminProperties admin;

    @Autowired
    TestTokens tokens;

    @Autowired
    TestDatabase rows;

    @Test
    void inFlightRequestsFinishAndNothingIsHalfWrittenWhenTheServerIsTerminated() throws Exception {
        String tag = Unique.tag();
        String category = "Shutdown Cat " + tag;
        rows.update("INSERT INTO categories (name) VALUES (:name)", Map.of("name", category));
        int port = freePort();
        Path log = Files.createTempFile("graceful-shutdown-server", ".log");
        Process server = start(port, log);
        try {
            awaitReady(port, server, log);
            String token = tokens.admin();
            // HTTP/1.1 only: the JDK client otherwise sends its first request with "Upgrade: h2c".
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            // One intake first creates the shared vendor, brand and location: sixteen first requests racing to create
            // the same new names are a different subject (find-or-create), not this test's.
            Outcome first = post(client, port, token, category, "Shutdown " + tag + " warm-up");
            assertThat(first.status()).as(String.valueOf(first)).isEqualTo(201);
            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNumber = c;
                Thread thread = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String product = "Shutdown " + tag + " c" + clientNumber + " n" + i;
                        outcomes.add(post(client, port, token, category, product));
                    }
                }, "shutdown-client-" + c);
                thread.start();
                clients.add(thread);
            }
            // Terminate once the server is warm and busy (a cold server on a loaded box answers its first requests
            // slowly), so that requests are surely in flight at the signal.
            long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (outcomes.stream().filter(o -> o.status() == 201).count() < 2L * CLIENTS
                    && System.nanoTime() < warmDeadline) {
                Thread.sleep(200);
            }
            long terminatedAt = System.nanoTime();
            server.destroy(); // SIGTERM
            boolean exited = server.waitFor(60, TimeUnit.SECONDS);
            stop.set(true);
            for (Thread thread : clients) {
                thread.join(30_000);
            }
            assertThat(exited).as("server exited after SIGTERM; log " + log).isTrue();

            List<Outcome> all = List.copyOf(outcomes);
            System.out.printf("GracefulShutdownIT: %d requests, %d answered 201 (%d of them after SIGTERM), "
                            + "%d refused or closed%n", all.size(), all.stream().filter(o -> o.status() == 201).count(),
                    all.stream().filter(o -> o.status() == 201 && o.answeredAt() > terminatedAt).count(),
                    all.stream().filter(o -> o.status() == 0).count());
            assertThat(all.stream().filter(o -> o.status() == 201 && o.sentAt() < terminatedAt)).as("201s before")
                    .hasSizeGreaterThan(CLIENTS);
            // Sent before the signal, answered after it: these were in flight and finished.
            assertThat(all.stream().filter(o -> o.sentAt() < terminatedAt && o.answeredAt() > terminatedAt
                    && o.status() == 201)).as("in-flight requests that completed after SIGTERM").isNotEmpty();
            assertThat(all.stream().filter(o -> o.status() != 201 && o.status() != 0))
                    .as("HTTP answers other than 201 (a connection refused or closed is status 0)").isEmpty();
            assertThat(all.stream().filter(o -> o.status() == 0)).as("refused after SIGTERM").isNotEmpty();

            for (Outcome outcome : all) {
                long batches = count("SELECT COUNT(*) AS n FROM batches b JOIN products p ON p.id = b.product_id "
                        + "WHERE p.name_canonical = :product", outcome.product());
                long products = count("SELECT COUNT(*) AS n FROM products WHERE name_canonical = :product",
                        outcome.product());
                long movements = count("SELECT COUNT(*) AS n FROM inventory_movements m JOIN batches b "
                        + "ON b.id = m.batch_id JOIN products p ON p.id = b.product_id WHERE p.name_canonical = :product "
                        + "AND m.movement_type = 'INTAKE'", outcome.product());
                long audited = count("SELECT COUNT(*) AS n FROM audit_logs a JOIN batches b ON b.id = a.entity_id "
                        + "JOIN products p ON p.id = b.product_id "
                        + "WHERE a.entity = 'Batch' AND p.name_canonical = :product",
                        outcome.product());
                long expected = outcome.status() == 201 ? 1 : 0;
                assertThat(List.of(products, batches, movements, Math.min(audited, 1)))
                        .as("rows of %s (%s)", outcome.product(), outcome)
                        .containsOnly(expected);
            }
        }
        finally {
            if (server.isAlive()) {
                server.destroyForcibly();
            }
        }
    }

    private record Outcome(String product, int status, long sentAt, long answeredAt, String failure) {
    }

    private static Outcome post(HttpClient client, int port, String token, String category, String product) {
        String body = "{\"vendorName\":\"Shutdown Vendor\",\"brandName\":\"Shutdown Brand\",\"productName\":\""
                + product + "\",\"category\":\"" + category + "\",\"quantity\":\"5\",\"cogsMode\":\"FIXED\","
                + "\"unitCogs\":\"2.50\",\"paymentTerms\":\"NET_30\",\"location\":{\"site\":\"Shutdown Site\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inventory/intake"))
                .timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(product, response.statusCode(), sentAt, System.nanoTime(),
                    response.statusCode() == 201 ? null : response.body());
        }
        catch (IOException refusedOrClosed) {
            pause();
            return new Outcome(product, 0, sentAt, System.nanoTime(), refusedOrClosed.toString());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Outcome(product, 0, sentAt, System.nanoTime(), interrupted.toString());
        }
    }

    /** Once refused, do not spin: the server is going away. */
    private static void pause() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private long count(String sql, String product) {
        return Objects.requireNonNull(rows.one(sql,
                Map.of("product", ProductNames.canonical(product)), row -> row.get("n", Long.class)));
    }

    private Process start(int port, Path log) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
                productionJar().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SPRING_R2DBC_URL", environment.getRequiredProperty("spring.r2dbc.url"));
        env.put("SPRING_R2DBC_USERNAME", environment.getRequiredProperty("spring.r2dbc.username"));
        env.put("SPRING_R2DBC_PASSWORD", environment.getProperty("spring.r2dbc.password", ""));
        env.put("SPRING_FLYWAY_URL", environment.getRequiredProperty("spring.flyway.url"));
        env.put("SPRING_FLYWAY_USER", environment.getRequiredProperty("spring.flyway.user"));
        env.put("SPRING_FLYWAY_PASSWORD", environment.getProperty("spring.flyway.password", ""));
        env.put("SPRING_DATA_REDIS_HOST", environment.getRequiredProperty("spring.data.redis.host"));
        env.put("SPRING_DATA_REDIS_PORT", environment.getRequiredProperty("spring.data.redis.port"));
        env.put("TERP_DB_SSL_MODE", "DISABLED");
        env.put("TERP_SECURITY_JWT_SECRET", security.jwtSecret());
        env.put("TERP_ADMIN_USERNAME", admin.username());
        env.put("TERP_ADMIN_PASSWORD", admin.password());
        env.put("TERP_RATELIMIT_API_CAPACITY", "1000000");
        env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "false");
        // Leave the shared jobs table to the test contexts.
        env.put("TERP_JOBS_TICK", "1h");
        return builder.start();
    }

    private static void awaitReady(int port, Process server, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited during start-up: " + tail(log));
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server not ready in 180 s: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Path productionJar() throws Exception {
        Path buildDirectory = Path.of(GracefulShutdownIT.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).getParent();
        try (Stream<Path> files = Files.list(buildDirectory)) {
            return files.filter(file -> file.getFileName().toString().matches("terp-reactive-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no production jar in " + buildDirectory));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
