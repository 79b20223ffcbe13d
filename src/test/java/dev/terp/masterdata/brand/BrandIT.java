package dev.terp.masterdata.brand;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.terp.masterdata.AuditHistory;
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
class BrandIT {

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
    void createsABrandOfAVendorAndReadsItBackWithItsVersionAsETag() {
        long vendor = createVendor(Unique.name("Supplier"));
        String name = Unique.name("Cookies");
        Map<?, ?> created = http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "  " + name + "  ", "vendorId", vendor, "description", "  Bay Area  "))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/brands/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("name")).isEqualTo(name);
        assertThat(((Number) created.get("vendorId")).longValue()).isEqualTo(vendor);
        assertThat(created.get("description")).isEqualTo("Bay Area");
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);
        assertThat((String) created.get("createdAt")).endsWith("Z");

        http.get().uri("/api/v1/brands/{id}", created.get("id")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.vendorId").isEqualTo(vendor);
        assertThat(vendorOf(((Number) created.get("id")).longValue())).isEqualTo(vendor);
    }

    @Test
    void aBrandNeedsNoVendor() {
        String name = Unique.name("House Brand");
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.vendorId").doesNotExist()
                .jsonPath("$.description").doesNotExist();
        assertThat(countBrandsNamed(name)).isOne();
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndWritesNothing() {
        String longName = "x".repeat(256);
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", longName, "vendorId", 0, "description", "d".repeat(10_001)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'vendorId')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists();

        assertThat(countBrandsNamed(longName)).isZero();
    }

    @Test
    void rejectsAMissingNameFieldsAClientMayNotSetAndBodiesThatAreNotJson() {
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "No name"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");

        String name = Unique.name("Sneaky");
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "active", false))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("active");
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "id", 5, "createdAt", "2020-01-01T00:00:00Z"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "vendorId", "seven"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("vendorId");
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");

        assertThat(countBrandsNamed(name)).isZero();
    }

    @Test
    void aVendorThatDoesNotExistIsAFieldErrorAndNothingIsWritten() {
        String name = Unique.name("Orphan");
        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "vendorId", MISSING))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("vendorId")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("987654321"));

        assertThat(countBrandsNamed(name)).isZero();
    }

    @Test
    void aDuplicateNameIsAConflictWhateverItsCase() {
        String name = Unique.name("Duplicate Brand");
        createBrand(name, null);

        http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name.toUpperCase()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("brand named '" + name.toUpperCase() + "' already exists"));
        assertThat(countBrandsNamed(name)).isOne();
    }

    @Test
    void updateNeedsTheCurrentVersionAndRejectsAStaleOne() {
        long vendor = createVendor(Unique.name("Supplier"));
        long id = createBrand(Unique.name("Versioned"), vendor);
        String renamed = Unique.name("Renamed");

        http.put().uri("/api/v1/brands/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", renamed))
                .exchange()
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.code").isEqualTo("PRECONDITION_REQUIRED");

        // A PUT replaces everything: the vendor is not sent, so it is cleared.
        http.put().uri("/api/v1/brands/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed, "description", "Relaunched"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(renamed)
                .jsonPath("$.description").isEqualTo("Relaunched")
                .jsonPath("$.vendorId").doesNotExist()
                .jsonPath("$.version").isEqualTo(1);
        assertThat(vendorOf(id)).isNull();

        http.put().uri("/api/v1/brands/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Lost update"), "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VERSION_CONFLICT")
                .jsonPath("$.detail").isEqualTo("Record was modified by another user. Please refresh and try again.");

        http.put().uri("/api/v1/brands/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Vendor back"), "vendorId", vendor, "version", 1))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.vendorId").isEqualTo(vendor).jsonPath("$.version").isEqualTo(2);
        assertThat(vendorOf(id)).isEqualTo(vendor);
    }

    @Test
    void anUpdateWithAMissingVendorOrATakenNameChangesNothing() {
        String name = Unique.name("Steady");
        long id = createBrand(name, null);
        String taken = Unique.name("Taken");
        createBrand(taken, null);

        http.put().uri("/api/v1/brands/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Moved"), "vendorId", MISSING, "version", 0))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("vendorId");

        http.put().uri("/api/v1/brands/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", taken.toLowerCase(), "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");

        http.put().uri("/api/v1/brands/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", Unique.name("Mismatch"), "version", 3))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");

        assertThat(rows.nameOf("brands", id)).isEqualTo(name);
        assertThat(rows.versionOf("brands", id)).isZero();
    }

    @Test
    void updateOfAMissingBrandIsNotFound() {
        http.put().uri("/api/v1/brands/{id}", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Ghost"), "version", 0))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/brands/{id}", MISSING).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void idsThatAreNotPositiveIntegersAreBadRequests() {
        http.get().uri("/api/v1/brands/abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        http.get().uri("/api/v1/brands/0").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/brands/-4").exchange().expectStatus().isBadRequest();
        http.put().uri("/api/v1/brands/x").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Any"), "version", 0))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/v1/brands/1.5/activate").exchange().expectStatus().isBadRequest();
        http.post().uri("/api/v1/brands/1e3/deactivate").exchange().expectStatus().isBadRequest();
        http.delete().uri("/api/v1/brands/99999999999999999999").exchange().expectStatus().isBadRequest();
    }

    @Test
    void listsPageByCursorFilterByVendorAndSearchWithoutWildcardInjection() {
        String marker = "Pager" + UUID.randomUUID().toString().substring(0, 8);
        long vendor = createVendor(Unique.name("Lister"));
        for (int i = 0; i < 5; i++) {
            createBrand(marker + " brand " + i, i < 2 ? vendor : null);
        }
        createBrand(marker + "%_ literal", null);

        Map<?, ?> first = list(Map.of("q", marker + " brand", "limit", "3"));
        assertThat((List<?>) first.get("items")).hasSize(3);
        assertThat(first.get("nextCursor")).isNotNull();
        Map<?, ?> second = list(Map.of("q", marker + " brand", "limit", "3",
                "cursor", (String) first.get("nextCursor")));
        assertThat((List<?>) second.get("items")).hasSize(2);
        assertThat(second.get("nextCursor")).isNull();
        assertThat(names(first)).doesNotContainAnyElementsOf(names(second));

        assertThat(names(list(Map.of("q", marker + "%_")))).containsExactly(marker + "%_ literal");
        assertThat(names(list(Map.of("q", marker, "vendorId", String.valueOf(vendor)))))
                .containsExactly(marker + " brand 0", marker + " brand 1");
        assertThat(names(list(Map.of("vendorId", String.valueOf(MISSING))))).isEmpty();
    }

    @Test
    void badListParametersAreBadRequests() {
        http.get().uri("/api/v1/brands?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.get().uri("/api/v1/brands?limit=201").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/brands?cursor=garbage!").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        http.get().uri("/api/v1/brands?active=maybe").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
        http.get().uri("/api/v1/brands?vendorId=abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("vendorId");
        http.get().uri("/api/v1/brands?vendorId=0").exchange().expectStatus().isBadRequest();
        http.get().uri(uri -> uri.path("/api/v1/brands").queryParam("q", "q".repeat(101)).build()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void deactivatedBrandsAreFilteredAndCanBeActivatedAgain() {
        String name = Unique.name("Seasonal");
        long id = createBrand(name, null);

        http.post().uri("/api/v1/brands/{id}/deactivate", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.active").isEqualTo(false);
        assertThat(names(list(Map.of("q", name, "active", "true")))).isEmpty();
        assertThat(names(list(Map.of("q", name, "active", "false")))).containsExactly(name);

        http.post().uri("/api/v1/brands/{id}/activate", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true).jsonPath("$.version").isEqualTo(2);
        assertThat(names(list(Map.of("q", name, "active", "true")))).containsExactly(name);
        http.post().uri("/api/v1/brands/{id}/activate", MISSING).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/brands/{id}/deactivate", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void deletesAnUnusedBrandButRefusesOneAProductUsesNamingTheProducts() {
        long unused = createBrand(Unique.name("Unused"), null);
        http.delete().uri("/api/v1/brands/{id}", unused).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/brands/{id}", unused).exchange().expectStatus().isNotFound();
        assertThat(rows.nameOf("brands", unused)).isNull();

        long used = createBrand(Unique.name("Used"), null);
        long category = insertCategory();
        insertProduct(used, category, Unique.name("Product"));
        insertProduct(used, category, Unique.name("Product"));

        http.delete().uri("/api/v1/brands/{id}", used).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("Brand " + used).contains("2 products"));
        assertThat(rows.nameOf("brands", used)).isNotNull();
        http.delete().uri("/api/v1/brands/{id}", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void aVendorWithBrandsCannotBeDeletedButOneWithoutCan() {
        long vendor = createVendor(Unique.name("Parent"));
        long brand = createBrand(Unique.name("Child"), vendor);

        http.delete().uri("/api/v1/vendors/{id}", vendor).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 brands"));

        http.delete().uri("/api/v1/brands/{id}", brand).exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/vendors/{id}", vendor).exchange().expectStatus().isNoContent();
    }

    @Test
    void theOpenApiDocumentDescribesEveryBrandOperationAndItsConflicts() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/brands'].get.operationId").isEqualTo("listBrands")
                .jsonPath("$.paths['/api/v1/brands'].get.parameters[?(@.name == 'vendorId')]").exists()
                .jsonPath("$.paths['/api/v1/brands'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/brands/{id}'].get.operationId").isEqualTo("getBrand")
                .jsonPath("$.paths['/api/v1/brands/{id}'].put.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/brands/{id}'].put.responses['428']").exists()
                .jsonPath("$.paths['/api/v1/brands/{id}'].delete.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/brands/{id}/activate'].post.operationId").isEqualTo("activateBrand")
                .jsonPath("$.paths['/api/v1/brands/{id}/deactivate'].post.operationId").isEqualTo("deactivateBrand")
                .jsonPath("$.components.schemas.BrandRequest.properties.name.maxLength").isEqualTo(255);
    }

    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        long vendor = createVendor(Unique.name("Audited vendor"));
        String original = Unique.name("Audited");
        long id = createBrand(original, null);
        String renamed = Unique.name("Audited renamed");
        http.put().uri("/api/v1/brands/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed, "vendorId", vendor))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/brands/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/brands/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/brands/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "Brand", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());
        assertThat(history.get(4).before()).isNull();
        assertThat(history.get(4).after()).containsEntry("name", original).containsEntry("vendorId", null);
        assertThat(history.get(3).before()).containsEntry("name", original).containsEntry("vendorId", null)
                .containsEntry("version", 0);
        assertThat(history.get(3).after()).containsEntry("name", renamed).containsEntry("vendorId", (int) vendor)
                .containsEntry("version", 1);
        assertThat(history.get(2).before()).containsEntry("active", true);
        assertThat(history.get(2).after()).containsEntry("active", false);
        assertThat(history.get(1).before()).containsEntry("active", false);
        assertThat(history.get(1).after()).containsEntry("active", true);
        assertThat(history.get(0).before()).containsEntry("name", renamed).containsEntry("version", 3);
        assertThat(history.get(0).after()).isNull();
    }

    private Map<?, ?> list(Map<String, String> params) {
        return http.get().uri(uri -> {
                    uri.path("/api/v1/brands");
                    params.forEach(uri::queryParam);
                    return uri.build();
                })
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<String> names(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("name")).toList();
    }

    private long createVendor(String name) {
        Map<?, ?> body = http.post().uri("/api/v1/vendors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private long createBrand(String name, Long vendorId) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", name);
        request.put("vendorId", vendorId);
        Map<?, ?> body = http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private long insertCategory() {
        return rows.insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", Unique.name("Category")));
    }

    private void insertProduct(long brand, long category, String name) {
        rows.update("INSERT INTO products (brand_id, name_canonical, category_id) VALUES (:brand, :name, :category)",
                Map.of("brand", brand, "name", name, "category", category));
    }

    private long countBrandsNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM brands WHERE name = :name", Map.of("name", name));
    }

    private Long vendorOf(long id) {
        return rows.value("SELECT vendor_id FROM brands WHERE id = :id", Map.of("id", id), Long.class);
    }

}
