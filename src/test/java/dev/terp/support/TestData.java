package dev.terp.support;

import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The test-data helpers every {@link IntegrationTest} may {@code @Autowired}. Imported by {@link IntegrationTest};
 * not a {@code @Configuration}, so the local run (which scans test classes) never picks it up.
 */
public class TestData {

    @Bean
    TestDatabase testDatabase(DatabaseClient db) {
        return new TestDatabase(db);
    }
}
