package dev.terp.inventory.view;

import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.inventory.view.api.InventoryViewResponse;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.security.Ownership;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.stereotype.Service;

/** Saved batch-list filters: personal, optionally visible to everyone, changeable only by their owner. */
@Service
public class InventoryViewService {

    static final String RESOURCE = "InventoryView";

    private final InventoryViewRepository views;
    private final TransactionRunner tx;
    private final JsonMapper json;

    InventoryViewService(InventoryViewRepository views, TransactionRunner tx, JsonMapper json) {
        this.views = views;
        this.tx = tx;
        this.json = json;
    }

    public Mono<Page<InventoryViewResponse>> list(PageRequest page) {
        return RequestContext.actingUser().flatMap(actor -> views.listVisibleTo(actor.userId(), page))
                .map(rows -> Page.of(rows, page, InventoryView::id).map(this::toResponse));
    }

    /** The owner is the token's user, never a value from the request (D-02). */
    public Mono<InventoryViewResponse> create(String name, Map<String, Object> filters, boolean shared) {
        Map<String, Object> clean = ViewFilters.normalise(filters);
        String stored = json.writeValueAsString(clean);
        return RequestContext.actingUser().flatMap(actor -> tx.inRetryingTransaction(() -> views
                        .insert(name.trim(), stored, shared, actor.userId())
                        .flatMap(views::findById)))
                .map(this::toResponse);
    }

    /** Someone else's view answers 404 even when shared, so its id reveals nothing (Ownership). */
    public Mono<Void> delete(long id) {
        return RequestContext.actingUser().flatMap(actor -> tx.inRetryingTransaction(() -> views.lockById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .flatMap(view -> {
                    Ownership.requireOwner(actor, view.ownerId(), RESOURCE, id);
                    return views.delete(id);
                })))
                .then();
    }

    @SuppressWarnings("unchecked")
    private InventoryViewResponse toResponse(InventoryView view) {
        Map<String, Object> filters = json.readValue(view.filters(), Map.class);
        return new InventoryViewResponse(view.id(), view.name(), filters, view.shared(), view.ownerId(),
                view.version(), view.createdAt(), view.updatedAt());
    }
}
