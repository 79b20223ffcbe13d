package dev.terp.platform.observability;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the exported series bounded. The R2DBC observation tags its timer with the thread a statement ran on, and
 * bounded-elastic threads are numbered without limit ({@code boundedElastic-1234}), so that tag is dropped from
 * metrics (spans keep it). HTTP timers carry the route template ({@code /api/v1/batches/{id}}), never the raw path;
 * {@code MetricCardinalityIT} checks both on a running server.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    MeterFilter dropUnboundedThreadTag() {
        return MeterFilter.ignoreTags("r2dbc.thread");
    }
}
