package dev.terp.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token and browser-facing security settings, bound to {@code terp.security.*}. The JWT secret has no default: it
 * comes from {@code TERP_SECURITY_JWT_SECRET} (the local and test profiles generate a random one per start).
 * {@code trusted-proxies} ({@code TERP_SECURITY_TRUSTED_PROXIES}) lists the CIDR ranges of the reverse proxies whose
 * {@code Forwarded}/{@code X-Forwarded-For} headers name the client (see {@link ClientAddresses}).
 */
@Validated
@ConfigurationProperties("terp.security")
public record SecurityProperties(
        String jwtSecret,
        @NotNull Duration tokenTtl,
        List<String> corsAllowedOrigins,
        List<String> trustedProxies) {

    public static final int MIN_SECRET_BYTES = 32;

    public SecurityProperties {
        if (jwtSecret == null || jwtSecret.isBlank()) {
            throw new IllegalArgumentException("terp.security.jwt-secret (TERP_SECURITY_JWT_SECRET) is required");
        }
        if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("terp.security.jwt-secret (TERP_SECURITY_JWT_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes for HS256");
        }
        if (tokenTtl != null && (tokenTtl.compareTo(Duration.ofMinutes(1)) < 0
                || tokenTtl.compareTo(Duration.ofHours(12)) > 0)) {
            throw new IllegalArgumentException("terp.security.token-ttl must be between 1 minute and 12 hours, was "
                    + tokenTtl);
        }
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::trim)
                .filter(cidr -> !cidr.isEmpty()).toList();
        trustedProxies.forEach(ClientAddresses::requireCidr);
        if (corsAllowedOrigins.contains("*")) {
            throw new IllegalArgumentException("terp.security.cors-allowed-origins must list origins; '*' is refused");
        }
    }

    @Override
    public String toString() {
        return "SecurityProperties[jwtSecret=<hidden>, tokenTtl=" + tokenTtl + ", corsAllowedOrigins="
                + corsAllowedOrigins + ", trustedProxies=" + trustedProxies + "]";
    }
}
