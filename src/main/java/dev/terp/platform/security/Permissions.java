package dev.terp.platform.security;

import java.util.Set;

/** Permission names that routes declare; {@link RolePermissions} grants them to roles. */
public final class Permissions {

    /** Marks the one route that needs no token: logging in. */
    public static final String PUBLIC = "public";
    /** Any authenticated user (their own profile, logging out). */
    public static final String AUTHENTICATED = "authenticated";

    public static final String MASTER_DATA_READ = "masterdata:read";
    public static final String MASTER_DATA_WRITE = "masterdata:write";
    public static final String INVENTORY_READ = "inventory:read";
    public static final String INVENTORY_WRITE = "inventory:write";
    public static final String ORDERS_READ = "orders:read";
    public static final String ORDERS_WRITE = "orders:write";
    public static final String CLIENTS_READ = "clients:read";
    public static final String CLIENTS_WRITE = "clients:write";
    public static final String LEDGER_READ = "ledger:read";
    public static final String LEDGER_POST = "ledger:post";
    public static final String CREDIT_OVERRIDE = "credit:override";
    public static final String AUDIT_READ = "audit:read";
    public static final String ADMIN_USERS = "admin:users";
    public static final String ADMIN_OPERATIONS = "admin:operations";
    /** Saving and deleting one's own saved views (every role that writes anything). */
    public static final String SAVED_VIEWS_WRITE = "views:write";

    public static final Set<String> ALL = Set.of(MASTER_DATA_READ, MASTER_DATA_WRITE, INVENTORY_READ,
            INVENTORY_WRITE, ORDERS_READ, ORDERS_WRITE, CLIENTS_READ, CLIENTS_WRITE, LEDGER_READ, LEDGER_POST,
            CREDIT_OVERRIDE, AUDIT_READ, ADMIN_USERS, ADMIN_OPERATIONS, SAVED_VIEWS_WRITE);

    private Permissions() {
    }

    public static boolean isRead(String permission) {
        return permission.endsWith(":read");
    }
}
