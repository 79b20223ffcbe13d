package dev.terp.platform.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Database settings of our own, bound to {@code terp.database.*}. The connection URL and credentials stay the
 * standard {@code spring.r2dbc.*} / {@code spring.flyway.*} properties. {@code lock-wait-timeout} becomes every
 * session's {@code innodb_lock_wait_timeout}: it must be shorter than the transaction deadline, so that a lock wait
 * ends in error 1205 (which {@code TransactionRunner} retries) rather than in the deadline's 503.
 */
@Validated
@ConfigurationProperties("terp.database")
public record DatabaseProperties(@NotNull SslMode sslMode, @DefaultValue("5s") Duration lockWaitTimeout) {

    public DatabaseProperties {
        if (lockWaitTimeout == null || lockWaitTimeout.toMillis() % 1000 != 0 || lockWaitTimeout.toSeconds() < 1
                || lockWaitTimeout.toSeconds() > 3600) {
            throw new IllegalArgumentException("terp.database.lock-wait-timeout (TERP_DATABASE_LOCK_WAIT_TIMEOUT) must "
                    + "be whole seconds between 1s and 1h, was " + lockWaitTimeout);
        }
    }

    /** r2dbc-mysql's TLS modes. Production uses REQUIRED or VERIFY_IDENTITY; DISABLED only on loopback. */
    public enum SslMode {
        DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY
    }
}
