package dev.terp.platform.web;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.VersionConflictException;
import dev.terp.platform.observability.ErrorReports;
import dev.terp.platform.observability.ThrottledWarning;
import dev.terp.platform.observability.TraceIds;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The one place where failures become RFC 9457 problem+json (api-conventions §3) and where they are logged:
 * once, with route, user and traceId; 4xx at INFO without a stack trace, 5xx at ERROR with it, except 503 (a backing
 * service down or saturated): WARN without a stack, at most once per 10 s burst, and the answer carries Retry-After. A 5xx answer
 * never carries the exception's own message, so SQL, class names and host names stay in the log.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1), which would answer in its own format
public class ProblemTranslator implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemTranslator.class);
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** What a 503 asks clients to wait: about one pool acquire timeout, long enough for a restart to show. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration UNAVAILABLE_LOG_INTERVAL = Duration.ofSeconds(10);

    private final JsonMapper json;
    private final ThrottledWarning unavailableWarning = new ThrottledWarning(log, UNAVAILABLE_LOG_INTERVAL);

    public ProblemTranslator(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        Problem problem = translate(failure);
        String traceId = TraceIds.of(exchange).orElse(null);
        logOnce(exchange, failure, problem, traceId);
        if (problem.code().status() >= 500 || problem.internal()) {
            ErrorReports.capture(exchange, failure, problem.code().name(), traceId);
        }
        byte[] body = json.writeValueAsBytes(body(problem, exchange.getRequest().getPath().value(), traceId));
        response.setStatusCode(HttpStatus.valueOf(problem.code().status()));
        response.getHeaders().setContentType(PROBLEM_JSON);
        if (problem.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        }
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** Decides the answer for any failure; visible for the translator's own unit test. */
    Problem translate(Throwable failure) {
        if (failure instanceof ApiException api) {
            return new Problem(api.code(), api.getMessage(), api.violations(), api.code().status() >= 500);
        }
        if (hasCause(failure, DataBufferLimitException.class)) {
            return Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than the server accepts");
        }
        if (failure instanceof UnsupportedMediaTypeStatusException unsupported) {
            return Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type " + describe(unsupported.getContentType())
                    + " is not supported; send application/json");
        }
        if (failure instanceof MethodNotAllowedException notAllowed) {
            return Problem.of(ErrorCode.METHOD_NOT_ALLOWED, "Method " + notAllowed.getHttpMethod()
                    + " is not allowed here; allowed: " + notAllowed.getSupportedMethods());
        }
        if (failure instanceof NotAcceptableStatusException) {
            return Problem.of(ErrorCode.NOT_ACCEPTABLE, "This resource can only answer with application/json");
        }
        UnrecognizedPropertyException unknownField = findCause(failure, UnrecognizedPropertyException.class);
        if (unknownField != null) {
            return new Problem(ErrorCode.VALIDATION_FAILED, "The request sets a field that clients may not set",
                    List.of(new FieldViolation(path(unknownField), "is not a field of this request")), false);
        }
        MismatchedInputException wrongType = findCause(failure, MismatchedInputException.class);
        if (wrongType != null && !wrongType.getPath().isEmpty()) {
            return new Problem(ErrorCode.VALIDATION_FAILED, "A field has a value of the wrong type",
                    List.of(new FieldViolation(path(wrongType), "has a value of the wrong type")), false);
        }
        if (hasCause(failure, JacksonException.class)) {
            return Problem.of(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON");
        }
        if (failure instanceof ResponseStatusException status) {
            return fromStatus(status);
        }
        if (failure instanceof OptimisticLockingFailureException) {
            // Spring Data's conditional UPDATE of a @Version entity found the row changed since the client read it.
            return Problem.of(ErrorCode.VERSION_CONFLICT, VersionConflictException.DETAIL);
        }
        if (failure instanceof DuplicateKeyException) {
            return Problem.of(ErrorCode.CONFLICT, "A record with the same unique value already exists");
        }
        if (failure instanceof DataIntegrityViolationException) {
            // The foreign keys are the safety net behind the services' own checks (ReferenceGuard).
            return Problem.of(ErrorCode.CONFLICT, "The change conflicts with records that refer to this one");
        }
        if (isUnavailable(failure)) {
            return Problem.internal(ErrorCode.SERVICE_UNAVAILABLE,
                    "A backing service is unavailable or overloaded; retry later");
        }
        return Problem.internal(ErrorCode.INTERNAL, "An unexpected error occurred; quote the traceId when reporting it");
    }

    private static Problem fromStatus(ResponseStatusException status) {
        int code = status.getStatusCode().value();
        return switch (code) {
            case 400 -> Problem.of(ErrorCode.MALFORMED_REQUEST, safeReason(status, "The request could not be read"));
            case 404 -> Problem.of(ErrorCode.NOT_FOUND, "No resource exists at this path");
            case 413 -> Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than the server accepts");
            case 415 -> Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
            case 429 -> Problem.of(ErrorCode.RATE_LIMITED, "Too many requests");
            case 503 -> Problem.internal(ErrorCode.SERVICE_UNAVAILABLE, "The service is unavailable; retry later");
            default -> code >= 500
                    ? Problem.internal(ErrorCode.INTERNAL, "An unexpected error occurred")
                    : Problem.of(ErrorCode.MALFORMED_REQUEST, safeReason(status, "The request was rejected"));
        };
    }

    private Map<String, Object> body(Problem problem, String instance, String traceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.code().typeUri());
        body.put("title", problem.code().title());
        body.put("status", problem.code().status());
        body.put("detail", ProblemDocument.bounded(problem.detail(), ProblemDocument.MAX_DETAIL));
        body.put("instance", ProblemDocument.bounded(instance, ProblemDocument.MAX_INSTANCE));
        body.put("code", problem.code().name());
        body.put("traceId", traceId);
        if (!problem.violations().isEmpty()) {
            body.put("errors", ProblemDocument.bounded(problem.violations()));
        }
        return body;
    }

    private void logOnce(ServerWebExchange exchange, Throwable failure, Problem problem, String traceId) {
        if (problem.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            // An outage fails every request alike: one WARN per burst (the request log has each 503), no stacks.
            unavailableWarning.warn("{} {} answered 503 SERVICE_UNAVAILABLE (further ones for {} s not logged "
                    + "here; traceId {}): {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    UNAVAILABLE_LOG_INTERVAL.toSeconds(), traceId, rootCause(failure));
            return;
        }
        boolean serverFault = problem.code().status() >= 500;
        var event = log.atLevel(serverFault ? Level.ERROR : Level.INFO)
                .addKeyValue("method", exchange.getRequest().getMethod().name())
                .addKeyValue("path", exchange.getRequest().getPath().value())
                .addKeyValue("status", problem.code().status())
                .addKeyValue("code", problem.code().name())
                .addKeyValue("user", RequestLogging.userOf(exchange))
                .addKeyValue("traceId", traceId);
        if (serverFault || problem.internal()) {
            event.setCause(failure).log("{} {} failed: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), problem.code());
        } else {
            event.log("{} {} rejected: {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    problem.code(), problem.detail());
        }
    }

    /**
     * The database or Redis cannot be reached or is saturated, however the failure is wrapped: connection refused or
     * lost, no connection from the pool in time (reactor-pool's acquire timeout is a TimeoutException), a transaction
     * that could not begin ({@code CannotCreateTransactionException}), a transient resource failure left over after
     * the retries, a call refused by an open circuit breaker ({@code CallNotPermittedException}). These are the
     * backing service's state, not a bug: 503 with Retry-After.
     */
    private static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CallNotPermittedException
                    || cause instanceof RedisConnectionFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientResourceException
                    || cause instanceof ConnectException || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static String path(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String safeReason(ResponseStatusException status, String fallback) {
        // Reasons of 4xx status exceptions are framework-written and safe; keep them short.
        String reason = status.getReason();
        return reason == null || reason.isBlank() ? fallback : reason;
    }

    private static String describe(MediaType mediaType) {
        return mediaType == null ? "(none)" : mediaType.toString();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        return findCause(failure, type) != null;
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
