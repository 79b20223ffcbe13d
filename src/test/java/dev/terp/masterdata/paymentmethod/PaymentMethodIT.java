package dev.terp.masterdata.paymentmethod;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.terp.masterdata.AuditHistory;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;
import dev.terp.support.Unique;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PaymentMethodIT {

    private static final long MISSING = 987_654_321L;
    private static final long SEEDER_ID = 900_100_001L;
    private static final long PARALLEL_SEEDER_ID = 900_100_002L;
    private static final List<String> DEFAULT_CODES = List.of("CASH", "CHECK", "CREDIT_CARD", "DEBIT_CARD", "ACH",
            "WIRE", "PAYPAL", "VENMO", "ZELLE", "OTHER");

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Test
    void createsAMethodWithAnUpperCaseCodeAndReadsItByIdAndByCode() {
        String code = uniqueCode("crypto");
        Map<?, ?> created = http.post().uri("/api/v1/payment-methods").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "name", " Crypto ", "description", "BTC or USDC", "sortOrder", 12))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/payment-methods/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("code")).isEqualTo(code.toUpperCase());
        assertThat(created.get("name")).isEqualTo("Crypto");
        assertThat(created.get("description")).isEqualTo("BTC or USDC");
        assertThat(created.get("sortOrder")).isEqualTo(12);
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);
        long id = ((Number) created.get("id")).longValue();
        assertThat(codeOf(id)).isEqualTo(code.toUpperCase());

        http.get().uri("/api/v1/payment-methods/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.code").isEqualTo(code.toUpperCase());
        http.get().uri("/api/v1/payment-methods/by-code/{code}", code.toLowerCase()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.id").isEqualTo(id);
    }

    @Test
    void lookupByCodeRejectsMalformedCodesAndReportsUnknownOnes() {
        http.get().uri("/api/v1/payment-methods/by-code/{code}", "NO_SUCH_" + uniqueCode("x")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/payment-methods/by-code/{code}", "bad-code").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        http.get().uri("/api/v1/payment-methods/by-code/{code}", "C".repeat(51)).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/v1/payment-methods/{id}", MISSING).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/payment-methods/cash").exchange().expectStatus().isBadRequest();
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndWritesNothing() {
        String name = Unique.name("Invalid");
        http.post().uri("/api/v1/payment-methods").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "CASH APP", "name", "n".repeat(101), "description", "d".repeat(10_001),
                        "sortOrder", -1))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[?(@.field == 'code')]").exists()
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists()
                .jsonPath("$.errors[?(@.field == 'sortOrder')]").exists();
        http.post().uri("/api/v1/payment-methods").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "C".repeat(51), "name", name))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        http.post().uri("/api/v1/payment-methods").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "ÉCHÈQUE", "name", name))
                .exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/v1/payment-methods").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        http.post().uri("/api/v1/payment-methods").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", uniqueCode("ok"), "name", name, "active", false))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void aDuplicateCodeIsAConflictWhateverItsCase() {
        String code = uniqueCode("check");
        createMethod(code.toUpperCase(), "Original");

        http.post().uri("/api/v1/payment-methods").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code.toLowerCase(), "name", "Copy"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("code '" + code.toUpperCase() + "'"));
        assertThat(countWithCode(code)).isEqualTo(1);
    }

    @Test
    void updateNeedsTheCurrentVersionMayChangeTheCodeAndKeepsTheSortOrderUnlessGiven() {
        String code = uniqueCode("wire");
        long id = createMethod(code, "Wire");
        http.put().uri("/api/v1/payment-methods/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "name", "Bank wire"))
                .exchange()
                .expectStatus().isEqualTo(428);

        String newCode = uniqueCode("bank_wire");
        http.put().uri("/api/v1/payment-methods/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("code", newCode.toLowerCase(), "name", "Bank wire", "sortOrder", 4))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo(newCode.toUpperCase())
                .jsonPath("$.sortOrder").isEqualTo(4);

        http.put().uri("/api/v1/payment-methods/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", newCode, "name", "Renamed only", "version", 1))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sortOrder").isEqualTo(4).jsonPath("$.description").doesNotExist();

        http.put().uri("/api/v1/payment-methods/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", newCode, "name", "Lost", "version", 1))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");

        String taken = uniqueCode("taken");
        createMethod(taken, "Taken");
        http.put().uri("/api/v1/payment-methods/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", taken, "name", "Steal", "version", 2))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");

        http.put().uri("/api/v1/payment-methods/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "has space", "name", "Bad", "version", 2))
                .exchange()
                .expectStatus().isBadRequest();

        http.put().uri("/api/v1/payment-methods/{id}", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", uniqueCode("ghost"), "name", "Ghost", "version", 0))
                .exchange()
                .expectStatus().isNotFound();

        assertThat(codeOf(id)).isEqualTo(newCode.toUpperCase());
        assertThat(rows.nameOf("payment_methods", id)).isEqualTo("Renamed only");
        assertThat(rows.versionOf("payment_methods", id)).isEqualTo(2);
    }

    @Test
    void listsPageByIdAndFilterByActive() {
        String marker = uniqueCode("pager");
        long[] ids = new long[5];
        for (int i = 0; i < 5; i++) {
            ids[i] = createMethod(marker + "_" + i, "Pager method " + i);
        }
        Map<?, ?> first = http.get().uri(uri -> uri.path("/api/v1/payment-methods").queryParam("q", marker)
                        .queryParam("limit", 3).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(idsOf(first)).containsExactly(ids[0], ids[1], ids[2]);
        Map<?, ?> second = http.get().uri(uri -> uri.path("/api/v1/payment-methods").queryParam("q", marker)
                        .queryParam("limit", 3).queryParam("cursor", first.get("nextCursor")).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(idsOf(second)).containsExactly(ids[3], ids[4]);
        assertThat(second.get("nextCursor")).isNull();

        http.post().uri("/api/v1/payment-methods/{id}/deactivate", ids[2]).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        http.get().uri(uri -> uri.path("/api/v1/payment-methods").queryParam("q", marker).queryParam("active", false)
                        .build())
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id")
                .isEqualTo(ids[2]);
        http.get().uri(uri -> uri.path("/api/v1/payment-methods").queryParam("q", marker).queryParam("active", true)
                        .build())
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(4);
        http.post().uri("/api/v1/payment-methods/{id}/activate", ids[2]).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
        http.post().uri("/api/v1/payment-methods/{id}/activate", MISSING).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/payment-methods/{id}/deactivate", MISSING).exchange().expectStatus().isNotFound();

        http.get().uri("/api/v1/payment-methods?active=sometimes").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/payment-methods?limit=-1").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/payment-methods?cursor=garbage!").exchange().expectStatus().isBadRequest();
    }

    @Test
    void reorderGivesEachListedMethodItsIndexAllOrNothing() {
        long a = createMethod(uniqueCode("ra"), "A", 7);
        long b = createMethod(uniqueCode("rb"), "B", 8);
        long c = createMethod(uniqueCode("rc"), "C", 9);

        http.post().uri("/api/v1/payment-methods/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(a, MISSING, b)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("orderedIds[1]");
        http.post().uri("/api/v1/payment-methods/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(c, c)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("orderedIds[1]");
        http.post().uri("/api/v1/payment-methods/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of()))
                .exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/v1/payment-methods/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", "1,2"))
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(List.of(sortOrderOf(a), sortOrderOf(b), sortOrderOf(c))).containsExactly(7, 8, 9);
        assertThat(List.of(a, b, c)).allSatisfy(id -> assertThat(rows.versionOf("payment_methods", id)).isZero());

        http.post().uri("/api/v1/payment-methods/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(c, b, a)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].id").isEqualTo(c)
                .jsonPath("$.items[0].sortOrder").isEqualTo(0)
                .jsonPath("$.items[2].id").isEqualTo(a)
                .jsonPath("$.items[2].sortOrder").isEqualTo(2);
        assertThat(List.of(sortOrderOf(a), sortOrderOf(b), sortOrderOf(c))).containsExactly(2, 1, 0);
    }

    @Test
    void seedingDefaultsTwiceLeavesExactlyTheTenDefaults() {
        Map<?, ?> first = seed();
        assertThat(codesOf(first)).containsExactlyElementsOf(DEFAULT_CODES);
        assertThat(countDefaults()).isEqualTo(10);

        Map<?, ?> second = seed();
        assertThat(((Number) second.get("created")).longValue()).isZero();
        assertThat(codesOf(second)).containsExactlyElementsOf(DEFAULT_CODES);
        assertThat(countDefaults()).isEqualTo(10);

        http.get().uri("/api/v1/payment-methods/by-code/credit_card").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Credit Card");
    }

    /** Seeding is an expensive operation: ten seeds take a user's whole strict rate limit, so a user of its own. */
    @Test
    void parallelSeedsCreateEachDefaultExactlyOnce() {
        String token = tokens.forUser(PARALLEL_SEEDER_ID, "parallel-seeder", Set.of(Role.ADMIN));
        removeDefaults();
        long before = countDefaults();

        List<Map<?, ?>> answers = Flux.range(0, 10)
                .flatMap(i -> Mono.<Map<?, ?>>fromCallable(() -> seedAs(token))
                        .subscribeOn(Schedulers.boundedElastic()), 10)
                .collectList().block();

        assertThat(answers).hasSize(10).allSatisfy(answer -> assertThat(codesOf(answer))
                .containsExactlyElementsOf(DEFAULT_CODES));
        long created = answers.stream().mapToLong(answer -> ((Number) answer.get("created")).longValue()).sum();
        assertThat(created).isEqualTo(10 - before);
        assertThat(countDefaults()).isEqualTo(10);
    }

    @Test
    void deletesAMethodNothingUses() {
        long id = createMethod(uniqueCode("gone"), "Gone");
        http.delete().uri("/api/v1/payment-methods/{id}", id).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/payment-methods/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(codeOf(id)).isNull();
        http.delete().uri("/api/v1/payment-methods/{id}", id).exchange().expectStatus().isNotFound();
        http.delete().uri("/api/v1/payment-methods/0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theApiDocumentDescribesThePaymentMethodRoutes() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/payment-methods'].get.operationId").isEqualTo("listPaymentMethods")
                .jsonPath("$.paths['/api/v1/payment-methods'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/payment-methods/by-code/{code}'].get.parameters[?(@.name == 'code')]")
                .exists()
                .jsonPath("$.paths['/api/v1/payment-methods/seed-defaults'].post.operationId")
                .isEqualTo("seedDefaultPaymentMethods")
                .jsonPath("$.paths['/api/v1/payment-methods/reorder'].post.operationId")
                .isEqualTo("reorderPaymentMethods")
                .jsonPath("$.paths['/api/v1/payment-methods/{id}'].delete.responses['409']").exists()
                .jsonPath("$.components.schemas.PaymentMethodRequest.properties.code.pattern").exists()
                .jsonPath("$.components.schemas.PaymentMethodSeedResult.properties.created").exists();
    }

    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        String code = uniqueCode("AUDIT");
        long id = createMethod(code, "Audited", 0);
        long other = createMethod(uniqueCode("AUDIT_NEXT"), "Audited neighbour", 1);
        http.put().uri("/api/v1/payment-methods/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("code", code, "name", "Audited renamed"))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/payment-methods/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(other, id)))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/payment-methods/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/payment-methods/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/payment-methods/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "PaymentMethod", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "REORDERED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());
        assertThat(history.get(5).before()).isNull();
        assertThat(history.get(5).after()).containsEntry("code", code.toUpperCase()).containsEntry("name", "Audited");
        assertThat(history.get(4).before()).containsEntry("name", "Audited").containsEntry("version", 0);
        assertThat(history.get(4).after()).containsEntry("name", "Audited renamed").containsEntry("version", 1);
        assertThat(history.get(3).before()).containsEntry("sortOrder", 0);
        assertThat(history.get(3).after()).containsEntry("sortOrder", 1).containsEntry("version", 2);
        assertThat(history.get(2).before()).containsEntry("active", true);
        assertThat(history.get(2).after()).containsEntry("active", false);
        assertThat(history.get(1).before()).containsEntry("active", false);
        assertThat(history.get(1).after()).containsEntry("active", true);
        assertThat(history.get(0).before()).containsEntry("name", "Audited renamed").containsEntry("version", 4);
        assertThat(history.get(0).after()).isNull();
        assertThat(AuditHistory.actions(http, "PaymentMethod", other)).containsExactly("REORDERED", "CREATED");
    }

    /**
     * Seeds as a user of its own: the audit rows must name whoever seeded, and seeding draws from the strict rate
     * limit, which the administrator's other seeds in this class already use up.
     */
    @Test
    void seedingAuditsEachMethodItCreatedAsTheSeedingUserAndNothingWhenAllExist() {
        String seeder = "audit-seeder-" + UUID.randomUUID().toString().substring(0, 8);
        String token = tokens.forUser(SEEDER_ID, seeder, Set.of(Role.ADMIN));
        removeDefaults();
        Map<?, ?> first = seedAs(token);
        assertThat(((Number) first.get("created")).longValue()).isEqualTo(10);
        Map<?, ?> second = seedAs(token);
        assertThat(((Number) second.get("created")).longValue()).isZero();

        for (Object item : (List<?>) second.get("items")) {
            Map<?, ?> method = (Map<?, ?>) item;
            List<AuditHistory.Row> history = AuditHistory.of(http, "PaymentMethod",
                    ((Number) method.get("id")).longValue());
            assertThat(history).extracting(AuditHistory.Row::action).containsExactly("SEEDED");
            assertThat(history.get(0).actorUsername()).isEqualTo(seeder);
            assertThat(history.get(0).before()).isNull();
            assertThat(history.get(0).after()).containsEntry("code", method.get("code"))
                    .containsEntry("name", method.get("name"));
        }
    }

    private Map<?, ?> seedAs(String token) {
        return http.post().uri("/api/v1/payment-methods/seed-defaults")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> seed() {
        return http.post().uri("/api/v1/payment-methods/seed-defaults").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Other tests may have seeded already; the race only proves something when it starts from no defaults. */
    private void removeDefaults() {
        rows.update("DELETE FROM payment_methods WHERE code IN (:codes)", Map.of("codes", DEFAULT_CODES));
    }

    private long createMethod(String code, String name) {
        return createMethod(code, name, 0);
    }

    private long createMethod(String code, String name, int sortOrder) {
        Map<?, ?> body = http.post().uri("/api/v1/payment-methods").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "name", name, "sortOrder", sortOrder))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private static List<Long> idsOf(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream()
                .map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue()).toList();
    }

    private static List<String> codesOf(Map<?, ?> answer) {
        return ((List<?>) answer.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("code")).toList();
    }

    private long countDefaults() {
        return rows.count("SELECT COUNT(*) AS n FROM payment_methods WHERE code IN (:codes)",
                Map.of("codes", DEFAULT_CODES));
    }

    private long countWithCode(String code) {
        return rows.count("SELECT COUNT(*) AS n FROM payment_methods WHERE code = :code", Map.of("code", code));
    }

    private long countNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM payment_methods WHERE name = :name", Map.of("name", name));
    }

    private String codeOf(long id) {
        return rows.value("SELECT code FROM payment_methods WHERE id = :id", Map.of("id", id), String.class);
    }

    private int sortOrderOf(long id) {
        return rows.value("SELECT sort_order FROM payment_methods WHERE id = :id", Map.of("id", id), Integer.class);
    }

    /** A code no other test uses: the prefix plus 8 hex digits, mixed case so normalisation shows. */
    private static String uniqueCode(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
