package dev.terp.platform.jobs;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled job type starts once per period for the whole cluster: every instance asks on its tick, the first to
 * set the slot's Redis key starts the job, the others (here: the same scheduler asking again, as a second instance
 * would, against the same Redis) do not.
 */
@IntegrationTest
class JobSchedulerIT {

    @Autowired
    JobScheduler scheduler;

    @Autowired
    DatabaseClient db;

    @Autowired
    dev.terp.platform.redis.RedisConnections redis;

    @Autowired
    java.time.Clock clock;

    @Test
    void aDueScheduleStartsOneJobAcrossInstances() {
        Duration period = Duration.ofDays(3650);
        // A reused (external) Redis may still hold this slot from an earlier run.
        String slotKey = "terp:jobs:schedule:database-backup:" + clock.millis() / period.toMillis();
        redis.strings().map(connection -> connection.sync().del(slotKey)).block();
        Long before = jobsOfType();

        Boolean first = scheduler.startIfDue("database-backup", period).block();
        Boolean second = scheduler.startIfDue("database-backup", period).block();
        Boolean third = scheduler.startIfDue("database-backup", period).block();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(third).isFalse();
        assertThat(jobsOfType()).isEqualTo(before + 1);
    }

    private Long jobsOfType() {
        return db.sql("SELECT COUNT(*) AS n FROM jobs WHERE type = 'database-backup' AND requested_by IS NULL")
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
