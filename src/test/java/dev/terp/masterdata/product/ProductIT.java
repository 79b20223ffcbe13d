package dev.terp.masterdata.product;

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
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProductIT {

    private static final long MISSING = 987_654_321L;

    @Autowired
    WebTestClient http;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Test
    void createsAProductUnderItsCanonicalNameAndShowsTheNamesOfWhatItRefersTo() {
        Refs refs = refs();
        Map<String, Object> request = refs.request("  blue   DREAM!! ");
        request.put("strainId", refs.strainId);
        request.put("subcategoryId", refs.subcategoryId);
        request.put("uomSellable", " G ");
        request.put("description", "  Top shelf  ");
        Map<?, ?> created = http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/products/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("nameCanonical")).isEqualTo("Blue Dream");
        assertThat(number(created, "brandId")).isEqualTo(refs.brandId);
        assertThat(created.get("brandName")).isEqualTo(refs.brandName);
        assertThat(number(created, "strainId")).isEqualTo(refs.strainId);
        assertThat(created.get("strainName")).isEqualTo(refs.strainName);
        assertThat(number(created, "categoryId")).isEqualTo(refs.categoryId);
        assertThat(created.get("categoryName")).isEqualTo(refs.categoryName);
        assertThat(number(created, "subcategoryId")).isEqualTo(refs.subcategoryId);
        assertThat(created.get("subcategoryName")).isEqualTo(refs.subcategoryName);
        assertThat(created.get("uomSellable")).isEqualTo("G");
        assertThat(created.get("description")).isEqualTo("Top shelf");
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);
        assertThat((String) created.get("createdAt")).endsWith("Z");
        long id = number(created, "id");

        http.get().uri("/api/v1/products/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.nameCanonical").isEqualTo("Blue Dream")
                .jsonPath("$.brandName").isEqualTo(refs.brandName)
                .jsonPath("$.subcategoryName").isEqualTo(refs.subcategoryName);
        assertThat(column(id, "name_canonical")).isEqualTo("Blue Dream");
        assertThat(column(id, "uom_sellable")).isEqualTo("G");
    }

    @Test
    void strainSubcategoryAndUnitAreOptional() {
        Refs refs = refs();
        Map<?, ?> created = http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(refs.request("Ｇｅｌａｔｏ　＃３３"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created.get("nameCanonical")).isEqualTo("Gelato 33");
        assertThat(created.get("uomSellable")).isEqualTo("EA");
        assertThat(created.get("strainId")).isNull();
        assertThat(created.get("strainName")).isNull();
        assertThat(created.get("subcategoryId")).isNull();
        assertThat(created.get("subcategoryName")).isNull();
        assertThat(column(number(created, "id"), "uom_sellable")).isEqualTo("EA");
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndWritesNothing() {
        Refs refs = refs();
        Map<String, Object> request = new HashMap<>();
        request.put("brandId", refs.brandId);
        request.put("name", "!!! -- ???");
        request.put("categoryId", 0);
        request.put("subcategoryId", -3);
        request.put("strainId", 0);
        request.put("uomSellable", "U".repeat(21));
        request.put("description", "d".repeat(10_001));
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(6)
                .jsonPath("$.errors[?(@.field == 'name')].message").isEqualTo(List.of("must contain a letter or digit"))
                .jsonPath("$.errors[?(@.field == 'categoryId')]").exists()
                .jsonPath("$.errors[?(@.field == 'subcategoryId')]").exists()
                .jsonPath("$.errors[?(@.field == 'strainId')]").exists()
                .jsonPath("$.errors[?(@.field == 'uomSellable')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists();

        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'brandId')]").exists()
                .jsonPath("$.errors[?(@.field == 'categoryId')]").exists()
                .jsonPath("$.errors[?(@.field == 'name')]").exists();

        assertThat(countProductsOfBrand(refs.brandId)).isZero();
    }

    @Test
    void aNameThatOutgrowsTheColumnWhenNormalisedIsRejected() {
        Refs refs = refs();
        // Each "㎏" is one character as typed and two ("kg") once NFKC has run.
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(refs.request("㎏".repeat(300)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("500"));
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(refs.request("n".repeat(501)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        assertThat(countProductsOfBrand(refs.brandId)).isZero();

        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(refs.request("n".repeat(500)))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void rejectsFieldsAClientMayNotSetWrongTypesAndBodiesThatAreNotJson() {
        Refs refs = refs();
        Map<String, Object> sneaky = refs.request("Sneaky");
        sneaky.put("nameCanonical", "Hacked");
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(sneaky)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("nameCanonical");
        Map<String, Object> inactive = refs.request("Sneaky");
        inactive.put("active", false);
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(inactive)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
        Map<String, Object> wrongType = refs.request("Sneaky");
        wrongType.put("brandId", "the usual");
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(wrongType)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("brandId");
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"brandId\": 1,")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
        http.post().uri("/api/v1/products").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=Sneaky")
                .exchange()
                .expectStatus().isEqualTo(415);

        assertThat(countProductsOfBrand(refs.brandId)).isZero();
    }

    @Test
    void reportsEveryMissingReferenceAtOnceAndWritesNothing() {
        String name = Unique.name("Orphan");
        Map<String, Object> request = new HashMap<>();
        request.put("brandId", MISSING);
        request.put("strainId", MISSING + 1);
        request.put("categoryId", MISSING + 2);
        request.put("subcategoryId", MISSING + 3);
        request.put("name", name);
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[?(@.field == 'brandId')].message")
                .isEqualTo(List.of("brand 987654321 does not exist"))
                .jsonPath("$.errors[?(@.field == 'strainId')].message")
                .isEqualTo(List.of("strain 987654322 does not exist"))
                .jsonPath("$.errors[?(@.field == 'categoryId')].message")
                .isEqualTo(List.of("category 987654323 does not exist"))
                .jsonPath("$.errors[?(@.field == 'subcategoryId')].message")
                .isEqualTo(List.of("subcategory 987654324 does not exist"));

        Refs refs = refs();
        Map<String, Object> oneMissing = refs.request(name);
        oneMissing.put("strainId", MISSING);
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(oneMissing)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("strainId");

        assertThat(countProductsNamed(name)).isZero();
        assertThat(countProductsOfBrand(refs.brandId)).isZero();
    }

    @Test
    void aSubcategoryMustBelongToTheCategory() {
        Refs refs = refs();
        long otherCategory = insertCategory(Unique.name("Other category"));
        long foreignSubcategory = insertSubcategory(otherCategory, Unique.name("Foreign"));
        Map<String, Object> request = refs.request("Misfiled");
        request.put("subcategoryId", foreignSubcategory);

        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("subcategoryId")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("belongs to category " + otherCategory));
        assertThat(countProductsOfBrand(refs.brandId)).isZero();
    }

    @Test
    void aDuplicateCanonicalNameWithinABrandIsAConflictButAnotherBrandMayUseIt() {
        Refs refs = refs();
        createProduct(refs.request("Wedding Cake"));

        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(refs.request("  WEDDING   cake!! "))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("Brand " + refs.brandId).contains("'Wedding Cake'"));
        assertThat(countProductsOfBrand(refs.brandId)).isOne();

        Refs otherBrand = refs();
        Map<String, Object> sameName = otherBrand.request("wedding cake");
        sameName.put("categoryId", refs.categoryId);
        createProduct(sameName);
        assertThat(countProductsOfBrand(otherBrand.brandId)).isOne();
    }

    @Test
    void updateNeedsTheCurrentVersionReplacesEveryFieldAndRejectsAStaleOne() {
        Refs refs = refs();
        Map<String, Object> original = refs.request("Versioned");
        original.put("strainId", refs.strainId);
        original.put("subcategoryId", refs.subcategoryId);
        original.put("uomSellable", "G");
        long id = createProduct(original);

        http.put().uri("/api/v1/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(refs.request("Renamed"))
                .exchange()
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.code").isEqualTo("PRECONDITION_REQUIRED");

        // A PUT replaces everything: strain, subcategory and unit are not sent, so they are cleared or defaulted.
        http.put().uri("/api/v1/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(refs.request("renamed  product!"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.nameCanonical").isEqualTo("Renamed Product")
                .jsonPath("$.strainId").doesNotExist()
                .jsonPath("$.subcategoryId").doesNotExist()
                .jsonPath("$.uomSellable").isEqualTo("EA")
                .jsonPath("$.version").isEqualTo(1);

        Map<String, Object> stale = refs.request("Lost update");
        stale.put("version", 0);
        http.put().uri("/api/v1/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(stale)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VERSION_CONFLICT")
                .jsonPath("$.detail").isEqualTo("Record was modified by another user. Please refresh and try again.");
        assertThat(column(id, "name_canonical")).isEqualTo("Renamed Product");
        assertThat(column(id, "strain_id")).isNull();
        assertThat(column(id, "version")).isEqualTo("1");
    }

    @Test
    void anUpdateWithBrokenReferencesOrATakenNameChangesNothing() {
        Refs refs = refs();
        long id = createProduct(refs.request("Steady"));
        createProduct(refs.request("Taken"));

        Map<String, Object> missingRefs = refs.request("Moved");
        missingRefs.put("brandId", MISSING);
        missingRefs.put("categoryId", MISSING);
        missingRefs.put("version", 0);
        http.put().uri("/api/v1/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(missingRefs)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'brandId')]").exists()
                .jsonPath("$.errors[?(@.field == 'categoryId')]").exists();

        Map<String, Object> taken = refs.request("TAKEN!");
        taken.put("version", 0);
        http.put().uri("/api/v1/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(taken)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");

        assertThat(column(id, "name_canonical")).isEqualTo("Steady");
        assertThat(column(id, "version")).isEqualTo("0");
    }

    @Test
    void updateOfAMissingProductIsNotFound() {
        Refs refs = refs();
        Map<String, Object> request = refs.request("Ghost");
        request.put("version", 0);
        http.put().uri("/api/v1/products/{id}", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/products/{id}", MISSING).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void idsThatAreNotPositiveIntegersAreBadRequests() {
        http.get().uri("/api/v1/products/abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        http.get().uri("/api/v1/products/0").exchange().expectStatus().isBadRequest();
        http.put().uri("/api/v1/products/-2").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Any", "version", 0))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/v1/products/one/activate").exchange().expectStatus().isBadRequest();
        http.post().uri("/api/v1/products/one/deactivate").exchange().expectStatus().isBadRequest();
        http.delete().uri("/api/v1/products/1.0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void listsFilterByBrandCategoryStrainAndActiveAndSearchTheNameAsTypedOrCanonical() {
        Refs refs = refs();
        String marker = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Map<String, Object> withStrain = refs.request("O'Brien " + marker);
        withStrain.put("strainId", refs.strainId);
        long obrien = createProduct(withStrain);
        long second = createProduct(refs.request("Second " + marker));
        Refs other = refs();
        long elsewhere = createProduct(other.request("Elsewhere " + marker));

        assertThat(ids(list(Map.of("q", marker)))).containsExactly(obrien, second, elsewhere);
        assertThat(ids(list(Map.of("q", "o'brien " + marker)))).containsExactly(obrien);
        assertThat(ids(list(Map.of("q", marker, "brandId", String.valueOf(refs.brandId)))))
                .containsExactly(obrien, second);
        assertThat(ids(list(Map.of("q", marker, "categoryId", String.valueOf(other.categoryId)))))
                .containsExactly(elsewhere);
        assertThat(ids(list(Map.of("strainId", String.valueOf(refs.strainId))))).containsExactly(obrien);
        // As a wildcard "%" would find "Second <marker>"; its canonical form "Second<marker>" does not either.
        assertThat(ids(list(Map.of("q", "Second%" + marker)))).isEmpty();
        assertThat(ids(list(Map.of("q", "second " + marker + "!")))).containsExactly(second);

        http.post().uri("/api/v1/products/{id}/deactivate", second).exchange().expectStatus().isOk();
        assertThat(ids(list(Map.of("q", marker, "active", "true")))).containsExactly(obrien, elsewhere);
        assertThat(ids(list(Map.of("q", marker, "active", "false")))).containsExactly(second);

        Map<?, ?> first = list(Map.of("q", marker, "limit", "2"));
        assertThat(ids(first)).containsExactly(obrien, second);
        assertThat(ids(list(Map.of("q", marker, "limit", "2", "cursor", (String) first.get("nextCursor")))))
                .containsExactly(elsewhere);
    }

    @Test
    void badListParametersAreBadRequests() {
        for (String param : List.of("brandId", "categoryId", "strainId")) {
            http.get().uri("/api/v1/products?" + param + "=abc").exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(param);
            http.get().uri("/api/v1/products?" + param + "=0").exchange().expectStatus().isBadRequest();
        }
        http.get().uri("/api/v1/products?limit=500").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.get().uri("/api/v1/products?cursor=xyz").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        http.get().uri("/api/v1/products?active=1").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
    }

    @Test
    void deactivatedProductsCanBeActivatedAgain() {
        Refs refs = refs();
        long id = createProduct(refs.request("Seasonal"));

        http.post().uri("/api/v1/products/{id}/deactivate", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.brandName").isEqualTo(refs.brandName);
        assertThat(column(id, "active")).isEqualTo("0");
        http.post().uri("/api/v1/products/{id}/activate", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true).jsonPath("$.version").isEqualTo(2);
        assertThat(column(id, "active")).isEqualTo("1");
        http.post().uri("/api/v1/products/{id}/activate", MISSING).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/products/{id}/deactivate", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void deletesAProduct() {
        Refs refs = refs();
        long id = createProduct(refs.request("Short lived"));
        http.delete().uri("/api/v1/products/{id}", id).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(countProductsOfBrand(refs.brandId)).isZero();
        http.delete().uri("/api/v1/products/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void aProductWithBatchesCannotBeDeleted() {
        Map<?, ?> batch = InventoryReferences.intake(http, Map.of());
        long id = number(batch, "productId");
        InventoryReferences.deleteIsRefused(http, "/api/v1/products/{id}", id,
                "Product " + id + " is used by 1 batches; deactivate it instead of deleting it");
        http.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isOk();
    }

    @Test
    void productsKeepTheirCategoryAndSubcategoryFromBeingDeleted() {
        Refs refs = refs();
        Map<String, Object> request = refs.request("Filed");
        request.put("subcategoryId", refs.subcategoryId);
        long product = createProduct(request);

        http.delete().uri("/api/v1/subcategories/{id}", refs.subcategoryId).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 products"));
        http.delete().uri("/api/v1/categories/{id}", refs.categoryId).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 products"));

        http.delete().uri("/api/v1/products/{id}", product).exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/subcategories/{id}", refs.subcategoryId).exchange().expectStatus().isNoContent();
    }

    @Test
    void theOpenApiDocumentDescribesEveryProductOperationAndItsConflicts() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/products'].get.operationId").isEqualTo("listProducts")
                .jsonPath("$.paths['/api/v1/products'].get.parameters[?(@.name == 'brandId')]").exists()
                .jsonPath("$.paths['/api/v1/products'].get.parameters[?(@.name == 'categoryId')]").exists()
                .jsonPath("$.paths['/api/v1/products'].get.parameters[?(@.name == 'strainId')]").exists()
                .jsonPath("$.paths['/api/v1/products'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/products/{id}'].get.operationId").isEqualTo("getProduct")
                .jsonPath("$.paths['/api/v1/products/{id}'].put.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/products/{id}'].delete.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/products/{id}/activate'].post.operationId").isEqualTo("activateProduct")
                .jsonPath("$.paths['/api/v1/products/{id}/deactivate'].post.operationId")
                .isEqualTo("deactivateProduct")
                .jsonPath("$.components.schemas.Product.properties.brandName").exists()
                .jsonPath("$.components.schemas.ProductRequest.properties.uomSellable.maxLength").isEqualTo(20);
    }

    /** A fresh brand, strain, category and subcategory of that category, each with a unique name. */
    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        Refs refs = refs();
        long id = createProduct(refs.request("audited widget"));
        Map<String, Object> update = refs.request("audited gadget");
        update.put("strainId", refs.strainId);
        update.put("version", 0);
        http.put().uri("/api/v1/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(update)
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/products/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/products/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/products/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "Product", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());
        assertThat(history.get(4).before()).isNull();
        assertThat(history.get(4).after()).containsEntry("nameCanonical", "Audited Widget")
                .containsEntry("brandName", refs.brandName).containsEntry("strainId", null);
        assertThat(history.get(3).before()).containsEntry("nameCanonical", "Audited Widget")
                .containsEntry("strainId", null).containsEntry("version", 0);
        assertThat(history.get(3).after()).containsEntry("nameCanonical", "Audited Gadget")
                .containsEntry("strainName", refs.strainName).containsEntry("version", 1);
        assertThat(history.get(2).before()).containsEntry("active", true);
        assertThat(history.get(2).after()).containsEntry("active", false);
        assertThat(history.get(1).before()).containsEntry("active", false);
        assertThat(history.get(1).after()).containsEntry("active", true);
        assertThat(history.get(0).before()).containsEntry("nameCanonical", "Audited Gadget")
                .containsEntry("version", 3);
        assertThat(history.get(0).after()).isNull();
    }

    private Refs refs() {
        String brandName = Unique.name("Brand");
        long brandId = number(http.post().uri("/api/v1/brands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", brandName))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody(), "id");
        String strainName = Unique.name("Strain");
        long strainId = number(http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", strainName))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody(), "id");
        String categoryName = Unique.name("Category");
        long categoryId = insertCategory(categoryName);
        String subcategoryName = Unique.name("Subcategory");
        long subcategoryId = insertSubcategory(categoryId, subcategoryName);
        return new Refs(brandId, brandName, strainId, strainName, categoryId, categoryName, subcategoryId,
                subcategoryName);
    }

    private record Refs(long brandId, String brandName, long strainId, String strainName, long categoryId,
            String categoryName, long subcategoryId, String subcategoryName) {

        /** The smallest valid body: brand, category and name. */
        Map<String, Object> request(String name) {
            Map<String, Object> request = new HashMap<>();
            request.put("brandId", brandId);
            request.put("categoryId", categoryId);
            request.put("name", name);
            return request;
        }
    }

    private long createProduct(Map<String, Object> request) {
        return number(http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody(), "id");
    }

    private Map<?, ?> list(Map<String, String> params) {
        return http.get().uri(uri -> {
                    uri.path("/api/v1/products");
                    params.forEach(uri::queryParam);
                    return uri.build();
                })
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<Long> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(item -> number((Map<?, ?>) item, "id")).toList();
    }

    private static long number(Map<?, ?> body, String field) {
        return ((Number) body.get(field)).longValue();
    }

    private long insertCategory(String name) {
        return rows.insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", name));
    }

    private long insertSubcategory(long categoryId, String name) {
        return rows.insert("INSERT INTO subcategories (category_id, name) VALUES (:category, :name)",
                Map.of("category", categoryId, "name", name));
    }

    private long countProductsOfBrand(long brandId) {
        return rows.count("SELECT COUNT(*) AS n FROM products WHERE brand_id = :brand", Map.of("brand", brandId));
    }

    private long countProductsNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM products WHERE name_canonical = :name", Map.of("name", name));
    }

    /** One column of a product as text; null when the product or the value is absent. */
    private String column(long id, String column) {
        return rows.value("SELECT CAST(" + column + " AS CHAR) AS v FROM products WHERE id = :id", Map.of("id", id),
                String.class);
    }

}
