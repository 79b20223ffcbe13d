package dev.terp.masterdata.location;

import java.util.HashMap;
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
class LocationIT {

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
    void createsAFullAddressAndReadsItBackWithItsVersionAsETag() {
        String site = Unique.name("Oakland");
        Map<?, ?> created = http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", " " + site + " ", "zone", "Vault", "rack", "R1", "shelf", "S2", "bin", "B3"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/locations/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("site")).isEqualTo(site);
        assertThat(created.get("zone")).isEqualTo("Vault");
        assertThat(created.get("rack")).isEqualTo("R1");
        assertThat(created.get("shelf")).isEqualTo("S2");
        assertThat(created.get("bin")).isEqualTo("B3");
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);

        http.get().uri("/api/v1/locations/{id}", created.get("id")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.site").isEqualTo(site).jsonPath("$.bin").isEqualTo("B3");
    }

    @Test
    void absentAndBlankPartsAreShownAsNullAndStoredAsEmpty() {
        String site = Unique.name("Sacramento");
        Map<String, Object> body = new HashMap<>();
        body.put("site", site);
        body.put("zone", "  ");
        body.put("rack", null);
        Map<?, ?> created = http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("zone")).isNull();
        assertThat(created.get("rack")).isNull();
        assertThat(created.get("shelf")).isNull();
        assertThat(created.get("bin")).isNull();
        assertThat(created.containsKey("bin")).as("absent parts are sent as null").isTrue();
        long id = ((Number) created.get("id")).longValue();
        Map<String, Object> stored = rows.row("SELECT zone, rack, shelf, bin FROM locations WHERE id = :id",
                Map.of("id", id));
        assertThat(stored.values()).containsOnly("");
    }

    @Test
    void aDuplicateAddressIsAConflictWhateverItsCaseOrBlankParts() {
        String site = Unique.name("Dup");
        createLocation(site, "Vault", "R1");

        Map<String, Object> sameAddress = new HashMap<>();
        sameAddress.put("site", site.toUpperCase());
        sameAddress.put("zone", "vault");
        sameAddress.put("rack", "r1 ");
        sameAddress.put("shelf", "");
        http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(sameAddress)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("site " + site.toUpperCase()).contains("zone vault").contains("rack r1"));
        assertThat(countAtSite(site)).isEqualTo(1);

        // A coarser or finer address at the same place is a different location.
        createLocation(site, "Vault", null);
        createLocation(site, null, null);
        assertThat(countAtSite(site)).isEqualTo(3);
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndWritesNothing() {
        String site = Unique.name("Invalid");
        String tooLong = "z".repeat(101);
        http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "zone", tooLong, "rack", tooLong, "shelf", tooLong, "bin", tooLong))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(4);
        http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "s".repeat(101)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("site");
        http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("zone", "Vault"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("site");
        http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "aisle", "7"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("aisle");
        http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "zone", Map.of("name", "Vault")))
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(countAtSite(site)).isZero();
    }

    @Test
    void searchMatchesAnyPartAndTheSiteFilterIsExact() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String site = "Site " + marker;
        long vault = createLocation(site, "Vault", "Rack-" + marker);
        long cold = createLocation(site, "Cold " + marker, null);
        long elsewhere = createLocation(site + " annex", "Zone", null);

        http.get().uri(uri -> uri.path("/api/v1/locations").queryParam("q", "rack-" + marker).build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(vault);
        http.get().uri(uri -> uri.path("/api/v1/locations").queryParam("q", "cold " + marker).build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(cold);
        http.get().uri(uri -> uri.path("/api/v1/locations").queryParam("q", marker).build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(3);

        Map<?, ?> atSite = http.get().uri(uri -> uri.path("/api/v1/locations").queryParam("site", site.toLowerCase())
                        .build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(idsOf(atSite)).containsExactly(vault, cold);

        http.post().uri("/api/v1/locations/{id}/deactivate", cold).exchange().expectStatus().isOk();
        Map<?, ?> activeAtSite = http.get().uri(uri -> uri.path("/api/v1/locations").queryParam("site", site)
                        .queryParam("active", true).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(idsOf(activeAtSite)).containsExactly(vault);
        assertThat(elsewhere).isPositive();

        http.get().uri(uri -> uri.path("/api/v1/locations").queryParam("site", "s".repeat(101)).build())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("site");
    }

    @Test
    void listsPageByCursor() {
        String site = Unique.name("Paged");
        for (int i = 0; i < 5; i++) {
            createLocation(site, "Zone " + i, null);
        }
        Map<?, ?> first = http.get().uri(uri -> uri.path("/api/v1/locations").queryParam("site", site)
                        .queryParam("limit", 3).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(3);
        Map<?, ?> second = http.get().uri(uri -> uri.path("/api/v1/locations").queryParam("site", site)
                        .queryParam("limit", 3).queryParam("cursor", first.get("nextCursor")).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) second.get("items")).hasSize(2);
        assertThat(second.get("nextCursor")).isNull();

        http.get().uri("/api/v1/locations?limit=abc").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/locations?cursor=garbage!").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/locations?active=nope").exchange().expectStatus().isBadRequest();
    }

    @Test
    void updateReplacesTheWholeAddressWithTheCurrentVersionOnly() {
        String site = Unique.name("Moving");
        long id = createLocation(site, "Vault", "R1");

        http.put().uri("/api/v1/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "zone", "Vault"))
                .exchange()
                .expectStatus().isEqualTo(428);

        http.put().uri("/api/v1/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("site", site, "zone", "Cage", "shelf", "S9"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.zone").isEqualTo("Cage")
                .jsonPath("$.rack").doesNotExist()
                .jsonPath("$.shelf").isEqualTo("S9")
                .jsonPath("$.version").isEqualTo(1);

        http.put().uri("/api/v1/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "zone", "Lost", "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");

        createLocation(site, "Taken", null);
        http.put().uri("/api/v1/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "zone", "Taken", "version", 1))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");

        http.put().uri("/api/v1/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", "", "version", 1))
                .exchange()
                .expectStatus().isBadRequest();

        http.put().uri("/api/v1/locations/{id}", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "version", 0))
                .exchange()
                .expectStatus().isNotFound();

        Map<String, Object> stored = rows.row("SELECT zone, rack, shelf, version FROM locations WHERE id = :id",
                Map.of("id", id));
        assertThat(stored.get("zone")).isEqualTo("Cage");
        assertThat(stored.get("rack")).isEqualTo("");
        assertThat(stored.get("shelf")).isEqualTo("S9");
        assertThat(((Number) stored.get("version")).longValue()).isEqualTo(1);
    }

    @Test
    void capacityIsAnOptionalPositiveQuantityThatAPutReplaces() {
        String site = Unique.name("Capacity");
        Map<?, ?> created = http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "capacity", 250.5))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created.get("capacity")).isEqualTo("250.5000");
        Object id = created.get("id");

        http.put().uri("/api/v1/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "capacity", "99.0001", "version", 0))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.capacity").isEqualTo("99.0001");
        http.put().uri("/api/v1/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "version", 1))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.capacity").doesNotExist();

        for (Object bad : new Object[] {"0", "-1", "1.00001", "abc", "1000000000000"}) {
            http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("site", Unique.name("Bad capacity"), "capacity", bad))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("capacity");
        }
        assertThat(rows.list("SELECT capacity FROM locations WHERE id = :id", Map.of("id", id),
                row -> java.util.Optional.ofNullable(row.get("capacity")))).containsExactly(java.util.Optional.empty());
    }

    @Test
    void activationAndDeletion() {
        long id = createLocation(Unique.name("Temporary"), null, null);
        http.post().uri("/api/v1/locations/{id}/deactivate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        http.post().uri("/api/v1/locations/{id}/activate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true).jsonPath("$.version")
                .isEqualTo(2);
        http.post().uri("/api/v1/locations/{id}/activate", MISSING).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/locations/{id}/deactivate", MISSING).exchange().expectStatus().isNotFound();

        http.delete().uri("/api/v1/locations/{id}", id).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/locations/{id}", id).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.delete().uri("/api/v1/locations/{id}", id).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/locations/1.5").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aLocationHoldingStockCannotBeDeletedButMayBeDeactivated() {
        String site = Unique.name("Stocked");
        long id = createLocation(site, null, null);
        long batchId = intakeAt(site);
        assertThat(rows.value("SELECT location_id FROM batch_locations WHERE batch_id = :b",
                Map.of("b", batchId), Long.class)).isEqualTo(id);

        // Refused by the inventory module's usage probe, naming what uses it, before the foreign key is reached.
        InventoryReferences.deleteIsRefused(http, "/api/v1/locations/{id}", id,
                "Location " + id + " is used by 1 batch locations; deactivate it instead of deleting it");

        http.get().uri("/api/v1/locations/{id}", id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.active").isEqualTo(true);
        assertThat(AuditHistory.actions(http, "Location", id)).containsExactly("CREATED");

        // The way out for a location in use is to archive it.
        http.post().uri("/api/v1/locations/{id}/deactivate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
    }

    @Test
    void theApiDocumentDescribesTheLocationRoutes() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/locations'].get.operationId").isEqualTo("listLocations")
                .jsonPath("$.paths['/api/v1/locations'].get.parameters[?(@.name == 'site')]").exists()
                .jsonPath("$.paths['/api/v1/locations'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/locations/{id}'].put.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/locations/{id}'].delete.responses['409']").exists()
                .jsonPath("$.components.schemas.LocationRequest.properties.bin.maxLength").isEqualTo(100);
    }

    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        String site = Unique.name("Audited");
        long id = createLocation(site, "Vault", null);
        http.put().uri("/api/v1/locations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("site", site, "zone", "Dock", "rack", "R7"))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/locations/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/locations/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/locations/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "Location", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());
        assertThat(history.get(4).before()).isNull();
        assertThat(history.get(4).after()).containsEntry("site", site).containsEntry("zone", "Vault")
                .containsEntry("rack", null);
        assertThat(history.get(3).before()).containsEntry("zone", "Vault").containsEntry("rack", null)
                .containsEntry("version", 0);
        assertThat(history.get(3).after()).containsEntry("zone", "Dock").containsEntry("rack", "R7")
                .containsEntry("version", 1);
        assertThat(history.get(2).before()).containsEntry("active", true);
        assertThat(history.get(2).after()).containsEntry("active", false);
        assertThat(history.get(1).before()).containsEntry("active", false);
        assertThat(history.get(1).after()).containsEntry("active", true);
        assertThat(history.get(0).before()).containsEntry("zone", "Dock").containsEntry("version", 3);
        assertThat(history.get(0).after()).isNull();
    }

    private long createLocation(String site, String zone, String rack) {
        Map<String, Object> body = new HashMap<>();
        body.put("site", site);
        body.put("zone", zone);
        body.put("rack", rack);
        Map<?, ?> created = http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) created.get("id")).longValue();
    }

    /** Receives a batch through the intake API at the location with this site; returns the batch id. */
    private long intakeAt(String site) {
        Map<?, ?> batch = InventoryReferences.intake(http, Map.of("location", Map.of("site", site)));
        return ((Number) batch.get("id")).longValue();
    }

    private static List<Long> idsOf(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream()
                .map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue()).toList();
    }

    private long countAtSite(String site) {
        return rows.count("SELECT COUNT(*) AS n FROM locations WHERE site = :site", Map.of("site", site));
    }

}
