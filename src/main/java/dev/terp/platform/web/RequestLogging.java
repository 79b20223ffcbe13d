package dev.terp.platform.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.terp.platform.observability.TraceIds;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.AuthenticationFilter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Logs every request exactly once (method, path, status, duration, user, traceId, requestId) and gives every
 * response an {@code X-Request-Id}: the client's own if it sent a sane one, otherwise a new one. The response also
 * names its trace ({@code X-Trace-Id}) and the request's span carries the request id as the tag {@code request.id},
 * so a trace is found in Zipkin from either (docs/observability.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogging implements WebFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    /** The server span's tag holding the request id (Zipkin: {@code tagQuery=request.id=...}). */
    public static final String REQUEST_ID_TAG = "request.id";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger log = LoggerFactory.getLogger(RequestLogging.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String requestId = requestIdOf(exchange);
        exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);
        TraceIds.of(exchange).ifPresent(traceId -> exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, traceId));
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .ifPresent(observation -> observation.addHighCardinalityKeyValue(
                        KeyValue.of(REQUEST_ID_TAG, requestId)));
        return chain.filter(exchange)
                .doFinally(signal -> logCompleted(exchange, requestId, started));
    }

    /** The acting user's name for logs, or {@code anonymous} before authentication has run. */
    static String userOf(ServerWebExchange exchange) {
        Actor actor = exchange.getAttribute(AuthenticationFilter.ACTOR_ATTRIBUTE);
        return actor == null ? "anonymous" : actor.username();
    }

    private static void logCompleted(ServerWebExchange exchange, String requestId, long started) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        log.atInfo()
                .addKeyValue("method", exchange.getRequest().getMethod().name())
                .addKeyValue("path", exchange.getRequest().getPath().value())
                .addKeyValue("status", status == null ? 0 : status.value())
                .addKeyValue("durationMs", durationMs)
                .addKeyValue("user", userOf(exchange))
                .addKeyValue("traceId", TraceIds.of(exchange).orElse(null))
                .addKeyValue("requestId", requestId)
                .log("{} {} {} {}ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                        status == null ? "-" : status.value(), durationMs);
    }

    private static String requestIdOf(ServerWebExchange exchange) {
        String sent = exchange.getRequest().getHeaders().getFirst(REQUEST_ID_HEADER);
        return sent != null && SANE_REQUEST_ID.matcher(sent).matches() ? sent : newRequestId();
    }

    /**
     * A random version-4 UUID from ThreadLocalRandom: {@code UUID.randomUUID()} reads SecureRandom, which may block
     * an event-loop thread on entropy, and a request id needs uniqueness, not unpredictability.
     */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
