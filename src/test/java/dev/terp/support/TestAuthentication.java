package dev.terp.support;

import java.time.Duration;

import dev.terp.identity.AdminProperties;
import dev.terp.platform.security.JwtTokens;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Makes the shared {@code WebTestClient} act as the administrator, so tests about business rules need not log in;
 * tests about authentication remove or replace the header. Imported by {@link IntegrationTest}; not a
 * {@code @Configuration}, so the local run (which scans test classes) never picks it up.
 */
public class TestAuthentication {

    @Bean
    TestTokens testTokens(JwtTokens tokens, TestDatabase db, AdminProperties admin) {
        return new TestTokens(tokens, db, admin);
    }

    @Bean
    WebTestClientBuilderCustomizer authenticateAsAdministrator(TestTokens tokens) {
        return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin());
    }

    /**
     * 5 s by default: the first OpenAPI document of a JVM, or a request queued behind a row lock, has been seen to
     * take longer on a busy 2-core machine; tests assert answers, not their speed.
     */
    @Bean
    WebTestClientBuilderCustomizer patientResponses() {
        return builder -> builder.responseTimeout(Duration.ofSeconds(30));
    }

    /** The OpenAPI document outgrew the client's default 256 KiB buffer; the tests read it whole. */
    @Bean
    WebTestClientBuilderCustomizer bufferWholeApiDocument() {
        return builder -> builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024));
    }
}
