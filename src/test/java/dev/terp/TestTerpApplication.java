package dev.terp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Runs the application locally with the {@code local} profile: an embedded MariaDB whose data survives restarts
 * (in {@code ${TERP_LOCAL_DIR:.terp-local}}), an embedded Redis and the demo data. Start it with
 * {@code ./mvnw spring-boot:test-run}.
 */
public final class TestTerpApplication {

    private TestTerpApplication() {
    }

    public static void main(String[] args) {
        try {
            SpringApplication.from(TerpApplication::main)
                    .with(LocalRunAnnouncement.class)
                    .withAdditionalProfiles("local")
                    .run(withZipkinIfUp(args));
        }
        catch (RuntimeException | Error failure) {
            // Boot has logged the failure already. Exiting runs Boot's shutdown handlers, which stop the embedded
            // MariaDB; its process threads would otherwise keep this JVM alive forever.
            System.exit(1);
        }
    }

    /**
     * Reports spans to Zipkin when one answers at the configured endpoint (scripts/zipkin.sh starts one on 9411);
     * without it the exporter stays off, so a local run without Zipkin logs no failed span reports.
     */
    static String[] withZipkinIfUp(String[] args) {
        String endpoint = System.getenv().getOrDefault("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT",
                DEFAULT_ZIPKIN_ENDPOINT);
        URI uri = URI.create(endpoint);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), 500);
        }
        catch (IOException | IllegalArgumentException notListening) {
            return args;
        }
        String[] withZipkin = Arrays.copyOf(args, args.length + 2);
        withZipkin[args.length] = "--management.tracing.export.zipkin.enabled=true";
        withZipkin[args.length + 1] = "--management.tracing.export.zipkin.endpoint=" + endpoint;
        return withZipkin;
    }

    private static final String DEFAULT_ZIPKIN_ENDPOINT = "http://127.0.0.1:9411/api/v2/spans";

    @TestConfiguration(proxyBeanMethods = false)
    static class LocalRunAnnouncement {

        private static final Logger log = LoggerFactory.getLogger(TestTerpApplication.class);

        @Bean
        ApplicationListener<ApplicationReadyEvent> announceLocalUrls() {
            return event -> {
                if (!(event.getApplicationContext() instanceof WebServerApplicationContext webContext)) {
                    return;
                }
                Environment environment = event.getApplicationContext().getEnvironment();
                String baseUrl = "http://localhost:" + webContext.getWebServer().getPort();
                String swaggerPath = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
                log.info("""

                        ==========================================================================
                          TERP is running locally
                            API         {}
                            Swagger UI  {}{}
                            Health      {}/actuator/health
                            Metrics     {}/actuator/prometheus
                            Traces      {}
                            Data        {}  (delete it to start from scratch)
                        ==========================================================================""",
                        baseUrl, baseUrl, swaggerPath, baseUrl, baseUrl, traces(environment),
                        dataDirectory(environment));
            };
        }

        private static String traces(Environment environment) {
            if (!environment.getProperty("management.tracing.export.zipkin.enabled", Boolean.class, false)) {
                return "not reported: no Zipkin at " + environment.getProperty(
                        "management.tracing.export.zipkin.endpoint", DEFAULT_ZIPKIN_ENDPOINT)
                        + " (run scripts/zipkin.sh, then restart)";
            }
            URI endpoint = URI.create(environment.getProperty("management.tracing.export.zipkin.endpoint",
                    DEFAULT_ZIPKIN_ENDPOINT));
            double sampled = environment.getProperty("management.tracing.sampling.probability", Double.class, 0.1);
            return "reported to Zipkin (" + Math.round(sampled * 100) + "% of requests): http://localhost:"
                    + endpoint.getPort() + "/zipkin/ (paste the X-Trace-Id of a response)";
        }

        private static String dataDirectory(Environment environment) {
            String dataDirectory = environment.getProperty("terp.embedded.data-dir");
            if (dataDirectory == null) {
                return "(not persistent)";
            }
            return Path.of(dataDirectory).toAbsolutePath().normalize().toString();
        }
    }
}
