package dev.terp.support;

import java.time.Duration;

import dev.terp.platform.redis.RedisConnections;

import static org.awaitility.Awaitility.await;

/**
 * Tests that measure rate limits need the context's Redis connections open. They open in the background at start-up,
 * and on a busy test machine an attempt can miss its handshake timeout: wait until both are open.
 */
public final class RedisReady {

    private RedisReady() {
    }

    public static void awaitConnections(RedisConnections redis) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                redis.strings().block(Duration.ofSeconds(5)) != null
                        && redis.binary().block(Duration.ofSeconds(5)) != null);
    }
}
