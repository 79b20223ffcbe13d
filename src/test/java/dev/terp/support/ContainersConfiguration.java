package dev.terp.support;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.DRIVER;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

/**
 * MySQL and Redis in Docker, for machines that have it. Active only when the test infrastructure resolved to
 * {@code containers} (see {@code EmbeddedServicesEnvironmentPostProcessor}).
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "terp.test.infrastructure.resolved", havingValue = "containers")
public class ContainersConfiguration {

    private static final String DATABASE_NAME = "terp";

    /**
     * Only the JDBC side comes from the service connection: Flyway migrates through it (the JDBC details are also
     * what switches Flyway's auto-configuration on). Boot's R2DBC service connection for MySQLContainer needs
     * Testcontainers' r2dbc module, which is not on our classpath, so {@link #mysqlR2dbc} provides that side.
     * No DataSource is created: Boot's DataSource auto-configuration backs off when an R2DBC ConnectionFactory exists.
     */
    @Bean
    @ServiceConnection(type = { JdbcConnectionDetails.class, FlywayConnectionDetails.class })
    MySQLContainer mysql() {
        // Binary logging is on in the image and the test user lacks SUPER: let tests create their fault-injection
        // triggers (see GradeIT) as they can on the embedded MariaDB.
        return new MySQLContainer(DockerImageName.parse("mysql:8.4")).withDatabaseName(DATABASE_NAME)
                .withCommand("--log-bin-trust-function-creators=1");
    }

    /** Read lazily: Boot starts the container beans before the connection factory asks for its options. */
    @Bean
    R2dbcConnectionDetails mysqlR2dbc(MySQLContainer mysql) {
        return () -> ConnectionFactoryOptions.builder()
                .option(DRIVER, "mysql")
                .option(HOST, mysql.getHost())
                .option(PORT, mysql.getMappedPort(MySQLContainer.MYSQL_PORT))
                .option(DATABASE, mysql.getDatabaseName())
                .option(USER, mysql.getUsername())
                .option(PASSWORD, mysql.getPassword())
                .build();
    }

    @Bean
    @ServiceConnection(name = "redis")
    GenericContainer<?> redis() {
        return new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
    }
}
