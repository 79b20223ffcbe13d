package dev.terp.platform.paging;

import java.util.List;
import java.util.function.ToLongFunction;

/** One page of a list: {@code {"items":[...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds the page from rows fetched with {@link PageRequest#fetchSize()} (ordered by id): the extra row, if
     * present, only proves that a next page exists.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, ToLongFunction<T> idOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        long lastId = idOf.applyAsLong(items.get(items.size() - 1));
        return new Page<>(List.copyOf(items), new Cursor(lastId).encode());
    }

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
