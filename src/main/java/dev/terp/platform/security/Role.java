package dev.terp.platform.security;

/** The roles of api-conventions §4; what each may do is {@link RolePermissions}. */
public enum Role {
    ADMIN, MANAGER, SALES, WAREHOUSE, ACCOUNTANT, VIEWER
}
