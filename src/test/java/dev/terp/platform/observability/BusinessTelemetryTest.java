package dev.terp.platform.observability;

import java.math.BigDecimal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessTelemetryTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BusinessTelemetry telemetry = new BusinessTelemetry(meters, ObservationRegistry.create());

    @Test
    void aDeclaredAmountAddsMagnitudesUnderItsFixedTags() {
        BusinessTelemetry.Amount adjusted = telemetry.amount("inventory.units", "movement", "adjusted");

        adjusted.add(new BigDecimal("2.5"));
        adjusted.add(new BigDecimal("-1.25"));
        adjusted.add(null);

        assertThat(meters.get("terp.inventory.units").tag("movement", "adjusted").counter().count()).isEqualTo(3.75);
    }

    @Test
    void tagsThatCouldTakeAnIdOrANameAreRefusedAtDeclaration() {
        assertThatThrownBy(() -> telemetry.counter("orders", "batch", "12345"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ids, names and paths");
        assertThatThrownBy(() -> telemetry.counter("orders", "user", "Jane Doe"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> telemetry.operation("inventory.intake", "path", "/api/v1/batches/7"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> telemetry.counter("Orders Placed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dotted lower-case");
        assertThatThrownBy(() -> telemetry.counter("orders", "outcome"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOperationTimesEachRunAndTagsFailuresWithTheirType() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(
                new io.micrometer.core.instrument.observation.DefaultMeterObservationHandler(meters));
        BusinessTelemetry.Operation intake = new BusinessTelemetry(meters, observations).operation("inventory.intake");

        StepVerifier.create(intake.observe(Mono.just("ok"))).expectNext("ok").verifyComplete();
        StepVerifier.create(intake.observe(Mono.error(new IllegalStateException("no")))).verifyError();

        assertThat(meters.get("terp.operation").tag("operation", "inventory.intake").tag("error", "none")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get("terp.operation").tag("operation", "inventory.intake")
                .tag("error", "IllegalStateException").timer().count()).isEqualTo(1);
    }
}
