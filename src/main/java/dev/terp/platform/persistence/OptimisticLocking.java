package dev.terp.platform.persistence;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.VersionConflictException;

/**
 * The conditional-UPDATE idiom of versioned resources: {@code UPDATE ... SET ..., version = version + 1
 * WHERE id = :id AND version = :expected}. No row updated means the record is gone (404) or someone else changed
 * it first (409 VERSION_CONFLICT).
 */
public final class OptimisticLocking {

    private OptimisticLocking() {
    }

    public static Mono<Void> requireUpdated(Mono<Long> rowsUpdated, Supplier<Mono<Boolean>> exists,
            String resource, long id) {
        return rowsUpdated.flatMap(rows -> rows > 0
                ? Mono.<Void>empty()
                : exists.get().flatMap(present -> Mono.error(present
                        ? new VersionConflictException()
                        : new NotFoundException(resource, id))));
    }
}
