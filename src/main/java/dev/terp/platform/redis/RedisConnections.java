package dev.terp.platform.redis;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Long-lived Lettuce connections for the platform's own Redis use (token revocation, rate limits). Opening a
 * connection blocks, so it happens once, on the bounded-elastic scheduler — never on an event loop, and never
 * holding up start-up, so a Redis outage at boot does not stop the API. A failed attempt is retried by the next
 * caller; an open connection reconnects by itself.
 *
 * <p>The connections start opening in the background as soon as the context's singletons exist: opened only by the
 * first request, they cost that request more than the callers' 500 ms Redis deadline (creating the client's event
 * loops included), so the first requests of every fresh instance skipped their rate limit and token revocation
 * check (fail open).
 */
@Component
public class RedisConnections implements SmartInitializingSingleton, DisposableBean {

    private static final int WARM_UP_RETRIES = 3;

    private final RedisClient client;
    private final Mono<StatefulRedisConnection<String, String>> strings;
    private final Mono<StatefulRedisConnection<String, byte[]>> binary;
    private volatile StatefulRedisConnection<String, String> openStrings;
    private volatile StatefulRedisConnection<String, byte[]> openBinary;

    public RedisConnections(LettuceConnectionFactory factory) {
        this.client = (RedisClient) factory.getRequiredNativeClient();
        this.strings = lazily(() -> openStrings = client.connect(StringCodec.UTF8));
        this.binary = lazily(() -> openBinary = client.connect(RedisCodec.of(StringCodec.UTF8,
                ByteArrayCodec.INSTANCE)));
    }

    /** String keys and values. */
    public Mono<StatefulRedisConnection<String, String>> strings() {
        return strings;
    }

    /** String keys, byte[] values (Bucket4j's bucket state). */
    public Mono<StatefulRedisConnection<String, byte[]>> binary() {
        return binary;
    }

    /**
     * Starts opening both connections without waiting. A busy start-up can make the first handshake miss its
     * timeout, so it is retried a few times; after that, the next caller tries again.
     */
    @Override
    public void afterSingletonsInstantiated() {
        Retry fewTimes = Retry.backoff(WARM_UP_RETRIES, Duration.ofMillis(500));
        strings.retryWhen(fewTimes).subscribe(open -> { }, failed -> { });
        binary.retryWhen(fewTimes).subscribe(open -> { }, failed -> { });
    }

    private static <T> Mono<T> lazily(java.util.concurrent.Callable<T> connect) {
        return Mono.fromCallable(connect)
                .subscribeOn(Schedulers.boundedElastic())
                .cache(open -> Duration.ofDays(36_500), failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public void destroy() {
        if (openStrings != null) {
            openStrings.closeAsync();
        }
        if (openBinary != null) {
            openBinary.closeAsync();
        }
    }
}
