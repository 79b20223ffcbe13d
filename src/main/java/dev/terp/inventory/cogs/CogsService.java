package dev.terp.inventory.cogs;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.inventory.batch.BatchCostPort;
import dev.terp.domain.Rounding;
import dev.terp.inventory.cogs.api.CogsView;
import dev.terp.inventory.domain.CogsCalculator;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.VersionConflictException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.tx.TransactionRunner;
import dev.terp.platform.web.Decimals;

import org.springframework.stereotype.Service;

/**
 * COGS of a batch (domain §4.3, D-16): read, preview the profit impact of a change, change it with history and
 * audit, list the history. "Past sales" of a batch are its recorded sales ({@code batch_sales}, written by
 * {@code ReservationPort.consume}); their quantity is the impact preview's {@code quantitySold}. A recorded sale's
 * cost is never rewritten: a retroactive change writes correction records ({@code cogs_corrections}) instead.
 */
@Service
class CogsService {

    static final String RESOURCE = "Batch";

    /** Which sales a change applies to, and the history's change type for it. */
    enum ApplyTo {
        PAST_SALES("RETROACTIVE"), FUTURE_SALES("PROSPECTIVE"), BOTH("BOTH");

        final String changeType;

        ApplyTo(String changeType) {
            this.changeType = changeType;
        }

        boolean includesPast() {
            return this != FUTURE_SALES;
        }
    }

    /**
     * The preview of a change: the cost bases and their difference, the quantity sold, and profitImpact = −Σ of the
     * corrections a retroactive change would write (each sale from the cost it carries now, rounded per sale as the
     * corrections are), so the preview is what PAST_SALES or BOTH will do to reported profit.
     */
    record Impact(BigDecimal oldUnitCostBasis, BigDecimal newUnitCostBasis, BigDecimal perUnitChange,
            BigDecimal quantitySold, BigDecimal profitImpact) {
    }

    private final CogsRepository cogs;
    private final BatchCostPort costs;
    private final TransactionRunner tx;
    private final AuditTrail audit;

    CogsService(CogsRepository cogs, BatchCostPort costs, TransactionRunner tx, AuditTrail audit) {
        this.costs = costs;
        this.cogs = cogs;
        this.tx = tx;
        this.audit = audit;
    }

    Mono<CogsSettings> get(long batchId) {
        return cogs.find(batchId).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, batchId)));
    }

    Mono<Impact> impact(long batchId, BigDecimal newUnitCogs, BigDecimal newMin, BigDecimal newMax) {
        return get(batchId).flatMap(current -> {
            CogsChange change = CogsValidation.check(current.mode(), newUnitCogs, newMin, newMax);
            BigDecimal newBasis = CogsCalculator.unitCostBasis(change.basis());
            // A preview, so two plain reads; a sale recorded in between is in the change's own count, not here.
            return cogs.saleTotals(batchId).flatMap(sales -> cogs.correctionTotal(batchId, newBasis)
                    .map(corrections -> new Impact(current.unitCostBasis(), newBasis,
                            newBasis.subtract(current.unitCostBasis()), sales.quantity(),
                            Rounding.money(corrections.negate()))));
        });
    }

    /**
     * One retrying transaction: lock the batch row, check the change against the batch's mode and the client's
     * version, write the new cost, a history row (its affected sales: the recorded sales a retroactive change
     * corrects, 0 for FUTURE_SALES) and an audit row; PAST_SALES and BOTH also write one correction per recorded sale
     * whose current cost differs from the new one (quantity × (new − current), {@code cogs_corrections}). Recorded
     * sales keep the cost they were sold at, so what was reported and posted stays traceable and the correction is
     * what the accounting module posts. The acting user is the token's.
     */
    Mono<CogsSettings> update(long batchId, BigDecimal newUnitCogs, BigDecimal newMin, BigDecimal newMax,
            ApplyTo applyTo, String reason, long expectedVersion) {
        return tx.inRetryingTransaction(() -> RequestContext.actingUser().flatMap(actor -> cogs.lock(batchId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, batchId)))
                .flatMap(before -> {
                    CogsChange change = CogsValidation.check(before.mode(), newUnitCogs, newMin, newMax);
                    if (before.version() != expectedVersion) {
                        return Mono.error(new VersionConflictException());
                    }
                    return OptimisticLocking.requireUpdated(writeCost(batchId, change, expectedVersion),
                                    () -> cogs.exists(batchId), RESOURCE, batchId)
                            .then(cogs.find(batchId))
                            .flatMap(after -> (applyTo.includesPast()
                                    ? cogs.countSalesToCorrect(batchId, after.unitCostBasis())
                                    : Mono.just(0L)).flatMap(affected -> cogs.insertHistory(
                                            new CogsHistoryEntry(0, batchId, before.unitCostBasis(),
                                                    after.unitCostBasis(), before.unitCogsMin(), after.unitCogsMin(),
                                                    before.unitCogsMax(), after.unitCogsMax(), applyTo.changeType,
                                                    reason, Math.toIntExact(affected), actor.userId(), null))
                                    .flatMap(historyId -> affected == 0 ? Mono.just(0L)
                                            : cogs.insertCorrections(batchId, historyId, after.unitCostBasis(),
                                                    actor.userId()))
                                    .then(audit.record(RESOURCE, batchId, "COGS_CHANGED", view(before), view(after),
                                            reason))
                                    .thenReturn(after)));
                })));
    }

    Mono<Page<CogsHistoryEntry>> history(long batchId, PageRequest page) {
        return get(batchId).then(cogs.history(batchId, page)).map(rows -> Page.of(rows, page, CogsHistoryEntry::id));
    }

    static CogsView view(CogsSettings settings) {
        return new CogsView(settings.batchId(), settings.mode().name(), money(settings.unitCogs()),
                money(settings.unitCogsMin()), money(settings.unitCogsMax()), money(settings.unitCostBasis()),
                settings.version());
    }

    /** COGS settings are scale-2 columns and the basis is rounded by the calculator: formatting never rounds. */
    static String money(BigDecimal value) {
        return Decimals.formatMoney(value);
    }

    /** Writes only the columns of the change's mode; the others keep their values. */
    private Mono<Long> writeCost(long batchId, CogsChange change, long expectedVersion) {
        return change.mode() == CogsCalculator.Mode.FIXED
                ? costs.setUnitCost(batchId, change.unitCogs(), expectedVersion)
                : costs.setCostRange(batchId, change.min(), change.max(), expectedVersion);
    }
}
