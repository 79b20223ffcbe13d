package dev.terp.platform.observability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The one way a module declares its business metrics and spans, each in one line, as a field:
 * <pre>
 * private final BusinessTelemetry.Operation intake = telemetry.operation("inventory.intake");
 * private final BusinessTelemetry.Amount unitsReceived = telemetry.amount("inventory.units", "movement", "received");
 * private final Counter lockedLogins = telemetry.counter("auth.logins", "outcome", "locked");
 *
 * return intake.observe(tx.inRetryingTransaction(...)).doOnNext(batch -> unitsReceived.add(batch.onHandQty()));
 * </pre>
 * <ul>
 *   <li>{@code operation} — a span (child of the request's, parent of the SQL and Redis spans beneath it) and the
 *       timer {@code terp_operation_seconds{operation, error}} with a percentile histogram;</li>
 *   <li>{@code amount} — a counter of units/money, {@code terp_<name>_total};</li>
 *   <li>{@code counter} — a counter of events, {@code terp_<name>_total}.</li>
 * </ul>
 * Tags are fixed when the meter is declared, never per call, so a tag cannot take an id, a name or a path: the
 * number of series is the number of declarations. Names and tag values are checked here (lower-case words, no
 * number-only values) and the server refuses to start on a bad one; {@code MetricCardinalityIT} checks what is
 * actually exported. Count after the work has succeeded (outside the retrying transaction), so a retried or
 * rolled-back unit of work counts once or not at all.
 */
@Component
public class BusinessTelemetry {

    /** Observation (span and timer) name of every business operation; the operation is its tag and span name. */
    public static final String OPERATION_OBSERVATION = "terp.operation";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern TAG_VALUE = Pattern.compile("[a-z][a-z0-9_.-]{0,39}");

    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    public BusinessTelemetry(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations;
    }

    /** A counter of events, exported as {@code terp_<name>_total}. */
    public Counter counter(String name, String... tags) {
        return Counter.builder("terp." + checkedName(name)).tags(checkedTags(tags)).register(meters);
    }

    /** A running total of units or money, exported as {@code terp_<name>_total}. */
    public Amount amount(String name, String... tags) {
        return new Amount(Counter.builder("terp." + checkedName(name)).tags(checkedTags(tags)).register(meters));
    }

    /** A business operation: a span around it plus {@code terp_operation_seconds{operation=name, ...}}. */
    public Operation operation(String name, String... tags) {
        List<KeyValue> keyValues = new ArrayList<>();
        keyValues.add(KeyValue.of("operation", checkedName(name)));
        for (Tag tag : checkedTags(tags)) {
            keyValues.add(KeyValue.of(tag.getKey(), tag.getValue()));
        }
        return new Operation(name, KeyValues.of(keyValues), observations);
    }

    static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Metric name '" + name
                    + "' must be dotted lower-case words, e.g. inventory.units");
        }
        return name;
    }

    static Tags checkedTags(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come in key, value pairs");
        }
        Tags tags = Tags.empty();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i];
            String value = keysAndValues[i + 1];
            if (key == null || !NAME.matcher(key).matches() || value == null
                    || !TAG_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("Tag " + key + "=" + value + " is not a fixed lower-case word;"
                        + " ids, names and paths never go into a tag (unbounded series)");
            }
            tags = tags.and(key, value);
        }
        return tags;
    }

    /** A running total of a quantity; amounts go in as BigDecimal and are exported as a double (metrics only). */
    public static final class Amount {

        private final Counter counter;

        private Amount(Counter counter) {
            this.counter = counter;
        }

        /** Adds the magnitude of {@code amount} (a negative adjustment still moved units); null adds nothing. */
        public void add(BigDecimal amount) {
            if (amount != null && amount.signum() != 0) {
                counter.increment(amount.abs().doubleValue());
            }
        }
    }

    /** A declared business operation; {@link #observe} wraps each run of it. */
    public static final class Operation {

        private final String name;
        private final KeyValues keyValues;
        private final ObservationRegistry registry;

        private Operation(String name, KeyValues keyValues, ObservationRegistry registry) {
            this.name = name;
            this.keyValues = keyValues;
            this.registry = registry;
        }

        /**
         * Runs {@code work} inside a span named after the operation, child of the request's span (read from the
         * Reactor context, where WebFlux puts it), and makes it the parent of everything {@code work} does: the
         * SQL and Redis spans of the operation hang beneath it.
         */
        public <T> Mono<T> observe(Mono<T> work) {
            return Mono.deferContextual(context -> {
                Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
                Observation observation = Observation.createNotStarted(OPERATION_OBSERVATION, registry)
                        .contextualName(name)
                        .parentObservation(parent)
                        .lowCardinalityKeyValues(keyValues)
                        .start();
                return work
                        .doOnError(observation::error)
                        .doFinally(signal -> observation.stop())
                        .contextWrite(inner -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
            });
        }
    }
}
