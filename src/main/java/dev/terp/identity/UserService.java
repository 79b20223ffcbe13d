package dev.terp.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.identity.api.UserView;
import dev.terp.identity.domain.PasswordPolicy;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.ratelimit.RateLimiter;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.Role;
import dev.terp.platform.security.TokenRevocations;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** User administration (ADMIN). Every change is audited; changes that reduce access revoke the user's tokens. */
@Service
public class UserService {

    static final String RESOURCE = "User";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final TokenRevocations revocations;
    private final RateLimiter rateLimiter;

    UserService(UserRepository users, PasswordHasher hasher, TransactionRunner tx, AuditTrail audit,
            TokenRevocations revocations, RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.users = users;
        this.hasher = hasher;
        this.tx = tx;
        this.audit = audit;
        this.revocations = revocations;
    }

    public Mono<User> get(long id) {
        return users.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    Mono<Page<User>> list(String q, Boolean active, PageRequest page) {
        return users.list(q, active, page).map(rows -> Page.of(rows, page, User::id));
    }

    Mono<User> create(String username, String displayName, String password, List<Role> roles) {
        requireAcceptablePassword(password, username);
        Set<Role> roleSet = EnumSet.copyOf(roles);
        return hasher.hash(password)
                .flatMap(hash -> tx.inRetryingTransaction(() -> users.insert(username, displayName, hash, roleSet)
                        .flatMap(users::findById)
                        .flatMap(user -> audit.record(RESOURCE, user.id(), "CREATED", null, UserView.of(user), null)
                                .thenReturn(user))))
                .onErrorMap(DuplicateKeyException.class,
                        duplicate -> new ConflictException("A user named '" + username + "' already exists"));
    }

    Mono<User> changeRoles(long id, long expectedVersion, List<Role> roles, Actor actor) {
        Set<Role> roleSet = EnumSet.copyOf(roles);
        if (id == actor.userId() && !roleSet.contains(Role.ADMIN)) {
            return Mono.error(new ConflictException("You cannot remove your own ADMIN role"));
        }
        return tx.inRetryingTransaction(() -> users.lockById(id)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                        .flatMap(before -> OptimisticLocking.requireUpdated(
                                        users.updateRoles(id, expectedVersion, roleSet), () -> Mono.just(true),
                                        RESOURCE, id)
                                .then(users.findById(id))
                                .flatMap(after -> audit.record(RESOURCE, id, "ROLES_CHANGED", UserView.of(before),
                                        UserView.of(after), null).thenReturn(after))
                                .flatMap(after -> revocations.revokeAllTokensOf(id).thenReturn(after))));
    }

    Mono<User> setActive(long id, boolean active, Actor actor) {
        if (id == actor.userId() && !active) {
            return Mono.error(new ConflictException("You cannot disable your own account"));
        }
        return tx.inRetryingTransaction(() -> users.lockById(id)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                        .flatMap(before -> users.setActive(id, active)
                                .then(users.clearAllFailedLogins(id))
                                .then(users.findById(id))
                                .flatMap(after -> audit.record(RESOURCE, id, active ? "ENABLED" : "DISABLED",
                                        UserView.of(before), UserView.of(after), null).thenReturn(after))
                                .flatMap(after -> active ? Mono.just(after)
                                        : revocations.revokeAllTokensOf(id).thenReturn(after))));
    }

    Mono<User> resetPassword(long id, String password) {
        return get(id)
                .flatMap(user -> {
                    requireAcceptablePassword(password, user.username());
                    return hasher.hash(password);
                })
                .flatMap(hash -> tx.inRetryingTransaction(() -> users.updatePassword(id, hash)
                        .then(users.clearAllFailedLogins(id))
                        .then(users.findById(id))
                        .flatMap(user -> audit.record(RESOURCE, id, "PASSWORD_RESET", null, null, null)
                                .thenReturn(user))
                        .flatMap(user -> revocations.revokeAllTokensOf(id).thenReturn(user))));
    }

    /**
     * Lifts the login lockout of this account from every client address and refills those addresses' login limits:
     * the way back in for someone (an administrator above all) locked out by failures, theirs or a guesser's.
     * Answers the addresses that were cleared.
     */
    Mono<List<String>> unlock(long id) {
        return tx.inRetryingTransaction(() -> users.lockById(id)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                        .flatMap(user -> users.failedLoginAddresses(id)
                                .flatMap(addresses -> users.clearAllFailedLogins(id)
                                        .then(audit.record(RESOURCE, id, "UNLOCKED", null,
                                                Map.of("clientAddresses", addresses), null))
                                        .thenReturn(new Unlocked(user.username(), addresses)))))
                .flatMap(unlocked -> Flux.fromIterable(unlocked.addresses())
                        .concatMap(address -> rateLimiter.resetLoginAttempts(address, unlocked.username()))
                        .then(Mono.just(unlocked.addresses())));
    }

    private record Unlocked(String username, List<String> addresses) {
    }

    private static void requireAcceptablePassword(String password, String username) {
        List<String> problems = PasswordPolicy.problems(password, username);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(p -> new FieldViolation("password", p)).toList());
        }
    }
}
