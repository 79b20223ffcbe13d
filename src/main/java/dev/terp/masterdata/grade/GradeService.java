package dev.terp.masterdata.grade;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.masterdata.grade.api.GradeView;
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
public class GradeService {

    static final String RESOURCE = "Grade";

    private final GradeRepository grades;
    private final TransactionRunner tx;
    private final SortOrders sortOrders;
    private final ReferenceGuard references;
    private final AuditTrail audit;

    GradeService(GradeRepository grades, TransactionRunner tx, SortOrders sortOrders, ReferenceGuard references,
            AuditTrail audit) {
        this.grades = grades;
        this.tx = tx;
        this.sortOrders = sortOrders;
        this.references = references;
        this.audit = audit;
    }

    public Mono<Grade> get(long id) {
        return grades.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /** The grade with this name, case-insensitively; empty when there is none. */
    public Mono<Grade> findByName(String name) {
        return grades.findByName(name);
    }

    public Mono<Page<Grade>> list(String q, Boolean active, PageRequest page) {
        return grades.list(q, active, page).map(rows -> Page.of(rows, page, Grade::id));
    }

    public Mono<Grade> create(GradeDetails details) {
        return tx.inRetryingTransaction(() -> grades.insert(details)
                        .flatMap(grades::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                GradeView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    /** The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. */
    public Mono<Grade> update(long id, long expectedVersion, GradeDetails details) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(grades.update(id, expectedVersion, details),
                                        () -> Mono.just(true), RESOURCE, id)
                                .then(grades.findById(id))
                                .flatMap(after -> audit.record(RESOURCE, id, "UPDATED", GradeView.of(before),
                                        GradeView.of(after), null).thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Grade> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> grades.setActive(id, active)
                        .then(grades.findById(id))
                        .flatMap(after -> audit.record(RESOURCE, id, active ? "ACTIVATED" : "DEACTIVATED",
                                GradeView.of(before), GradeView.of(after), null).thenReturn(after))));
    }

    /**
     * Gives the listed grades sortOrder = their index, all or nothing. Rows are locked in ascending id order (not
     * list order), so two concurrent reorders queue instead of deadlocking. Unlisted grades keep their sortOrder.
     * Each grade that actually moved gets a REORDERED audit row of its own, so a grade's history shows its moves.
     */
    public Mono<List<Grade>> reorder(List<Long> orderedIds) {
        return Mono.fromRunnable(() -> OrderedIds.requireWellFormed(orderedIds))
                .then(tx.inRetryingTransaction(() -> sortOrders.lock(GradeRepository.TABLE, orderedIds, "grade")
                        .then(grades.findByIds(orderedIds))
                        .flatMap(before -> sortOrders.writePositions(GradeRepository.TABLE, orderedIds)
                                .then(grades.findByIds(orderedIds))
                                .flatMap(after -> recordMoves(before, after).thenReturn(after)))))
                .map(found -> SortOrders.inListOrder(orderedIds, found, Grade::id));
    }

    /** Deletes a grade nothing refers to; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> references.requireUnused("grades", RESOURCE, id)
                        .then(grades.delete(id))
                        .then(audit.record(RESOURCE, id, "DELETED", GradeView.of(before), null, null))));
    }

    private Mono<Grade> lockExisting(long id) {
        return grades.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /** Grades already at their new position were not written, so they get no audit row either. */
    private Mono<Void> recordMoves(List<Grade> before, List<Grade> after) {
        Map<Long, Grade> previous = before.stream().collect(Collectors.toMap(Grade::id, Function.identity()));
        return Flux.fromIterable(after)
                .filter(grade -> !Objects.equals(grade.sortOrder(), previous.get(grade.id()).sortOrder()))
                .concatMap(grade -> audit.record(RESOURCE, grade.id(), "REORDERED",
                        GradeView.of(previous.get(grade.id())), GradeView.of(grade), null))
                .then();
    }


    private static ConflictException nameTaken(GradeDetails details) {
        return new ConflictException("A grade named '" + details.name() + "' already exists");
    }
}
