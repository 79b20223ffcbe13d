package dev.terp.platform.security;

import java.time.Instant;

/** A verified (or just issued) bearer token: who it speaks for, its id for revocation, and its lifetime. */
public record AccessToken(String value, Actor actor, String tokenId, Instant issuedAt, Instant expiresAt) {
}
