package dev.terp.platform.security;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The durable side of token revocation: {@code token_revocations} (owned by platform.security). */
@Repository
class TokenRevocationRepository {

    private final DatabaseClient db;

    TokenRevocationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(Revocation revocation) {
        return db.sql("INSERT INTO token_revocations (user_id, token_id, revoked_at_second, expires_at) "
                        + "VALUES (:userId, :tokenId, :revokedAt, :expiresAt)")
                .bind("userId", revocation.userId())
                .bind("tokenId", Parameter.fromOrEmpty(revocation.tokenId(), String.class))
                .bind("revokedAt", revocation.revokedAtSecond())
                .bind("expiresAt", utc(revocation.expiresAt()))
                .then();
    }

    /** Every revocation that can still refuse a token. */
    Flux<Revocation> unexpired(Instant now) {
        return db.sql("SELECT user_id, token_id, revoked_at_second, expires_at FROM token_revocations "
                        + "WHERE expires_at > :now ORDER BY id")
                .bind("now", utc(now))
                .map((row, meta) -> new Revocation(row.get("user_id", Long.class), row.get("token_id", String.class),
                        row.get("revoked_at_second", Long.class),
                        row.get("expires_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .all();
    }

    Mono<Long> deleteExpired(Instant now) {
        return db.sql("DELETE FROM token_revocations WHERE expires_at <= :now")
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * One revocation: a single token ({@code tokenId}) or, with {@code tokenId} null, every token of the user issued
     * at or before {@code revokedAtSecond} (epoch seconds, the resolution of a token's {@code iat}).
     */
    record Revocation(long userId, String tokenId, long revokedAtSecond, Instant expiresAt) {

        boolean refuses(AccessToken token) {
            if (token.actor().userId() != userId) {
                return false;
            }
            return tokenId != null ? tokenId.equals(token.tokenId())
                    : token.issuedAt().getEpochSecond() <= revokedAtSecond;
        }
    }
}
