package dev.terp.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.terp.platform.web.RouteDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The self-check of AuthorizationMatrixIT's comparison: a deliberately wrong permission, a route without a row, a row
 * without a route and a wrong live answer are each caught, so the matrix test can fail.
 */
class PermissionTableTest {

    private static final List<RouteDescriptor> DECLARED = List.of(
            new RouteDescriptor("POST", "/api/v1/auth/login", Permissions.PUBLIC, null),
            new RouteDescriptor("GET", "/api/v1/users", Permissions.ADMIN_USERS, null),
            new RouteDescriptor("GET", "/api/v1/vendors", Permissions.MASTER_DATA_READ, null));

    private static final List<String> TABLE = List.of(
            "# a comment",
            PermissionTable.header(),
            "POST,/api/v1/auth/login,yes,yes,yes,yes,yes,yes,yes",
            "GET,/api/v1/users,no,yes,no,no,no,no,no",
            "GET,/api/v1/vendors,no,yes,yes,yes,yes,yes,yes");

    @Test
    void aTableThatMatchesTheDeclarationsHasNoDifferences() {
        assertThat(PermissionTable.parse(TABLE).differences(DECLARED)).isEmpty();
        assertThat(PermissionTable.parse(TABLE).allows("GET", "/api/v1/users", Role.ADMIN)).isTrue();
        assertThat(PermissionTable.parse(TABLE).allows("GET", "/api/v1/users", Role.MANAGER)).isFalse();
        assertThat(PermissionTable.parse(TABLE).allows("GET", "/api/v1/users", null)).isFalse();
    }

    @Test
    void aRouteDeclaredWithTheWrongPermissionIsCaught() {
        List<RouteDescriptor> wrong = new ArrayList<>(DECLARED);
        // The user list declared with a read permission every role holds: the bug the table exists to catch.
        wrong.set(1, new RouteDescriptor("GET", "/api/v1/users", Permissions.MASTER_DATA_READ, null));

        assertThat(PermissionTable.parse(TABLE).differences(wrong))
                .hasSize(5)
                .allSatisfy(difference -> assertThat(difference).startsWith("GET /api/v1/users declared "
                        + Permissions.MASTER_DATA_READ + ", which allows"))
                .anySatisfy(difference -> assertThat(difference).contains("allows VIEWER; the table says denied"));
    }

    @Test
    void aRouteWithoutARowAndARowWithoutARouteAreCaught() {
        List<RouteDescriptor> more = new ArrayList<>(DECLARED.subList(0, 2));
        more.add(new RouteDescriptor("DELETE", "/api/v1/users/{id}", Permissions.ADMIN_USERS, null));

        assertThat(PermissionTable.parse(TABLE).differences(more)).containsExactlyInAnyOrder(
                "route missing from /security/permissions.csv (review, then add): "
                        + "DELETE,/api/v1/users/{id},no,yes,no,no,no,no,no",
                "row of /security/permissions.csv with no declared route: GET /api/v1/vendors");
    }

    @Test
    void aMalformedTableIsRefused() {
        assertThatThrownBy(() -> PermissionTable.parse(List.of("method,path,ADMIN"))).hasMessageContaining("header");
        assertThatThrownBy(() -> PermissionTable.parse(List.of(PermissionTable.header(), "GET,/x,yes")))
                .hasMessageContaining("cells");
        assertThatThrownBy(() -> PermissionTable.parse(List.of(PermissionTable.header(),
                "GET,/x,maybe,yes,yes,yes,yes,yes,yes"))).hasMessageContaining("yes or no");
    }

    @Test
    void liveAnswersAreJudgedAgainstTheTable() {
        String problem = "application/problem+json";
        assertThat(PermissionTable.misfit(true, false, 200, "application/json")).isNull();
        assertThat(PermissionTable.misfit(true, false, 404, problem)).isNull();
        assertThat(PermissionTable.misfit(true, false, 500, problem)).contains("server error");
        assertThat(PermissionTable.misfit(true, false, 503, problem)).contains("server error");
        assertThat(PermissionTable.misfit(true, false, 403, problem)).contains("allowed, but answered 403");
        assertThat(PermissionTable.misfit(false, false, 403, problem)).isNull();
        assertThat(PermissionTable.misfit(false, false, 200, "application/json")).contains("403 was expected");
        assertThat(PermissionTable.misfit(false, false, 404, problem)).contains("403 was expected");
        assertThat(PermissionTable.misfit(false, false, 403, "text/plain")).contains("not as problem+json");
        assertThat(PermissionTable.misfit(false, true, 401, problem)).isNull();
        assertThat(PermissionTable.misfit(false, true, 403, problem)).contains("401 was expected");
    }
}
