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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates the first administrator right after the migrations, on the start-up thread and before the server accepts
 * traffic (so readiness never reports UP without an admin). It does nothing once any ADMIN exists.
 */
@Configuration(proxyBeanMethods = false)
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    @Bean
    FlywayMigrationStrategy migrateThenBootstrapAdmin(AdminProperties admin, PasswordHasher hasher) {
        return flyway -> {
            flyway.migrate();
            JdbcTemplate jdbc = new JdbcTemplate(flyway.getConfiguration().getDataSource());
            Integer admins = jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE roles LIKE ?", Integer.class,
                    "%" + Role.ADMIN.name() + "%");
            if (admins != null && admins > 0) {
                return;
            }
            boolean generated = admin.password() == null || admin.password().isBlank();
            String password = generated ? randomPassword() : admin.password();
            jdbc.update("INSERT INTO users (username, display_name, password_hash, roles) VALUES (?, ?, ?, ?)",
                    admin.username(), "Administrator", hasher.hashAtStartup(password), Role.ADMIN.name());
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
        };
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        // The suffix guarantees the character classes the password policy asks for.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-Aa1";
    }
}
