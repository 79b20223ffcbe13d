package dev.terp.platform.config;

import org.junit.jupiter.api.Test;

import dev.terp.identity.AdminProperties;
import dev.terp.platform.ratelimit.RateLimitProperties;
import dev.terp.platform.security.SecurityProperties;
import dev.terp.platform.tx.TransactionProperties;
import dev.terp.platform.web.HttpProperties;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The server refuses to start on bad configuration, and says which setting is wrong. */
class ConfigurationValidationTest {

    private static final String[] VALID = {
            "terp.database.ssl-mode=REQUIRED",
            "terp.transactions.timeout=10s", "terp.transactions.max-retries=3",
            "terp.transactions.first-backoff=20ms", "terp.transactions.max-backoff=500ms",
            "terp.http.max-body-size=1MB",
            "terp.security.jwt-secret=0123456789abcdef0123456789abcdef", "terp.security.token-ttl=15m",
            "terp.admin.username=admin", "terp.admin.password=Sturdy-Passw0rd-2026",
            "terp.rate-limit.api.capacity=100", "terp.rate-limit.api.period=15m",
            "terp.rate-limit.login.capacity=5", "terp.rate-limit.login.period=15m",
            "terp.rate-limit.strict.capacity=10", "terp.rate-limit.strict.period=1m"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(TerpSettings.class)
            .withPropertyValues(VALID);

    @Test
    void startsWithValidSettings() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesAMissingOrUnknownDatabaseTlsMode() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(TerpSettings.class)
                .withPropertyValues(java.util.Arrays.stream(VALID)
                        .filter(setting -> !setting.startsWith("terp.database")).toArray(String[]::new))
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("terp.database", "sslMode"));
        runner.withPropertyValues("terp.database.ssl-mode=SOMETIMES")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("terp.database.ssl-mode", "SOMETIMES"));
    }

    @Test
    void refusesImpossibleTransactionSettings() {
        runner.withPropertyValues("terp.transactions.timeout=-1s")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("terp.transactions.timeout must be positive"));
        runner.withPropertyValues("terp.transactions.max-retries=50")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("maxRetries"));
        runner.withPropertyValues("terp.transactions.first-backoff=1s", "terp.transactions.max-backoff=10ms")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("max-backoff"));
    }

    @Test
    void refusesAnAbsurdBodyLimit() {
        runner.withPropertyValues("terp.http.max-body-size=1GB")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("terp.http.max-body-size"));
    }

    @Test
    void refusesAShortJwtSecret() {
        runner.withPropertyValues("terp.security.jwt-secret=short-secret")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("TERP_SECURITY_JWT_SECRET", "at least 32 bytes"));
        runner.withPropertyValues("terp.security.jwt-secret=")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("TERP_SECURITY_JWT_SECRET", "is required"));
    }

    @Test
    void refusesAMissingOrWeakAdminPasswordOutsideTheLocalProfile() {
        runner.withPropertyValues("terp.admin.password=")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("TERP_ADMIN_PASSWORD", "is required"));
        runner.withPropertyValues("terp.admin.password=admin123")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("TERP_ADMIN_PASSWORD", "not acceptable", "at least 12 characters"));
        runner.withPropertyValues("terp.admin.password=", "terp.admin.generate-if-missing=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesAnAdminPasswordBcryptCannotHashWithTheLimitNamed() {
        // 64 characters, 154 bytes: BCrypt would throw at the first start, in the middle of the bootstrap.
        runner.withPropertyValues("terp.admin.password=Aa1!" + "é€".repeat(30))
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("TERP_ADMIN_PASSWORD", "at most 72 bytes")
                        .doesNotContain("cannot be more than"));
    }

    @Test
    void refusesAWildcardCorsOriginAndAZeroRateLimit() {
        runner.withPropertyValues("terp.security.cors-allowed-origins=*")
                .run(context -> assertThat(failureText(context.getStartupFailure())).contains("'*' is refused"));
        runner.withPropertyValues("terp.rate-limit.login.capacity=0")
                .run(context -> assertThat(failureText(context.getStartupFailure())).contains("at least 1"));
        runner.withPropertyValues("terp.rate-limit.api.block=0")
                .run(context -> assertThat(failureText(context.getStartupFailure())).contains("block must be at least 1"));
        runner.withPropertyValues("terp.rate-limit.login.block=8")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("terp.rate-limit.login.block must be 1"));
        runner.withPropertyValues("terp.rate-limit.block-hold=0s")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("terp.rate-limit.block-hold must be positive"));
        runner.withPropertyValues("terp.rate-limit.block-hold=5m")
                .run(context -> assertThat(failureText(context.getStartupFailure()))
                        .contains("terp.rate-limit.block-hold must be positive and at most"));
        runner.withPropertyValues("terp.rate-limit.api.block=128", "terp.rate-limit.block-hold=2s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RateLimitProperties limits = context.getBean(RateLimitProperties.class);
                    assertThat(limits.api().block()).isEqualTo(128);
                    assertThat(limits.blockHold()).hasSeconds(2);
                    assertThat(limits.strict().block()).as("default: one Redis decision per request").isEqualTo(1);
                });
    }

    @Test
    void refusesADatabaseUrlThatIsNotAnR2dbcUrl() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class))
                .withPropertyValues("spring.r2dbc.url=mysql//db.example:3306/terp")
                .run(context -> assertThat(context).hasFailed());
    }

    private static String failureText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DatabaseProperties.class, TransactionProperties.class, HttpProperties.class,
            SecurityProperties.class, AdminProperties.class, RateLimitProperties.class})
    static class TerpSettings {
    }
}
