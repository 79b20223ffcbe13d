package dev.terp.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented problem+json answers for the ways a request can go wrong before any business rule runs. */
@IntegrationTest
class ErrorResponsesIT {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @LocalServerPort
    int port;

    @Test
    void anUnknownPathIsANotFoundProblem() {
        http.get().uri("/api/v1/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://terp.dev/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.instance").isEqualTo("/api/v1/no-such-thing")
                .jsonPath("$.traceId").isNotEmpty();
    }

    @Test
    void malformedJsonIsAMalformedRequestProblem() {
        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Broken")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("MALFORMED_REQUEST")
                .jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void aMissingBodyIsAMalformedRequestProblem() {
        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aWrongTypeIsAValidationProblemNamingTheField() {
        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": {\"nested\": true}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aTwoMebibyteBodyIsRefusedWithPayloadTooLarge() {
        String name = "big-" + System.nanoTime();
        byte[] huge = ("{\"name\":\"" + name + "\",\"notes\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(vendorsNamed(name)).isZero();
    }

    @Test
    void aTwoMebibyteChunkedBodyWithoutContentLengthIsRefusedToo() {
        String name = "chunked-" + System.nanoTime();
        byte[] huge = ("{\"name\":\"" + name + "\",\"notes\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunks = Flux.range(0, (huge.length + 65_535) / 65_536)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        Arrays.copyOfRange(huge, i * 65_536, Math.min(huge.length, (i + 1) * 65_536))));

        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(vendorsNamed(name)).isZero();
    }

    @Test
    void aWrongContentTypeIsUnsupportedMediaType() {
        http.post().uri("/api/v1/vendors").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=Acme")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anUnexpectedFailureIsAnInternalProblemThatLeaksNothingButTheTraceId() {
        byte[] raw = http.get().uri(TestPaths.FAILING).exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INTERNAL")
                .jsonPath("$.traceId").isNotEmpty()
                .returnResult().getResponseBodyContent();
        String body = new String(raw, StandardCharsets.UTF_8);

        assertThat(body).doesNotContain("SELECT", "password", "db-7", "com.example", "IllegalStateException",
                "at dev.terp");
    }

    @Test
    void anIncomingTraceIsContinuedSoTheProblemNamesTheCallersTraceId() throws Exception {
        // A plain JDK client: the test WebTestClient is itself traced and would send a trace of its own.
        assertThat(traceIdAnsweredFor("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(traceIdAnsweredFor("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"))
                .isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
    }

    private String traceIdAnsweredFor(String header, String value) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/no-such-thing")).header(header, value).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        return JsonPath.read(response.body(), "$.traceId");
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesASaneOne() {
        http.get().uri("/api/v1/vendors?limit=1").header("X-Request-Id", "client-abc-123").exchange()
                .expectHeader().valueEquals("X-Request-Id", "client-abc-123");
        http.get().uri("/api/v1/no-such-thing").header("X-Request-Id", "bad id with spaces").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    private long vendorsNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM vendors WHERE name = :name", Map.of("name", name));
    }
}
