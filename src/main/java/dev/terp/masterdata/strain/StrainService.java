package dev.terp.masterdata.strain;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.strain.domain.StrainCategory;
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

    StrainService(StrainRepository strains, TransactionRunner tx, ReferenceGuard references) {
        this.strains = strains;
        this.tx = tx;
        this.references = references;
    }

    public Mono<Strain> get(long id) {
        return strains.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    public Mono<Page<Strain>> list(String q, StrainCategory category, Boolean active, PageRequest page) {
        return strains.list(q, category, active, page).map(rows -> Page.of(rows, page, Strain::id));
    }

    /** Active strains whose name, standardized name or an alias contains {@code q}, best matches first. */
    public Mono<List<Strain>> search(String q) {
        return strains.search(q, SEARCH_LIMIT);
    }

    public Mono<Strain> create(StrainDetails details) {
        return tx.inRetryingTransaction(() -> strains.insert(details).flatMap(strains::findById))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Strain> update(long id, long expectedVersion, StrainDetails details) {
        return tx.inRetryingTransaction(() -> OptimisticLocking
                        .requireUpdated(strains.update(id, expectedVersion, details), () -> strains.exists(id),
                                RESOURCE, id)
                        .then(strains.findById(id)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Strain> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> strains.setActive(id, active)
                .filter(rows -> rows > 0)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .then(strains.findById(id)));
    }

    /** Deletes a strain no product names; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> strains.lockById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .flatMap(strain -> references.requireUnused("strains", RESOURCE, id))
                .then(strains.delete(id))
                .then());
    }

    private static ConflictException nameTaken(StrainDetails details) {
        return new ConflictException("A strain whose standardized name is '" + details.standardizedName()
                + "' already exists");
    }
}
