package dev.terp.platform.config;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Database settings of our own, bound to {@code terp.database.*}. The connection URL and credentials stay the
 * standard {@code spring.r2dbc.*} / {@code spring.flyway.*} properties.
 */
@Validated
@ConfigurationProperties("terp.database")
public record DatabaseProperties(@NotNull SslMode sslMode) {

    /** r2dbc-mysql's TLS modes. Production uses REQUIRED or VERIFY_IDENTITY; DISABLED only on loopback. */
    public enum SslMode {
        DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY
    }
}
