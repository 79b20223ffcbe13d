package dev.terp.platform.web;

import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcBadGrammarException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.VersionConflictException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTranslatorTest {

    private final ProblemTranslator translator = new ProblemTranslator(JsonMapper.builder().build());

    @Test
    void domainExceptionsKeepTheirCodeAndDetail() {
        Problem problem = translator.translate(new VersionConflictException());

        assertThat(problem.code()).isEqualTo(ErrorCode.VERSION_CONFLICT);
        assertThat(problem.detail()).isEqualTo(VersionConflictException.DETAIL);
    }

    @Test
    void frameworkFailuresMapToTheDocumentedCodes() {
        assertThat(translator.translate(new ResponseStatusException(HttpStatus.NOT_FOUND)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(translator.translate(new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN, java.util.List.of(MediaType.APPLICATION_JSON))).code())
                .isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(translator.translate(new ServerWebInputException("body", null,
                new DataBufferLimitException("Exceeded limit on max bytes to buffer : 1048576"))).code())
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(translator.translate(new DuplicateKeyException("dup")).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(translator.translate(new DataIntegrityViolationException("fk")).code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(translator.translate(new TimeoutException()).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void anUnreachableOrSaturatedDatabaseIs503WithRetryAfterHoweverItIsWrapped() {
        var refused = new io.r2dbc.spi.R2dbcNonTransientResourceException("Connection refused: /127.0.0.1:3306");
        assertThat(translator.translate(new org.springframework.transaction.CannotCreateTransactionException(
                "Could not open R2DBC Connection for transaction", refused)).code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(translator.translate(new IllegalStateException("wrapped", new java.net.ConnectException(
                "Connection refused"))).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(translator.translate(new RuntimeException(new TimeoutException("Pool#acquire(Duration) has "
                + "been pending for more than the configured timeout of 5000ms"))).code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(translator.translate(new org.springframework.dao.DataAccessResourceFailureException("gone",
                refused)).internal()).isTrue();

        var exchange = org.springframework.mock.web.server.MockServerWebExchange.from(
                org.springframework.mock.http.server.reactive.MockServerHttpRequest.get("/api/v1/vendors"));
        translator.handle(exchange, new org.springframework.transaction.CannotCreateTransactionException("no db",
                refused)).as(StepVerifier::create).verifyComplete();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(exchange.getResponse().getHeaders().getFirst(org.springframework.http.HttpHeaders.RETRY_AFTER))
                .isEqualTo("5");
        exchange.getResponse().getBodyAsString()
                .as(StepVerifier::create)
                .assertNext(body -> assertThat(body).contains("SERVICE_UNAVAILABLE")
                        .doesNotContain("127.0.0.1", "Connection refused"))
                .verifyComplete();
    }

    @Test
    void unexpectedFailuresNeverLeakTheirMessage() {
        var leaky = new BadSqlGrammarException("select", "SELECT password_hash FROM users WHERE host='db-7.internal'",
                new R2dbcBadGrammarException("Unknown column 'password_hash'", "42S22", 1054));

        Problem problem = translator.translate(leaky);

        assertThat(problem.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(problem.internal()).isTrue();
        assertThat(problem.detail()).doesNotContain("SELECT", "password", "db-7", "Exception", "42S22");
    }
}
