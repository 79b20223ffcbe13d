package dev.terp.identity;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.terp.audit.StartupAudit;
import dev.terp.platform.security.Role;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates the first administrator right after the migrations, on the start-up thread and before the server accepts
 * traffic (so readiness never reports UP without an admin). It does nothing once any ADMIN exists.
 *
 * <p>Replicas starting together against an empty database all see no administrator and all try to create one; the
 * unique username decides: one insert wins, the others meet the duplicate key, find the winner's administrator and
 * carry on. No lock to take or forget to release, the same on MySQL 8 and MariaDB.
 */
@Configuration(proxyBeanMethods = false)
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    @Bean
    FlywayMigrationStrategy migrateThenBootstrapAdmin(AdminProperties admin, PasswordHasher hasher) {
        return flyway -> {
            flyway.migrate();
            createFirstAdministrator(new JdbcTemplate(flyway.getConfiguration().getDataSource()), admin, hasher);
        };
    }

    /** Creates the first administrator unless one exists; true if this call created it. */
    static boolean createFirstAdministrator(JdbcTemplate jdbc, AdminProperties admin, PasswordHasher hasher) {
        if (administrators(jdbc) > 0) {
            return false;
        }
        boolean generated = admin.password() == null || admin.password().isBlank();
        String password = generated ? randomPassword() : admin.password();
        try {
            jdbc.update("INSERT INTO users (username, display_name, password_hash, roles) VALUES (?, ?, ?, ?)",
                    admin.username(), "Administrator", hasher.hashAtStartup(password), Role.ADMIN.name());
        } catch (DuplicateKeyException taken) {
            if (administrators(jdbc) > 0) {
                log.info("First administrator created by another instance starting at the same time");
                return false;
            }
            throw new IllegalStateException("No administrator exists and the username '" + admin.username()
                    + "' (TERP_ADMIN_USERNAME) belongs to a user without the ADMIN role; choose another", taken);
        }
        Long id = jdbc.queryForObject("SELECT id FROM users WHERE username = ?", Long.class, admin.username());
        StartupAudit.recordCreated(jdbc, "User", id, "first administrator created at start-up");
        if (generated) {
            log.warn("""

                    ==========================================================================
                      First administrator created for this local database:
                        username  {}
                        password  {}
                      It is shown only now. Set TERP_ADMIN_PASSWORD to choose your own.
                    ==========================================================================""",
                    admin.username(), password);
        } else {
            log.info("First administrator '{}' created", admin.username());
        }
        return true;
    }

    private static int administrators(JdbcTemplate jdbc) {
        Integer admins = jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE roles LIKE ?", Integer.class,
                "%" + Role.ADMIN.name() + "%");
        return admins == null ? 0 : admins;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        // The suffix guarantees the character classes the password policy asks for.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-Aa1";
    }
}
