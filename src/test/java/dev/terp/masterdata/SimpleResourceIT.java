package dev.terp.masterdata;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every simple resource (a {@code SimpleTable} served by {@code ResourceRoutes}) keeps, run once per
 * resource: a new resource adds one row here. Create → read with ETag → stale write refused (VERSION_CONFLICT) →
 * replace → duplicate refused (CONFLICT) → deactivate/activate → delete, each audited with the actor and the state
 * before and after; and the audit columns the resource carries filled from the token's user.
 */
@IntegrationTest
class SimpleResourceIT {

    @Autowired
    WebTestClient http;

    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("/api/v1/tags", "Tag", (Function<String, Map<String, Object>>) name -> Map.of(
                        "name", name, "category", "Effects", "description", "from the parameterised contract")),
                Arguments.of("/api/v1/vendors", "Vendor", (Function<String, Map<String, Object>>) name -> Map.of(
                        "name", name, "contactName", "Contract Buyer")),
                Arguments.of("/api/v1/grades", "Grade", (Function<String, Map<String, Object>>) name -> Map.of(
                        "name", name.substring(0, 40), "description", "contract grade")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("resources")
    void keepsTheSimpleResourceContract(String path, String entity, Function<String, Map<String, Object>> body) {
        String name = "Contract " + UUID.randomUUID();
        Map<String, Object> created = http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.apply(name)).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", path + "/\\d+")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(JSON).returnResult().getResponseBody();
        long id = ((Number) created.get("id")).longValue();
        assertThat(created).containsEntry("version", 0).containsEntry("active", true);
        http.get().uri(path + "/{id}", id).exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"");

        String renamed = "Renamed " + UUID.randomUUID();
        http.put().uri(path + "/{id}", id).header("If-Match", "\"7\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.apply(renamed)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");
        http.put().uri(path + "/{id}", id).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.apply(renamed)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);

        Map<String, Object> other = http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.apply(name)).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        http.put().uri(path + "/{id}", other.get("id")).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body.apply(renamed)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body.apply(renamed)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("CONFLICT");

        http.post().uri(path + "/{id}/deactivate", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.version").isEqualTo(2);
        http.post().uri(path + "/{id}/activate", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true);
        http.delete().uri(path + "/{id}", id).exchange().expectStatus().isNoContent();
        http.get().uri(path + "/{id}", id).exchange().expectStatus().isNotFound();
        http.delete().uri(path + "/{id}", id).exchange().expectStatus().isNotFound();

        var history = AuditHistory.of(http, entity, id);
        assertThat(history).extracting(AuditHistory.Row::action)
                .containsExactly("DELETED", "ACTIVATED", "DEACTIVATED", "UPDATED", "CREATED");
        assertThat(history.get(4).before()).isNull();
        assertThat(history.get(3).before()).containsEntry("version", 0);
        assertThat(history.get(3).after()).containsEntry("version", 1);
        assertThat(history.get(0).after()).isNull();
        if (created.containsKey("createdBy")) {
            assertThat(created.get("createdBy")).as("the token's user, never the body's").isNotNull()
                    .isEqualTo(created.get("updatedBy"));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final Class<Map<String, Object>> JSON = (Class) Map.class;
}
