package dev.terp.platform.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.terp.platform.security.Permissions.ADMIN_OPERATIONS;
import static dev.terp.platform.security.Permissions.ADMIN_USERS;
import static dev.terp.platform.security.Permissions.AUDIT_READ;
import static dev.terp.platform.security.Permissions.CLIENTS_READ;
import static dev.terp.platform.security.Permissions.CLIENTS_WRITE;
import static dev.terp.platform.security.Permissions.CREDIT_OVERRIDE;
import static dev.terp.platform.security.Permissions.INVENTORY_READ;
import static dev.terp.platform.security.Permissions.INVENTORY_WRITE;
import static dev.terp.platform.security.Permissions.LEDGER_POST;
import static dev.terp.platform.security.Permissions.LEDGER_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static dev.terp.platform.security.Permissions.ORDERS_READ;
import static dev.terp.platform.security.Permissions.ORDERS_WRITE;
import static dev.terp.platform.security.Permissions.SAVED_VIEWS_WRITE;

/** The one declarative table of who may do what. VIEWER reads everything but the audit trail and writes nothing. */
public final class RolePermissions {

    private static final Set<String> READ_ALL = Permissions.ALL.stream()
            .filter(Permissions::isRead).filter(p -> !p.equals(AUDIT_READ)).collect(Collectors.toUnmodifiableSet());

    private static final Map<Role, Set<String>> TABLE = new EnumMap<>(Map.of(
            Role.ADMIN, Permissions.ALL,
            Role.MANAGER, union(READ_ALL, Set.of(AUDIT_READ, MASTER_DATA_WRITE, INVENTORY_WRITE, ORDERS_WRITE,
                    CLIENTS_WRITE, CREDIT_OVERRIDE, SAVED_VIEWS_WRITE)),
            Role.SALES, Set.of(MASTER_DATA_READ, INVENTORY_READ, ORDERS_READ, ORDERS_WRITE, CLIENTS_READ,
                    CLIENTS_WRITE, SAVED_VIEWS_WRITE),
            Role.WAREHOUSE, Set.of(MASTER_DATA_READ, INVENTORY_READ, INVENTORY_WRITE, ORDERS_READ, SAVED_VIEWS_WRITE),
            Role.ACCOUNTANT, Set.of(MASTER_DATA_READ, INVENTORY_READ, ORDERS_READ, CLIENTS_READ, LEDGER_READ,
                    LEDGER_POST, AUDIT_READ, SAVED_VIEWS_WRITE),
            Role.VIEWER, READ_ALL));

    static {
        if (!TABLE.keySet().containsAll(Set.of(Role.values()))) {
            throw new IllegalStateException("Every role needs a row in the permission table");
        }
        if (TABLE.get(Role.ADMIN).stream().noneMatch(ADMIN_USERS::equals)
                || TABLE.get(Role.ADMIN).stream().noneMatch(ADMIN_OPERATIONS::equals)) {
            throw new IllegalStateException("ADMIN must hold the admin permissions");
        }
    }

    private RolePermissions() {
    }

    public static Set<String> of(Role role) {
        return TABLE.get(role);
    }

    public static boolean grants(Set<Role> roles, String permission) {
        return roles.stream().anyMatch(role -> TABLE.get(role).contains(permission));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
