package dev.terp.masterdata.category;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

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
class SubcategoryIT {

    private static final long MISSING = 987_654_321L;

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Autowired
    CategoryService categories;

    @Test
    void createsASubcategoryInACategoryAndReadsItBack() {
        long category = createCategory(Unique.name("Vapes"));
        Map<?, ?> created = http.post().uri("/api/v1/categories/{id}/subcategories", category)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "  Cartridges  ", "description", "510 thread"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/subcategories/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("name")).isEqualTo("Cartridges");
        assertThat(((Number) created.get("categoryId")).longValue()).isEqualTo(category);
        assertThat(created.get("description")).isEqualTo("510 thread");
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);
        long id = ((Number) created.get("id")).longValue();

        http.get().uri("/api/v1/subcategories/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.name").isEqualTo("Cartridges").jsonPath("$.categoryId").isEqualTo(category);

        // The read other modules (products) rely on.
        categories.getSubcategory(id).as(StepVerifier::create)
                .assertNext(read -> {
                    assertThat(read.categoryId()).isEqualTo(category);
                    assertThat(read.name()).isEqualTo("Cartridges");
                })
                .verifyComplete();
    }

    @Test
    void aSubcategoryOfAMissingCategoryIsNotFoundAndNothingIsWritten() {
        String name = Unique.name("Orphan");
        http.post().uri("/api/v1/categories/{id}/subcategories", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Category"));
        assertThat(countSubcategoriesNamed(name)).isZero();
        http.get().uri("/api/v1/subcategories/{id}", MISSING).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/subcategories/xyz").exchange().expectStatus().isBadRequest();
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndFieldsAClientMayNotSet() {
        long category = createCategory(Unique.name("Edibles"));
        String longName = "n".repeat(101);
        http.post().uri("/api/v1/categories/{id}/subcategories", category).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", longName, "description", "d".repeat(10_001)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(2);

        String smuggled = Unique.name("Smuggled");
        long otherCategory = createCategory(Unique.name("Other"));
        http.post().uri("/api/v1/categories/{id}/subcategories", category).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", smuggled, "categoryId", otherCategory))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("categoryId");

        http.post().uri("/api/v1/categories/{id}/subcategories", category).contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");

        assertThat(countSubcategoriesNamed(longName)).isZero();
        assertThat(countSubcategoriesNamed(smuggled)).isZero();
        assertThat(countSubcategoriesOf(category)).isZero();
    }

    @Test
    void aNameIsUniqueWithinItsCategoryOnly() {
        long flower = createCategory(Unique.name("Flower"));
        long prerolls = createCategory(Unique.name("Prerolls"));
        createSubcategory(flower, "Indoor");

        http.post().uri("/api/v1/categories/{id}/subcategories", flower).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "INDOOR"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("subcategory named"));
        assertThat(countSubcategoriesOf(flower)).isEqualTo(1);

        createSubcategory(prerolls, "Indoor");
        assertThat(countSubcategoriesOf(prerolls)).isEqualTo(1);
    }

    @Test
    void listsTheSubcategoriesOfOneCategoryByCursor() {
        long category = createCategory(Unique.name("Concentrates"));
        long other = createCategory(Unique.name("Elsewhere"));
        for (int i = 0; i < 5; i++) {
            createSubcategory(category, "Resin " + i);
        }
        createSubcategory(other, "Resin elsewhere");

        Map<?, ?> first = http.get().uri(uri -> uri.path("/api/v1/categories/{id}/subcategories")
                        .queryParam("limit", 3).build(category))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(3);
        assertThat(first.get("nextCursor")).isNotNull();

        Map<?, ?> second = http.get().uri(uri -> uri.path("/api/v1/categories/{id}/subcategories")
                        .queryParam("limit", 3).queryParam("cursor", first.get("nextCursor")).build(category))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) second.get("items")).hasSize(2);
        assertThat(second.get("nextCursor")).isNull();

        http.get().uri(uri -> uri.path("/api/v1/categories/{id}/subcategories").queryParam("q", "resin 4")
                        .build(category))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].name").isEqualTo("Resin 4");

        http.get().uri("/api/v1/categories/{id}/subcategories", MISSING).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/categories/{id}/subcategories?limit=500", category).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/v1/categories/{id}/subcategories?active=yes", category).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void updateNeedsTheCurrentVersionKeepsTheCategoryAndRejectsDuplicates() {
        long category = createCategory(Unique.name("Flower"));
        long id = createSubcategory(category, "Greenhouse");
        createSubcategory(category, "Outdoor");

        http.put().uri("/api/v1/subcategories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Light Dep"))
                .exchange()
                .expectStatus().isEqualTo(428);

        http.put().uri("/api/v1/subcategories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", "Light Dep", "description", "Light deprivation"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo("Light Dep")
                .jsonPath("$.categoryId").isEqualTo(category)
                .jsonPath("$.version").isEqualTo(1);

        http.put().uri("/api/v1/subcategories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Lost update", "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");

        http.put().uri("/api/v1/subcategories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "outdoor", "version", 1))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");

        http.put().uri("/api/v1/subcategories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "", "version", 1))
                .exchange()
                .expectStatus().isBadRequest();

        http.put().uri("/api/v1/subcategories/{id}", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Ghost", "version", 0))
                .exchange()
                .expectStatus().isNotFound();

        assertThat(rows.nameOf("subcategories", id)).isEqualTo("Light Dep");
        assertThat(rows.versionOf("subcategories", id)).isEqualTo(1);
    }

    @Test
    void deactivatedSubcategoriesAreFilteredAndCanBeActivatedAgain() {
        long category = createCategory(Unique.name("Seasonal"));
        long id = createSubcategory(category, "Holiday");
        createSubcategory(category, "Everyday");

        http.post().uri("/api/v1/subcategories/{id}/deactivate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        http.get().uri("/api/v1/categories/{id}/subcategories?active=true", category).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].name").isEqualTo("Everyday");
        http.get().uri("/api/v1/categories/{id}/subcategories?active=false", category).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].name").isEqualTo("Holiday");
        // The nested list of the category shows both, each with its own flag.
        http.get().uri("/api/v1/categories/{id}", category).exchange()
                .expectBody().jsonPath("$.subcategories.length()").isEqualTo(2)
                .jsonPath("$.subcategories[0].active").isEqualTo(false);

        http.post().uri("/api/v1/subcategories/{id}/activate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
        http.post().uri("/api/v1/subcategories/{id}/activate", MISSING).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/subcategories/{id}/deactivate", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void deletesAnUnusedSubcategoryButRefusesOneProductsUse() {
        long category = createCategory(Unique.name("Pre-Rolls"));
        long unused = createSubcategory(category, "Singles");
        http.delete().uri("/api/v1/subcategories/{id}", unused).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/subcategories/{id}", unused).exchange().expectStatus().isNotFound();

        long used = createSubcategory(category, "Multi-Packs");
        long brand = insertBrand(Unique.name("Subcategory brand"));
        rows.update("INSERT INTO products (brand_id, name_canonical, category_id, subcategory_id) "
                        + "VALUES (:brand, :name, :category, :subcategory)",
                                Map.of("brand", brand, "name", Unique.name("Jack Herer 5 Pack"), "category", category,
                                "subcategory", used));

        http.delete().uri("/api/v1/subcategories/{id}", used).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 products"));
        assertThat(rows.nameOf("subcategories", used)).isEqualTo("Multi-Packs");
        http.delete().uri("/api/v1/subcategories/{id}", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void aCategoryHoldsAtMostTheDocumentedNumberOfSubcategoriesEvenUnderParallelCreates() {
        long category = createCategory(Unique.name("Crowded"));
        int free = 4;
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < CategoryService.MAX_SUBCATEGORIES - free; i++) {
            values.append(i == 0 ? "" : ", ").append("(:category, 'Sub ").append(i).append("')");
        }
        rows.update("INSERT INTO subcategories (category_id, name) VALUES " + values, Map.of("category", category));

        List<Integer> statuses = Flux.range(0, 2 * free)
                .flatMap(i -> Mono.fromCallable(() -> http.post().uri("/api/v1/categories/{id}/subcategories", category)
                                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Racer " + i))
                                .exchange().returnResult(String.class).getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()), 2 * free)
                .collectList().block();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(free);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(free);
        assertThat(countSubcategoriesOf(category)).isEqualTo(CategoryService.MAX_SUBCATEGORIES);
        http.post().uri("/api/v1/categories/{id}/subcategories", category).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "One too many")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(String.valueOf(CategoryService.MAX_SUBCATEGORIES)));
        http.get().uri("/api/v1/categories/{id}", category).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.subcategories.length()").isEqualTo(CategoryService.MAX_SUBCATEGORIES);
    }

    @Test
    void theApiDocumentDescribesTheSubcategoryRoutes() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/categories/{id}/subcategories'].get.operationId")
                .isEqualTo("listSubcategoriesOfCategory")
                .jsonPath("$.paths['/api/v1/categories/{id}/subcategories'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/subcategories/{id}'].get.operationId").isEqualTo("getSubcategory")
                .jsonPath("$.paths['/api/v1/subcategories/{id}'].delete.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/subcategories/{id}/deactivate'].post").exists()
                .jsonPath("$.components.schemas.SubcategoryRequest.properties.name.maxLength").isEqualTo(100);
    }

    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        long category = createCategory(Unique.name("Audited parent"));
        String original = Unique.name("Audited");
        long id = createSubcategory(category, original);
        String renamed = Unique.name("Audited renamed");
        http.put().uri("/api/v1/subcategories/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/subcategories/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/subcategories/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/subcategories/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "Subcategory", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());
        assertThat(history.get(4).before()).isNull();
        assertThat(history.get(4).after()).containsEntry("name", original).containsEntry("categoryId", (int) category);
        assertThat(history.get(3).before()).containsEntry("name", original).containsEntry("version", 0);
        assertThat(history.get(3).after()).containsEntry("name", renamed).containsEntry("version", 1);
        assertThat(history.get(2).before()).containsEntry("active", true);
        assertThat(history.get(2).after()).containsEntry("active", false);
        assertThat(history.get(1).before()).containsEntry("active", false);
        assertThat(history.get(1).after()).containsEntry("active", true);
        assertThat(history.get(0).before()).containsEntry("name", renamed).containsEntry("version", 3);
        assertThat(history.get(0).after()).isNull();
        assertThat(AuditHistory.actions(http, "Category", category)).as("the parent's own trail")
                .containsExactly("CREATED");
    }

    private long createCategory(String name) {
        Map<?, ?> body = http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private long createSubcategory(long categoryId, String name) {
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

    private long countSubcategoriesNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM subcategories WHERE name = :name", Map.of("name", name));
    }

    private long countSubcategoriesOf(long categoryId) {
        return rows.count("SELECT COUNT(*) AS n FROM subcategories WHERE category_id = :id", Map.of("id", categoryId));
    }

}
