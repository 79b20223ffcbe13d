package dev.terp.inventory.alert;

import reactor.core.publisher.Mono;

import dev.terp.platform.jobs.Job;
import dev.terp.platform.jobs.JobWork;

import org.springframework.stereotype.Component;

/**
 * Alert generation as a job ("inventory-alerts"), so it can run on a schedule once per cluster
 * ({@code terp.jobs.schedule.inventory-alerts: 1h}). Safe to repeat: one open alert per batch and type.
 */
@Component
class AlertGenerationWork implements JobWork {

    private final AlertService alerts;

    AlertGenerationWork(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public String type() {
        return "inventory-alerts";
    }

    @Override
    public Mono<String> run(Job job, JobProgress progress) {
        return progress.report(0, 1)
                .then(alerts.generate())
                .flatMap(result -> progress.report(1, 1).thenReturn("Alerts opened " + result.opened()
                        + ", updated " + result.updated() + ", resolved " + result.resolved()));
    }
}
