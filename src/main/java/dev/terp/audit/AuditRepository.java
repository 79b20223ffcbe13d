package dev.terp.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Inserts and reads audit rows; there is deliberately no update or delete. */
@Repository
class AuditRepository {

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_username, entity, entity_id, action, "
            + "before_state, after_state, reason, ip_address, user_agent, trace_id";

    private final DatabaseClient db;

    AuditRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(AuditTrail.NewAuditEntry entry) {
        return db.sql("INSERT INTO audit_logs (actor_id, actor_username, entity, entity_id, action, before_state, "
                        + "after_state, reason, ip_address, user_agent, trace_id) VALUES (:actorId, :actorUsername, "
                        + ":entity, :entityId, :action, :before, :after, :reason, :ip, :userAgent, :traceId)")
                .bind("actorId", Parameter.fromOrEmpty(entry.actor() == null ? null : entry.actor().userId(),
                        Long.class))
                .bind("actorUsername", Parameter.fromOrEmpty(entry.actor() == null ? null : entry.actor().username(),
                        String.class))
                .bind("entity", entry.entity())
                .bind("entityId", Parameter.fromOrEmpty(entry.entityId(), Long.class))
                .bind("action", entry.action())
                .bind("before", Parameter.fromOrEmpty(entry.before(), String.class))
                .bind("after", Parameter.fromOrEmpty(entry.after(), String.class))
                .bind("reason", Parameter.fromOrEmpty(entry.reason(), String.class))
                .bind("ip", Parameter.fromOrEmpty(entry.ipAddress(), String.class))
                .bind("userAgent", Parameter.fromOrEmpty(entry.userAgent(), String.class))
                .bind("traceId", Parameter.fromOrEmpty(entry.traceId(), String.class))
                .then();
    }

    /** Newest first; the cursor holds the last id seen, so the next page continues below it. */
    Mono<List<AuditEntry>> search(AuditQuery query, PageRequest page) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM audit_logs WHERE 1 = 1"
                        + (page.afterId() > 0 ? " AND id < :before" : "")
                        + (query.entity() == null ? "" : " AND entity = :entity")
                        + (query.entityId() == null ? "" : " AND entity_id = :entityId")
                        + (query.actorId() == null ? "" : " AND actor_id = :actorId")
                        + (query.from() == null ? "" : " AND occurred_at >= :from")
                        + (query.to() == null ? "" : " AND occurred_at < :to")
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("limit", page.fetchSize());
        if (page.afterId() > 0) {
            spec = spec.bind("before", page.afterId());
        }
        if (query.entity() != null) {
            spec = spec.bind("entity", query.entity());
        }
        if (query.entityId() != null) {
            spec = spec.bind("entityId", query.entityId());
        }
        if (query.actorId() != null) {
            spec = spec.bind("actorId", query.actorId());
        }
        if (query.from() != null) {
            spec = spec.bind("from", utc(query.from()));
        }
        if (query.to() != null) {
            spec = spec.bind("to", utc(query.to()));
        }
        return spec.map(AuditRepository::toEntry).all().collectList();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static AuditEntry toEntry(Readable row) {
        return new AuditEntry(
                Rows.id(row, "id"),
                Rows.instant(row, "occurred_at"),
                row.get("actor_id", Long.class),
                row.get("actor_username", String.class),
                row.get("entity", String.class),
                row.get("entity_id", Long.class),
                row.get("action", String.class),
                row.get("before_state", String.class),
                row.get("after_state", String.class),
                row.get("reason", String.class),
                row.get("ip_address", String.class),
                row.get("user_agent", String.class),
                row.get("trace_id", String.class));
    }
}
