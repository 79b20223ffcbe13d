package dev.terp.platform.jobs;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobPropertiesTest {

    @Test
    void scheduleKeysFromEnvironmentVariablesBecomeDashedJobTypes() {
        JobProperties properties = new JobProperties(Duration.ofSeconds(60), Duration.ofSeconds(15), 3,
                Map.of("inventory.alerts", Duration.ofHours(1), "DATABASE_BACKUP", Duration.ofHours(24)));
        assertThat(properties.schedule()).containsOnlyKeys("inventory-alerts", "database-backup");
    }

    @Test
    void refusesLeasesTooShortForAHeartbeatAndSchedulesBelowAMinute() {
        assertThatThrownBy(() -> new JobProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Map.of()))
                .hasMessageContaining("terp.jobs.lease");
        assertThatThrownBy(() -> new JobProperties(Duration.ofSeconds(60), Duration.ZERO, 3, Map.of()))
                .hasMessageContaining("terp.jobs.tick");
        assertThatThrownBy(() -> new JobProperties(Duration.ofSeconds(60), Duration.ofSeconds(1), 3,
                Map.of("inventory-alerts", Duration.ofSeconds(30)))).hasMessageContaining("at least 1m");
    }
}
