package dev.terp.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RolePermissionsTest {

    @Test
    void viewersReadEverythingButTheAuditTrailAndWriteNothing() {
        assertThat(RolePermissions.of(Role.VIEWER)).allMatch(Permissions::isRead)
                .contains(Permissions.MASTER_DATA_READ, Permissions.LEDGER_READ)
                .doesNotContain(Permissions.AUDIT_READ);
    }

    @Test
    void onlyAdministratorsManageUsers() {
        for (Role role : Role.values()) {
            assertThat(RolePermissions.of(role).contains(Permissions.ADMIN_USERS)).as(role.name())
                    .isEqualTo(role == Role.ADMIN);
        }
        assertThat(RolePermissions.of(Role.ADMIN)).containsAll(Permissions.ALL);
    }

    @Test
    void eachRoleGrantsWhatItsJobNeeds() {
        assertThat(RolePermissions.grants(java.util.Set.of(Role.WAREHOUSE), Permissions.INVENTORY_WRITE)).isTrue();
        assertThat(RolePermissions.grants(java.util.Set.of(Role.WAREHOUSE), Permissions.LEDGER_POST)).isFalse();
        assertThat(RolePermissions.grants(java.util.Set.of(Role.ACCOUNTANT), Permissions.LEDGER_POST)).isTrue();
        assertThat(RolePermissions.grants(java.util.Set.of(Role.SALES), Permissions.ORDERS_WRITE)).isTrue();
        assertThat(RolePermissions.grants(java.util.Set.of(Role.SALES), Permissions.MASTER_DATA_WRITE)).isFalse();
        assertThat(RolePermissions.grants(java.util.Set.of(Role.MANAGER), Permissions.CREDIT_OVERRIDE)).isTrue();
    }
}
