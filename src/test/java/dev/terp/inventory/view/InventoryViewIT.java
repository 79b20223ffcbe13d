package dev.terp.inventory.view;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.platform.paging.Cursor;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved inventory views: owner from the token, own + shared listing, owner-only delete. */
@IntegrationTest
class InventoryViewIT {

    private static final String PATH = "/api/v1/inventory/views";

    @Autowired
    WebTestClient http;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    long aliceId;
    long bobId;
    String alice;
    String bob;

    @BeforeEach
    void users() {
        aliceId = user("alice");
        bobId = user("bob");
        alice = "Bearer " + tokens.forUser(aliceId, "alice", Set.of(Role.SALES));
        bob = "Bearer " + tokens.forUser(bobId, "bob", Set.of(Role.SALES));
    }

    @Test
    void ownerComesFromTheTokenAndFiltersRoundTrip() {
        Map<?, ?> created = create(alice, Map.of("name", "  Live flower ", "filters",
                Map.of("status", "LIVE", "vendorId", 7, "q", " og "), "isShared", false));
        assertThat(created.get("ownerId")).isEqualTo((int) aliceId);
        assertThat(created.get("name")).isEqualTo("Live flower");
        assertThat(created.get("isShared")).isEqualTo(false);
        assertThat(created.get("filters")).isEqualTo(Map.of("status", "LIVE", "vendorId", 7, "q", "og"));

        // An ownerId in the body is a mass-assignment attempt: unknown fields are refused.
        http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, alice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "filters", Map.of(), "ownerId", bobId)).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aViewerMayListViewsButNeverSaveOne() {
        String viewer = "Bearer " + tokens.forRole(Role.VIEWER);
        http.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, viewer).exchange().expectStatus().isOk();
        http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, viewer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "mine", "filters", Map.of()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void listShowsOwnAndSharedButNotOthersPrivateViews() {
        long alicePrivate = id(create(alice, Map.of("name", "a-private", "filters", Map.of())));
        long aliceShared = id(create(alice, Map.of("name", "a-shared", "filters", Map.of(), "isShared", true)));
        long bobPrivate = id(create(bob, Map.of("name", "b-private", "filters", Map.of("gradeId", 1))));

        assertThat(list(bob)).contains(aliceShared, bobPrivate).doesNotContain(alicePrivate);
        assertThat(list(alice)).contains(alicePrivate, aliceShared).doesNotContain(bobPrivate);
    }

    @Test
    void onlyTheOwnerDeletesAndStrangersSee404EvenForSharedViews() {
        long shared = id(create(alice, Map.of("name", "shared", "filters", Map.of(), "isShared", true)));
        http.delete().uri(PATH + "/{id}", shared).header(HttpHeaders.AUTHORIZATION, bob).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        assertThat(list(alice)).contains(shared);

        http.delete().uri(PATH + "/{id}", shared).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNoContent();
        assertThat(list(alice)).doesNotContain(shared);
        http.delete().uri(PATH + "/{id}", shared).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void filtersAreLimitedToTheListFilters() {
        http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, alice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "bad", "filters", Map.of("ownerId", 1, "status", "GONE", "vendorId", -1,
                        "categoryId", "abc")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(4);
        http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, alice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " ", "filters", Map.of())).exchange()
                .expectStatus().isBadRequest();
        http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, alice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x".repeat(101), "filters", Map.of())).exchange()
                .expectStatus().isBadRequest();
        http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, alice).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "no filters")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void theListPagesByCursorAndRefusesBadLimitsAndCursors() {
        long first = id(create(alice, Map.of("name", "page-1", "filters", Map.of())));
        long second = id(create(alice, Map.of("name", "page-2", "filters", Map.of())));
        // Start just before this test's first view: the page of one is exactly it, and its cursor leads past it.
        Map<?, ?> one = page(alice, "?limit=1&cursor=" + new Cursor(first - 1).encode());
        assertThat(ids(one)).containsExactly(first);
        assertThat(one.get("nextCursor")).isNotNull();
        Map<?, ?> rest = page(alice, "?limit=200&cursor=" + one.get("nextCursor"));
        assertThat(ids(rest)).contains(second).doesNotContain(first).isSorted()
                .allSatisfy(id -> assertThat(id).isGreaterThan(first));

        for (String bad : List.of("limit=0", "limit=201", "limit=x")) {
            http.get().uri(PATH + "?" + bad).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field").isEqualTo("limit");
        }
        http.get().uri(PATH + "?cursor=garbage!").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void deletingAMalformedIdIsABadRequestAndDeletesNothing() {
        long mine = id(create(alice, Map.of("name", "keep", "filters", Map.of())));
        for (String bad : List.of("abc", "0", "-1")) {
            http.delete().uri(PATH + "/" + bad).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        }
        assertThat(list(alice)).contains(mine);
    }

    private Map<?, ?> create(String token, Map<String, Object> body) {
        return http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Long> list(String token) {
        Map<?, ?> body = http.get().uri(PATH + "?limit=200").header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) body.get("items")).stream()
                .map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue()).toList();
    }

    private Map<?, ?> page(String token, String query) {
        return http.get().uri(PATH + query).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<Long> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream()
                .map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue()).toList();
    }

    private static long id(Map<?, ?> view) {
        return ((Number) view.get("id")).longValue();
    }

    /** A real users row, because inventory_views.owner_id references users. */
    private long user(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return rows.insert("INSERT INTO users (username, display_name, password_hash, roles) "
                        + "VALUES (:username, :name, 'x', 'VIEWER')", Map.of("username", username, "name", name));
    }
}
