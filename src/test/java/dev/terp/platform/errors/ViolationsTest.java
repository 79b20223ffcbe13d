package dev.terp.platform.errors;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViolationsTest {

    @Test
    void nothingCollectedThrowsNothing() {
        Violations violations = new Violations();
        assertThat(violations.collect(() -> "value")).isEqualTo("value");
        assertThat(violations.isEmpty()).isTrue();
        assertThat(violations.list()).isEmpty();
        violations.throwIfAny();
    }

    @Test
    void aFailedCheckIsRecordedAndAnswersNull() {
        Violations violations = new Violations();
        String value = violations.collect(() -> {
            throw new ValidationException(List.of(new FieldViolation("a", "is bad"), new FieldViolation("b", "too")));
        });
        assertThat(value).isNull();
        assertThat(violations.isEmpty()).isFalse();
        assertThat(violations.list()).containsExactly(new FieldViolation("a", "is bad"), new FieldViolation("b", "too"));
    }

    @Test
    void everyViolationIsReportedAtOnceInTheOrderFound() {
        Violations violations = new Violations();
        violations.add("first", "is required");
        violations.collect(() -> {
            throw ValidationException.of("second", "must not be negative");
        });
        violations.add("third", "is too long");
        assertThatThrownBy(violations::throwIfAny)
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(FieldViolation::field)
                        .containsExactly("first", "second", "third"));
    }

    @Test
    void otherExceptionsAreNotSwallowed() {
        Violations violations = new Violations();
        assertThatThrownBy(() -> violations.collect(() -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void theListIsASnapshot() {
        Violations violations = new Violations();
        violations.add("a", "is bad");
        List<FieldViolation> snapshot = violations.list();
        violations.add("b", "is bad");
        assertThat(snapshot).hasSize(1);
        assertThatThrownBy(() -> snapshot.add(new FieldViolation("c", "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
