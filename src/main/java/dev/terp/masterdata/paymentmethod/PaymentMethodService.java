package dev.terp.masterdata.paymentmethod;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodView;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.persistence.ReferenceGuard;
import dev.terp.platform.persistence.SortOrders;
import dev.terp.platform.tx.TransactionRunner;
import dev.terp.platform.web.OrderedIds;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

@Service
public class PaymentMethodService {

    static final String RESOURCE = "Payment method";
    /** The audit trail names entities in PascalCase; {@link #RESOURCE} is the wording of error messages. */
    static final String AUDIT_ENTITY = "PaymentMethod";

    private final PaymentMethodRepository methods;
    private final TransactionRunner tx;
    private final SortOrders sortOrders;
    private final ReferenceGuard references;
    private final AuditTrail audit;

    PaymentMethodService(PaymentMethodRepository methods, TransactionRunner tx, SortOrders sortOrders,
            ReferenceGuard references, AuditTrail audit) {
        this.methods = methods;
        this.tx = tx;
        this.sortOrders = sortOrders;
        this.references = references;
        this.audit = audit;
    }

    public Mono<PaymentMethod> get(long id) {
        return methods.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /** {@code code} must already be normalised (upper-case). */
    public Mono<PaymentMethod> getByCode(String code) {
        return methods.findByCode(code).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, code)));
    }

    public Mono<Page<PaymentMethod>> list(String q, Boolean active, PageRequest page) {
        return methods.list(q, active, page).map(rows -> Page.of(rows, page, PaymentMethod::id));
    }

    public Mono<PaymentMethod> create(PaymentMethodDetails details) {
        return tx.inRetryingTransaction(() -> methods.insert(details)
                        .flatMap(methods::findById)
                        .flatMap(created -> audit.record(AUDIT_ENTITY, created.id(), "CREATED", null,
                                PaymentMethodView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> codeTaken(details));
    }

    /** The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. */
    public Mono<PaymentMethod> update(long id, long expectedVersion, PaymentMethodDetails details) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(methods.update(id, expectedVersion, details),
                                        () -> Mono.just(true), RESOURCE, id)
                                .then(methods.findById(id))
                                .flatMap(after -> audit.record(AUDIT_ENTITY, id, "UPDATED",
                                        PaymentMethodView.of(before), PaymentMethodView.of(after), null)
                                        .thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> codeTaken(details));
    }

    public Mono<PaymentMethod> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> methods.setActive(id, active)
                        .then(methods.findById(id))
                        .flatMap(after -> audit.record(AUDIT_ENTITY, id, active ? "ACTIVATED" : "DEACTIVATED",
                                PaymentMethodView.of(before), PaymentMethodView.of(after), null)
                                .thenReturn(after))));
    }

    /**
     * Gives the listed methods sortOrder = their index, all or nothing. Rows are locked in ascending id order (not
     * list order), so two concurrent reorders queue instead of deadlocking. Unlisted methods keep their sortOrder.
     * Each method that actually moved gets a REORDERED audit row of its own, so a method's history shows its moves.
     */
    public Mono<List<PaymentMethod>> reorder(List<Long> orderedIds) {
        return Mono.fromRunnable(() -> OrderedIds.requireWellFormed(orderedIds))
                .then(tx.inRetryingTransaction(() -> sortOrders
                        .lock(PaymentMethodRepository.TABLE, orderedIds, "payment method")
                        .then(methods.findByIds(orderedIds))
                        .flatMap(before -> sortOrders.writePositions(PaymentMethodRepository.TABLE, orderedIds)
                                .then(methods.findByIds(orderedIds))
                                .flatMap(after -> recordMoves(before, after).thenReturn(after)))))
                .map(found -> SortOrders.inListOrder(orderedIds, found, PaymentMethod::id));
    }

    /**
     * Creates whichever of the ten default methods are missing, leaving existing ones (even renamed or deactivated)
     * as they are, and records a SEEDED audit row for each one it created. Safe to call concurrently: the unique
     * code key, not a prior read, decides what is missing.
     */
    public Mono<SeedResult> seedDefaults() {
        return tx.inRetryingTransaction(() -> Flux.fromIterable(DefaultPaymentMethods.ALL)
                .concatMap(method -> methods.insertIfMissing(method)
                        .filter(inserted -> inserted)
                        .flatMap(inserted -> methods.findByCode(method.code()))
                        .flatMap(created -> audit.record(AUDIT_ENTITY, created.id(), "SEEDED", null,
                                PaymentMethodView.of(created), null).thenReturn(created)))
                .count()
                .flatMap(created -> methods.findByCodes(DefaultPaymentMethods.CODES)
                        .map(defaults -> new SeedResult(created, inDefaultOrder(defaults)))));
    }

    /** Deletes a payment method nothing refers to; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> references.requireUnused("payment_methods", RESOURCE, id)
                        .then(methods.delete(id))
                        .then(audit.record(AUDIT_ENTITY, id, "DELETED", PaymentMethodView.of(before), null,
                                null))));
    }

    /** The outcome of {@link #seedDefaults()}: how many were created now, and every default as it stands. */
    public record SeedResult(long created, List<PaymentMethod> defaults) {
    }

    private Mono<PaymentMethod> lockExisting(long id) {
        return methods.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /** Methods already at their new position were not written, so they get no audit row either. */
    private Mono<Void> recordMoves(List<PaymentMethod> before, List<PaymentMethod> after) {
        Map<Long, PaymentMethod> previous = before.stream()
                .collect(Collectors.toMap(PaymentMethod::id, Function.identity()));
        return Flux.fromIterable(after)
                .filter(method -> !Objects.equals(method.sortOrder(), previous.get(method.id()).sortOrder()))
                .concatMap(method -> audit.record(AUDIT_ENTITY, method.id(), "REORDERED",
                        PaymentMethodView.of(previous.get(method.id())), PaymentMethodView.of(method), null))
                .then();
    }


    private static List<PaymentMethod> inDefaultOrder(List<PaymentMethod> found) {
        // Codes compare case-insensitively in the database (collation), so they do here too.
        Map<String, PaymentMethod> byCode = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        found.forEach(method -> byCode.put(method.code(), method));
        return DefaultPaymentMethods.CODES.stream().map(byCode::get).filter(method -> method != null).toList();
    }

    private static ConflictException codeTaken(PaymentMethodDetails details) {
        return new ConflictException("A payment method with code '" + details.code() + "' already exists");
    }
}
