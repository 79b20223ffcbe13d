package dev.terp.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.terp.platform.web.RouteDescriptor;

/**
 * The reviewed, checked-in authorization matrix ({@code src/test/resources/security/permissions.csv}): one row per API
 * route (method, path template), one column per caller (anonymous, then every {@link Role}), {@code yes} = allowed.
 * It is written by people, not derived from the code, so that a route declared with the wrong permission disagrees
 * with it. {@link #differences} compares it both ways with the routes' declarations.
 */
final class PermissionTable {

    static final String RESOURCE = "/security/permissions.csv";
    static final String ANONYMOUS = "anonymous";

    private final Map<String, Map<String, Boolean>> rows;

    private PermissionTable(Map<String, Map<String, Boolean>> rows) {
        this.rows = rows;
    }

    static PermissionTable load() {
        try (InputStream in = PermissionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the CSV: blank lines and {@code #} comments are skipped; the first other line is the header. */
    static PermissionTable parse(List<String> lines) {
        List<String> content = lines.stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (content.isEmpty() || !content.get(0).equals(header())) {
            throw new IllegalArgumentException("The header must be exactly: " + header());
        }
        List<String> callers = callers();
        Map<String, Map<String, Boolean>> rows = new LinkedHashMap<>();
        for (String line : content.subList(1, content.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != 2 + callers.size()) {
                throw new IllegalArgumentException("Expected " + (2 + callers.size()) + " cells: " + line);
            }
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int i = 0; i < callers.size(); i++) {
                allowed.put(callers.get(i), switch (cells[2 + i].strip()) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw new IllegalArgumentException("Cells are yes or no: " + line);
                });
            }
            if (rows.put(key(cells[0].strip(), cells[1].strip()), allowed) != null) {
                throw new IllegalArgumentException("Route listed twice: " + line);
            }
        }
        return new PermissionTable(rows);
    }

    static String header() {
        return "method,path," + String.join(",", callers());
    }

    /** anonymous, then every role. */
    static List<String> callers() {
        return Stream.concat(Stream.of(ANONYMOUS), Arrays.stream(Role.values()).map(Role::name)).toList();
    }

    /** What the table says of this caller (null = anonymous) on this route; the route must be in the table. */
    boolean allows(String method, String path, Role role) {
        Map<String, Boolean> row = rows.get(key(method, path));
        if (row == null) {
            throw new IllegalArgumentException("Not in " + RESOURCE + ": " + method + " " + path);
        }
        return row.get(role == null ? ANONYMOUS : role.name());
    }

    /**
     * Every way the table and the declarations disagree: a declared route without a row, a row without a route, and
     * every cell where what the declared permission grants differs from what the table says. Empty when they agree.
     */
    List<String> differences(List<RouteDescriptor> declared) {
        List<String> differences = new ArrayList<>();
        Map<String, RouteDescriptor> routes = declared.stream()
                .collect(Collectors.toMap(route -> key(route.method(), route.path()), route -> route,
                        (a, b) -> a, LinkedHashMap::new));
        for (Map.Entry<String, RouteDescriptor> route : routes.entrySet()) {
            Map<String, Boolean> row = rows.get(route.getKey());
            if (row == null) {
                differences.add("route missing from " + RESOURCE + " (review, then add): " + rowFor(route.getValue()));
                continue;
            }
            Map<String, Boolean> granted = granted(route.getValue().permission());
            granted.forEach((caller, allowed) -> {
                if (!allowed.equals(row.get(caller))) {
                    differences.add(route.getKey() + " declared " + route.getValue().permission() + ", which "
                            + (allowed ? "allows " : "denies ") + caller + "; the table says "
                            + (row.get(caller) ? "allowed" : "denied"));
                }
            });
        }
        rows.keySet().stream().filter(key -> !routes.containsKey(key))
                .forEach(key -> differences.add("row of " + RESOURCE + " with no declared route: " + key));
        return differences;
    }

    /** The CSV row a declaration implies, for the message that asks to add it (after review). */
    static String rowFor(RouteDescriptor route) {
        Map<String, Boolean> granted = granted(route.permission());
        return route.method() + "," + route.path() + "," + callers().stream()
                .map(caller -> granted.get(caller) ? "yes" : "no").collect(Collectors.joining(","));
    }

    private static Map<String, Boolean> granted(String permission) {
        Map<String, Boolean> granted = new LinkedHashMap<>();
        granted.put(ANONYMOUS, Permissions.PUBLIC.equals(permission));
        Map<Role, Boolean> byRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            byRole.put(role, Permissions.PUBLIC.equals(permission) || Permissions.AUTHENTICATED.equals(permission)
                    || RolePermissions.grants(Set.of(role), permission));
        }
        byRole.forEach((role, allowed) -> granted.put(role.name(), allowed));
        return granted;
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }

    /**
     * Whether one live answer fits the table: denied → 401 (anonymous) or 403 (a role), as problem+json; allowed →
     * anything but 401/403 and never a 5xx (a 400/404/409/422 from plausible but made-up inputs is fine). Null when
     * it fits, else why not.
     */
    static String misfit(boolean allowed, boolean anonymous, int status, String contentType) {
        if (allowed) {
            if (status == 401 || status == 403) {
                return "allowed, but answered " + status;
            }
            return status >= 500 ? "allowed, but answered " + status + " (a server error)" : null;
        }
        int expected = anonymous ? 401 : 403;
        if (status != expected) {
            return "denied, so " + expected + " was expected, but answered " + status;
        }
        return contentType != null && contentType.startsWith("application/problem+json") ? null
                : "denied with " + status + " but not as problem+json (" + contentType + ")";
    }
}
