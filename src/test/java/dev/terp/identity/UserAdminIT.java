package dev.terp.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UserAdminIT {

    private static final String PASSWORD = "Sturdy-Passw0rd-2026";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestTokens tokens;

    @Test
    void createsAUserWithoutEverShowingThePassword() {
        String username = unique();
        String body = http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", "Dana <b>Buyer</b>",
                        "roles", List.of("SALES", "VIEWER")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/users/\\d+")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"username\":\"" + username + "\"", "\"displayName\":\"Dana Buyer\"",
                "\"roles\":[\"SALES\",\"VIEWER\"]", "\"active\":true").doesNotContain(PASSWORD, "password");
        String hash = db.sql("SELECT password_hash FROM users WHERE username = :u").bind("u", username)
                .map(row -> row.get("password_hash", String.class)).one().block();
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
    }

    @Test
    void refusesWeakPasswordsUnknownRolesDuplicatesAndFieldsAnAdminMayNotSet() {
        String username = unique();
        http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "password", "displayName", "Weak",
                        "roles", List.of("SALES")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", "Root",
                        "roles", List.of("SUPERUSER")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles[0]");
        http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", "Sneaky",
                        "roles", List.of("SALES"), "active", true, "failedLoginAttempts", 0))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "a b", "password", PASSWORD, "displayName", "", "roles", List.of()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3);
        assertThat(count(username)).isZero();

        createUser(username, "SALES");
        http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username.toUpperCase(), "password", PASSWORD, "displayName", "Twin",
                        "roles", List.of("SALES")))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
    }

    @Test
    void changingRolesRevokesTheUsersTokensAndIsAudited() {
        String username = unique();
        long id = createUser(username, "SALES");
        String oldToken = tokens.forUser(id, username, Set.of(Role.SALES));
        bearer(oldToken).get().uri("/api/v1/vendors").exchange().expectStatus().isOk();

        http.put().uri("/api/v1/users/{id}/roles", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("WAREHOUSE"), "version", 0))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.roles[0]").isEqualTo("WAREHOUSE").jsonPath("$.version").isEqualTo(1);

        bearer(oldToken).get().uri("/api/v1/vendors").exchange().expectStatus().isUnauthorized();
        http.put().uri("/api/v1/users/{id}/roles", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("VIEWER"), "version", 0))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");

        http.get().uri("/api/v1/audit-logs?entity=User&entityId={id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].action").isEqualTo("ROLES_CHANGED")
                .jsonPath("$.items[0].before.roles[0]").isEqualTo("SALES")
                .jsonPath("$.items[0].after.roles[0]").isEqualTo("WAREHOUSE")
                .jsonPath("$.items[0].actorUsername").isEqualTo(tokens.adminUsername());
    }

    /** The revocation is part of the change's transaction: a refused change revokes nothing, a done one records it. */
    @Test
    void aRevocationIsRecordedDurablyWithItsChangeAndOnlyWithIt() {
        String username = unique();
        long id = createUser(username, "SALES");
        String token = tokens.forUser(id, username, Set.of(Role.SALES));

        http.put().uri("/api/v1/users/{id}/roles", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("VIEWER"), "version", 7))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(revocationsOf(id)).isZero();
        bearer(token).get().uri("/api/v1/vendors").exchange().expectStatus().isOk();

        http.post().uri("/api/v1/users/{id}/disable", id).exchange().expectStatus().isOk();
        assertThat(revocationsOf(id)).isEqualTo(1);
        assertThat(db.sql("SELECT token_id FROM token_revocations WHERE user_id = :id").bind("id", id)
                .map(row -> java.util.Optional.ofNullable(row.get("token_id", String.class))).one().block())
                .as("every token of the user, not one").isEmpty();
        bearer(token).get().uri("/api/v1/vendors").exchange().expectStatus().isUnauthorized();
    }

    private long revocationsOf(long userId) {
        return db.sql("SELECT COUNT(*) AS n FROM token_revocations WHERE user_id = :id").bind("id", userId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void resetPasswordLetsTheUserInWithTheNewOneOnly() {
        String username = unique();
        long id = createUser(username, "VIEWER");
        String newPassword = "Fresh-Passw0rd-2027";

        http.post().uri("/api/v1/users/{id}/reset-password", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "weak")).exchange().expectStatus().isBadRequest();
        http.post().uri("/api/v1/users/{id}/reset-password", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", newPassword)).exchange().expectStatus().isNoContent();

        login(username, PASSWORD).expectStatus().isUnauthorized();
        login(username, newPassword).expectStatus().isOk();
    }

    @Test
    void anAdministratorCannotLockThemselfOut() {
        long adminId = db.sql("SELECT id FROM users WHERE username = :u").bind("u", tokens.adminUsername())
                .map(row -> row.get("id", Long.class)).one().block();

        http.post().uri("/api/v1/users/{id}/disable", adminId).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        http.put().uri("/api/v1/users/{id}/roles", adminId).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("VIEWER")))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void listsAndReadsUsersButOnlyForAdministrators() {
        String username = unique();
        long id = createUser(username, "ACCOUNTANT");

        http.get().uri("/api/v1/users?q={q}", username).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(id);
        http.get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"");
        http.get().uri("/api/v1/users/{id}", 987_654_321L).exchange().expectStatus().isNotFound();

        for (Role role : List.of(Role.MANAGER, Role.SALES, Role.VIEWER)) {
            bearer(tokens.forRole(role)).get().uri("/api/v1/users").exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void disablingAndEnablingAreAuditedAndUnknownUsersAreNotFound() {
        long id = createUser(unique(), "VIEWER");

        http.post().uri("/api/v1/users/{id}/disable", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);
        http.post().uri("/api/v1/users/{id}/enable", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true);
        http.post().uri("/api/v1/users/{id}/disable", 987_654_321L).exchange().expectStatus().isNotFound();

        http.get().uri("/api/v1/audit-logs?entity=User&entityId={id}", id).exchange()
                .expectBody().jsonPath("$.items[0].action").isEqualTo("ENABLED")
                .jsonPath("$.items[1].action").isEqualTo("DISABLED")
                .jsonPath("$.items[2].action").isEqualTo("CREATED");
    }

    private long createUser(String username, String role) {
        Map<?, ?> body = http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", "Test " + role,
                        "roles", List.of(role)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build()
                .post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange();
    }

    private WebTestClient bearer(String token) {
        return http.mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }

    private long count(String username) {
        return db.sql("SELECT COUNT(*) AS n FROM users WHERE username = :u").bind("u", username)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static String unique() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
