package dev.terp.platform.paging;


import dev.terp.platform.errors.ValidationException;

import org.springframework.web.reactive.function.server.ServerRequest;

/** {@code limit} (1-200, default 50) and {@code cursor} of a keyset-paginated list (api-conventions §2). */
public record PageRequest(int limit, long afterId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest from(ServerRequest request) {
        int limit = limitFrom(request);
        long afterId = request.queryParam("cursor").filter(c -> !c.isBlank())
                .map(Cursor::decode).map(Cursor::afterId).orElse(0L);
        return new PageRequest(limit, afterId);
    }

    /** The {@code limit} parameter alone, for a list cut to its first items rather than paged. */
    public static int limitFrom(ServerRequest request) {
        return request.queryParam("limit").map(PageRequest::parseLimit).orElse(DEFAULT_LIMIT);
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    private static int parseLimit(String raw) {
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed range
        }
        throw ValidationException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
