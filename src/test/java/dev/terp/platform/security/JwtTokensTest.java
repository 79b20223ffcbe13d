package dev.terp.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class JwtTokensTest {

    private static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final JwtTokens tokens = new JwtTokens(properties(SECRET), clock);
    private final Actor alice = new Actor(7, "alice", Set.of(Role.SALES, Role.VIEWER));

    @Test
    void aTokenCarriesTheActorAndItsLifetime() {
        AccessToken issued = tokens.issue(alice);

        tokens.verify(issued.value())
                .as(StepVerifier::create)
                .assertNext(verified -> {
                    assertThat(verified.actor()).isEqualTo(alice);
                    assertThat(verified.tokenId()).isEqualTo(issued.tokenId());
                    assertThat(verified.expiresAt()).isEqualTo(Instant.parse("2026-11-25T12:15:00Z"));
                })
                .verifyComplete();
    }

    @Test
    void expiredTamperedForeignAndUnsignedTokensAreRefused() {
        String token = tokens.issue(alice).value();

        // Within the clock skew an expired token still passes; past it, it does not.
        JwtTokens justAfter = new JwtTokens(properties(SECRET), Clock.offset(clock, Duration.ofMinutes(15).plusSeconds(20)));
        justAfter.verify(token).as(StepVerifier::create).expectNextCount(1).verifyComplete();
        JwtTokens later = new JwtTokens(properties(SECRET), Clock.offset(clock, Duration.ofMinutes(16)));
        refused(later.verify(token));

        JwtTokens otherSecret = new JwtTokens(properties("another-secret-that-is-also-32-bytes-long!"), clock);
        refused(otherSecret.verify(token));

        String[] parts = token.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("SALES", "ADMIN").getBytes());
        refused(tokens.verify(parts[0] + "." + forgedClaims + "." + parts[2]));

        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        refused(tokens.verify(noneHeader + "." + parts[1] + "."));
        refused(tokens.verify("not a token"));
    }

    @Test
    void aShortSecretIsRefusedAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties("too-short"))
                .hasMessageContaining("at least 32 bytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties(""))
                .hasMessageContaining("TERP_SECURITY_JWT_SECRET");
    }

    /** A refused token verifies to nothing: empty, not an error. */
    private static void refused(reactor.core.publisher.Mono<AccessToken> verification) {
        verification.as(StepVerifier::create).verifyComplete();
    }

    private static SecurityProperties properties(String secret) {
        return new SecurityProperties(secret, Duration.ofMinutes(15), List.of(), List.of());
    }
}
