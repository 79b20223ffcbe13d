package dev.terp.masterdata.category;

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
class CategoryIT {

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
    void createsACategoryAndReadsItBackWithItsSubcategoriesAndVersionAsETag() {
        String name = Unique.name("Flower");
        Map<?, ?> created = http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "  " + name + "  ", "description", "Dried and cured"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/categories/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("name")).isEqualTo(name);
        assertThat(created.get("description")).isEqualTo("Dried and cured");
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);
        assertThat((List<?>) created.get("subcategories")).isEmpty();
        assertThat((String) created.get("createdAt")).endsWith("Z");
        long id = ((Number) created.get("id")).longValue();

        long indoor = insertSubcategory(id, "Indoor");
        http.get().uri("/api/v1/categories/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.subcategories.length()").isEqualTo(1)
                .jsonPath("$.subcategories[0].id").isEqualTo(indoor)
                .jsonPath("$.subcategories[0].categoryId").isEqualTo(id)
                .jsonPath("$.subcategories[0].name").isEqualTo("Indoor");
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndWritesNothing() {
        String longName = "x".repeat(101);
        http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", longName, "description", "d".repeat(10_001)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists();
        assertThat(countCategoriesNamed(longName)).isZero();

        http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "   "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");

        http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");

        http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void rejectsFieldsAClientMayNotSet() {
        String name = Unique.name("Sneaky");
        http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "active", false))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("active");
        http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "subcategories", List.of(Map.of("name", "Smuggled"))))
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(countCategoriesNamed(name)).isZero();
    }

    @Test
    void aDuplicateNameIsAConflictWhateverItsCase() {
        String name = Unique.name("Edibles");
        createCategory(name);

        http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name.toUpperCase()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("category named").contains(name.toUpperCase()));
        assertThat(countCategoriesNamed(name)).isEqualTo(1);
    }

    @Test
    void updateNeedsTheCurrentVersionAndRejectsAStaleOne() {
        long id = createCategory(Unique.name("Versioned"));
        String renamed = Unique.name("Renamed");

        http.put().uri("/api/v1/categories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", renamed))
                .exchange()
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.code").isEqualTo("PRECONDITION_REQUIRED");

        http.put().uri("/api/v1/categories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed, "description", "Now described"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(renamed)
                .jsonPath("$.description").isEqualTo("Now described")
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.subcategories").isArray();

        http.put().uri("/api/v1/categories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Lost update"), "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VERSION_CONFLICT")
                .jsonPath("$.detail").isEqualTo("Record was modified by another user. Please refresh and try again.");

        http.put().uri("/api/v1/categories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "y".repeat(101), "version", 1))
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(rows.nameOf("categories", id)).isEqualTo(renamed);
        assertThat(rows.versionOf("categories", id)).isEqualTo(1);
    }

    @Test
    void renamingToATakenNameIsAConflictAndChangesNothing() {
        String taken = Unique.name("Taken");
        createCategory(taken);
        String original = Unique.name("Original");
        long id = createCategory(original);

        http.put().uri("/api/v1/categories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", taken, "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        assertThat(rows.nameOf("categories", id)).isEqualTo(original);
        assertThat(rows.versionOf("categories", id)).isZero();
    }

    @Test
    void updateOfAMissingCategoryIsNotFound() {
        http.put().uri("/api/v1/categories/{id}", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Ghost"), "version", 0))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/categories/{id}", MISSING).exchange().expectStatus().isNotFound();
    }

    /** D-20: TERP renamed products by filtering on the new name, so nothing changed. Here products hold the id. */
    @Test
    void aRenameShowsOnEveryProductFiledUnderTheCategory() {
        long category = createCategory(Unique.name("Prerolls"));
        long brand = insertBrand(Unique.name("Rename brand"));
        insertProduct(brand, category, Unique.name("Jack Herer Preroll"));
        insertProduct(brand, category, Unique.name("Durban Poison Preroll"));
        String renamed = Unique.name("Pre-Rolls");

        http.put().uri("/api/v1/categories/{id}", category).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed))
                .exchange()
                .expectStatus().isOk();

        List<String> shownOnProducts = rows.list("SELECT c.name FROM products p JOIN categories c "
                        + "ON c.id = p.category_id WHERE p.brand_id = :brand",
                                Map.of("brand", brand), row -> row.get("name", String.class));
        assertThat(shownOnProducts).containsExactly(renamed, renamed);
    }

    @Test
    void idsThatAreNotPositiveIntegersAreBadRequests() {
        http.get().uri("/api/v1/categories/abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        http.get().uri("/api/v1/categories/0").exchange().expectStatus().isBadRequest();
        http.delete().uri("/api/v1/categories/-3").exchange().expectStatus().isBadRequest();
    }

    @Test
    void listsPageByCursorWithNestedSubcategories() {
        String marker = "Pager" + UUID.randomUUID().toString().substring(0, 8);
        long first = createCategory(marker + " category 0");
        for (int i = 1; i < 5; i++) {
            createCategory(marker + " category " + i);
        }
        long outdoor = insertSubcategory(first, "Outdoor");
        long indoor = insertSubcategory(first, "Indoor");

        Map<?, ?> page1 = http.get().uri(uri -> uri.path("/api/v1/categories").queryParam("q", marker)
                        .queryParam("limit", 3).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<?> items = (List<?>) page1.get("items");
        assertThat(items).hasSize(3);
        assertThat(page1.get("nextCursor")).isNotNull();
        Map<?, ?> firstItem = (Map<?, ?>) items.get(0);
        assertThat(((Number) firstItem.get("id")).longValue()).isEqualTo(first);
        assertThat(((List<?>) firstItem.get("subcategories")).stream()
                .map(sub -> ((Number) ((Map<?, ?>) sub).get("id")).longValue()))
                .containsExactly(outdoor, indoor);
        assertThat((List<?>) ((Map<?, ?>) items.get(1)).get("subcategories")).isEmpty();

        Map<?, ?> page2 = http.get().uri(uri -> uri.path("/api/v1/categories").queryParam("q", marker)
                        .queryParam("limit", 3).queryParam("cursor", page1.get("nextCursor")).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) page2.get("items")).hasSize(2);
        assertThat(page2.get("nextCursor")).isNull();
    }

    @Test
    void searchFindsACategoryByASubcategoryNameAndTreatsWildcardsLiterally() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long category = createCategory(Unique.name("Concentrates"));
        insertSubcategory(category, "Live Resin " + marker);
        createCategory("Percent " + marker + "%_ literal");

        http.get().uri(uri -> uri.path("/api/v1/categories").queryParam("q", "resin " + marker).build())
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(category);
        http.get().uri(uri -> uri.path("/api/v1/categories").queryParam("q", marker + "%_").build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void badListParametersAreBadRequests() {
        http.get().uri("/api/v1/categories?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.get().uri("/api/v1/categories?limit=201").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/categories?cursor=garbage!").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        http.get().uri("/api/v1/categories?active=maybe").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
        http.get().uri(uri -> uri.path("/api/v1/categories").queryParam("q", "q".repeat(101)).build())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void deactivatedCategoriesAreFilteredAndCanBeActivatedAgain() {
        String name = Unique.name("Seasonal");
        long id = createCategory(name);

        http.post().uri("/api/v1/categories/{id}/deactivate", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.active").isEqualTo(false);
        http.get().uri(uri -> uri.path("/api/v1/categories").queryParam("q", name).queryParam("active", true).build())
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri(uri -> uri.path("/api/v1/categories").queryParam("q", name).queryParam("active", false)
                        .build())
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(1);

        http.post().uri("/api/v1/categories/{id}/activate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
        assertThat(activeOf(id)).isTrue();
        http.post().uri("/api/v1/categories/{id}/activate", MISSING).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/categories/{id}/deactivate", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void deletesAnUnusedCategory() {
        long unused = createCategory(Unique.name("Unused"));
        http.delete().uri("/api/v1/categories/{id}", unused).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/categories/{id}", unused).exchange().expectStatus().isNotFound();
        http.delete().uri("/api/v1/categories/{id}", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesToDeleteACategoryWithSubcategoriesNamingThem() {
        long id = createCategory(Unique.name("Parent"));
        long child = insertSubcategory(id, "Child");

        http.delete().uri("/api/v1/categories/{id}", id).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("1 subcategories").doesNotContain("products"));
        assertThat(rows.nameOf("categories", id)).isNotNull();
        assertThat(countSubcategories(child)).isEqualTo(1);
    }

    @Test
    void refusesToDeleteACategoryProductsAreFiledUnderNamingThem() {
        long id = createCategory(Unique.name("Used"));
        long brand = insertBrand(Unique.name("Delete brand"));
        insertProduct(brand, id, Unique.name("Blue Dream Flower"));
        insertProduct(brand, id, Unique.name("Og Kush Flower"));

        http.delete().uri("/api/v1/categories/{id}", id).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("2 products"));
        assertThat(rows.nameOf("categories", id)).isNotNull();
    }

    @Test
    void theApiDocumentDescribesTheCategoryRoutesAndTheirConflicts() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/categories'].get.operationId").isEqualTo("listCategories")
                .jsonPath("$.paths['/api/v1/categories'].post.responses['409'].content['application/problem+json']")
                .exists()
                .jsonPath("$.paths['/api/v1/categories/{id}'].put.responses['428']").exists()
                .jsonPath("$.paths['/api/v1/categories/{id}'].delete.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/categories/{id}/activate'].post.operationId").isEqualTo("activateCategory")
                .jsonPath("$.components.schemas.CategoryRequest.properties.name.maxLength").isEqualTo(100)
                .jsonPath("$.components.schemas.Category.properties.subcategories").exists();
    }

    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        String original = Unique.name("Audited");
        long id = createCategory(original);
        String renamed = Unique.name("Audited renamed");
        http.put().uri("/api/v1/categories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed, "description", "Flower and pre-rolls"))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/categories/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/categories/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/categories/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "Category", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());
        assertThat(history.get(4).before()).isNull();
        assertThat(history.get(4).after()).containsEntry("name", original).containsEntry("subcategories", List.of());
        assertThat(history.get(3).before()).containsEntry("name", original).containsEntry("description", null)
                .containsEntry("version", 0);
        assertThat(history.get(3).after()).containsEntry("name", renamed)
                .containsEntry("description", "Flower and pre-rolls").containsEntry("version", 1);
        assertThat(history.get(2).before()).containsEntry("active", true);
        assertThat(history.get(2).after()).containsEntry("active", false);
        assertThat(history.get(1).before()).containsEntry("active", false);
        assertThat(history.get(1).after()).containsEntry("active", true);
        assertThat(history.get(0).before()).containsEntry("name", renamed).containsEntry("version", 3);
        assertThat(history.get(0).after()).isNull();
    }

    private long createCategory(String name) {
        Map<?, ?> body = http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private long insertSubcategory(long categoryId, String name) {
        Map<?, ?> body = http.post().uri("/api/v1/categories/{id}/subcategories", categoryId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private long insertBrand(String name) {
        rows.update("INSERT INTO brands (name) VALUES (:name)", Map.of("name", name));
        return rows.value("SELECT id FROM brands WHERE name = :name", Map.of("name", name), Long.class);
    }

    private void insertProduct(long brandId, long categoryId, String name) {
        rows.update("INSERT INTO products (brand_id, name_canonical, category_id) VALUES (:brand, :name, :category)",
                Map.of("brand", brandId, "name", name, "category", categoryId));
    }

    private long countCategoriesNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM categories WHERE name = :name", Map.of("name", name));
    }

    private long countSubcategories(long id) {
        return rows.count("SELECT COUNT(*) AS n FROM subcategories WHERE id = :id", Map.of("id", id));
    }

    private boolean activeOf(long id) {
        return rows.value("SELECT active FROM categories WHERE id = :id", Map.of("id", id), Boolean.class);
    }

}
