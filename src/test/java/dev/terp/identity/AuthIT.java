package dev.terp.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuthIT {

    private static final String PASSWORD = "Sturdy-Passw0rd-2026";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestTokens tokens;

    @Test
    void theAdministratorFromTheEnvironmentCanLogInAndSeeThemself() {
        Map<?, ?> login = login(tokens.adminUsername(), tokens.adminPassword()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(login.get("tokenType")).isEqualTo("Bearer");
        assertThat(((Number) login.get("expiresIn")).longValue()).isPositive();
        Map<?, ?> user = (Map<?, ?>) login.get("user");
        assertThat(user.get("username")).isEqualTo(tokens.adminUsername());
        assertThat(user.get("roles")).isEqualTo(List.of("ADMIN"));

        anonymous().get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + login.get("accessToken"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo(tokens.adminUsername())
                .jsonPath("$.lastLoginAt").isNotEmpty();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String username = createUser("SALES");

        byte[] wrongPassword = login(username, "Not-The-Passw0rd!").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS")
                .returnResult().getResponseBodyContent();
        byte[] unknownUser = login("nobody-" + username, "Not-The-Passw0rd!").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS")
                .returnResult().getResponseBodyContent();

        assertThat(detailOf(wrongPassword)).isEqualTo(detailOf(unknownUser));
    }

    @Test
    void theSixthFailedLoginIsRateLimitedAndASuccessDoesNotWipeTheFailures() {
        String username = createUser("VIEWER");
        for (int i = 0; i < 4; i++) {
            login(username, "Wrong-Passw0rd-" + i).expectStatus().isUnauthorized();
        }
        login(username, PASSWORD).expectStatus().isOk();
        login(username, "Wrong-Passw0rd-5").expectStatus().isUnauthorized();

        login(username, "Wrong-Passw0rd-6").expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        login(username, PASSWORD).expectStatus().isEqualTo(429);
    }

    @Test
    void tenConsecutiveFailuresFromAnAddressLockItOutWhateverThePassword() {
        String username = createUser("VIEWER");
        login(username, "Wrong-Passw0rd-1").expectStatus().isUnauthorized();
        // Nine failures from this address so far (the login rate limit would refuse the sixth in a row first).
        db.sql("UPDATE login_lockouts SET failed_attempts = 9 WHERE user_id = :id").bind("id", idOf(username))
                .fetch().rowsUpdated().block();

        login(username, "Wrong-Passw0rd-10").expectStatus().isUnauthorized();
        login(username, PASSWORD).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS");

        assertThat(actionsFor(username)).contains("LOCKED_OUT");
        assertThat(db.sql("SELECT COUNT(*) AS n FROM login_lockouts WHERE user_id = :id AND locked_until > :now")
                .bind("id", idOf(username)).bind("now", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
    }

    @Test
    void passwordsPastBcryptsSeventyTwoBytesAre400NamingTheLimitEverywhere() {
        // 64 characters, but 154 bytes of UTF-8: BCrypt would refuse it with an exception.
        String tooLong = "Aa1!" + "é€".repeat(30);
        assertThat(tooLong.length()).isLessThan(72);
        String username = createUser("SALES");

        http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "long-" + username, "password", tooLong, "displayName", "Long",
                        "roles", List.of("SALES")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("72 bytes"));
        http.post().uri("/api/v1/users/{id}/reset-password", idOf(username)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", tooLong))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(message ->
                        assertThat((String) message).contains("72 bytes"));
        login(username, tooLong).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("72 bytes"));
        login(username, PASSWORD).expectStatus().isOk();
    }

    @Test
    void logoutRevokesTheTokenItWasCalledWith() {
        String username = createUser("WAREHOUSE");
        String token = tokenOf(login(username, PASSWORD));

        bearer(token).get().uri("/api/v1/auth/me").exchange().expectStatus().isOk();
        bearer(token).post().uri("/api/v1/auth/logout").exchange().expectStatus().isNoContent();

        bearer(token).get().uri("/api/v1/auth/me").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        assertThat(actionsFor(username)).contains("LOGIN_SUCCEEDED", "LOGOUT");
    }

    @Test
    void aDisabledUsersTokenStopsWorkingAndTheyCannotLogIn() {
        String username = createUser("SALES");
        String token = tokenOf(login(username, PASSWORD));
        long id = idOf(username);

        http.post().uri("/api/v1/users/{id}/disable", id).exchange().expectStatus().isOk();

        bearer(token).get().uri("/api/v1/vendors").exchange().expectStatus().isUnauthorized();
        login(username, PASSWORD).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS");
        assertThat(actionsFor(username)).contains("DISABLED", "LOGIN_FAILED");
    }

    @Test
    void requestsWithoutOrWithABrokenTokenAreUnauthenticated() {
        anonymous().get().uri("/api/v1/vendors").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        bearer("eyJhbGciOiJIUzI1NiJ9.e30.invalid").get().uri("/api/v1/vendors").exchange()
                .expectStatus().isUnauthorized();
        anonymous().get().uri("/api/v1/vendors").header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4=")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void loginRejectsMalformedBodiesAndFieldsItDoesNotKnow() {
        anonymous().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "", "password", ""))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        anonymous().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", "x", "roles", List.of("ADMIN")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles");
    }

    private String createUser(String role) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", "Test " + role,
                        "roles", List.of(role)))
                .exchange().expectStatus().isCreated();
        return username;
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return anonymous().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private static String tokenOf(WebTestClient.ResponseSpec login) {
        return (String) login.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("accessToken");
    }

    private WebTestClient anonymous() {
        return http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
    }

    private WebTestClient bearer(String token) {
        return http.mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }

    private long idOf(String username) {
        return db.sql("SELECT id FROM users WHERE username = :u").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    private List<String> actionsFor(String username) {
        return db.sql("SELECT a.action FROM audit_logs a JOIN users u ON u.id = a.entity_id "
                        + "WHERE a.entity = 'User' AND u.username = :u ORDER BY a.id")
                .bind("u", username)
                .map(row -> row.get("action", String.class)).all().collectList().block();
    }

    private static String detailOf(byte[] problem) {
        String text = new String(problem, java.nio.charset.StandardCharsets.UTF_8);
        return text.replaceAll("\"traceId\":\"[^\"]*\"", "");
    }
}
