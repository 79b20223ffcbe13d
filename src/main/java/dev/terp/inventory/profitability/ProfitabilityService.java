package dev.terp.inventory.profitability;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.CogsCalculator;
import dev.terp.inventory.domain.Profitability;
import dev.terp.inventory.domain.Profitability.Potential;
import dev.terp.inventory.domain.Profitability.Realised;
import dev.terp.inventory.profitability.ProfitabilityRepository.BatchRow;
import dev.terp.inventory.profitability.api.BatchProfitabilityView;
import dev.terp.inventory.profitability.api.ProfitabilityRankingView;
import dev.terp.inventory.profitability.api.ProfitabilitySummaryView;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.web.Decimals;

import org.springframework.stereotype.Service;

/**
 * Batch profitability (domain §3.2 inventory.profitability.batch / top / summary) from the sale lines that
 * {@code ReservationPort.consume} records; the figures are computed by {@link Profitability}. Read-only.
 */
@Service
class ProfitabilityService {

    static final String RESOURCE = "Batch";

    private final ProfitabilityRepository repository;

    ProfitabilityService(ProfitabilityRepository repository) {
        this.repository = repository;
    }

    Mono<BatchProfitabilityView> batch(long batchId) {
        return repository.batch(batchId).map(ProfitabilityService::view)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, batchId)));
    }

    Mono<ProfitabilityRankingView> top(int limit) {
        return repository.top(limit).map(ProfitabilityService::view).collectList().map(ProfitabilityRankingView::new);
    }

    Mono<ProfitabilitySummaryView> summary() {
        return repository.totals().map(totals -> {
            Realised realised = Profitability.realised(totals.sales());
            return new ProfitabilitySummaryView(totals.batchCount(), Decimals.formatQuantity(realised.soldQty()),
                    Decimals.formatMoney(realised.revenue()), Decimals.formatMoney(realised.cost()),
                    Decimals.formatMoney(realised.profit()), Decimals.formatMoney(realised.marginPercent()));
        });
    }

    private static BatchProfitabilityView view(BatchRow row) {
        Realised realised = Profitability.realised(row.sales());
        Potential potential = Profitability.potential(realised, row.onHandQty(), currentUnitCost(row));
        return new BatchProfitabilityView(row.batchId(), row.code(), Decimals.formatQuantity(realised.soldQty()),
                Decimals.formatMoney(realised.revenue()), Decimals.formatMoney(realised.cost()),
                Decimals.formatMoney(realised.profit()), Decimals.formatMoney(realised.marginPercent()),
                Decimals.formatMoney(realised.averagePrice()), Decimals.formatQuantity(potential.onHandQty()),
                Decimals.formatMoney(potential.potentialRevenue()), Decimals.formatMoney(potential.potentialProfit()));
    }

    /** The unit cost basis (RANGE: midpoint); unknown (null) when the batch's COGS settings are incomplete. */
    private static BigDecimal currentUnitCost(BatchRow row) {
        try {
            return CogsCalculator.unitCostBasis(new CogsCalculator.Basis(CogsCalculator.Mode.valueOf(row.cogsMode()),
                    row.unitCogs(), row.unitCogsMin(), row.unitCogsMax()));
        } catch (IllegalArgumentException incomplete) {
            return null;
        }
    }
}
