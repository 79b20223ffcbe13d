package dev.terp.masterdata.strain;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.masterdata.strain.api.StrainView;
import dev.terp.masterdata.strain.domain.StrainCategory;
import dev.terp.masterdata.strain.domain.StrainNames;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.persistence.ReferenceGuard;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

@Service
public class StrainService {

    static final String RESOURCE = "Strain";

    /** TERP's {@code strains.search} answered at most 20 matches; enough for a picker. */
    public static final int SEARCH_LIMIT = 20;

    private final StrainRepository strains;
    private final TransactionRunner tx;
    private final ReferenceGuard references;
    private final AuditTrail audit;

    StrainService(StrainRepository strains, TransactionRunner tx, ReferenceGuard references, AuditTrail audit) {
        this.strains = strains;
        this.tx = tx;
        this.references = references;
        this.audit = audit;
    }

    public Mono<Strain> get(long id) {
        return strains.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /** The strain whose standardized name matches this name's ("blue  DREAM" finds "Blue Dream"); may be empty. */
    public Mono<Strain> findByName(String name) {
        return strains.findByStandardizedName(StrainNames.standardize(name));
    }

    public Mono<Page<Strain>> list(String q, StrainCategory category, Boolean active, PageRequest page) {
        return strains.list(q, category, active, page).map(rows -> Page.of(rows, page, Strain::id));
    }

    /** Active strains whose name, standardized name or an alias contains {@code q}, best matches first. */
    public Mono<List<Strain>> search(String q) {
        return strains.search(q, SEARCH_LIMIT);
    }

    public Mono<Strain> create(StrainDetails details) {
        return tx.inRetryingTransaction(() -> strains.insert(details)
                        .flatMap(strains::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                StrainView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    /** The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. */
    public Mono<Strain> update(long id, long expectedVersion, StrainDetails details) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(strains.update(id, expectedVersion, details),
                                        () -> Mono.just(true), RESOURCE, id)
                                .then(strains.findById(id))
                                .flatMap(after -> audit.record(RESOURCE, id, "UPDATED", StrainView.of(before),
                                        StrainView.of(after), null).thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Strain> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> strains.setActive(id, active)
                        .then(strains.findById(id))
                        .flatMap(after -> audit.record(RESOURCE, id, active ? "ACTIVATED" : "DEACTIVATED",
                                StrainView.of(before), StrainView.of(after), null).thenReturn(after))));
    }

    /** Deletes a strain no product names; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> references.requireUnused("strains", RESOURCE, id)
                        .then(strains.delete(id))
                        .then(audit.record(RESOURCE, id, "DELETED", StrainView.of(before), null, null))));
    }

    private Mono<Strain> lockExisting(long id) {
        return strains.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    private static ConflictException nameTaken(StrainDetails details) {
        return new ConflictException("A strain whose standardized name is '" + details.standardizedName()
                + "' already exists");
    }
}
