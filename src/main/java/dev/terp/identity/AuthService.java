package dev.terp.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.identity.domain.LoginLockout;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.ratelimit.RateLimiter;
import dev.terp.platform.security.AccessToken;
import dev.terp.platform.security.ClientAddresses;
import dev.terp.platform.security.JwtTokens;
import dev.terp.platform.security.TokenRevocations;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

/**
 * Logging in and out. Wrong password, unknown user, disabled or locked account all get the same 401
 * INVALID_CREDENTIALS (no account enumeration); each outcome is audited.
 *
 * <p>Two guards against guessing, both per account + client address (the trusted-proxy-aware one from
 * {@link ClientAddresses}), so that nobody can lock an account, the administrator's above all, for everyone else:
 * the login rate limit (Redis), whose attempt is taken before the password is checked and given back on success, so
 * a parallel burst reaches the password check at most its capacity times; and the lockout (database, survives a
 * Redis outage), which refuses an address after {@link LoginLockout#THRESHOLD} consecutive failures until it expires,
 * a success from that address, or an administrator's unlock.
 */
@Service
class AuthService {

    private static final String RESOURCE = UserService.RESOURCE;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final JwtTokens tokens;
    private final TokenRevocations revocations;
    private final RateLimiter rateLimiter;
    private final ClientAddresses clientAddresses;
    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final Counter loginsSucceeded;
    private final Counter loginsFailed;
    private final Counter loginsLocked;

    AuthService(UserRepository users, PasswordHasher hasher, JwtTokens tokens, TokenRevocations revocations,
            RateLimiter rateLimiter, ClientAddresses clientAddresses, TransactionRunner tx, AuditTrail audit,
            Clock clock, BusinessTelemetry telemetry) {
        this.loginsSucceeded = telemetry.counter("auth.logins", "outcome", "success");
        this.loginsFailed = telemetry.counter("auth.logins", "outcome", "failure");
        this.loginsLocked = telemetry.counter("auth.logins", "outcome", "locked");
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.revocations = revocations;
        this.rateLimiter = rateLimiter;
        this.clientAddresses = clientAddresses;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<LoggedIn> login(ServerWebExchange exchange, String username, String password) {
        String name = username.trim();
        String address = clientAddresses.of(exchange);
        return rateLimiter.takeLoginAttempt(exchange, name)
                .then(users.findCredentials(name)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .flatMap(found -> {
                    String hash = found.map(UserRepository.Credentials::passwordHash).orElse(null);
                    return hasher.matches(password, hash).flatMap(matches -> {
                        if (found.isEmpty()) {
                            return failed(name, null, address, "unknown username");
                        }
                        User user = found.get().user();
                        return users.lockedUntil(user.id(), address).map(Optional::of)
                                .defaultIfEmpty(Optional.empty())
                                .flatMap(lockedUntil -> {
                                    Instant now = Instant.now(clock);
                                    if (LoginLockout.isLocked(lockedUntil.orElse(null), now)) {
                                        loginsLocked.increment();
                                        return failed(name, user, address, "account locked for this address");
                                    }
                                    if (!matches) {
                                        return failed(name, user, address, "wrong password");
                                    }
                                    if (!user.active()) {
                                        return failed(name, user, address, "account disabled");
                                    }
                                    return succeeded(user, address, now)
                                            .flatMap(loggedIn -> rateLimiter.refundLoginAttempt(exchange, name)
                                                    .thenReturn(loggedIn))
                                            .doOnNext(loggedIn -> loginsSucceeded.increment());
                                });
                    });
                });
    }

    Mono<Void> logout(AccessToken token) {
        return tx.inRetryingTransaction(() -> audit.record(RESOURCE, token.actor().userId(), "LOGOUT", null, null,
                        null)
                .then(revocations.revokeToken(token)));
    }

    private Mono<LoggedIn> succeeded(User user, String address, Instant now) {
        return tx.inRetryingTransaction(() -> users.recordSuccessfulLogin(user.id(), now)
                        .then(users.clearFailedLogins(user.id(), address))
                        .then(audit.recordFor(user.asActor(), RESOURCE, user.id(), "LOGIN_SUCCEEDED", null, null)))
                .then(users.findById(user.id()))
                .map(fresh -> new LoggedIn(fresh, tokens.issue(fresh.asActor())));
    }

    private Mono<LoggedIn> failed(String username, User user, String address, String why) {
        Mono<Void> record = user == null
                ? tx.inRetryingTransaction(() -> audit.record(RESOURCE, null, "LOGIN_FAILED", null,
                        Map.of("username", username), why))
                : tx.inRetryingTransaction(() -> users.countFailedLogin(user.id(), address).flatMap(current -> {
                    Instant now = Instant.now(clock);
                    boolean alreadyLocked = LoginLockout.isLocked(current.lockedUntil(), now);
                    Instant lockUntil = alreadyLocked ? null
                            : LoginLockout.lockAfterFailure(current.failedAttempts(), now);
                    Mono<Void> lockout = lockUntil == null ? Mono.empty()
                            : users.lockLogins(user.id(), address, lockUntil)
                                    .then(audit.recordFor(user.asActor(), RESOURCE, user.id(), "LOCKED_OUT",
                                            Map.of("lockedUntil", lockUntil.toString(), "clientAddress", address),
                                            current.failedAttempts() + " consecutive failures from " + address));
                    return audit.recordFor(user.asActor(), RESOURCE, user.id(), "LOGIN_FAILED", null, why)
                            .then(lockout);
                }));
        if (!why.startsWith("account locked")) {
            loginsFailed.increment();
        }
        return record.then(Mono.error(new ApiException(ErrorCode.INVALID_CREDENTIALS, "Wrong username or password")));
    }

    record LoggedIn(User user, AccessToken token) {
    }
}
