package dev.terp.audit;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.platform.persistence.AuditAction;
import dev.terp.platform.persistence.ChangeLog;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;

import org.springframework.stereotype.Service;

/**
 * The audit port every module writes through. It joins the caller's transaction, so an audit row exists exactly
 * when the change it describes was committed. Actor, IP, user agent and traceId come from the request's
 * {@link RequestContext}, never from the caller's arguments (D-02).
 */
@Service
public class AuditTrail implements ChangeLog {

    private final AuditRepository audit;
    private final JsonMapper json;

    AuditTrail(AuditRepository audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /**
     * Records a change. {@code entity} is the singular PascalCase resource name ({@code Vendor}, {@code Batch});
     * {@code before}/{@code after} are serialised as JSON (null when absent, e.g. before a creation).
     */
    public Mono<Void> record(String entity, Long entityId, String action, Object before, Object after, String reason) {
        return RequestContext.current()
                .defaultIfEmpty(new RequestContext(null, null, null, null))
                .flatMap(context -> audit.insert(new NewAuditEntry(context.actorIfAny().orElse(null), entity,
                        entityId, action, toJson(before), toJson(after), reason, context.ipAddress(),
                        truncate(context.userAgent(), 512), context.traceId())));
    }

    @Override
    public Mono<Void> record(String entity, Long entityId, AuditAction action, Object before, Object after,
            String reason) {
        return record(entity, entityId, action.name(), before, after, reason);
    }

    /** Records an event whose actor is known although the request is not (yet) authenticated: a login. */
    public Mono<Void> recordFor(Actor actor, String entity, Long entityId, String action, Object after,
            String reason) {
        return RequestContext.current()
                .defaultIfEmpty(new RequestContext(null, null, null, null))
                .flatMap(context -> audit.insert(new NewAuditEntry(actor, entity, entityId, action, null,
                        toJson(after), reason, context.ipAddress(), truncate(context.userAgent(), 512),
                        context.traceId())));
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    record NewAuditEntry(Actor actor, String entity, Long entityId, String action, String before, String after,
            String reason, String ipAddress, String userAgent, String traceId) {
    }
}
