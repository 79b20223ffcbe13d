package dev.terp.masterdata.grade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.terp.masterdata.AuditHistory;
import dev.terp.masterdata.InventoryReferences;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.Unique;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GradeIT {

    private static final long MISSING = 987_654_321L;

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Test
    void createsAGradeAndReadsItBackWithItsVersionAsETag() {
        String name = Unique.name("AAA");
        Map<?, ?> created = http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " " + name + " ", "description", "Top shelf", "sortOrder", 3))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/grades/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("name")).isEqualTo(name);
        assertThat(created.get("description")).isEqualTo("Top shelf");
        assertThat(created.get("sortOrder")).isEqualTo(3);
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);

        http.get().uri("/api/v1/grades/{id}", created.get("id")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.name").isEqualTo(name).jsonPath("$.sortOrder").isEqualTo(3);

        Map<?, ?> plain = http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("B")))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(plain.get("sortOrder")).isEqualTo(0);
        assertThat(plain.get("description")).isNull();
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndWritesNothing() {
        String longName = "g".repeat(51);
        http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", longName, "description", "d".repeat(10_001), "sortOrder", -1))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists()
                .jsonPath("$.errors[?(@.field == 'sortOrder')]").exists();
        assertThat(countGradesNamed(longName)).isZero();

        String name = Unique.name("Typed");
        http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "sortOrder", "first"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sortOrder");
        http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "active", false))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
        http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "no name"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        assertThat(countGradesNamed(name)).isZero();
    }

    @Test
    void aDuplicateNameIsAConflictWhateverItsCase() {
        String name = Unique.name("aa");
        createGrade(name, 0);
        http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name.toUpperCase()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("grade named"));
        assertThat(countGradesNamed(name)).isEqualTo(1);
    }

    @Test
    void updateNeedsTheCurrentVersionAndKeepsTheSortOrderUnlessGiven() {
        long id = createGrade(Unique.name("Versioned"), 7);
        String renamed = Unique.name("Renamed");

        http.put().uri("/api/v1/grades/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", renamed))
                .exchange()
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.code").isEqualTo("PRECONDITION_REQUIRED");

        http.put().uri("/api/v1/grades/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.name").isEqualTo(renamed).jsonPath("$.sortOrder").isEqualTo(7);

        http.put().uri("/api/v1/grades/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", renamed, "sortOrder", 2, "version", 1))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sortOrder").isEqualTo(2).jsonPath("$.version").isEqualTo(2);

        http.put().uri("/api/v1/grades/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Lost update"), "version", 1))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VERSION_CONFLICT")
                .jsonPath("$.detail").isEqualTo("Record was modified by another user. Please refresh and try again.");

        http.put().uri("/api/v1/grades/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", renamed, "sortOrder", -5, "version", 2))
                .exchange()
                .expectStatus().isBadRequest();

        http.put().uri("/api/v1/grades/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"2\"")
                .bodyValue(Map.of("name", renamed, "version", 1))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");

        assertThat(rows.nameOf("grades", id)).isEqualTo(renamed);
        assertThat(sortOrderOf(id)).isEqualTo(2);
        assertThat(rows.versionOf("grades", id)).isEqualTo(2);
    }

    @Test
    void renamingToATakenNameIsAConflictAndAMissingGradeIsNotFound() {
        String taken = Unique.name("Taken");
        createGrade(taken, 0);
        String original = Unique.name("Original");
        long id = createGrade(original, 0);

        http.put().uri("/api/v1/grades/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", taken, "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        assertThat(rows.nameOf("grades", id)).isEqualTo(original);

        http.put().uri("/api/v1/grades/{id}", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Ghost"), "version", 0))
                .exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/grades/{id}", MISSING).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/grades/zero").exchange().expectStatus().isBadRequest();
    }

    @Test
    void listsPageByIdAndFilterBySearchAndActive() {
        String marker = "Pager" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createGrade(marker + " " + i, 10 - i));
        }

        Map<?, ?> first = http.get().uri(uri -> uri.path("/api/v1/grades").queryParam("q", marker)
                        .queryParam("limit", 3).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(idsOf(first)).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(first.get("nextCursor")).isNotNull();

        Map<?, ?> second = http.get().uri(uri -> uri.path("/api/v1/grades").queryParam("q", marker)
                        .queryParam("limit", 3).queryParam("cursor", first.get("nextCursor")).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(idsOf(second)).containsExactlyElementsOf(ids.subList(3, 5));
        assertThat(second.get("nextCursor")).isNull();

        http.post().uri("/api/v1/grades/{id}/deactivate", ids.get(0)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        http.get().uri(uri -> uri.path("/api/v1/grades").queryParam("q", marker).queryParam("active", false).build())
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(ids.get(0));
        http.get().uri(uri -> uri.path("/api/v1/grades").queryParam("q", marker).queryParam("active", true).build())
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(4);
        http.post().uri("/api/v1/grades/{id}/activate", ids.get(0)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
        http.post().uri("/api/v1/grades/{id}/activate", MISSING).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/grades/{id}/deactivate", MISSING).exchange().expectStatus().isNotFound();

        http.get().uri("/api/v1/grades?limit=0").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/grades?cursor=garbage!").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/grades?active=1").exchange().expectStatus().isBadRequest();
    }

    @Test
    void reorderGivesEachListedGradeItsIndexAndTouchesOnlyWhatMoved() {
        long a = createGrade(Unique.name("R-A"), 5);
        long b = createGrade(Unique.name("R-B"), 2);
        long c = createGrade(Unique.name("R-C"), 0);
        long untouched = createGrade(Unique.name("R-D"), 42);

        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(c, a, b)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].id").isEqualTo(c)
                .jsonPath("$.items[0].sortOrder").isEqualTo(0)
                .jsonPath("$.items[1].id").isEqualTo(a)
                .jsonPath("$.items[1].sortOrder").isEqualTo(1)
                .jsonPath("$.items[2].id").isEqualTo(b)
                .jsonPath("$.items[2].sortOrder").isEqualTo(2);

        assertThat(sortOrderOf(c)).isZero();
        assertThat(sortOrderOf(a)).isEqualTo(1);
        assertThat(sortOrderOf(b)).isEqualTo(2);
        assertThat(rows.versionOf("grades", a)).isEqualTo(1);
        assertThat(rows.versionOf("grades", b)).as("b already had sortOrder 2").isZero();
        assertThat(rows.versionOf("grades", c)).as("c already had sortOrder 0").isZero();
        assertThat(sortOrderOf(untouched)).isEqualTo(42);
        assertThat(rows.versionOf("grades", untouched)).isZero();
    }

    @Test
    void reorderIsAllOrNothingWhenAnIdIsUnknownOrRepeated() {
        long a = createGrade(Unique.name("X-A"), 5);
        long b = createGrade(Unique.name("X-B"), 6);

        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(b, MISSING, a)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("orderedIds[1]");
        assertUnchanged(a, 5);
        assertUnchanged(b, 6);

        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(b, a, b)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("orderedIds[2]");
        assertUnchanged(a, 5);
        assertUnchanged(b, 6);

        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("orderedIds");
        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"orderedIds\": [" + b + ", null, -1]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("orderedIds[1]")
                .jsonPath("$.errors[1].field").isEqualTo("orderedIds[2]");
        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ids", List.of(a, b)))
                .exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
        assertUnchanged(a, 5);
        assertUnchanged(b, 6);
    }

    @Test
    void concurrentReordersOfTheSameGradesNeitherDeadlockNorInterleave() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(createGrade(Unique.name("Race " + i), 100 + i));
        }
        List<Long> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);

        List<Integer> statuses = Flux.range(0, 10)
                .flatMap(i -> Mono.fromCallable(() -> http.post().uri("/api/v1/grades/reorder")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("orderedIds", i % 2 == 0 ? ids : reversed))
                                .exchange().returnResult(String.class).getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()), 10)
                .collectList().block();

        assertThat(statuses).hasSize(10).containsOnly(200);
        List<Integer> finalOrder = ids.stream().map(this::sortOrderOf).toList();
        assertThat(finalOrder).isIn(List.of(0, 1, 2, 3, 4, 5), List.of(5, 4, 3, 2, 1, 0));
    }

    @Test
    void deletesAGradeNothingUses() {
        long id = createGrade(Unique.name("Short-lived"), 0);
        http.delete().uri("/api/v1/grades/{id}", id).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/grades/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(countGradesWithId(id)).isZero();
        http.delete().uri("/api/v1/grades/{id}", id).exchange().expectStatus().isNotFound();
        http.delete().uri("/api/v1/grades/abc").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aGradeThatABatchCarriesCannotBeDeleted() {
        String name = Unique.name("Carried");
        long id = createGrade(name, 0);
        InventoryReferences.intake(http, Map.of("grade", name));
        InventoryReferences.deleteIsRefused(http, "/api/v1/grades/{id}", id,
                "Grade " + id + " is used by 1 batches; deactivate it instead of deleting it");
        assertThat(countGradesWithId(id)).isOne();
    }

    @Test
    void theApiDocumentDescribesTheGradeRoutes() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/grades'].get.operationId").isEqualTo("listGrades")
                .jsonPath("$.paths['/api/v1/grades'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/grades/reorder'].post.operationId").isEqualTo("reorderGrades")
                .jsonPath("$.paths['/api/v1/grades/reorder'].post.responses['400']").exists()
                .jsonPath("$.paths['/api/v1/grades/{id}'].delete.responses['409']").exists()
                .jsonPath("$.components.schemas.GradeRequest.properties.name.maxLength").isEqualTo(50)
                .jsonPath("$.components.schemas.GradeReorderRequest.properties.orderedIds").exists();
    }

    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        String original = Unique.name("Audited");
        long id = createGrade(original, 0);
        long other = createGrade(Unique.name("Audited neighbour"), 1);
        String renamed = Unique.name("Audited renamed");
        http.put().uri("/api/v1/grades/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed, "description", "Top shelf"))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(other, id)))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/grades/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/grades/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/grades/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "Grade", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "REORDERED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());
        assertThat(history.get(5).before()).isNull();
        assertThat(history.get(5).after()).containsEntry("name", original).containsEntry("sortOrder", 0);
        assertThat(history.get(4).before()).containsEntry("name", original).containsEntry("description", null);
        assertThat(history.get(4).after()).containsEntry("name", renamed).containsEntry("description", "Top shelf")
                .containsEntry("version", 1);
        assertThat(history.get(3).before()).containsEntry("sortOrder", 0).containsEntry("version", 1);
        assertThat(history.get(3).after()).containsEntry("sortOrder", 1).containsEntry("version", 2);
        assertThat(history.get(2).before()).containsEntry("active", true);
        assertThat(history.get(2).after()).containsEntry("active", false);
        assertThat(history.get(1).before()).containsEntry("active", false);
        assertThat(history.get(1).after()).containsEntry("active", true);
        assertThat(history.get(0).before()).containsEntry("name", renamed).containsEntry("sortOrder", 1);
        assertThat(history.get(0).after()).isNull();
        assertThat(AuditHistory.of(http, "Grade", other)).extracting(AuditHistory.Row::action)
                .containsExactly("REORDERED", "CREATED");
    }

    /**
     * A reorder of two grades writes two audit rows, the lower id's first. A trigger refuses the second, so the
     * transaction fails after the first row was written: that row must go with the rolled-back move.
     */
    @Test
    void aReorderThatFailsAfterItsFirstAuditRowKeepsNeitherTheMovesNorTheRow() {
        long first = createGrade(Unique.name("Rollback first"), 0);
        long second = createGrade(Unique.name("Rollback second"), 1);
        String trigger = "refuse_audit_of_grade_" + second;
        rows.update("CREATE TRIGGER " + trigger + " BEFORE INSERT ON audit_logs FOR EACH ROW BEGIN "
                        + "IF NEW.entity = 'Grade' AND NEW.entity_id = " + second + " THEN "
                        + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit row refused by the test'; END IF; END",
                                Map.of());
        try {
            http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("orderedIds", List.of(second, first)))
                    .exchange()
                    .expectStatus().is5xxServerError();
        } finally {
            rows.update("DROP TRIGGER IF EXISTS " + trigger, Map.of());
        }

        assertUnchanged(first, 0);
        assertThat(sortOrderOf(second)).isEqualTo(1);
        assertThat(AuditHistory.actions(http, "Grade", first)).containsExactly("CREATED");
        assertThat(AuditHistory.actions(http, "Grade", second)).containsExactly("CREATED");

        http.post().uri("/api/v1/grades/reorder").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderedIds", List.of(second, first)))
                .exchange().expectStatus().isOk();
        assertThat(AuditHistory.actions(http, "Grade", first)).containsExactly("REORDERED", "CREATED");
        assertThat(AuditHistory.actions(http, "Grade", second)).containsExactly("REORDERED", "CREATED");
    }

    private void assertUnchanged(long id, int sortOrder) {
        assertThat(sortOrderOf(id)).isEqualTo(sortOrder);
        assertThat(rows.versionOf("grades", id)).isZero();
    }

    private long createGrade(String name, int sortOrder) {
        Map<?, ?> body = http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "sortOrder", sortOrder))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private static List<Long> idsOf(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream()
                .map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue()).toList();
    }

    private long countGradesNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM grades WHERE name = :name", Map.of("name", name));
    }

    private long countGradesWithId(long id) {
        return rows.count("SELECT COUNT(*) AS n FROM grades WHERE id = :id", Map.of("id", id));
    }

    private int sortOrderOf(long id) {
        return rows.value("SELECT sort_order FROM grades WHERE id = :id", Map.of("id", id), Integer.class);
    }

}
