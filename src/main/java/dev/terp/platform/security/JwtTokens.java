package dev.terp.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import javax.crypto.spec.SecretKeySpec;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import org.springframework.stereotype.Component;

/** Issues HS256 access tokens (Nimbus) and decodes them for the resource server. Pure CPU work, safe on an event loop. */
@Component
public class JwtTokens {

    private static final String ISSUER = "terp";
    private static final String ROLES = "roles";
    private static final String USERNAME = "username";

    static final long CLOCK_SKEW_SECONDS = 30;

    private final MACSigner signer;
    private final ReactiveJwtDecoder decoder;
    private final SecurityProperties properties;
    private final Clock clock;

    public JwtTokens(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        byte[] secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("terp.security.jwt-secret is not usable for HS256", e);
        }
        this.decoder = newDecoder(secret);
    }

    public AccessToken issue(Actor actor) {
        Instant now = Instant.now(clock);
        Instant expiresAt = now.plus(properties.tokenTtl());
        String tokenId = randomTokenId();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(Long.toString(actor.userId()))
                .claim(USERNAME, actor.username())
                .claim(ROLES, actor.roles().stream().map(Role::name).sorted().toList())
                .jwtID(tokenId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return new AccessToken(jwt.serialize(), actor, tokenId, now, expiresAt);
    }

    /**
     * Spring Security's resource server decodes bearer tokens with this: signature (HS256 only), issuer, expiry and
     * not-before with {@value #CLOCK_SKEW_SECONDS} s of clock skew between instances, and the claims this server
     * relies on (subject, token id, issue time).
     */
    public ReactiveJwtDecoder decoder() {
        return decoder;
    }

    /** The token's content once {@link #decoder()} accepted it. */
    public AccessToken accessToken(Jwt jwt) {
        Actor actor = new Actor(Long.parseLong(jwt.getSubject()), jwt.getClaimAsString(USERNAME),
                roles(jwt.getClaimAsStringList(ROLES)));
        return new AccessToken(jwt.getTokenValue(), actor, jwt.getId(), jwt.getIssuedAt(), jwt.getExpiresAt());
    }

    /** The token's content if the decoder accepts it; empty otherwise. */
    public Mono<AccessToken> verify(String token) {
        return decoder.decode(token).map(this::accessToken).onErrorResume(refused -> Mono.empty());
    }

    private ReactiveJwtDecoder newDecoder(byte[] secret) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder
                .withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ofSeconds(CLOCK_SKEW_SECONDS));
        lifetime.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                lifetime,
                new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.IAT, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.JTI, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, JwtTokens::isUserId)));
        return nimbus;
    }

    private static boolean isUserId(String subject) {
        return subject != null && subject.matches("[0-9]{1,18}");
    }

    private static Set<Role> roles(List<String> names) {
        // An unknown role name fails the request (IllegalArgumentException → 401 via the authentication manager).
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> roles.add(Role.valueOf(name)));
        }
        return roles;
    }

    /** Unguessability is not needed (the signature protects the token); SecureRandom could block an event loop. */
    private static String randomTokenId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
