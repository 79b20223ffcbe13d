package dev.terp.platform.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database edge: every new connection the pool opens goes through the {@code database} breaker, bounded by
 * {@code terp.resilience.database-connect-timeout}. When the database is down, failed connection attempts open the
 * breaker; from then on the pool's attempts fail at once, so requests (transactions, reads, the health check) answer
 * 503 SERVICE_UNAVAILABLE immediately instead of each waiting for the pool's acquire timeout. After {@code open-for},
 * trial connections close it again once the database answers.
 *
 * <p>Only opening connections is guarded, below the pool: a saturated pool (every connection busy) is not an outage
 * and must not open the breaker; it still answers 503 after {@code spring.r2dbc.pool.max-acquire-time}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseCircuitBreaker {

    @Bean
    ConnectionFactoryDecorator databaseCircuitBreakerDecorator(CircuitBreakers breakers,
            ResilienceProperties properties) {
        return connectionFactory -> new Guarded(connectionFactory, breakers.database(),
                properties.databaseConnectTimeout());
    }

    /** The driver's connection factory, each {@code create()} guarded; unwraps for pool metrics and tooling. */
    static final class Guarded implements ConnectionFactory, Wrapped<ConnectionFactory> {

        private final ConnectionFactory delegate;
        private final CircuitBreaker breaker;
        private final Duration timeout;

        Guarded(ConnectionFactory delegate, CircuitBreaker breaker, Duration timeout) {
            this.delegate = delegate;
            this.breaker = breaker;
            this.timeout = timeout;
        }

        @Override
        public Publisher<? extends Connection> create() {
            return Mono.<Connection>from(delegate.create())
                    .timeout(timeout)
                    .transformDeferred(CircuitBreakerOperator.of(breaker));
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return delegate.getMetadata();
        }

        @Override
        public ConnectionFactory unwrap() {
            return delegate;
        }
    }
}
