package dev.terp.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.identity.domain.LoginLockout;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.ratelimit.RateLimiter;
import dev.terp.platform.security.AccessToken;
import dev.terp.platform.security.JwtTokens;
import dev.terp.platform.security.TokenRevocations;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

/**
 * Logging in and out. Wrong password, unknown user, disabled or locked account all get the same 401
 * INVALID_CREDENTIALS (no account enumeration); each outcome is audited. Failed attempts count towards the
 * per-IP+username rate limit and the account lockout; a success resets the lockout counter only.
 */
@Service
class AuthService {

    private static final String RESOURCE = UserService.RESOURCE;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final JwtTokens tokens;
    private final TokenRevocations revocations;
    private final RateLimiter rateLimiter;
    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final Counter loginsSucceeded;
    private final Counter loginsFailed;
    private final Counter loginsLocked;

    AuthService(UserRepository users, PasswordHasher hasher, JwtTokens tokens, TokenRevocations revocations,
            RateLimiter rateLimiter, TransactionRunner tx, AuditTrail audit, Clock clock,
            BusinessTelemetry telemetry) {
        this.loginsSucceeded = telemetry.counter("auth.logins", "outcome", "success");
        this.loginsFailed = telemetry.counter("auth.logins", "outcome", "failure");
        this.loginsLocked = telemetry.counter("auth.logins", "outcome", "locked");
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.revocations = revocations;
        this.rateLimiter = rateLimiter;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<LoggedIn> login(ServerWebExchange exchange, String username, String password) {
        String name = username.trim();
        return rateLimiter.requireLoginAllowed(exchange, name)
                .then(users.findCredentials(name)
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(found -> {
                    String hash = found.map(UserRepository.Credentials::passwordHash).orElse(null);
                    return hasher.matches(password, hash).flatMap(matches -> {
                        if (found.isEmpty()) {
                            return failed(exchange, name, null, "unknown username");
                        }
                        User user = found.get().user();
                        Instant now = Instant.now(clock);
                        if (LoginLockout.isLocked(user.lockedUntil(), now)) {
                            loginsLocked.increment();
                            return failed(exchange, name, user, "account locked");
                        }
                        if (!matches) {
                            return failed(exchange, name, user, "wrong password");
                        }
                        if (!user.active()) {
                            return failed(exchange, name, user, "account disabled");
                        }
                        return succeeded(user, now).doOnNext(loggedIn -> loginsSucceeded.increment());
                    });
                });
    }

    Mono<Void> logout(AccessToken token) {
        return tx.inRetryingTransaction(() -> audit.record(RESOURCE, token.actor().userId(), "LOGOUT", null, null,
                        null)
                .then(revocations.revokeToken(token)));
    }

    private Mono<LoggedIn> succeeded(User user, Instant now) {
        return tx.inRetryingTransaction(() -> users.recordSuccessfulLogin(user.id(), now)
                        .then(audit.recordFor(user.asActor(), RESOURCE, user.id(), "LOGIN_SUCCEEDED", null, null)))
                .then(users.findById(user.id()))
                .map(fresh -> new LoggedIn(fresh, tokens.issue(fresh.asActor())));
    }

    private Mono<LoggedIn> failed(ServerWebExchange exchange, String username, User user, String why) {
        Mono<Void> record = user == null
                ? tx.inRetryingTransaction(() -> audit.record(RESOURCE, null, "LOGIN_FAILED", null,
                        Map.of("username", username), why))
                : tx.inRetryingTransaction(() -> users.lockById(user.id()).flatMap(current -> {
                    int failures = current.failedLoginAttempts() + 1;
                    Instant now = Instant.now(clock);
                    boolean alreadyLocked = LoginLockout.isLocked(current.lockedUntil(), now);
                    Instant lockUntil = alreadyLocked ? current.lockedUntil()
                            : LoginLockout.lockAfterFailure(failures, now);
                    Mono<Void> lockout = lockUntil != null && !alreadyLocked
                            ? audit.recordFor(user.asActor(), RESOURCE, user.id(), "LOCKED_OUT",
                                    Map.of("lockedUntil", lockUntil.toString()), failures + " consecutive failures")
                            : Mono.empty();
                    return users.recordFailedLogin(user.id(), failures, lockUntil)
                            .then(audit.recordFor(user.asActor(), RESOURCE, user.id(), "LOGIN_FAILED", null, why))
                            .then(lockout);
                }));
        if (!"account locked".equals(why)) {
            loginsFailed.increment();
        }
        return record
                .then(rateLimiter.recordFailedLogin(exchange, username))
                .then(Mono.error(new ApiException(ErrorCode.INVALID_CREDENTIALS, "Wrong username or password")));
    }

    record LoggedIn(User user, AccessToken token) {
    }
}
