package dev.terp;

import java.nio.file.Path;

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
                    .run(args);
        }
        catch (RuntimeException | Error failure) {
            // Boot has logged the failure already. Exiting runs Boot's shutdown handlers, which stop the embedded
            // MariaDB; its process threads would otherwise keep this JVM alive forever.
            System.exit(1);
        }
    }

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
                            Data        {}  (delete it to start from scratch)
                        ==========================================================================""",
                        baseUrl, baseUrl, swaggerPath, baseUrl, dataDirectory(environment));
            };
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
