package dev.terp.platform.observability;

import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id of the request being served, read from the server observation that WebFlux keeps on the exchange
 * (so it works in filters, handlers and the error translator alike, whatever thread they run on).
 */
public final class TraceIds {

    private TraceIds() {
    }

    public static Optional<String> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> {
                    TracingObservationHandler.TracingContext tracing =
                            context.get(TracingObservationHandler.TracingContext.class);
                    return tracing == null ? null : tracing.getSpan();
                })
                .map(Span::context)
                .map(spanContext -> spanContext.traceId())
                .filter(traceId -> !traceId.isBlank());
    }
}
