package dev.terp.platform.jobs;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;

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
    TestDatabase rows;

    @Autowired
    dev.terp.platform.redis.RedisConnections redis;

    @Autowired
    java.time.Clock clock;

    @Test
    void aDueScheduleStartsOneJobAcrossInstances() {
        Duration period = Duration.ofDays(3650);
        // A reused (external) Redis may still hold this slot from an earlier run.
        String slotKey = "terp:jobs:schedule:database-backup:" + clock.millis() / period.toMillis();
        redis.strings().map(connection -> connection.sync().del(slotKey))
                .as(StepVerifier::create).expectNextCount(1).verifyComplete();
        long before = jobsOfType();

        // One instance after the other, each asking for the same slot: the first starts the job, the others do not.
        scheduler.startIfDue("database-backup", period)
                .concatWith(scheduler.startIfDue("database-backup", period))
                .concatWith(scheduler.startIfDue("database-backup", period))
                .as(StepVerifier::create)
                .expectNext(true, false, false)
                .verifyComplete();

        assertThat(jobsOfType()).isEqualTo(before + 1);
    }

    private long jobsOfType() {
        return rows.count("SELECT COUNT(*) AS n FROM jobs WHERE type = 'database-backup' AND requested_by IS NULL",
                Map.of());
    }
}
