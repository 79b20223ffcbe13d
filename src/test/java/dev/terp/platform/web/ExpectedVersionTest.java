package dev.terp.platform.web;

import org.junit.jupiter.api.Test;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.ValidationException;

import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedVersionTest {

    @Test
    void readsTheVersionFromIfMatchInAnyCommonSpelling() {
        assertThat(ExpectedVersion.of(withIfMatch("\"3\""), null)).isEqualTo(3);
        assertThat(ExpectedVersion.of(withIfMatch("W/\"4\""), null)).isEqualTo(4);
        assertThat(ExpectedVersion.of(withIfMatch("5"), null)).isEqualTo(5);
    }

    @Test
    void fallsBackToTheBodyVersion() {
        assertThat(ExpectedVersion.of(MockServerRequest.builder().build(), 7L)).isEqualTo(7);
        assertThat(ExpectedVersion.of(withIfMatch("\"7\""), 7L)).isEqualTo(7);
    }

    @Test
    void refusesMissingContradictoryOrUnreadableVersions() {
        assertThatThrownBy(() -> ExpectedVersion.of(MockServerRequest.builder().build(), null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> ExpectedVersion.of(withIfMatch("\"2\""), 3L)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ExpectedVersion.of(withIfMatch("\"abc\""), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ExpectedVersion.of(MockServerRequest.builder().build(), -1L))
                .isInstanceOf(ValidationException.class);
    }

    private static MockServerRequest withIfMatch(String value) {
        return MockServerRequest.builder().header("If-Match", value).build();
    }
}
