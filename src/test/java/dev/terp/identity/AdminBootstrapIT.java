package dev.terp.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas starting together against one empty database: both look for an administrator before either has
 * created one (the BCrypt hash between the look and the insert keeps that window wide open), and exactly one is
 * created, audited once, with neither start-up failing. Runs against a database of its own, migrated from scratch.
 */
@IntegrationTest
class AdminBootstrapIT {

    private static final String DATABASE = "terp_bootstrap_race";
    private static final int REPLICAS = 2;
    private static final int ROUNDS = 3;

    @Autowired
    Environment environment;

    @Autowired
    AdminProperties admin;

    @Autowired
    PasswordHasher hasher;

    @AfterEach
    void dropTheDatabase() {
        server().execute("DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Test
    void twoReplicasStartingTogetherCreateTheFirstAdministratorOnce() throws Exception {
        server().execute("DROP DATABASE IF EXISTS " + DATABASE);
        server().execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl(DATABASE), user(), password());
        Flyway.configure().dataSource(dataSource).locations("filesystem:migrations").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.update("DELETE FROM audit_logs");
                jdbc.update("DELETE FROM users");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> starts = new ArrayList<>();
                for (int replica = 0; replica < REPLICAS; replica++) {
                    Callable<Boolean> bootstrap = () -> {
                        start.await();
                        return AdminBootstrap.createFirstAdministrator(new JdbcTemplate(dataSource), admin, hasher);
                    };
                    starts.add(replicas.submit(bootstrap));
                }
                start.countDown();
                List<Boolean> created = new ArrayList<>();
                for (Future<Boolean> replica : starts) {
                    created.add(replica.get(60, TimeUnit.SECONDS)); // a failed start-up would throw here
                }

                assertThat(created).as("round %d", round).containsExactlyInAnyOrder(true, false);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE roles LIKE '%ADMIN%'",
                        Integer.class)).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_logs WHERE entity = 'User' "
                        + "AND action = 'CREATED'", Integer.class)).isEqualTo(1);
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    void aStartWithAnAdministratorInPlaceCreatesNone() {
        server().execute("DROP DATABASE IF EXISTS " + DATABASE);
        server().execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl(DATABASE), user(), password());
        Flyway.configure().dataSource(dataSource).locations("filesystem:migrations").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThat(AdminBootstrap.createFirstAdministrator(jdbc, admin, hasher)).isTrue();
        assertThat(AdminBootstrap.createFirstAdministrator(jdbc, admin, hasher)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isEqualTo(1);
    }

    private JdbcTemplate server() {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl("information_schema"), user(), password()));
    }

    private String jdbcUrl(String database) {
        String url = environment.getRequiredProperty("spring.flyway.url");
        Matcher address = Pattern.compile("^(jdbc:[a-z]+://[^/]+)/.*$").matcher(url);
        assertThat(address.matches()).as(url).isTrue();
        return address.group(1) + "/" + database;
    }

    private String user() {
        return environment.getRequiredProperty("spring.flyway.user");
    }

    private String password() {
        return environment.getProperty("spring.flyway.password", "");
    }
}
