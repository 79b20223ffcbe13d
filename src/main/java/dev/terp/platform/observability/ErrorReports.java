package dev.terp.platform.observability;

import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Request;
import io.sentry.protocol.User;

import dev.terp.platform.security.Actor;
import dev.terp.platform.security.AuthenticationFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Error tracking (Sentry). Sentry's Boot integration starts only when {@code SENTRY_DSN} is set; otherwise the
 * static API below is Sentry's no-op and nothing is initialised or sent. {@code ProblemTranslator} reports each 5xx
 * and unexpected exception here, once, with the route template, the method, the error code, the user id and the
 * traceId (the way to its log line and its trace); never the request body, headers, cookies or tokens.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorReports {

    public static void capture(ServerWebExchange exchange, Throwable failure, String code, String traceId) {
        if (!Sentry.isEnabled()) {
            return;
        }
        Sentry.captureException(failure, scope -> {
            scope.setTag("route", routeOf(exchange));
            scope.setTag("method", exchange.getRequest().getMethod().name());
            scope.setTag("code", code);
            if (traceId != null) {
                scope.setTag("traceId", traceId);
            }
            Actor actor = exchange.getAttribute(AuthenticationFilter.ACTOR_ATTRIBUTE);
            if (actor != null) {
                User user = new User();
                user.setId(Long.toString(actor.userId()));
                scope.setUser(user);
            }
        });
    }

    /** The route template ({@code /api/v1/batches/{id}}), or {@code UNKNOWN} when no route matched. */
    static String routeOf(ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern instanceof PathPattern path ? path.getPatternString() : "UNKNOWN";
    }

    /**
     * Whatever Sentry's web integration attached to an event, only the method and URL of the request leave the
     * server: no body, headers, cookies or query string (it may carry search terms).
     */
    @Bean
    @ConditionalOnProperty("sentry.dsn")
    SentryOptions.BeforeSendCallback stripRequestData() {
        return (SentryEvent event, io.sentry.Hint hint) -> {
            Request request = event.getRequest();
            if (request != null) {
                Request kept = new Request();
                kept.setMethod(request.getMethod());
                String url = request.getUrl();
                kept.setUrl(url == null ? null : url.split("\\?", 2)[0]);
                event.setRequest(kept);
            }
            return event;
        };
    }
}
