package dev.terp.platform.tx;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The one way to run a business operation: the whole unit of work in one reactive transaction, with a deadline,
 * re-run from the start on deadlock or lock-wait timeout (bounded exponential backoff with jitter).
 *
 * <p>When called inside a transaction that is already running, the work simply joins it: retrying a part of
 * someone else's transaction would be wrong, so only the outermost caller retries.
 */
@Component
public class TransactionRunner {

    private static final Logger log = LoggerFactory.getLogger(TransactionRunner.class);

    private final TransactionalOperator transactionalOperator;
    private final TransactionProperties properties;
    private final Map<RetryableFailure, Counter> retries = new EnumMap<>(RetryableFailure.class);
    private final Counter deadlinesExceeded;
    private final Counter retriesExhausted;

    public TransactionRunner(TransactionalOperator transactionalOperator, TransactionProperties properties,
            MeterRegistry meters) {
        this.transactionalOperator = transactionalOperator;
        this.properties = properties;
        for (RetryableFailure reason : RetryableFailure.values()) {
            retries.put(reason, retryCounter(meters, reason));
        }
        this.deadlinesExceeded = Counter.builder("terp.tx.deadline.exceeded")
                .description("Transactions rolled back because they ran past their deadline").register(meters);
        this.retriesExhausted = Counter.builder("terp.tx.retries.exhausted")
                .description("Transactions that failed after every retry").register(meters);
    }

    public <T> Mono<T> inRetryingTransaction(Supplier<Mono<T>> unitOfWork) {
        return isTransactionActive().flatMap(active -> active
                ? Mono.defer(unitOfWork)
                : retrying(unitOfWork));
    }

    private <T> Mono<T> retrying(Supplier<Mono<T>> unitOfWork) {
        Duration deadline = properties.timeout();
        Mono<T> attempt = Mono.defer(unitOfWork)
                .as(transactionalOperator::transactional)
                // Cancelling on timeout makes the operator roll back and release the connection.
                .timeout(deadline)
                .onErrorMap(TimeoutException.class, timeout -> {
                    deadlinesExceeded.increment();
                    log.error("Transaction exceeded its deadline of {} and was rolled back", deadline);
                    return new TransactionDeadlineExceededException(deadline);
                });
        return attempt.retryWhen(Retry.backoff(properties.maxRetries(), properties.firstBackoff())
                .maxBackoff(properties.maxBackoff())
                .jitter(0.5)
                .filter(RetryableFailure::isRetryable)
                .doBeforeRetry(signal -> {
                    RetryableFailure reason = RetryableFailure.of(signal.failure()).orElseThrow();
                    retries.get(reason).increment();
                    log.warn("Transaction failed with {} (attempt {}); re-running it", reason,
                            signal.totalRetries() + 1);
                })
                .onRetryExhaustedThrow((spec, signal) -> {
                    retriesExhausted.increment();
                    return new TransactionRetriesExhaustedException((int) signal.totalRetries() + 1, signal.failure());
                }));
    }

    private static Mono<Boolean> isTransactionActive() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .map(TransactionSynchronizationManager::isActualTransactionActive)
                .onErrorResume(NoTransactionException.class, none -> Mono.just(false));
    }

    private static Counter retryCounter(MeterRegistry meters, RetryableFailure reason) {
        return Counter.builder("terp.tx.retries")
                .description("Transactions re-run after a deadlock, a lock-wait timeout or a stale snapshot")
                .tag("reason", reason.name().toLowerCase())
                .register(meters);
    }
}
