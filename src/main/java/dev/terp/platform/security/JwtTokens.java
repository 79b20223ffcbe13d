package dev.terp.platform.security;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.stereotype.Component;

/** Issues and verifies HS256 access tokens (Nimbus). Pure CPU work, safe on an event loop. */
@Component
public class JwtTokens {

    private static final String ISSUER = "terp";
    private static final String ROLES = "roles";
    private static final String USERNAME = "username";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final SecurityProperties properties;
    private final Clock clock;

    public JwtTokens(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        byte[] secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("terp.security.jwt-secret is not usable for HS256", e);
        }
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

    /** The token's content if its signature, algorithm, issuer and lifetime check out; empty otherwise. */
    public Optional<AccessToken> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now(clock);
            if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || claims.getIssueTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)
                    || claims.getJWTID() == null) {
                return Optional.empty();
            }
            Actor actor = new Actor(Long.parseLong(claims.getSubject()), claims.getStringClaim(USERNAME),
                    roles(claims.getStringListClaim(ROLES)));
            return Optional.of(new AccessToken(token, actor, claims.getJWTID(), claims.getIssueTime().toInstant(),
                    claims.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Set<Role> roles(List<String> names) {
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
