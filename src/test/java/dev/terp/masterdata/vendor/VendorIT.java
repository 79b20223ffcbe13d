package dev.terp.masterdata.vendor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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
class VendorIT {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Test
    void createsAVendorAndReadsItBackWithItsVersionAsETag() {
        String name = Unique.name("Emerald Farms");
        Map<?, ?> created = http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "  " + name + "  ", "contactEmail", "buyer@emerald.example",
                        "contactPhone", "555-0100"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/vendors/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("name")).isEqualTo(name);
        assertThat(created.get("contactEmail")).isEqualTo("buyer@emerald.example");
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);
        assertThat((String) created.get("createdAt")).endsWith("Z");

        http.get().uri("/api/v1/vendors/{id}", created.get("id")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.name").isEqualTo(name);
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndWritesNothing() {
        String longName = "x".repeat(256);
        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", longName, "contactEmail", "not-an-email", "contactPhone", "5".repeat(51)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'contactEmail')]").exists()
                .jsonPath("$.errors[?(@.field == 'contactPhone')]").exists();

        assertThat(countVendorsNamed(longName)).isZero();
    }

    @Test
    void rejectsAMissingNameAndFieldsAClientMayNotSet() {
        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contactName", "Nobody"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");

        String name = Unique.name("Sneaky");
        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "active", false, "createdAt", "2020-01-01T00:00:00Z"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        assertThat(countVendorsNamed(name)).isZero();
    }

    @Test
    void aDuplicateNameIsAConflictWhateverItsCase() {
        String name = Unique.name("Duplicate Vendor");
        createVendor(name);

        http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name.toUpperCase()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
    }

    @Test
    void updateNeedsTheCurrentVersionAndRejectsAStaleOne() {
        long id = createVendor(Unique.name("Versioned"));
        String renamed = Unique.name("Renamed");

        http.put().uri("/api/v1/vendors/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", renamed))
                .exchange()
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.code").isEqualTo("PRECONDITION_REQUIRED");

        http.put().uri("/api/v1/vendors/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed, "notes", "Pays on time"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.name").isEqualTo(renamed).jsonPath("$.version").isEqualTo(1);

        http.put().uri("/api/v1/vendors/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Lost update"), "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VERSION_CONFLICT")
                .jsonPath("$.detail").isEqualTo("Record was modified by another user. Please refresh and try again.");

        assertThat(rows.nameOf("vendors", id)).isEqualTo(renamed);
    }

    @Test
    void updateOfAMissingVendorIsNotFound() {
        http.put().uri("/api/v1/vendors/{id}", 987_654_321L).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Ghost"), "version", 0))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void idsThatAreNotPositiveIntegersAreBadRequests() {
        http.get().uri("/api/v1/vendors/abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        http.get().uri("/api/v1/vendors/0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void listsPageByCursorAndSearchesWithoutWildcardInjection() {
        String marker = "Pager" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            createVendor(marker + " vendor " + i);
        }
        createVendor(marker + "%_ literal");

        Map<?, ?> first = http.get().uri(uri -> uri.path("/api/v1/vendors").queryParam("q", marker + " vendor")
                        .queryParam("limit", 3).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(3);
        assertThat(first.get("nextCursor")).isNotNull();

        Map<?, ?> second = http.get().uri(uri -> uri.path("/api/v1/vendors").queryParam("q", marker + " vendor")
                        .queryParam("limit", 3).queryParam("cursor", first.get("nextCursor")).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) second.get("items")).hasSize(2);
        assertThat(second.get("nextCursor")).isNull();

        http.get().uri(uri -> uri.path("/api/v1/vendors").queryParam("q", marker + "%_").build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        http.get().uri(uri -> uri.path("/api/v1/vendors").queryParam("q", "%").queryParam("limit", 1).build())
                .exchange().expectStatus().isOk();
    }

    @Test
    void badListParametersAreBadRequests() {
        http.get().uri("/api/v1/vendors?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.get().uri("/api/v1/vendors?limit=201").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/vendors?cursor=garbage!").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        http.get().uri("/api/v1/vendors?active=maybe").exchange().expectStatus().isBadRequest();
    }

    @Test
    void deactivatedVendorsAreFilteredAndCanBeActivatedAgain() {
        String name = Unique.name("Seasonal");
        long id = createVendor(name);

        http.post().uri("/api/v1/vendors/{id}/deactivate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        http.get().uri(uri -> uri.path("/api/v1/vendors").queryParam("q", name).queryParam("active", true).build())
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri(uri -> uri.path("/api/v1/vendors").queryParam("q", name).queryParam("active", false).build())
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(1);

        http.post().uri("/api/v1/vendors/{id}/activate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
        http.post().uri("/api/v1/vendors/{id}/activate", 987_654_321L).exchange().expectStatus().isNotFound();
    }

    @Test
    void deletesAnUnusedVendorButRefusesOneABrandRefersTo() {
        long unused = createVendor(Unique.name("Unused"));
        http.delete().uri("/api/v1/vendors/{id}", unused).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/vendors/{id}", unused).exchange().expectStatus().isNotFound();

        long used = createVendor(Unique.name("Used"));
        rows.update("INSERT INTO brands (name, vendor_id) VALUES (:name, :vendor)",
                Map.of("name", Unique.name("Brand of used"), "vendor", used));

        http.delete().uri("/api/v1/vendors/{id}", used).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 brands"));
        assertThat(rows.nameOf("vendors", used)).isNotNull();
        http.delete().uri("/api/v1/vendors/{id}", 987_654_321L).exchange().expectStatus().isNotFound();
    }

    @Test
    void aVendorThatLotsOrIntakeSessionsNameCannotBeDeleted() {
        long id = createVendor(Unique.name("Supplying"));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        rows.update("INSERT INTO lots (code, vendor_id, received_on) VALUES (:code, :vendor, CURRENT_DATE)",
                Map.of("code", "LOT-V" + tag, "vendor", id));
        InventoryReferences.deleteIsRefused(http, "/api/v1/vendors/{id}", id,
                "Vendor " + id + " is used by 1 lots; deactivate it instead of deleting it");

        rows.update("INSERT INTO intake_sessions (session_number, vendor_id, receive_date, received_by, payment_terms) "
                        + "VALUES (:number, :vendor, CURRENT_DATE, 1, 'COD')",
                                Map.of("number", "INTAKE-V" + tag, "vendor", id));
        http.delete().uri("/api/v1/vendors/{id}", id).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("Vendor " + id + " is used by ").contains("1 lots").contains("1 intake sessions"));
        assertThat(rows.nameOf("vendors", id)).isNotNull();
    }

    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        String original = Unique.name("Audited");
        long id = createVendor(original);
        String renamed = Unique.name("Audited renamed");
        http.put().uri("/api/v1/vendors/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed, "notes", "Pays on time"))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/vendors/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/vendors/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/vendors/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "Vendor", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());

        AuditHistory.Row created = history.get(4);
        assertThat(created.before()).isNull();
        assertThat(created.after()).containsEntry("id", (int) id).containsEntry("name", original)
                .containsEntry("version", 0);
        AuditHistory.Row updated = history.get(3);
        assertThat(updated.before()).containsEntry("name", original).containsEntry("notes", null)
                .containsEntry("version", 0);
        assertThat(updated.after()).containsEntry("name", renamed).containsEntry("notes", "Pays on time")
                .containsEntry("version", 1);
        AuditHistory.Row deactivated = history.get(2);
        assertThat(deactivated.before()).containsEntry("active", true).containsEntry("version", 1);
        assertThat(deactivated.after()).containsEntry("active", false).containsEntry("version", 2);
        AuditHistory.Row activated = history.get(1);
        assertThat(activated.before()).containsEntry("active", false);
        assertThat(activated.after()).containsEntry("active", true).containsEntry("version", 3);
        AuditHistory.Row deleted = history.get(0);
        assertThat(deleted.before()).containsEntry("name", renamed).containsEntry("version", 3);
        assertThat(deleted.after()).isNull();
    }

    @Test
    void writesThatFailLeaveNoAuditRow() {
        String taken = Unique.name("Taken");
        createVendor(taken);
        String original = Unique.name("Keeps its name");
        long id = createVendor(original);

        http.put().uri("/api/v1/vendors/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", taken.toUpperCase()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        http.put().uri("/api/v1/vendors/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"7\"")
                .bodyValue(Map.of("name", Unique.name("Stale")))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");
        rows.update("INSERT INTO brands (name, vendor_id) VALUES (:name, :vendor)",
                Map.of("name", Unique.name("Brand of audited"), "vendor", id));
        http.delete().uri("/api/v1/vendors/{id}", id).exchange().expectStatus().isEqualTo(409);

        assertThat(AuditHistory.actions(http, "Vendor", id)).containsExactly("CREATED");
        assertThat(rows.nameOf("vendors", id)).isEqualTo(original);
    }

    private long createVendor(String name) {
        Map<?, ?> body = http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private long countVendorsNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM vendors WHERE name = :name", Map.of("name", name));
    }

}
