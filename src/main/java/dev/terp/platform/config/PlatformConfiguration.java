package dev.terp.platform.config;

import java.time.Clock;

import io.r2dbc.spi.Option;

import dev.terp.platform.tx.TransactionProperties;

import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** One clock for the whole server, in UTC, so tests can pin time and dates never depend on the host zone. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * r2dbc-mysql's default (PREFERRED) quietly negotiates TLS with MariaDB 11.4, 10-25% slower on loopback; the
     * mode is therefore always stated, whatever the URL (or a Testcontainers connection) says.
     */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer sslModeCustomizer(DatabaseProperties database,
            TransactionProperties transactions) {
        if (database.lockWaitTimeout().compareTo(transactions.timeout()) >= 0) {
            throw new IllegalStateException("terp.database.lock-wait-timeout (" + database.lockWaitTimeout()
                    + ") must be shorter than terp.transactions.timeout (" + transactions.timeout()
                    + "), or lock waits end in the deadline instead of a retry");
        }
        return options -> options.option(Option.valueOf("sslMode"), database.sslMode().name())
                .option(Option.<String[]>valueOf("sessionVariables"),
                        new String[] {"innodb_lock_wait_timeout=" + database.lockWaitTimeout().toSeconds()})
                // Sessions run in UTC, so TIMESTAMP columns read back as UTC whatever the server's zone is.
                .option(Option.valueOf("connectionTimeZone"), "UTC")
                .option(Option.valueOf("forceConnectionTimeZoneToSession"), true);
    }
}
