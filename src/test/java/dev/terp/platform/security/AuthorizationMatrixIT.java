package dev.terp.platform.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Mono;

import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.RouteDescriptor;
import dev.terp.platform.web.TestPaths;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API route × {anonymous, each role}, against the reviewed table {@code src/test/resources/security/
 * permissions.csv} (see {@link PermissionTable}), not against the routes' own declarations: a route declared with the
 * wrong permission disagrees with the table. The table and the declarations are compared both ways, then every route
 * is called as every caller: denied → 401/403 problem+json; allowed → neither 401/403 nor any 5xx. The comparison's
 * self-check is {@link PermissionTableTest}.
 */
@IntegrationTest
class AuthorizationMatrixIT {

    /** Stands for every {id}-like path variable: plausible, and no such row. */
    private static final String MISSING_ID = "999999999";

    @Autowired
    ApiRoutes routes;

    @Autowired
    WebTestClient http;

    @Autowired
    TestTokens tokens;

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteOfEveryRouterIsDeclaredWithAPermissionAndOnlyLoginIsPublic() {
        Set<String> declared = new HashSet<>();
        for (RouteDescriptor route : routes.declared()) {
            declared.add(route.method() + " " + route.path());
            assertThat(route.permission()).as(route.path()).isNotBlank();
            if (Permissions.PUBLIC.equals(route.permission())) {
                assertThat(route.path()).isEqualTo("/api/v1/auth/login");
            }
        }
        List<String> registered = registeredApiRoutes();

        assertThat(registered).isNotEmpty().allSatisfy(route -> assertThat(declared).as(
                "declared through ApiRoutes with a permission").contains(route));
    }

    @Test
    void theReviewedTableAndTheDeclaredPermissionsAgreeBothWays() {
        assertThat(PermissionTable.load().differences(routes.declared()))
                .as("src/test/resources/security/permissions.csv against ApiRoutes (docs/ARCHITECTURE.md, "
                        + "\"Adding a resource\")")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachCallerAsTheTableSays() {
        PermissionTable table = PermissionTable.load();
        List<DynamicTest> cases = new ArrayList<>();
        for (RouteDescriptor route : routes.declared()) {
            List<Role> callers = new ArrayList<>();
            callers.add(null);
            callers.addAll(List.of(Role.values()));
            for (Role role : callers) {
                String caller = role == null ? "anonymous" : role.name();
                cases.add(DynamicTest.dynamicTest(caller + " " + route.method() + " " + route.path(), () -> {
                    boolean allowed = table.allows(route.method(), route.path(), role);
                    Answer answer = call(route, role == null ? null : tokens.forRole(role));
                    assertThat(PermissionTable.misfit(allowed, role == null, answer.status(), answer.contentType()))
                            .as("%s %s %s", caller, route.method(), route.path()).isNull();
                }));
            }
        }
        return cases.stream();
    }

    private Answer call(RouteDescriptor route, String token) {
        String path = route.path().replaceAll("\\{[^}]*[iI]d}", MISSING_ID).replaceAll("\\{[^}]+}", "ZZZ");
        WebTestClient client = http.mutate().defaultHeaders(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            if (token != null) {
                headers.setBearerAuth(token);
            }
        }).build();
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(route.method())).uri(path);
        WebTestClient.RequestHeadersSpec<?> ready = Set.of("POST", "PUT", "PATCH").contains(route.method())
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                : request;
        var result = ready.exchange().returnResult(Void.class);
        MediaType type = result.getResponseHeaders().getContentType();
        return new Answer(result.getStatus().value(), type == null ? null : type.toString());
    }

    private record Answer(int status, String contentType) {
    }

    @SuppressWarnings("unchecked")
    private List<String> registeredApiRoutes() {
        List<String> found = new ArrayList<>();
        for (RouterFunction<?> router : context.getBeansOfType(RouterFunction.class).values()) {
            ((RouterFunction<ServerResponse>) router).accept(new RouteCollector(found));
        }
        return found.stream().filter(route -> route.contains(" /api/"))
                .filter(route -> !route.contains(TestPaths.FAILING)).toList();
    }

    /** Walks a router function's predicates and collects "METHOD /path" pairs. */
    private static final class RouteCollector implements RouterFunctions.Visitor {

        private final List<String> found;

        RouteCollector(List<String> found) {
            this.found = found;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            List<String> methods = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            predicate.accept(new PredicateCollector(methods, paths));
            for (String method : methods) {
                for (String path : paths) {
                    found.add(method + " " + path);
                }
            }
        }

        @Override
        public void startNested(RequestPredicate predicate) {
        }

        @Override
        public void endNested(RequestPredicate predicate) {
        }

        @Override
        public void resources(java.util.function.Function<org.springframework.web.reactive.function.server
                .ServerRequest, Mono<org.springframework.core.io.Resource>> lookupFunction) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }

    private record PredicateCollector(List<String> methods, List<String> paths) implements RequestPredicates.Visitor {

        @Override
        public void method(Set<HttpMethod> httpMethods) {
            httpMethods.forEach(method -> methods.add(method.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
