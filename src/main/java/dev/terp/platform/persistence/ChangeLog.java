package dev.terp.platform.persistence;

import reactor.core.publisher.Mono;

/**
 * Where {@link SimpleTable} records what it changed: the audit module implements it (platform knows no business
 * module). Joins the caller's transaction, so the row exists exactly when the change was committed.
 */
public interface ChangeLog {

    Mono<Void> record(String entity, Long entityId, AuditAction action, Object before, Object after, String reason);
}
