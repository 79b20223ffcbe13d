package dev.terp.platform.web;

import java.math.BigDecimal;
import java.net.URI;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.Page;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The response shapes of api-conventions §1-§2, and reading the {@code {id}} path variable. */
public final class Responses {

    private Responses() {
    }

    /** 201 with Location and ETag. */
    public static Mono<ServerResponse> created(String collectionPath, long id, long version, Object body) {
        return ServerResponse.created(URI.create(collectionPath + "/" + id))
                .eTag(ExpectedVersion.etag(version))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    /** 200 with the ETag of a versioned resource. */
    public static Mono<ServerResponse> versioned(long version, Object body) {
        return ServerResponse.ok().eTag(ExpectedVersion.etag(version))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    public static Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    public static Mono<ServerResponse> page(Page<?> page) {
        return ok(page);
    }

    public static Mono<ServerResponse> noContent() {
        return ServerResponse.noContent().build();
    }

    /** The positive integer {@code {id}} of the path; anything else is a 400, not a 500. */
    public static long id(ServerRequest request) {
        return positiveLong(request.pathVariable("id"), "id");
    }

    public static long positiveLong(String raw, String field) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ValidationException.of(field, "must be a positive integer");
    }

    /** A required quantity query parameter ({@code ?quantity=2.5}): > 0, at most four decimals; else a 400. */
    public static BigDecimal positiveQuantityParam(ServerRequest request, String name) {
        String raw = request.queryParam(name).map(String::trim).filter(text -> !text.isEmpty())
                .orElseThrow(() -> ValidationException.of(name, "is required"));
        if (request.queryParam(name).orElse("").length() > Decimals.MAX_INPUT_LENGTH) {
            throw ValidationException.of(name, "must be at most " + Decimals.MAX_INPUT_LENGTH + " characters");
        }
        try {
            return Decimals.positiveQuantity(name, new BigDecimal(raw));
        } catch (NumberFormatException notANumber) {
            throw ValidationException.of(name, "must be a decimal number");
        }
    }

    /** An optional boolean query parameter ({@code true} / {@code false}); other values are a 400. */
    public static Boolean booleanParam(ServerRequest request, String name) {
        return request.queryParam(name).map(raw -> switch (raw.trim().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ValidationException.of(name, "must be true or false");
        }).orElse(null);
    }

    /** The documented maxLength of {@code q}, checked on the value as sent (spaces count). */
    public static final int MAX_SEARCH_LENGTH = 100;

    /** The free-text {@code q} parameter, trimmed; blank means no search. At most 100 characters. */
    public static String searchText(ServerRequest request) {
        String raw = request.queryParam("q").orElse(null);
        if (raw != null && raw.length() > MAX_SEARCH_LENGTH) {
            throw ValidationException.of("q", "must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}
