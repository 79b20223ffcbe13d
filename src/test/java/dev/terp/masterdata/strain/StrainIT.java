package dev.terp.masterdata.strain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.terp.masterdata.AuditHistory;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.Unique;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class StrainIT {

    private static final long MISSING = 987_654_321L;

    @Autowired
    WebTestClient http;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Test
    void createsAStrainWithItsStandardizedNameAndAliasesAndReadsItBack() {
        String marker = marker();
        Map<?, ?> created = http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "  Blue   DREAM " + marker + " ", "category", "HYBRID",
                        "description", " Berry nose ", "aliases", List.of(" BD ", "Blueberry  Haze", "bd")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/strains/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("name")).isEqualTo("Blue   DREAM " + marker);
        assertThat(created.get("standardizedName")).isEqualTo("blue dream " + marker.toLowerCase());
        assertThat(created.get("category")).isEqualTo("HYBRID");
        assertThat(created.get("description")).isEqualTo("Berry nose");
        assertThat(created.get("aliases")).isEqualTo(List.of("BD", "Blueberry Haze"));
        assertThat(created.get("active")).isEqualTo(true);
        assertThat(created.get("version")).isEqualTo(0);
        assertThat((String) created.get("createdAt")).endsWith("Z");
        long id = ((Number) created.get("id")).longValue();

        http.get().uri("/api/v1/strains/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.standardizedName").isEqualTo("blue dream " + marker.toLowerCase())
                .jsonPath("$.aliases.length()").isEqualTo(2);
        assertThat(column(id, "aliases")).isEqualTo("[\"BD\",\"Blueberry Haze\"]");
        assertThat(column(id, "category")).isEqualTo("HYBRID");
    }

    @Test
    void categoryAndAliasesAreOptional() {
        String name = Unique.name("Mystery");
        Map<?, ?> created = http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created.get("category")).isNull();
        assertThat((List<?>) created.get("aliases")).isEmpty();
        assertThat(column(((Number) created.get("id")).longValue(), "aliases")).isNull();
    }

    @Test
    void rejectsEveryInvalidFieldAtOnceAndWritesNothing() {
        List<String> tooManyAliases = IntStream.range(0, 51).mapToObj(i -> "alias " + i).toList();
        String name = Unique.name("Invalid");
        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "n".repeat(256), "category", "indica", "description", "d".repeat(10_001),
                        "aliases", tooManyAliases))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'category')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists()
                .jsonPath("$.errors[?(@.field == 'aliases')]").exists();

        Map<?, ?> problem = http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "aliases", List.of("fine", "a".repeat(101), "  ")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(fields(problem)).hasSize(2)
                .anyMatch(field -> field.startsWith("aliases[1]"))
                .anyMatch(field -> field.startsWith("aliases[2]"));

        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "aliases", List.of("a".repeat(100))))
                .exchange()
                .expectStatus().isCreated();
        assertThat(countStrainsNamed("n".repeat(256))).isZero();
        assertThat(countStrainsNamed(name)).isOne();
    }

    @Test
    void rejectsAMissingNameWrongTypesUnknownFieldsAndBodiesThatAreNotJson() {
        String name = Unique.name("Sneaky");
        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "SATIVA"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "standardizedName", "hacked"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("standardizedName");
        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "active", false))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "aliases", "just one"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("aliases");
        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[\"" + name + "\"]")
                .exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{name: unquoted}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");

        assertThat(countStrainsNamed(name)).isZero();
    }

    @Test
    void aNameWhoseStandardizedFormExistsIsAConflict() {
        String marker = marker();
        createStrain("Sour Diesel " + marker, null, List.of());

        http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "  SOUR   diesel " + marker + "\t", "category", "SATIVA"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("'sour diesel " + marker.toLowerCase() + "'"));
        assertThat(countStandardized("sour diesel " + marker.toLowerCase())).isOne();
    }

    @Test
    void updateNeedsTheCurrentVersionReplacesAliasesAndRejectsAStaleOne() {
        String marker = marker();
        long id = createStrain("Versioned " + marker, "INDICA", List.of("Old alias"));

        http.put().uri("/api/v1/strains/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Renamed " + marker))
                .exchange()
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.code").isEqualTo("PRECONDITION_REQUIRED");

        http.put().uri("/api/v1/strains/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", "Renamed  " + marker, "category", "SATIVA", "aliases", List.of("New alias")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.standardizedName").isEqualTo("renamed " + marker.toLowerCase())
                .jsonPath("$.category").isEqualTo("SATIVA")
                .jsonPath("$.aliases[0]").isEqualTo("New alias")
                .jsonPath("$.aliases.length()").isEqualTo(1)
                .jsonPath("$.version").isEqualTo(1);

        http.put().uri("/api/v1/strains/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Lost update " + marker, "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VERSION_CONFLICT")
                .jsonPath("$.detail").isEqualTo("Record was modified by another user. Please refresh and try again.");
        assertThat(column(id, "standardized_name")).isEqualTo("renamed " + marker.toLowerCase());

        // A PUT replaces everything: no aliases and no category clear them.
        http.put().uri("/api/v1/strains/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Renamed " + marker, "version", 1))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.aliases.length()").isEqualTo(0).jsonPath("$.category").doesNotExist();
        assertThat(column(id, "aliases")).isNull();
        assertThat(column(id, "category")).isNull();
    }

    @Test
    void anUpdateToATakenOrInvalidNameChangesNothing() {
        String marker = marker();
        long id = createStrain("Steady " + marker, null, List.of());
        createStrain("Taken " + marker, null, List.of());

        http.put().uri("/api/v1/strains/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "TAKEN  " + marker, "version", 0))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        http.put().uri("/api/v1/strains/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " ", "category", "RUDERALIS", "version", 0))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);

        assertThat(column(id, "name")).isEqualTo("Steady " + marker);
        assertThat(column(id, "version")).isEqualTo("0");
    }

    @Test
    void updateOfAMissingStrainIsNotFound() {
        http.put().uri("/api/v1/strains/{id}", MISSING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Ghost"), "version", 0))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/strains/{id}", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void idsThatAreNotPositiveIntegersAreBadRequests() {
        http.get().uri("/api/v1/strains/abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        http.get().uri("/api/v1/strains/0").exchange().expectStatus().isBadRequest();
        http.put().uri("/api/v1/strains/-1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", Unique.name("Any"), "version", 0))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/v1/strains/x/activate").exchange().expectStatus().isBadRequest();
        http.post().uri("/api/v1/strains/x/deactivate").exchange().expectStatus().isBadRequest();
        http.delete().uri("/api/v1/strains/search").exchange().expectStatus().isBadRequest();
    }

    @Test
    void listSearchesNameStandardizedNameAndAliasesAndFiltersByCategory() {
        String marker = marker();
        long spaced = createStrain("Spaced   Out " + marker, "INDICA", List.of());
        long aliased = createStrain("Plain " + marker, "SATIVA", List.of("Nick " + marker, "Say \"Hi\" " + marker));
        long other = createStrain("Other " + marker, "HYBRID", List.of("ab" + marker, "cd" + marker));

        assertThat(ids(list(Map.of("q", "spaced out " + marker)))).containsExactly(spaced);
        assertThat(ids(list(Map.of("q", "nick " + marker)))).containsExactly(aliased);
        assertThat(ids(list(Map.of("q", "\"hi\" " + marker)))).containsExactly(aliased);
        assertThat(ids(list(Map.of("q", marker + "\",\"cd")))).isEmpty();
        assertThat(ids(list(Map.of("q", marker)))).containsExactly(spaced, aliased, other);
        assertThat(ids(list(Map.of("q", marker, "category", "SATIVA")))).containsExactly(aliased);
        assertThat(ids(list(Map.of("q", marker, "category", "HYBRID", "active", "true")))).containsExactly(other);

        Map<?, ?> first = list(Map.of("q", marker, "limit", "2"));
        assertThat(ids(first)).containsExactly(spaced, aliased);
        assertThat(ids(list(Map.of("q", marker, "limit", "2", "cursor", (String) first.get("nextCursor")))))
                .containsExactly(other);
        assertThat(ids(list(Map.of("q", marker + "%")))).isEmpty();
    }

    @Test
    void badListParametersAreBadRequests() {
        http.get().uri("/api/v1/strains?category=indica").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("category");
        http.get().uri("/api/v1/strains?category=RUDERALIS").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/strains?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.get().uri("/api/v1/strains?cursor=nope").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        http.get().uri("/api/v1/strains?active=yes").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("active");
    }

    @Test
    void searchAnswersAtMostTwentyActiveStrainsExactAndPrefixMatchesFirst() {
        String marker = marker();
        List<Long> filler = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            filler.add(createStrain("A" + i + " contains " + marker, null, List.of()));
        }
        long prefix = createStrain(marker + " Kush", null, List.of());
        long exact = createStrain(marker.toUpperCase(), null, List.of());
        long hidden = createStrain(marker + " Retired", null, List.of());
        http.post().uri("/api/v1/strains/{id}/deactivate", hidden).exchange().expectStatus().isOk();

        List<Long> found = ids(search(marker.toLowerCase()));
        assertThat(found).hasSize(20).doesNotContain(hidden);
        assertThat(found.subList(0, 2)).containsExactly(exact, prefix);
        assertThat(filler).containsAll(found.subList(2, 20));

        long aliasOnly = createStrain(Unique.name("Elsewhere"), null, List.of("Nickname " + marker));
        assertThat(ids(search("nickname " + marker))).containsExactly(aliasOnly);
        assertThat(ids(search(marker + "%_nothing"))).isEmpty();
    }

    @Test
    void searchNeedsQ() {
        http.get().uri("/api/v1/strains/search").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("q");
        http.get().uri(uri -> uri.path("/api/v1/strains/search").queryParam("q", "{q}").build("  ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        http.get().uri(uri -> uri.path("/api/v1/strains/search").queryParam("q", "q".repeat(101)).build()).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void deactivatedStrainsAreFilteredAndCanBeActivatedAgain() {
        String name = Unique.name("Seasonal");
        long id = createStrain(name, null, List.of());

        http.post().uri("/api/v1/strains/{id}/deactivate", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.active").isEqualTo(false);
        assertThat(ids(list(Map.of("q", name, "active", "true")))).isEmpty();
        assertThat(ids(list(Map.of("q", name, "active", "false")))).containsExactly(id);
        assertThat(ids(search(name))).isEmpty();

        http.post().uri("/api/v1/strains/{id}/activate", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
        assertThat(ids(search(name))).containsExactly(id);
        http.post().uri("/api/v1/strains/{id}/activate", MISSING).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/strains/{id}/deactivate", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void deletesAnUnusedStrainButRefusesOneAProductNamesNamingTheProducts() {
        long unused = createStrain(Unique.name("Unused"), null, List.of());
        http.delete().uri("/api/v1/strains/{id}", unused).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/strains/{id}", unused).exchange().expectStatus().isNotFound();
        assertThat(column(unused, "name")).isNull();

        long used = createStrain(Unique.name("Used"), null, List.of());
        long brand = insertReturningId("INSERT INTO brands (name) VALUES (:name)", Unique.name("Brand"));
        long category = insertReturningId("INSERT INTO categories (name) VALUES (:name)", Unique.name("Category"));
        rows.update("INSERT INTO products (brand_id, strain_id, name_canonical, category_id) "
                        + "VALUES (:brand, :strain, :name, :category)",
                                Map.of("brand", brand, "strain", used, "name", Unique.name("Product"),
                                "category", category));

        http.delete().uri("/api/v1/strains/{id}", used).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("Strain " + used).contains("1 products"));
        assertThat(column(used, "name")).isNotNull();
        http.delete().uri("/api/v1/strains/{id}", MISSING).exchange().expectStatus().isNotFound();
    }

    @Test
    void theOpenApiDocumentDescribesEveryStrainOperationAndItsConflicts() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/strains'].get.operationId").isEqualTo("listStrains")
                .jsonPath("$.paths['/api/v1/strains'].get.parameters[?(@.name == 'category')]").exists()
                .jsonPath("$.paths['/api/v1/strains'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/strains/search'].get.operationId").isEqualTo("searchStrains")
                .jsonPath("$.paths['/api/v1/strains/search'].get.parameters[?(@.name == 'q')].required")
                .isEqualTo(List.of(true))
                .jsonPath("$.paths['/api/v1/strains/{id}'].put.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/strains/{id}'].delete.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/strains/{id}/activate'].post.operationId").isEqualTo("activateStrain")
                .jsonPath("$.paths['/api/v1/strains/{id}/deactivate'].post.operationId").isEqualTo("deactivateStrain")
                .jsonPath("$.components.schemas.StrainRequest.properties.aliases.maxItems").isEqualTo(50);
    }

    @Test
    void everyWriteIsAuditedWithTheActorAndTheStateBeforeAndAfter() {
        String original = "Audited " + marker();
        long id = createStrain(original, "INDICA", List.of());
        String renamed = "Audited renamed " + marker();
        http.put().uri("/api/v1/strains/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", renamed, "category", "SATIVA", "aliases", List.of("Renamed alias")))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/strains/{id}/deactivate", id).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/strains/{id}/activate", id).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/strains/{id}", id).exchange().expectStatus().isNoContent();

        List<AuditHistory.Row> history = AuditHistory.of(http, "Strain", id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "UPDATED", "CREATED");
        assertThat(history).extracting(AuditHistory.Row::actorUsername).containsOnly(tokens.adminUsername());
        assertThat(history.get(4).before()).isNull();
        assertThat(history.get(4).after()).containsEntry("name", original).containsEntry("category", "INDICA");
        assertThat(history.get(3).before()).containsEntry("name", original).containsEntry("category", "INDICA")
                .containsEntry("aliases", List.of()).containsEntry("version", 0);
        assertThat(history.get(3).after()).containsEntry("name", renamed).containsEntry("category", "SATIVA")
                .containsEntry("aliases", List.of("Renamed alias")).containsEntry("version", 1);
        assertThat(history.get(2).before()).containsEntry("active", true);
        assertThat(history.get(2).after()).containsEntry("active", false);
        assertThat(history.get(1).before()).containsEntry("active", false);
        assertThat(history.get(1).after()).containsEntry("active", true);
        assertThat(history.get(0).before()).containsEntry("name", renamed).containsEntry("version", 3);
        assertThat(history.get(0).after()).isNull();
    }

    private Map<?, ?> list(Map<String, String> params) {
        return http.get().uri(uri -> {
                    uri.path("/api/v1/strains");
                    params.forEach(uri::queryParam);
                    return uri.build();
                })
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> search(String q) {
        return http.get().uri(uri -> uri.path("/api/v1/strains/search").queryParam("q", "{q}").build(q))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<Long> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream()
                .map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue()).toList();
    }

    private static List<String> fields(Map<?, ?> problem) {
        return ((List<?>) problem.get("errors")).stream().map(error -> (String) ((Map<?, ?>) error).get("field"))
                .toList();
    }

    private long createStrain(String name, String category, List<String> aliases) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", name);
        request.put("category", category);
        request.put("aliases", aliases);
        Map<?, ?> body = http.post().uri("/api/v1/strains").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    private long insertReturningId(String sql, String name) {
        return rows.insert(sql, Map.of("name", name));
    }

    private long countStrainsNamed(String name) {
        return rows.count("SELECT COUNT(*) AS n FROM strains WHERE name = :name", Map.of("name", name));
    }

    private long countStandardized(String standardized) {
        return rows.count("SELECT COUNT(*) AS n FROM strains WHERE standardized_name = :name",
                Map.of("name", standardized));
    }

    /** One column of a strain as text; null when the strain or the value is absent. */
    private String column(long id, String column) {
        return rows.value("SELECT CAST(" + column + " AS CHAR) AS v FROM strains WHERE id = :id", Map.of("id", id),
                String.class);
    }

    private static String marker() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

}
