package dev.terp.support;

import java.util.Map;
import java.util.Set;

import dev.terp.identity.AdminProperties;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.JwtTokens;
import dev.terp.platform.security.Role;

/** Bearer tokens for tests: the real administrator's, or one per role for made-up users. */
public class TestTokens {

    private static final long FIRST_ROLE_USER_ID = 900_000_000L;

    private final JwtTokens tokens;
    private final TestDatabase db;
    private final AdminProperties admin;
    private volatile String adminToken;

    public TestTokens(JwtTokens tokens, TestDatabase db, AdminProperties admin) {
        this.tokens = tokens;
        this.db = db;
        this.admin = admin;
    }

    public String admin() {
        if (adminToken == null) {
            long id = db.value("SELECT id FROM users WHERE username = :username",
                    Map.of("username", admin.username()), Long.class);
            adminToken = tokens.issue(new Actor(id, admin.username(), Set.of(Role.ADMIN))).value();
        }
        return adminToken;
    }

    /** A token for a user that holds only this role (the user id is made up; tokens are not checked against the DB). */
    public String forRole(Role role) {
        return tokens.issue(new Actor(FIRST_ROLE_USER_ID + role.ordinal(), "test-" + role.name().toLowerCase(),
                Set.of(role))).value();
    }

    public String forUser(long id, String username, Set<Role> roles) {
        return tokens.issue(new Actor(id, username, roles)).value();
    }

    public String adminUsername() {
        return admin.username();
    }

    public String adminPassword() {
        return admin.password();
    }
}
