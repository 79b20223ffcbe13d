package dev.terp.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code terp_readiness}: 1 while the instance accepts traffic, 0 while it does not (starting, draining on
 * shutdown, or marked refusing). The alert rule {@code TerpReadinessDown} reads it together with Prometheus' own
 * {@code up}; whether the database and Redis answer is the readiness probe's job (health group {@code readiness}).
 */
@Configuration(proxyBeanMethods = false)
public class ReadinessGauge {

    @Bean
    Gauge terpReadiness(MeterRegistry meters, ApplicationAvailability availability) {
        return Gauge.builder("terp.readiness",
                        availability, a -> a.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? 1 : 0)
                .description("1 while this instance accepts traffic").register(meters);
    }
}
