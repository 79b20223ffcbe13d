package dev.terp.identity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;
import dev.terp.platform.security.Role;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS = "id, username, display_name, roles, active, last_login_at, version, "
            + "created_at, updated_at";
    /** Longer than any IP literal (45); an address is cut rather than a login failing on the column width. */
    private static final int ADDRESS_WIDTH = 64;

    private final DatabaseClient db;

    UserRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<User> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").bind("id", id)
                .map(UserRepository::toUser).one();
    }

    Mono<User> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id" + LockMode.WAIT.clause()).bind("id", id)
                .map(UserRepository::toUser).one();
    }

    /** The account and its password hash, for logging in. */
    Mono<Credentials> findCredentials(String username) {
        return db.sql("SELECT " + COLUMNS + ", password_hash FROM users WHERE username = :username")
                .bind("username", username)
                .map(row -> new Credentials(toUser(row), row.get("password_hash", String.class)))
                .one();
    }

    Mono<List<User>> list(String q, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM users WHERE id > :after"
                        + (q == null ? "" : " AND (username LIKE :q OR display_name LIKE :q)")
                        + (active == null ? "" : " AND active = :active")
                        + " ORDER BY id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (q != null) {
            spec = spec.bind("q", Like.contains(q));
        }
        if (active != null) {
            spec = spec.bind("active", active);
        }
        return spec.map(UserRepository::toUser).all().collectList();
    }

    Mono<Long> insert(String username, String displayName, String passwordHash, Set<Role> roles) {
        return db.sql("INSERT INTO users (username, display_name, password_hash, roles) "
                        + "VALUES (:username, :displayName, :hash, :roles)")
                .bind("username", username)
                .bind("displayName", displayName)
                .bind("hash", passwordHash)
                .bind("roles", rolesColumn(roles))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> updateRoles(long id, long expectedVersion, Set<Role> roles) {
        return db.sql("UPDATE users SET roles = :roles, version = version + 1 WHERE id = :id AND version = :version")
                .bind("roles", rolesColumn(roles)).bind("id", id).bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE users SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active).bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> updatePassword(long id, String passwordHash) {
        return db.sql("UPDATE users SET password_hash = :hash, version = version + 1 WHERE id = :id")
                .bind("hash", passwordHash).bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> recordSuccessfulLogin(long id, Instant at) {
        return db.sql("UPDATE users SET last_login_at = :at WHERE id = :id")
                .bind("at", utc(at)).bind("id", id)
                .fetch().rowsUpdated();
    }

    /** Until when logins of this account from this address are refused; empty when they are not. */
    Mono<Instant> lockedUntil(long id, String clientAddress) {
        return db.sql("SELECT locked_until FROM login_lockouts WHERE user_id = :id AND client_address = :address")
                .bind("id", id).bind("address", address(clientAddress))
                .map(row -> Optional.ofNullable(Rows.instant(row, "locked_until")))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Counts one more consecutive failure of this account from this address and answers the row as it is now. The
     * upsert takes the row's lock, so concurrent failures count one after another; call inside a transaction.
     */
    Mono<LoginFailures> countFailedLogin(long id, String clientAddress) {
        String address = address(clientAddress);
        return db.sql("INSERT INTO login_lockouts (user_id, client_address, failed_attempts) "
                        + "VALUES (:id, :address, 1) ON DUPLICATE KEY UPDATE failed_attempts = failed_attempts + 1")
                .bind("id", id).bind("address", address)
                .fetch().rowsUpdated()
                .then(db.sql("SELECT failed_attempts, locked_until FROM login_lockouts "
                                + "WHERE user_id = :id AND client_address = :address")
                        .bind("id", id).bind("address", address)
                        .map(row -> new LoginFailures(row.get("failed_attempts", Integer.class),
                                Rows.instant(row, "locked_until")))
                        .one());
    }

    Mono<Long> lockLogins(long id, String clientAddress, Instant until) {
        return db.sql("UPDATE login_lockouts SET locked_until = :until WHERE user_id = :id "
                        + "AND client_address = :address")
                .bind("until", utc(until)).bind("id", id).bind("address", address(clientAddress))
                .fetch().rowsUpdated();
    }

    Mono<Long> clearFailedLogins(long id, String clientAddress) {
        return db.sql("DELETE FROM login_lockouts WHERE user_id = :id AND client_address = :address")
                .bind("id", id).bind("address", address(clientAddress))
                .fetch().rowsUpdated();
    }

    /** The addresses this account has failures or a lock from; for the unlock, which clears them all. */
    Mono<List<String>> failedLoginAddresses(long id) {
        return db.sql("SELECT client_address FROM login_lockouts WHERE user_id = :id ORDER BY client_address"
                        + LockMode.WAIT.clause())
                .bind("id", id)
                .map(row -> row.get("client_address", String.class))
                .all().collectList();
    }

    Mono<Long> clearAllFailedLogins(long id) {
        return db.sql("DELETE FROM login_lockouts WHERE user_id = :id").bind("id", id)
                .fetch().rowsUpdated();
    }

    private static String address(String clientAddress) {
        return clientAddress.length() <= ADDRESS_WIDTH ? clientAddress : clientAddress.substring(0, ADDRESS_WIDTH);
    }

    static String rolesColumn(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(column.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static User toUser(Readable row) {
        return new User(
                Rows.id(row, "id"),
                row.get("username", String.class),
                row.get("display_name", String.class),
                roles(row.get("roles", String.class)),
                Rows.bool(row, "active"),
                Rows.instant(row, "last_login_at"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }

    record Credentials(User user, String passwordHash) {
    }

    /** Consecutive failed logins of one account from one address, and the lock they led to (null if none). */
    record LoginFailures(int failedAttempts, Instant lockedUntil) {
    }
}
