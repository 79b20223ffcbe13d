package dev.terp.platform.jobs;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code terp.jobs.*}: how long a claim on a running job lasts without a heartbeat, how often each instance looks for
 * abandoned jobs and due schedules, how often a job is tried, and which job types run on a schedule (type → period;
 * once per period across all instances).
 */
@Validated
@ConfigurationProperties("terp.jobs")
public record JobProperties(@NotNull Duration lease, @NotNull Duration tick, @Min(1) int maxAttempts,
                            Map<String, Duration> schedule) {

    public JobProperties {
        if (lease != null && lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("terp.jobs.lease must be at least 3s");
        }
        if (tick != null && (tick.isNegative() || tick.isZero())) {
            throw new IllegalArgumentException("terp.jobs.tick must be positive");
        }
        // Job types are dashed; an environment variable (TERP_JOBS_SCHEDULE_INVENTORY_ALERTS) binds "inventory.alerts".
        schedule = schedule == null ? Map.of() : schedule.entrySet().stream().collect(java.util.stream.Collectors
                .toUnmodifiableMap(entry -> entry.getKey().toLowerCase(java.util.Locale.ROOT).replace('.', '-')
                        .replace('_', '-'), Map.Entry::getValue));
        schedule.forEach((type, period) -> {
            if (period == null || period.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("terp.jobs.schedule." + type + " must be at least 1m");
            }
        });
    }
}
