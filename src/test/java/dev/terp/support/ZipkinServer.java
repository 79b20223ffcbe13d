package dev.terp.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Zipkin server (the {@code io.zipkin:zipkin-server} exec jar that the build copies into
 * {@code target/zipkin/} before the integration tests) run as a child process: in-memory storage, a free port,
 * loopback only. Start-up is polled on {@code /health}, never slept through.
 */
public final class ZipkinServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ZipkinServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ZipkinServer start() throws IOException, InterruptedException {
        String jarProperty = System.getProperty("terp.zipkin.server-jar");
        if (jarProperty == null || !Files.isRegularFile(Path.of(jarProperty))) {
            throw new IllegalStateException("No Zipkin server jar at " + jarProperty + ": run the test through"
                    + " './mvnw verify' (its pre-integration-test phase copies io.zipkin:zipkin-server:exec)");
        }
        Path jar = Path.of(jarProperty);
        int port = freePort();
        Path log = jar.resolveSibling("zipkin-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--armeria.ports[0].port=" + port, "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].protocols[0]=http"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("STORAGE_TYPE", "mem");
        builder.environment().put("SELF_TRACING_ENABLED", "false");
        ZipkinServer server = new ZipkinServer(builder.start(), port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitHealthy();
        return server;
    }

    /** Where the application sends its spans. */
    public String spansEndpoint() {
        return baseUrl() + "/api/v2/spans";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** GET on Zipkin's API; the body, or null unless 200. */
    public String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Zipkin exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get("/health") != null) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Zipkin not healthy within " + START_TIMEOUT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
