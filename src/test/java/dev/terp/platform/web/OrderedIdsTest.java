package dev.terp.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderedIdsTest {

    @Test
    void acceptsDistinctPositiveIds() {
        assertThatCode(() -> OrderedIds.requireWellFormed(List.of(3L, 1L, 2L))).doesNotThrowAnyException();
    }

    @Test
    void namesEveryNullNonPositiveAndRepeatedElementAtOnce() {
        ValidationException failure = catchThrowableOfType(ValidationException.class,
                () -> OrderedIds.requireWellFormed(Arrays.asList(4L, null, 0L, 4L, -2L)));

        assertThat(failure.violations()).extracting(FieldViolation::field)
                .containsExactly("orderedIds[1]", "orderedIds[2]", "orderedIds[3]", "orderedIds[4]");
        assertThat(failure.violations().get(2).message()).isEqualTo("repeats id 4");
    }

    @Test
    void namesEveryIdThatMatchedNoRow() {
        ValidationException failure = catchThrowableOfType(ValidationException.class,
                () -> OrderedIds.requireAllFound(List.of(5L, 6L, 7L), Set.of(6L), "grade"));

        assertThat(failure.violations()).containsExactly(
                new FieldViolation("orderedIds[0]", "no grade has id 5"),
                new FieldViolation("orderedIds[2]", "no grade has id 7"));
        assertThatCode(() -> OrderedIds.requireAllFound(List.of(6L), List.of(6L), "grade"))
                .doesNotThrowAnyException();
    }
}
