package dev.terp.platform.redis;

import java.time.Duration;

import java.util.function.Function;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
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

    private final LettuceConnectionFactory factory;
    private final Lazy<StatefulRedisConnection<String, String>> strings;
    private final Lazy<StatefulRedisConnection<String, byte[]>> binary;

    public RedisConnections(LettuceConnectionFactory factory) {
        this.factory = factory;
        this.strings = new Lazy<>(client -> client.connect(StringCodec.UTF8));
        this.binary = new Lazy<>(client -> client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)));
    }

    /** String keys and values. */
    public Mono<StatefulRedisConnection<String, String>> strings() {
        return strings.get();
    }

    /** String keys, byte[] values (Bucket4j's bucket state). */
    public Mono<StatefulRedisConnection<String, byte[]>> binary() {
        return binary.get();
    }

    /**
     * Starts opening both connections without waiting. A busy start-up can make the first handshake miss its
     * timeout, so it is retried a few times; after that, the next caller tries again.
     */
    @Override
    public void afterSingletonsInstantiated() {
        Retry fewTimes = Retry.backoff(WARM_UP_RETRIES, Duration.ofMillis(500));
        strings().retryWhen(fewTimes).subscribe(open -> { }, failed -> { });
        binary().retryWhen(fewTimes).subscribe(open -> { }, failed -> { });
    }

    @Override
    public void destroy() {
        strings.close();
        binary.close();
    }

    /**
     * One connection, opened on first use from the factory's current Lettuce client. The factory is a lifecycle
     * bean: stopped and started again (Spring's test contexts pause while unused), it replaces its client, and a
     * connection of the old one stays closed for good; so a changed client means a new connection.
     */
    private final class Lazy<T extends StatefulConnection<?, ?>> {

        private final Function<RedisClient, T> open;
        private volatile AbstractRedisClient client;
        private volatile Mono<T> connection;
        private volatile T opened;

        Lazy(Function<RedisClient, T> open) {
            this.open = open;
        }

        Mono<T> get() {
            AbstractRedisClient current = factory.getNativeClient();
            Mono<T> cached = connection;
            if (cached != null && current == client) {
                return cached;
            }
            synchronized (this) {
                if (connection == null || client != current) {
                    client = current;
                    connection = Mono.fromCallable(() -> {
                                if (!(current instanceof RedisClient redisClient)) {
                                    throw new IllegalStateException("The Redis connection factory is not running");
                                }
                                T fresh = open.apply(redisClient);
                                opened = fresh;
                                return fresh;
                            })
                            .subscribeOn(Schedulers.boundedElastic())
                            .cache(ready -> Duration.ofDays(36_500), failed -> Duration.ZERO, () -> Duration.ZERO);
                }
                return connection;
            }
        }

        void close() {
            T current = opened;
            if (current != null) {
                current.closeAsync();
            }
        }
    }
}
