package dev.terp.identity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String COLUMNS = "id, username, display_name, roles, active, failed_login_attempts, "
            + "locked_until, last_login_at, version, created_at, updated_at";

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
        return db.sql("UPDATE users SET active = :active, failed_login_attempts = 0, locked_until = NULL, "
                        + "version = version + 1 WHERE id = :id")
                .bind("active", active).bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> updatePassword(long id, String passwordHash) {
        return db.sql("UPDATE users SET password_hash = :hash, failed_login_attempts = 0, locked_until = NULL, "
                        + "version = version + 1 WHERE id = :id")
                .bind("hash", passwordHash).bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> recordSuccessfulLogin(long id, Instant at) {
        return db.sql("UPDATE users SET failed_login_attempts = 0, locked_until = NULL, last_login_at = :at "
                        + "WHERE id = :id")
                .bind("at", utc(at)).bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> recordFailedLogin(long id, int failures, Instant lockedUntil) {
        return db.sql("UPDATE users SET failed_login_attempts = :failures, locked_until = :lockedUntil WHERE id = :id")
                .bind("failures", failures)
                .bind("lockedUntil", Parameter.fromOrEmpty(lockedUntil == null ? null : utc(lockedUntil),
                        LocalDateTime.class))
                .bind("id", id)
                .fetch().rowsUpdated();
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
                row.get("failed_login_attempts", Integer.class),
                Rows.instant(row, "locked_until"),
                Rows.instant(row, "last_login_at"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }

    record Credentials(User user, String passwordHash) {
    }
}
