package dev.terp.audit;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.audit.api.AuditEntryView;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;

import org.springframework.stereotype.Service;

/** Reading the audit trail. */
@Service
class AuditService {

    private final AuditRepository audit;
    private final JsonMapper json;

    AuditService(AuditRepository audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    Mono<Page<AuditEntryView>> search(AuditQuery query, PageRequest page) {
        return audit.search(query, page)
                .map(rows -> Page.of(rows, page, AuditEntry::id).map(this::view));
    }

    private AuditEntryView view(AuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.occurredAt(), entry.actorId(), entry.actorUsername(),
                entry.entity(), entry.entityId(), entry.action(), parse(entry.before()), parse(entry.after()),
                entry.reason(), entry.ipAddress(), entry.userAgent(), entry.traceId());
    }

    private JsonNode parse(String state) {
        return state == null ? null : json.readTree(state);
    }
}
